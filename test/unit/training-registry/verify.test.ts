import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { verify, type VerificationReport } from '../../../lib/index.js';
import { summariseLearning } from '../../../lib/training-registry/index.js';
import { didJwkIssuer, type DidJwkIssuer } from '../../support/did-jwk-issuer.js';
import { sampleRegistries } from '../../support/registries.js';

const { rncp, own } = sampleRegistries();
const at = new Date('2026-11-28T00:00:00Z');

/** An Open Badges 3.0 VC-JWT (VC 2.0) whose achievement is aligned to `code`. */
async function badge(issuer: DidJwkIssuer, code: string, extra: Record<string, unknown> = {}, issued = '2025-06-30T00:00:00Z'): Promise<string> {
  const vc = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer.did, type: ['Profile'], name: 'Université Exemple de Lyon' },
    validFrom: issued,
    name: `Credential for ${code}`,
    credentialSubject: {
      id: 'did:example:learner',
      type: ['AchievementSubject'],
      achievement: { id: `https://univ.example/achievements/${code}`, type: ['Achievement'], name: `Achievement ${code}`, alignment: [{ type: ['Alignment'], targetName: code, targetCode: code, targetUrl: 'https://univ.example/x' }], ...extra },
    },
  };
  return new SignJWT(vc as unknown as Record<string, unknown>)
    .setProtectedHeader({ alg: 'ES256', typ: 'vc+jwt', kid: issuer.kid })
    .setIssuer(issuer.did)
    .sign(issuer.privateKey);
}

describe('the registry check in a verification', () => {
  it('reports the listing after trust, and never changes the verdict', async () => {
    const issuer = await didJwkIssuer();
    const jwt = await badge(issuer, 'RNCP99901');
    const without = await verify(jwt, { at, offline: true });
    const withRegistry = await verify(jwt, { at, offline: true, trainingRegistries: [rncp] });
    expect(withRegistry.verdict).toBe(without.verdict);
    expect(['verified', 'warning']).toContain(withRegistry.verdict);
    const ids = withRegistry.checks.map((c) => c.id);
    expect(ids.indexOf('registry')).toBe(ids.indexOf('trust') + 1);
    expect(withRegistry.checks.find((c) => c.id === 'registry')?.code).toBe('REGISTRY_LISTED');
    expect(withRegistry.registry).toMatchObject({ outcome: 'listed', entry: { code: 'RNCP99901', eligible: true } });
    expect(without.checks.find((c) => c.id === 'registry')?.code).toBe('REGISTRY_NONE');
    expect(without.registry).toBeUndefined();
  });
  it('is skipped for a credential whose signature fails: a registry listing proves nothing about a forgery', async () => {
    const issuer = await didJwkIssuer();
    const jwt = await badge(issuer, 'RNCP99901');
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const tampered = `${h}.${p}.${s.slice(0, -4)}AAAA`;
    const report = await verify(tampered, { at, offline: true, trainingRegistries: [rncp] });
    expect(report.verdict).toBe('invalid');
    expect(report.checks.find((c) => c.id === 'registry')?.status).toBe('skip');
    expect(report.registry).toBeUndefined();
  });
  it('turns an unconfirmed claim into a warning only under the EU micro-credential profile', async () => {
    const issuer = await didJwkIssuer();
    const jwt = await badge(issuer, 'RNCP99902', {}, '2024-05-01T00:00:00Z');
    const plain = await verify(jwt, { at, offline: true, trainingRegistries: [rncp] });
    expect(plain.checks.find((c) => c.id === 'registry')).toMatchObject({ code: 'REGISTRY_LAPSED', status: 'skip' });
    const profiled = await verify(jwt, { at, offline: true, trainingRegistries: [rncp], profile: 'eu-microcredential' });
    expect(profiled.checks.find((c) => c.id === 'registry')).toMatchObject({ code: 'REGISTRY_CLAIM_UNCONFIRMED', status: 'warn' });
    expect(profiled.verdict).not.toBe('verified');
  });
});

describe("what a learner's credentials add up to", () => {
  async function reports(): Promise<Array<{ id: string; report: VerificationReport }>> {
    const issuer = await didJwkIssuer();
    const options = { at, offline: true, trainingRegistries: [rncp, own] };
    const ids = ['RNCP99901BC01', 'RNCP99901BC03', 'RS99903', 'RNCP55555'];
    const out = [];
    for (const code of ids) out.push({ id: code, report: await verify(await badge(issuer, code, code === 'RNCP99901BC01' ? { creditsAvailable: 10 } : {}), options) });
    const forged = await badge(issuer, 'RNCP99901BC02');
    out.push({ id: 'forged', report: await verify(`${forged.slice(0, -6)}AAAAAA`, options) });
    return out;
  }
  it('groups by qualification, shows block progress, sums workload and counts eligibility; forgeries are left out', async () => {
    const summary = summariseLearning(await reports(), { registries: [rncp, own], country: 'FR' });
    expect(summary.counted).toBe(4);
    expect(summary.excluded).toEqual([{ id: 'forged', reason: 'verdict invalid' }]);
    const web = summary.groups.find((g) => g.code === 'RNCP99901');
    expect(web?.credentials.map((c) => c.id)).toEqual(['RNCP99901BC01', 'RNCP99901BC03']);
    expect(web?.blocks?.obtained.map((b) => b.code)).toEqual(['RNCP99901BC01', 'RNCP99901BC03']);
    expect(web?.blocks?.missing.map((b) => b.code)).toEqual(['RNCP99901BC02']);
    expect(web?.eligible).toBe(true);
    expect(web?.eqf).toBe(5);
    // A block credential never borrows the whole qualification's workload; the RS entry states none.
    expect(summary.ects).toBe(10);
    expect(summary.eligible).toBe(3);
    expect(summary.byRegistry).toEqual([{ registry: expect.objectContaining({ id: 'fr:france-competences:rncp-rs' }), credentials: 3, eligible: 3 }]);
    expect(summary.groups.find((g) => g.key === 'https://univ.example/achievements/RNCP55555')?.registry).toBeUndefined();
  });
  it("counts eligibility only in the learner's country", async () => {
    const summary = summariseLearning(await reports(), { registries: [rncp], country: 'NL' });
    expect(summary.eligible).toBe(0);
    expect(summary.groups.find((g) => g.code === 'RNCP99901')?.eligible).toBe(false);
  });
});
