import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../../lib/index.js';
import type { VerificationReport } from '../../../lib/report.js';
import type { TrustList } from '../../../lib/trust/types.js';
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
        expect(report.verdict, `${JSON.stringify(mutation)} → ${summary(report)}`).toBe('invalid');
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
