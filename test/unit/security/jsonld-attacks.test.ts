import { beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../../lib/index.js';
import type { FetchLike } from '../../../lib/io/types.js';
import type { VerificationReport } from '../../../lib/report.js';
import { jsonServer } from '../../support/jose-context.js';
import { newKey, openBadge, signDi as signObDi } from '../formats/vc-di/sign.js';
import { newIssuer, sampleVc, signDi, type TestIssuer } from './sign-di.js';

/**
 * JSON-LD attacks on Data Integrity credentials: contexts that are not shipped, protected terms
 * redefined, content that drops out of the canonical form, keys whose controller is not the issuer,
 * status lists and refresh services that answer for someone else. Every remote read goes to a fetch
 * seam that records it, so "never fetched" is observed, not assumed.
 */

const AT = new Date('2026-06-01T00:00:00Z');

const online = (fetch: FetchLike) => ({ fetch, at: AT, network: { resolveHost: async () => ['93.184.215.14'] } });

function codeOf(report: VerificationReport, id: string): string | undefined {
  return report.checks.find((c) => c.id === id)?.code;
}

describe('JSON-LD attacks on Data Integrity credentials', () => {
  let issuer: TestIssuer;
  beforeAll(() => {
    issuer = newIssuer();
  });

  it('a context that is not shipped is never fetched, even online, and the credential is unverifiable', async () => {
    const evil = 'https://attacker.example/context.jsonld';
    const unsecured = sampleVc(issuer.did);
    const fetch = jsonServer({ [evil]: { '@context': { name: 'https://schema.org/name' } } });
    // Signed with the evil context: the signature would be valid if the context were loaded.
    const withEvil = { ...unsecured, '@context': [...(unsecured['@context'] as string[]), evil] };
    const report = await verify({ ...withEvil, proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', verificationMethod: issuer.method, proofPurpose: 'assertionMethod', proofValue: 'z1111' } }, online(fetch));
    expect(codeOf(report, 'proof')).toBe('DI_CONTEXT_UNKNOWN');
    // What was signed cannot be read, so who made it cannot be told: unverifiable, never verified.
    expect(report.verdict).toBe('unverifiable');
    expect(fetch.calls.filter((u) => u.startsWith('https://attacker.example'))).toEqual([]);
  });

  it('an unknown context is not fetched under eddsa-jcs-2022 either (no canonicalisation needs it, the guard still holds)', async () => {
    const evil = 'https://attacker.example/jcs-context.jsonld';
    const unsecured = { ...sampleVc(issuer.did), '@context': ['https://www.w3.org/ns/credentials/v2', evil] };
    const signed = await signDi(unsecured, issuer, 'eddsa-jcs-2022');
    const fetch = jsonServer();
    const report = await verify(signed, online(fetch));
    expect(codeOf(report, 'proof')).toBe('DI_CONTEXT_UNKNOWN');
    // What was signed cannot be read, so who made it cannot be told: unverifiable, never verified.
    expect(report.verdict).toBe('unverifiable');
    expect(fetch.calls).toEqual([]);
  });

  it('an inline context that redefines a protected VC term (name) is rejected', async () => {
    const signed = await signDi(sampleVc(issuer.did), issuer);
    const attacked = { ...signed, '@context': [...(signed['@context'] as unknown[]), { name: 'https://attacker.example/name' }] };
    const report = await verify(attacked, { offline: true, at: AT });
    expect(codeOf(report, 'proof')).toBe('DI_CONTEXT_INVALID');
    expect(report.verdict).toBe('invalid');
  });

  it('redefining a term the credential type scopes (issuer) changes nothing that is signed: the type-scoped definition wins', async () => {
    const signed = await signDi(sampleVc(issuer.did), issuer);
    const attacked = { ...signed, '@context': [...(signed['@context'] as unknown[]), { issuer: 'https://attacker.example/issuer' }] };
    const report = await verify(attacked, { offline: true, at: AT });
    expect(codeOf(report, 'proof')).toBe('DI_PROOF_VALID');
    expect(report.credential?.issuer?.id).toBe(issuer.did);
  });

  it('an inline @vocab that would give meaning to an added member still breaks the signature', async () => {
    const signed = await signDi(sampleVc(issuer.did), issuer);
    const attacked = { ...signed, '@context': [...(signed['@context'] as unknown[]), { '@vocab': 'https://attacker.example/#' }], degree: 'PhD' };
    const report = await verify(attacked, { offline: true, at: AT });
    expect(report.verdict).toBe('invalid');
  });

  it('a member the contexts do not define (it would drop out of the canonical form) is rejected in safe mode', async () => {
    // Only the VC 2.0 context, which has no @vocab (the examples context has one and would give `grade` a meaning).
    const { '@context': _examples, type: _type, ...rest } = sampleVc(issuer.did);
    const plain = { ...rest, '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], credentialSubject: { id: 'did:example:learner' } };
    const signed = await signDi(plain, issuer);
    expect((await verify(signed, { offline: true, at: AT })).checks.find((c) => c.id === 'proof')?.code).toBe('DI_PROOF_VALID');
    const report = await verify({ ...signed, grade: 'A+' }, { offline: true, at: AT });
    expect(codeOf(report, 'proof')).toBe('DI_UNDEFINED_TERM');
    expect(report.verdict).toBe('invalid');
  });

  it.each(['@index', '@none', '@version', '@protected', '@vocab', '@base', '@embed', '@explicit', '@default', '@preserve', '@omitDefault', '@requireAll', '@container', '@prefix'])(
    'a %s member, which JSON-LD drops before signing (even in safe mode), is rejected instead of verified',
    async (keyword) => {
      const signed = await signDi(sampleVc(issuer.did), issuer);
      const subject = { ...(signed.credentialSubject as Record<string, unknown>), [keyword]: 'Summa cum laude' };
      const report = await verify({ ...signed, credentialSubject: subject }, { offline: true, at: AT });
      expect(codeOf(report, 'proof')).toBe('DI_UNDEFINED_TERM');
      expect(report.verdict).toBe('invalid');
    },
  );

  it('a keyword member hidden in the proof options is rejected too', async () => {
    const signed = await signDi(sampleVc(issuer.did), issuer);
    const report = await verify({ ...signed, proof: { ...(signed.proof as Record<string, unknown>), '@index': 'x' } }, { offline: true, at: AT });
    expect(report.verdict).toBe('invalid');
  });

  it('a proof by a key whose controller is not the issuer is rejected (another did:key signs for the issuer)', async () => {
    const attacker = newIssuer();
    const signed = await signDi(sampleVc(issuer.did), attacker);
    const report = await verify(signed, { offline: true, at: AT });
    expect(report.verdict).not.toBe('verified');
    expect(report.verdict).not.toBe('warning');
    expect(report.checks.find((c) => c.id === 'issuer-key')?.status).not.toBe('pass');
  });

  it('a verificationMethod URL of the attacker for a did:web issuer is not trusted (the key must come from the issuer\'s DID document)', async () => {
    const attacker = newIssuer();
    const fetch = jsonServer({
      'https://attacker.example/keys/1': { id: 'https://attacker.example/keys/1', type: 'Multikey', controller: 'did:web:issuer.example', publicKeyMultibase: attacker.method.split('#')[1] },
      'https://issuer.example/.well-known/did.json': { '@context': 'https://www.w3.org/ns/did/v1', id: 'did:web:issuer.example' },
    });
    const signed = await signDi(sampleVc('did:web:issuer.example'), attacker, 'eddsa-rdfc-2022', { verificationMethod: 'https://attacker.example/keys/1' });
    const report = await verify(signed, online(fetch));
    expect(['invalid', 'unverifiable']).toContain(report.verdict);
  });

  it('a status list served and signed by someone other than the issuer never makes the status pass', async () => {
    const attacker = newIssuer();
    const listUrl = 'https://attacker.example/status/1';
    const { gzipSync } = await import('node:zlib');
    const encodedList = `u${Buffer.from(gzipSync(new Uint8Array(16 * 1024))).toString('base64url')}`;
    const list = await signDi(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: listUrl,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: attacker.did,
        validFrom: '2026-01-01T00:00:00Z',
        credentialSubject: { id: `${listUrl}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList },
      },
      attacker,
    );
    const credential = await signDi(
      {
        ...sampleVc(issuer.did),
        credentialStatus: { id: `${listUrl}#7`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '7', statusListCredential: listUrl },
      },
      issuer,
    );
    const report = await verify(credential, online(jsonServer({ [listUrl]: list })));
    expect(codeOf(report, 'status')).toBe('STATUS_LIST_UNVERIFIED');
    expect(report.verdict).not.toBe('verified');
  });

  it('a refresh service that returns another genuine credential of the same issuer is not used: the original stands and the check warns', async () => {
    const key = newKey();
    const refreshUrl = 'https://issuer.example/refresh/1';
    const contexts = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json'];
    const original = await signObDi(openBadge(key.did, { '@context': contexts, refreshService: { id: refreshUrl, type: '1EdTechCredentialRefresh' } }), key);
    const other = await signObDi(openBadge(key.did, { id: 'urn:uuid:00000000-0000-4000-8000-000000000bad', name: 'Rocket Science Badge' }), key);
    const fetch = jsonServer({ [refreshUrl]: other });
    const report = await verify(original, online(fetch));
    expect(fetch.calls).toContain(refreshUrl);
    expect(codeOf(report, 'refresh')).toBe('REFRESH_FAILED');
    expect(report.credential?.title).toBe('Teamwork Badge');
    expect(report.verdict).toBe('warning');
  });
});
