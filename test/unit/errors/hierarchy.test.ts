import { describe, expect, it } from 'vitest';
import { CredlensError, InputError, IoError, UsageError } from '../../../lib/errors.js';
import { ContainerError } from '../../../lib/input/container-error.js';
import { KeyMaterialError } from '../../../lib/keys/key-material.js';
import { ContextInvalidError, ContextUnknownError } from '../../../lib/proofs/data-integrity/document-loader.js';
import { UnsignedKeywordError } from '../../../lib/proofs/data-integrity/dropped-keywords.js';
import { StatusListDecodeError } from '../../../lib/status/decompress.js';
import { TrainingRegistryError } from '../../../lib/training-registry/parse.js';
import { TrustListError } from '../../../lib/trust/list.js';
import { failure, ok } from '../../../lib/util/result.js';

describe('one error hierarchy (docs/errors.md)', () => {
  const cases: Array<[Error, string, string | undefined]> = [
    [new UsageError('bad argument'), 'USAGE', undefined],
    [new IoError('IO_TIMEOUT', 'https://example.org/', 'timed out'), 'IO_TIMEOUT', undefined],
    [new InputError('INPUT_TOO_DEEP', 'too deep'), 'INPUT_TOO_DEEP', 'INPUT_TOO_DEEP'],
    [new ContainerError('BAKED_MALFORMED', 'not a badge', { where: 'iTXt' }), 'CONTAINER', 'BAKED_MALFORMED'],
    [new KeyMaterialError('unsupported', 'Ed448'), 'KEY_MATERIAL', 'KEY_TYPE_UNSUPPORTED'],
    [new KeyMaterialError('invalid', 'not on the curve'), 'KEY_MATERIAL', 'KEY_MATERIAL_INVALID'],
    [new ContextUnknownError('https://example.org/ctx'), 'JSONLD_REFUSED', 'DI_CONTEXT_UNKNOWN'],
    [new ContextInvalidError('https://example.org/ctx', new Error('x')), 'JSONLD_REFUSED', 'DI_CONTEXT_INVALID'],
    [new UnsignedKeywordError('@index', '$.credentialSubject'), 'JSONLD_REFUSED', 'DI_UNDEFINED_TERM'],
    [new StatusListDecodeError('too-large', 'too large'), 'STATUS_LIST_DECODE', undefined],
    [new TrustListError('issuers must be an array'), 'TRUST_LIST', undefined],
    [new TrainingRegistryError('not a registry'), 'TRAINING_REGISTRY_INVALID', undefined],
  ];

  it.each(cases)('%s has its stable code and the check it becomes', (error, code, check) => {
    expect(error).toBeInstanceOf(CredlensError);
    expect((error as CredlensError).code).toBe(code);
    expect((error as CredlensError).check).toBe(check);
    expect(error.name).toBe(error.constructor.name);
  });

  it('keeps the facts a container error was given', () => {
    expect(new ContainerError('BAKED_MALFORMED', 'not a badge', { where: 'iTXt' }).details).toEqual({ where: 'iTXt' });
  });
});

describe('Result', () => {
  it('carries the value or the check code of the failure', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(failure('SEAL_MALFORMED', 'no signatures')).toEqual({ ok: false, check: { code: 'SEAL_MALFORMED', message: 'no signatures' } });
    expect(failure('SEAL_SIGNATURE_INVALID', 'changed', { alg: 'ES256' }).check.details).toEqual({ alg: 'ES256' });
  });
});
