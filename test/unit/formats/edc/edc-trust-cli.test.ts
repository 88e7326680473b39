import { describe, expect, it } from 'vitest';
import type { VerificationReport } from '../../../../lib/report.js';
import { credlens, scratchDir } from '../../../support/cli.js';
import { elmMicrocredential, sealJades } from '../../../support/jades.js';
import { makeCa, makeCrl, makeLeaf } from '../../../support/test-ca.js';

/**
 * The full path for a Europass seal through the command line: without a trust anchor the seal is
 * intact but the sealer unverifiable (exit 3), and the message says which authority an anchor would
 * have to vouch for; with the test PKI's root given by `--trust`, the same file is verified (exit 0).
 */
describe('credlens verify: a Europass eSeal from unverifiable to verified with --trust', () => {
  it('is unverifiable without an anchor and verified once the test PKI is a trust anchor', async () => {
    const root = await makeCa({ alg: 'RS256' });
    const leaf = await makeLeaf(root, { alg: 'RS256' });
    const sealed = await sealJades(elmMicrocredential(), leaf, { crls: [await makeCrl(root)] });
    const scratch = scratchDir('credlens-edc-trust-');
    const file = scratch.file('sealed.json', sealed);
    const trust = scratch.file('trust.json', JSON.stringify({ name: 'Test PKI', issuers: [{ legalIdentifier: 'ES:Q2818014I' }], anchors: [root.pem] }));
    const at = '2026-11-28T00:00:00Z';

    const without = await credlens('verify', file, '--offline', '--at', at, '--json');
    const untrusted = JSON.parse(without.stdout) as VerificationReport;
    expect(untrusted.verdict).toBe('unverifiable');
    expect(without.code).toBe(3);
    const certificate = untrusted.checks.find((c) => c.id === 'seal-certificate');
    expect(certificate?.code).toBe('SEAL_CERT_NOT_TRUSTED');
    expect(certificate?.message).toMatch(/--trust FILE/);
    expect(untrusted.checks.find((c) => c.id === 'seal-integrity')?.code).toBe('SEAL_VALID');

    const withAnchor = await credlens('verify', file, '--offline', '--at', at, '--trust', trust, '--json');
    const trusted = JSON.parse(withAnchor.stdout) as VerificationReport;
    expect(trusted.checks.find((c) => c.id === 'seal-certificate')?.code).toBe('SEAL_CERT_TRUSTED');
    expect(trusted.verdict).toBe('verified');
    expect(withAnchor.code).toBe(0);
  }, 60_000);
});
