import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verify, memoryBundle } from '../../../lib/index.js';
import type { VerificationReport } from '../../../lib/index.js';

const AT = new Date('2026-11-28T00:00:00Z');
const vector = (path: string) => readFileSync(new URL(`../../vectors/${path}`, import.meta.url), 'utf8').trim();
const codeOf = (report: VerificationReport, id: string) => report.checks.find((c) => c.id === id)?.code;
const offline = { offline: true, at: AT } as const;

describe('walt.id CLI VC-JWT samples (waltid-identity, see test/vectors/waltid-cli/SOURCE.md)', () => {
  it('rejects the good sample: its signer (iss) is not the issuer the vc claims (CLAIMS_MISMATCH), and the card never shows the claimed one', async () => {
    const report = await verify(vector('waltid-cli/openbadgecredential_sample.signed.json'), offline);
    expect(report.format).toBe('vc-jwt');
    expect(codeOf(report, 'proof')).toBe('PROOF_VALID');
    expect(codeOf(report, 'issuer-key')).toBe('KEY_VALID');
    expect(codeOf(report, 'validity')).toBe('VALIDITY_OK');
    // iss did:key:z6Mkp7… but vc.issuer.id did:example:123 ("Jobs for the Future"): the key's holder
    // is not the issuer the credential shows (docs/jose.md "Claims"), so it is not to be relied on.
    expect(codeOf(report, 'claims')).toBe('CLAIMS_MISMATCH');
    expect(report.credential?.issuer?.id).toBe('did:key:z6Mkp7AVwvWxnsNDuSSbf19sgKzrx223WY95AqZyAGifFVyV');
    expect(report.verdict).toBe('invalid');
  });

  it('rejects the sample with a bad signature (PROOF_INVALID_SIGNATURE)', async () => {
    const report = await verify(vector('waltid-cli/openbadgecredential_sample.signed.badsignature.json'), offline);
    expect(codeOf(report, 'proof')).toBe('PROOF_INVALID_SIGNATURE');
    expect(report.verdict).toBe('invalid');
  });

  it('rejects the expired sample and says when it expired', async () => {
    const report = await verify(vector('waltid-cli/openbadgecredential_sample.expired.signed.json'), offline);
    expect(codeOf(report, 'proof')).toBe('PROOF_VALID');
    const validity = report.checks.find((c) => c.id === 'validity');
    expect(validity?.code).toBe('VALIDITY_EXPIRED');
    expect(validity?.message).toContain('2023-07-21T07:05:44.000Z');
    expect(report.verdict).toBe('invalid');
  });

  it('rejects the not-yet-valid sample (VALIDITY_NOT_YET_VALID)', async () => {
    const report = await verify(vector('waltid-cli/openbadgecredential_sample.invalidnotbefore.signed.json'), offline);
    expect(codeOf(report, 'proof')).toBe('PROOF_VALID');
    expect(codeOf(report, 'validity')).toBe('VALIDITY_NOT_YET_VALID');
    expect(report.verdict).toBe('invalid');
  });

  it('classifies the educational ID as an EBSI attestation and rejects it: signed by a did:key for a did:ebsi issuer, and expired', async () => {
    const report = await verify(vector('waltid-cli/verifiable_educational_id_sample.signed.json'), offline);
    expect(report.format).toBe('ebsi-jwt');
    expect(codeOf(report, 'proof')).toBe('PROOF_VALID');
    expect(codeOf(report, 'claims')).toBe('CLAIMS_MISMATCH');
    expect(codeOf(report, 'validity')).toBe('VALIDITY_EXPIRED');
    expect(report.verdict).toBe('invalid');
  });
});

describe('IETF SD-JWT VC draft examples (see test/vectors/oauth-sd-jwt-vc/SOURCE.md)', () => {
  const issuerKey = JSON.parse(vector('oauth-sd-jwt-vc/issuer-key.jwk.json')) as Record<string, unknown>;
  const metadata = (kid?: string) => ({
    'https://example.com/.well-known/jwt-vc-issuer/issuer': { issuer: 'https://example.com/issuer', jwks: { keys: [{ ...issuerKey, ...(kid ? { kid } : {}) }] } },
  });

  it('is unverifiable without the issuer\'s published key: kid "doc-signer-05-25-2022" names no DID or certificate', async () => {
    const report = await verify(vector('oauth-sd-jwt-vc/sd-jwt-vc-draft-figure-07.txt'), offline);
    expect(report.format).toBe('sd-jwt-vc');
    expect(codeOf(report, 'issuer-key')).toBe('ISSUER_METADATA_UNAVAILABLE');
    expect(codeOf(report, 'disclosures')).toBe('SD_DISCLOSURES_OK');
    expect(report.verdict).toBe('unverifiable');
  });

  it('verifies figure 7 when the issuer metadata (jwks) is given as a resource, and shows only the disclosed claims', async () => {
    const report = await verify(vector('oauth-sd-jwt-vc/sd-jwt-vc-draft-figure-07.txt'), { ...offline, resources: memoryBundle(metadata('doc-signer-05-25-2022')) });
    expect(codeOf(report, 'proof')).toBe('PROOF_VALID');
    expect(codeOf(report, 'issuer-key')).toBe('KEY_VALID');
    expect(codeOf(report, 'disclosures')).toBe('SD_DISCLOSURES_OK');
    expect(codeOf(report, 'key-binding')).toBe('KB_NOT_PRESENT');
    expect(report.credential?.claims).toMatchObject({ given_name: 'John', family_name: 'Doe', is_over_65: true });
    expect(['verified', 'warning']).toContain(report.verdict);
  });

  it('verifies the key-binding JWT of figure 8 with the nonce and audience of the example settings', async () => {
    const report = await verify(vector('oauth-sd-jwt-vc/sd-jwt-vc-draft-figure-08.txt'), {
      ...offline,
      at: new Date('2026-08-21T15:26:00Z'),
      resources: memoryBundle(metadata('doc-signer-05-25-2022')),
      keyBinding: { audience: 'https://example.com/verifier', nonce: '1234567890' },
    });
    expect(codeOf(report, 'key-binding')).toBe('KB_VALID');
    expect(Object.keys(report.credential?.claims ?? {}).sort()).toEqual(['address', 'is_over_65']);
    expect(['verified', 'warning']).toContain(report.verdict);
  });

  it('rejects figure 8 presented to another verifier (KB_AUDIENCE_MISMATCH) or for another nonce', async () => {
    const resources = memoryBundle(metadata('doc-signer-05-25-2022'));
    const at = new Date('2026-08-21T15:26:00Z');
    const wrongAud = await verify(vector('oauth-sd-jwt-vc/sd-jwt-vc-draft-figure-08.txt'), { ...offline, at, resources, keyBinding: { audience: 'https://other.example' } });
    expect(codeOf(wrongAud, 'key-binding')).toBe('KB_AUDIENCE_MISMATCH');
    const wrongNonce = await verify(vector('oauth-sd-jwt-vc/sd-jwt-vc-draft-figure-08.txt'), { ...offline, at, resources, keyBinding: { nonce: 'abc' } });
    expect(codeOf(wrongNonce, 'key-binding')).toBe('KB_NONCE_MISMATCH');
    expect(wrongNonce.verdict).toBe('invalid');
  });

  it('rejects a stale key-binding JWT when a live presentation (nonce) is expected', async () => {
    const report = await verify(vector('oauth-sd-jwt-vc/sd-jwt-vc-draft-figure-08.txt'), {
      ...offline,
      resources: memoryBundle(metadata('doc-signer-05-25-2022')),
      keyBinding: { nonce: '1234567890' },
    });
    expect(codeOf(report, 'key-binding')).toBe('KB_STALE');
  });

  it('verifies the nested disclosures of figure 24 (kid-less, single published key)', async () => {
    const report = await verify(vector('oauth-sd-jwt-vc/sd-jwt-vc-draft-figure-24.txt'), {
      ...offline,
      resources: memoryBundle({ 'https://pid-issuer.aendgard.example/.well-known/jwt-vc-issuer': { issuer: 'https://pid-issuer.aendgard.example', jwks: { keys: [issuerKey] } } }),
    });
    expect(codeOf(report, 'proof')).toBe('PROOF_VALID');
    expect(codeOf(report, 'disclosures')).toBe('SD_DISCLOSURES_OK');
    expect(report.credential?.claims).toMatchObject({ given_name: 'Astrid', address: { locality: 'Viken', country: 'Kingdom of Ændgard' } });
  });
});
