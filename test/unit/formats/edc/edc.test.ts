import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verify } from '../../../../lib/index.js';
import type { VerificationReport } from '../../../../lib/report.js';
import { elmMicrocredential, sealJades } from '../../../support/jades.js';
import { makeCa, makeCrl, makeLeaf, type TestCert } from '../../../support/test-ca.js';

const at = new Date('2026-11-28T00:00:00Z');
const VECTORS = join(__dirname, '../../../vectors/mynextid-edc');

function byId(report: VerificationReport, id: string) {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id} check in ${report.checks.map((c) => c.id).join(', ')}`);
  return found;
}

async function pki(): Promise<{ root: TestCert; trust: { name: string; issuers: Array<{ legalIdentifier: string }>; anchors: string[] }[] }> {
  const root = await makeCa({ alg: 'RS256' });
  return { root, trust: [{ name: 'Test anchors', issuers: [{ legalIdentifier: 'ES:Q2818014I' }], anchors: [root.pem] }] };
}

describe('Europass EDC (MyNextID vectors)', () => {
  const files = readdirSync(VECTORS).filter((f) => f.endsWith('.jsonld'));

  it.each(files)('%s: intact seal, certificate on no trusted list → sealer unverifiable', async (file) => {
    const report = await verify(readFileSync(join(VECTORS, file), 'utf8'), { at, offline: true });
    expect(report.format).toBe('edc');
    expect(byId(report, 'seal-integrity').code).toBe('SEAL_VALID');
    expect(byId(report, 'seal-certificate').code).toBe('SEAL_CERT_NOT_TRUSTED');
    expect(byId(report, 'seal-qualified').code).toBe('SEAL_QUALIFIED_UNCONFIRMED');
    expect(byId(report, 'seal-identity').code).toBe('SEAL_IDENTITY_MATCH');
    expect(byId(report, 'seal-revocation').code).toBe('SEAL_NOT_REVOKED');
    expect(byId(report, 'seal-timestamp').code).toBe('SEAL_TIMESTAMP_UNTRUSTED');
    expect(report.verdict).toBe('unverifiable');
    expect(report.microcredential?.elements.title.present).toBe(true);
  });

  it('rejects the seal (invalid) when one payload byte is changed', async () => {
    const text = readFileSync(join(VECTORS, 'edc-mc-signed.jsonld'), 'utf8');
    const tampered = text.replace('Joe Done', 'Joe Dona');
    expect(tampered).not.toBe(text);
    const report = await verify(tampered, { at, offline: true });
    expect(byId(report, 'seal-integrity').code).toBe('SEAL_SIGNATURE_INVALID');
    expect(byId(report, 'seal-certificate').status).toBe('skip');
    expect(report.verdict).toBe('invalid');
  });

  it('summarises the ELM payload: achievement, outcomes, EQF, ECTS, awarding body', async () => {
    const report = await verify(readFileSync(join(VECTORS, 'edc-mc-signed.jsonld'), 'utf8'), { at, offline: true });
    expect(report.credential?.issuer).toMatchObject({ name: 'Velocert OÜ', country: 'EE' });
    expect(report.credential?.subject?.name).toBe('Joe Done');
    expect(report.credential?.claims).toMatchObject({ eqfLevel: 6, ectsCredits: 5, volumeOfLearning: 'PT45H', awardingBody: 'NETIS d.o.o.', mode: 'Online' });
    expect(report.credential?.learningOutcomes?.length).toBe(2);
  });
});

describe('Europass EDC sealed by a test CA', () => {
  it('verifies a qualified seal by the issuer under an anchor the caller trusts (RS256)', async () => {
    const { root, trust } = await pki();
    const leaf = await makeLeaf(root, { alg: 'RS256' });
    const crls = [await makeCrl(root)];
    const report = await verify(await sealJades(elmMicrocredential(), leaf, { crls }), { at, offline: true, trust });
    const summary = report.checks.map((c) => `${c.id}:${c.code}`);
    expect(summary).toContain('seal-integrity:SEAL_VALID');
    expect(summary).toContain('seal-certificate:SEAL_CERT_TRUSTED');
    expect(summary).toContain('seal-qualified:SEAL_QUALIFIED_BY_ANCHOR');
    expect(summary).toContain('seal-identity:SEAL_IDENTITY_MATCH');
    expect(summary).toContain('seal-revocation:SEAL_NOT_REVOKED');
    expect(summary).toContain('seal-timestamp:SEAL_TIME_CLAIMED');
    expect(summary).toContain('microcredential:MICROCREDENTIAL_COMPLETE');
    expect(report.verdict).toBe('verified');
  });

  it.each(['ES256', 'PS256'] as const)('verifies a %s seal', async (alg) => {
    const { root, trust } = await pki();
    const leaf = await makeLeaf(root, { alg: alg === 'ES256' ? 'ES256' : 'RS256' });
    const report = await verify(await sealJades(elmMicrocredential(), leaf, { alg, crls: [await makeCrl(root)] }), { at, offline: true, trust });
    expect(byId(report, 'seal-integrity').code).toBe('SEAL_VALID');
    expect(report.verdict).toBe('verified');
  });

  it('rejects a seal made after its certificate was revoked (embedded CRL)', async () => {
    const { root, trust } = await pki();
    const leaf = await makeLeaf(root);
    const crls = [await makeCrl(root, [{ cert: leaf, on: new Date('2026-05-01T00:00:00Z') }])];
    const report = await verify(await sealJades(elmMicrocredential(), leaf, { crls }), { at, offline: true, trust });
    expect(byId(report, 'seal-revocation').code).toBe('SEAL_CERT_REVOKED');
    expect(report.verdict).toBe('invalid');
  });

  it('warns that revocation is unconfirmed when the seal carries no revocation data', async () => {
    const { root, trust } = await pki();
    const leaf = await makeLeaf(root);
    const report = await verify(await sealJades(elmMicrocredential(), leaf), { at, offline: true, trust });
    expect(byId(report, 'seal-revocation').code).toBe('SEAL_REVOCATION_UNKNOWN');
    expect(report.verdict).toBe('warning');
  });

  it('reports the sealer unverifiable (seal intact), never verified, when the seal chains to no anchor, and says what anchor would decide it', async () => {
    const { root } = await pki();
    const leaf = await makeLeaf(root);
    const report = await verify(await sealJades(elmMicrocredential(), leaf), { at, offline: true });
    expect(byId(report, 'seal-integrity').code).toBe('SEAL_VALID');
    expect(byId(report, 'seal-certificate').code).toBe('SEAL_CERT_NOT_TRUSTED');
    expect(byId(report, 'seal-certificate').message).toMatch(/trust anchor \(--trust FILE/);
    expect(report.verdict).toBe('unverifiable');
  });

  it('rejects a seal whose certificate names another organisation than the issuer (organizationIdentifier mismatch)', async () => {
    const { root, trust } = await pki();
    const leaf = await makeLeaf(root, { subject: { commonName: 'Sello Servicios SL', organizationName: 'Sello Servicios SL', organizationIdentifier: 'VATES-B99999999', country: 'ES' } });
    const report = await verify(await sealJades(elmMicrocredential(), leaf), { at, offline: true, trust });
    expect(byId(report, 'seal-identity').code).toBe('SEAL_IDENTITY_MISMATCH');
    expect(report.verdict).toBe('invalid');
  });

  it('accepts a seal by another organisation when the credential carries its mandate', async () => {
    const { root, trust } = await pki();
    const leaf = await makeLeaf(root, { subject: { commonName: 'Sello Servicios SL', organizationName: 'Sello Servicios SL', organizationIdentifier: 'VATES-B99999999', country: 'ES' } });
    const report = await verify(await sealJades(elmMicrocredential({ mandate: true }), leaf), { at, offline: true, trust });
    expect(byId(report, 'seal-identity').code).toBe('SEAL_IDENTITY_BY_MANDATE');
  });

  it('rejects a seal whose certificate had expired at sigT', async () => {
    const { root, trust } = await pki();
    const leaf = await makeLeaf(root, { notAfter: new Date('2026-01-01T00:00:00Z') });
    const report = await verify(await sealJades(elmMicrocredential(), leaf, { sigT: '2026-06-01T10:00:00Z' }), { at, offline: true, trust });
    expect(byId(report, 'seal-certificate').code).toBe('SEAL_CERT_EXPIRED');
    expect(report.verdict).toBe('invalid');
  });

  it('rejects a seal with a critical header parameter Credlens does not understand', async () => {
    const { root, trust } = await pki();
    const leaf = await makeLeaf(root);
    const sealed = await sealJadesWithUnknownCrit(leaf);
    const report = await verify(sealed, { at, offline: true, trust });
    expect(byId(report, 'seal-integrity').code).toBe('SEAL_CRIT_UNKNOWN');
    expect(report.verdict).toBe('invalid');
  });

  it('rejects a seal whose certificate thumbprint names another certificate', async () => {
    const { root, trust } = await pki();
    const leaf = await makeLeaf(root);
    const report = await verify(await sealJades(elmMicrocredential(), leaf, { header: { 'x5t#S256': 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } }), { at, offline: true, trust });
    expect(byId(report, 'seal-integrity').code).toBe('SEAL_CERT_REFERENCE_MISMATCH');
  });

  it('warns that a seal is advanced, not qualified, when the certificate has no QC statements', async () => {
    const { root, trust } = await pki();
    const leaf = await makeLeaf(root, { qc: 'none' });
    const report = await verify(await sealJades(elmMicrocredential(), leaf), { at, offline: true, trust });
    expect(byId(report, 'seal-qualified').code).toBe('SEAL_NOT_QUALIFIED');
    expect(report.verdict).toBe('warning');
  });

  it('rejects a seal that claims to be made in the future', async () => {
    const { root, trust } = await pki();
    const leaf = await makeLeaf(root);
    const report = await verify(await sealJades(elmMicrocredential(), leaf, { sigT: '2027-06-01T10:00:00Z' }), { at, offline: true, trust });
    expect(byId(report, 'seal-timestamp').code).toBe('SEAL_TIME_IN_FUTURE');
  });

  it('warns of missing EU elements for a micro-credential without workload and assessment', async () => {
    const { root, trust } = await pki();
    const leaf = await makeLeaf(root);
    const report = await verify(await sealJades(elmMicrocredential({ omit: ['workload', 'assessment'] }), leaf), { at, offline: true, trust });
    expect(byId(report, 'microcredential').code).toBe('MICROCREDENTIAL_INCOMPLETE');
    expect(report.microcredential?.missing).toEqual(['workload', 'assessment']);
    expect(report.verdict).toBe('warning');
  });
});

async function sealJadesWithUnknownCrit(leaf: TestCert): Promise<string> {
  // jose refuses to sign with an unknown crit, so the header is assembled and signed by hand.
  const payload = JSON.stringify(elmMicrocredential());
  const header = { alg: 'ES256', b64: false, crit: ['b64', 'sigT', 'xyzPolicy'], sigT: '2026-06-01T10:00:00Z', xyzPolicy: 'strict', x5c: [leaf.b64] };
  const protectedB64 = Buffer.from(JSON.stringify(header)).toString('base64url');
  const input = new TextEncoder().encode(`${protectedB64}.${payload}`);
  const sig = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, leaf.keys.privateKey, input));
  return JSON.stringify({ payload, signatures: [{ protected: protectedB64, signature: Buffer.from(sig).toString('base64url') }] });
}
