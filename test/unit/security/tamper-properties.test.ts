import fc from 'fast-check';
import { SignJWT, base64url, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { sha256 } from '@noble/hashes/sha2.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../../lib/index.js';
import { jwkToMultibase } from '../../../lib/keys/index.js';
import type { VerificationReport } from '../../../lib/report.js';
import type { TrustList } from '../../../lib/trust/types.js';
import { elmMicrocredential, sealJades } from '../../support/jades.js';
import { makeCa, makeCrl, makeLeaf } from '../../support/test-ca.js';
import { createOb2Issuer, fakeFetch, type Ob2Issuer } from '../../support/ob2-issuer.js';
import { applyMutation, mutationOf, shuffledKeys } from './mutations.js';
import { newIssuer, sampleVc, signDi, type Cryptosuite, type TestIssuer } from './sign-di.js';

/**
 * Never a false "verified": for credentials signed in the test, any change to signed content makes
 * the verdict `invalid` (never `verified` or `warning`); changes that leave the signed data equal
 * (member order, whitespace, and for RDF canonicalisation the order of unordered arrays) keep it.
 */

const AT = new Date('2026-06-01T00:00:00Z');
const RUNS = 30;

function summary(report: VerificationReport): string {
  return report.checks.map((c) => `${c.id}:${c.code}`).join(' ');
}

/**
 * A tampered credential is invalid. Two exceptions, both still never verified: a change that removes
 * what makes it a credential at all (a JWT without its `vc` claim) is no longer recognised, and is
 * reported as an unknown format (unverifiable); and a changed `@context` names a context Credlens
 * does not know, so what was signed cannot be read (DI_CONTEXT_UNKNOWN, unverifiable: docs/verdicts.md).
 */
function expectTampered(report: VerificationReport, what: string): void {
  if (report.verdict === 'unverifiable' && report.format === 'unknown') return;
  if (report.verdict === 'unverifiable' && report.checks.some((c) => c.code === 'DI_CONTEXT_UNKNOWN')) return;
  expect(report.verdict, `${what} → ${summary(report)}`).toBe('invalid');
}

describe.each<[Cryptosuite, boolean]>([
  ['eddsa-rdfc-2022', false],
  ['eddsa-jcs-2022', true],
])('Data Integrity %s: tampering', (suite, orderMatters) => {
  let issuer: TestIssuer;
  let signed: Record<string, unknown>;
  let trust: TrustList[];
  const run = (input: Parameters<typeof verify>[0]) => verify(input, { offline: true, at: AT, trust });

  beforeAll(async () => {
    issuer = newIssuer();
    signed = await signDi(sampleVc(issuer.did), issuer, suite);
    trust = [{ name: 'test list', issuers: [{ id: issuer.did, name: 'Test issuer', tier: 'trusted' }] }];
  });

  it('the untouched credential is verified (the baseline the properties compare against)', async () => {
    const report = await run(signed);
    expect(['verified', 'warning'], summary(report)).toContain(report.verdict);
    expect(report.checks.find((c) => c.id === 'proof')?.code).toBe('DI_PROOF_VALID');
  });

  it('any change to a signed field of the credential is invalid, never verified or warning', async () => {
    const { proof, ...unsecured } = signed;
    await fc.assert(
      fc.asyncProperty(mutationOf(unsecured, { orderMatters, emptyValuesAreChanges: orderMatters }), async (mutation) => {
        const changed = applyMutation(unsecured, mutation);
        if (!changed) return;
        const report = await run({ ...changed, proof });
        expectTampered(report, JSON.stringify(mutation));
      }),
      { numRuns: RUNS },
    );
  });

  it('any change to the proof options is never verified or warning', async () => {
    const proof = signed.proof as Record<string, unknown>;
    await fc.assert(
      fc.asyncProperty(mutationOf(proof, { orderMatters, emptyValuesAreChanges: orderMatters, exclude: (p) => p[0] === 'proofValue' }), async (mutation) => {
        const changed = applyMutation(proof, mutation);
        if (!changed) return;
        const report = await run({ ...signed, proof: changed });
        expect(['invalid', 'unverifiable'], `${JSON.stringify(mutation)} → ${summary(report)}`).toContain(report.verdict);
      }),
      { numRuns: RUNS },
    );
  });

  it('a changed signature value is never verified or warning', async () => {
    const proof = signed.proof as Record<string, unknown>;
    const value = proof.proofValue as string;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: value.length - 1 }), fc.constantFrom(...'123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'), async (index, ch) => {
        if (value[index] === ch) return;
        const report = await run({ ...signed, proof: { ...proof, proofValue: value.slice(0, index) + ch + value.slice(index + 1) } });
        expect(['invalid', 'unverifiable'], summary(report)).toContain(report.verdict);
      }),
      { numRuns: RUNS },
    );
  });

  it('member order and whitespace do not change the verdict', async () => {
    const baseline = (await run(signed)).verdict;
    await fc.assert(
      fc.asyncProperty(fc.nat(20), fc.constantFrom(0, 1, 2, '\t'), async (seed, indent) => {
        const text = JSON.stringify(shuffledKeys(signed, seed), null, indent);
        const report = await run(`\n  ${text}\n`);
        expect(report.verdict, summary(report)).toBe(baseline);
      }),
      { numRuns: 10 },
    );
  });

  if (!orderMatters) {
    it('a member whose value is null or [] leaves the RDF, and so the verdict, unchanged (JSON-LD drops it)', async () => {
      const baseline = (await run(signed)).verdict;
      for (const extra of [{ description: null }, { description: [] }, { credentialStatus: [] }]) {
        const report = await run({ ...signed, ...extra });
        expect(report.verdict, summary(report)).toBe(baseline);
      }
    });

    it('reordering an unordered JSON-LD array (type) keeps the verdict: RDF sets have no order', async () => {
      const types = signed.type as string[];
      const report = await run({ ...signed, type: [...types].reverse() });
      expect(report.verdict, summary(report)).toBe((await run(signed)).verdict);
    });
  } else {
    it('reordering an array is a change under JCS and is invalid', async () => {
      const types = signed.type as string[];
      const report = await run({ ...signed, type: [...types].reverse() });
      expect(report.verdict).toBe('invalid');
    });

    it('a member whose value is null is a change under JCS and is invalid', async () => {
      const report = await run({ ...signed, description: null });
      expect(report.verdict).toBe('invalid');
    });
  }
});

describe('JOSE credentials: tampering', () => {
  let issuer: { did: string; kid: string; privateKey: CryptoKey };
  let claims: Record<string, unknown>;
  let jwt: string;
  let trust: TrustList[];
  const run = (input: string) => verify(input, { offline: true, trust });
  const NOW = Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const did = `did:key:${jwkToMultibase(await exportJWK(publicKey))}`;
    issuer = { did, kid: `${did}#${did.slice(8)}`, privateKey };
    trust = [{ name: 'test list', issuers: [{ id: did, name: 'Test issuer', tier: 'trusted' }] }];
    claims = {
      iss: did,
      sub: 'did:example:learner',
      jti: 'urn:uuid:3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b',
      nbf: NOW - 3600,
      exp: NOW + 86_400,
      vc: {
        '@context': ['https://www.w3.org/2018/credentials/v1'],
        id: 'urn:uuid:3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b',
        type: ['VerifiableCredential', 'UniversityDegreeCredential'],
        issuer: did,
        issuanceDate: new Date((NOW - 3600) * 1000).toISOString().replace('.000', ''),
        expirationDate: new Date((NOW + 86_400) * 1000).toISOString().replace('.000', ''),
        credentialSubject: { id: 'did:example:learner', degree: { type: 'MasterDegree', name: 'MSc Computing', grades: ['A', 'B', 'A'] } },
      },
    };
    jwt = await new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: issuer.kid }).sign(issuer.privateKey);
  });

  it('the untouched VC-JWT is authentic (the baseline)', async () => {
    const report = await run(jwt);
    expect(['verified', 'warning'], summary(report)).toContain(report.verdict);
  });

  it('any change to a signed claim (value, member, array element or order, type) is invalid', async () => {
    const [h, , s] = jwt.split('.') as [string, string, string];
    await fc.assert(
      fc.asyncProperty(mutationOf(claims, { orderMatters: true }), async (mutation) => {
        const changed = applyMutation(claims, mutation);
        if (!changed) return;
        const report = await run(`${h}.${base64url.encode(JSON.stringify(changed))}.${s}`);
        expectTampered(report, JSON.stringify(mutation));
      }),
      { numRuns: RUNS },
    );
  });

  it('re-serialising the same claims (member order, whitespace) changes the signed bytes and is invalid', async () => {
    const [h, , s] = jwt.split('.') as [string, string, string];
    await fc.assert(
      fc.asyncProperty(fc.nat(20), fc.constantFrom(0, 1, 2), async (seed, indent) => {
        const text = JSON.stringify(shuffledKeys(claims, seed), null, indent);
        if (text === JSON.stringify(claims)) return;
        const report = await run(`${h}.${base64url.encode(text)}.${s}`);
        expect(report.verdict).toBe('invalid');
      }),
      { numRuns: 10 },
    );
  });

  it('any change to the protected header is never verified or warning', async () => {
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const header = JSON.parse(new TextDecoder().decode(base64url.decode(h))) as Record<string, unknown>;
    await fc.assert(
      fc.asyncProperty(mutationOf(header, { orderMatters: true }), async (mutation) => {
        const changed = applyMutation(header, mutation);
        if (!changed) return;
        const report = await run(`${base64url.encode(JSON.stringify(changed))}.${p}.${s}`);
        expect(['invalid', 'unverifiable'], `${JSON.stringify(mutation)} → ${summary(report)}`).toContain(report.verdict);
      }),
      { numRuns: RUNS },
    );
  });

  it('line breaks and spaces around or inside the token text keep the verdict (they are not part of the JWS)', async () => {
    const baseline = (await run(jwt)).verdict;
    const [h, p, s] = jwt.split('.') as [string, string, string];
    for (const text of [`  ${jwt}\n`, `${h}.\n${p}.\n${s}`, `\r\n${h}.${p.slice(0, 10)}\n${p.slice(10)}.${s}\t`]) {
      expect((await run(text)).verdict).toBe(baseline);
    }
  });
});

describe('SD-JWT VC: tampering', () => {
  const disclosure = (salt: string, name: string, value: unknown) => base64url.encode(JSON.stringify([salt, name, value]));
  const digest = (d: string) => base64url.encode(sha256(new TextEncoder().encode(d)));
  let jwt: string;
  let disclosures: string[];
  let trust: TrustList[];
  const run = (input: string) => verify(input, { offline: true, trust });

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const did = `did:jwk:${base64url.encode(JSON.stringify(await exportJWK(publicKey)))}`;
    trust = [{ name: 'test list', issuers: [{ id: did, name: 'Test issuer', tier: 'trusted' }] }];
    disclosures = [disclosure('salt-1', 'given_name', 'Ada'), disclosure('salt-2', 'degree', 'MSc Computing'), disclosure('salt-3', 'grade', 'A')];
    jwt = await new SignJWT({ iss: did, vct: 'https://credentials.example/degree', iat: Math.floor(Date.now() / 1000) - 60, _sd: disclosures.map(digest), _sd_alg: 'sha-256' })
      .setProtectedHeader({ alg: 'ES256', typ: 'dc+sd-jwt', kid: `${did}#0` })
      .sign(privateKey);
  });

  it('the untouched SD-JWT VC is authentic (the baseline)', async () => {
    const report = await run(`${jwt}~${disclosures.join('~')}~`);
    expect(['verified', 'warning'], summary(report)).toContain(report.verdict);
  });

  it('any change to a disclosure (salt, name, value or its type) is invalid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(disclosures.length - 1), fc.nat(2), fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 })), async (which, field, value) => {
        const decoded = JSON.parse(new TextDecoder().decode(base64url.decode(disclosures[which] as string))) as unknown[];
        if (JSON.stringify(decoded[field]) === JSON.stringify(value)) return;
        decoded[field] = value;
        const changed = disclosures.map((d, i) => (i === which ? base64url.encode(JSON.stringify(decoded)) : d));
        const report = await run(`${jwt}~${changed.join('~')}~`);
        expect(report.verdict, summary(report)).toBe('invalid');
      }),
      { numRuns: RUNS },
    );
  });

  it('a disclosure the issuer never signed, added by the holder, is invalid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 8 }), async (name, value) => {
        const report = await run(`${jwt}~${[...disclosures, disclosure('salt-x', name, value)].join('~')}~`);
        expect(report.verdict, summary(report)).toBe('invalid');
      }),
      { numRuns: 15 },
    );
  });

  it('leaving disclosures out is selective disclosure, not tampering: the verdict holds and the claims are hidden', async () => {
    const full = await run(`${jwt}~${disclosures.join('~')}~`);
    const partial = await run(`${jwt}~${disclosures[1]}~`);
    expect(partial.verdict).toBe(full.verdict);
    expect(partial.credential?.claims).toEqual({ degree: 'MSc Computing' });
  });
});

describe('Open Badges 2.0: tampering', () => {
  const at = new Date('2026-11-28T12:00:00Z');
  let issuer: Ob2Issuer;
  beforeAll(async () => {
    issuer = await createOb2Issuer();
  });

  it('the untouched hosted assertion and signed assertion are authentic (the baselines)', async () => {
    const hosted = await verify(issuer.hostedAssertion('/assertions/base.json'), { fetch: fakeFetch(issuer.routes), at });
    expect(['verified', 'warning'], summary(hosted)).toContain(hosted.verdict);
    const signed = await verify(await issuer.signedAssertion(), { fetch: fakeFetch(issuer.routes), at });
    expect(['verified', 'warning'], summary(signed)).toContain(signed.verdict);
  });

  it('any change to a presented hosted assertion is never verified or warning (it must equal the issuer\'s copy)', async () => {
    const assertion = issuer.hostedAssertion('/assertions/prop.json');
    await fc.assert(
      fc.asyncProperty(mutationOf(assertion, { orderMatters: true }), async (mutation) => {
        const changed = applyMutation(assertion, mutation);
        if (!changed) return;
        const report = await verify(changed, { fetch: fakeFetch(issuer.routes), at });
        expect(['invalid', 'unverifiable'], `${JSON.stringify(mutation)} → ${summary(report)}`).toContain(report.verdict);
      }),
      { numRuns: RUNS },
    );
  });

  it('any change to a signed assertion\'s payload is invalid', async () => {
    const jws = await issuer.signedAssertion();
    const [h, p, s] = jws.split('.') as [string, string, string];
    const payload = JSON.parse(new TextDecoder().decode(base64url.decode(p))) as Record<string, unknown>;
    await fc.assert(
      fc.asyncProperty(mutationOf(payload, { orderMatters: true }), async (mutation) => {
        const changed = applyMutation(payload, mutation);
        if (!changed) return;
        const report = await verify(`${h}.${base64url.encode(JSON.stringify(changed))}.${s}`, { fetch: fakeFetch(issuer.routes), at });
        expectTampered(report, JSON.stringify(mutation));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('Europass EDC (JAdES seal, unencoded payload): tampering', () => {
  const at = new Date('2026-11-28T00:00:00Z');
  let sealed: string;
  let trust: TrustList[];
  let payload: Record<string, unknown>;

  beforeAll(async () => {
    const root = await makeCa({ alg: 'ES256' });
    const leaf = await makeLeaf(root, { alg: 'ES256' });
    trust = [{ name: 'Test anchors', issuers: [{ legalIdentifier: 'ES:Q2818014I' }], anchors: [root.pem] }];
    payload = elmMicrocredential();
    sealed = await sealJades(payload, leaf, { crls: [await makeCrl(root)] });
  });

  it('the untouched sealed EDC is authentic (the baseline)', async () => {
    const report = await verify(sealed, { at, offline: true, trust });
    expect(['verified', 'warning'], summary(report)).toContain(report.verdict);
  });

  it('any change to the sealed ELM payload is invalid', async () => {
    const envelope = JSON.parse(sealed) as { payload: string; signatures: unknown[] };
    await fc.assert(
      fc.asyncProperty(mutationOf(payload, { orderMatters: true }), async (mutation) => {
        const changed = applyMutation(payload, mutation);
        if (!changed) return;
        const report = await verify(JSON.stringify({ ...envelope, payload: JSON.stringify(changed) }), { at, offline: true, trust });
        expectTampered(report, JSON.stringify(mutation));
      }),
      { numRuns: 25 },
    );
  });

  it('any change to the seal\'s protected header is never verified or warning', async () => {
    const envelope = JSON.parse(sealed) as { payload: string; signatures: Array<Record<string, unknown>> };
    const signature = envelope.signatures[0] as Record<string, unknown>;
    const header = JSON.parse(new TextDecoder().decode(base64url.decode(signature.protected as string))) as Record<string, unknown>;
    await fc.assert(
      fc.asyncProperty(mutationOf(header, { orderMatters: true }), async (mutation) => {
        const changed = applyMutation(header, mutation);
        if (!changed) return;
        const tampered = { ...envelope, signatures: [{ ...signature, protected: base64url.encode(JSON.stringify(changed)) }] };
        const report = await verify(JSON.stringify(tampered), { at, offline: true, trust });
        expect(['invalid', 'unverifiable'], `${JSON.stringify(mutation)} → ${summary(report)}`).toContain(report.verdict);
      }),
      { numRuns: 25 },
    );
  });

  it('member order and whitespace of the JWS JSON envelope (not of the signed payload) keep the verdict', async () => {
    const baseline = (await verify(sealed, { at, offline: true, trust })).verdict;
    const envelope = JSON.parse(sealed) as Record<string, unknown>;
    const reordered = JSON.stringify({ signatures: envelope.signatures, payload: envelope.payload }, null, 2);
    expect((await verify(`\n${reordered}\n`, { at, offline: true, trust })).verdict).toBe(baseline);
  });
});

describe('VC-JOSE (the payload is the credential): tampering', () => {
  let jwt: string;
  let payload: Record<string, unknown>;
  let trust: TrustList[];
  const run = (input: string) => verify(input, { offline: true, trust });

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = await exportJWK(publicKey);
    const did = `did:jwk:${base64url.encode(JSON.stringify({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }))}`;
    trust = [{ name: 'test list', issuers: [{ id: did, name: 'Test issuer', tier: 'trusted' }] }];
    payload = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: 'urn:uuid:9b1c6a2e-2f4d-4c8e-a1b3-5d7f9e0c2a4b',
      type: ['VerifiableCredential'],
      issuer: did,
      validFrom: '2024-01-01T00:00:00Z',
      name: 'Data Analysis',
      credentialSubject: { id: 'did:example:learner', score: [90, 85], level: { eqf: 6 } },
    };
    jwt = await new SignJWT(payload).setProtectedHeader({ alg: 'ES256', typ: 'vc+jwt', kid: `${did}#0` }).sign(privateKey);
  });

  it('the untouched VC-JOSE credential is authentic (the baseline)', async () => {
    const report = await run(jwt);
    expect(report.format).toBe('vc-jose');
    expect(['verified', 'warning'], summary(report)).toContain(report.verdict);
  });

  it('any change to the credential payload is invalid', async () => {
    const [h, , s] = jwt.split('.') as [string, string, string];
    await fc.assert(
      fc.asyncProperty(mutationOf(payload, { orderMatters: true }), async (mutation) => {
        const changed = applyMutation(payload, mutation);
        if (!changed) return;
        expectTampered(await run(`${h}.${base64url.encode(JSON.stringify(changed))}.${s}`), JSON.stringify(mutation));
      }),
      { numRuns: RUNS },
    );
  });
});
