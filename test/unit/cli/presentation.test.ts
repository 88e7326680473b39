import { describe, expect, it } from 'vitest';
import { formatReport } from '../../../bin/format-report.js';
import { verify } from '../../../lib/index.js';
import { credlens, scratchDir } from '../../support/cli.js';
import { newKey, openBadge, signDi } from '../formats/vc-di/sign.js';

async function presentation() {
  const issuer = newKey();
  const holder = newKey();
  const badge = openBadge(issuer.did);
  badge.credentialSubject = { ...(badge.credentialSubject as Record<string, unknown>), id: holder.did };
  const vc = await signDi(badge, issuer);
  const vp = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], holder: holder.did, verifiableCredential: [vc] };
  return { holder, vp: await signDi(vp, holder, { proofPurpose: 'authentication', extraProof: { challenge: 'n-1' } }) };
}

describe('credlens verify on a presentation', () => {
  it('prints the holder and each nested credential with its own checks', async () => {
    const { holder, vp } = await presentation();
    const text = formatReport(await verify(vp, { offline: true }), { color: false });
    expect(text).toContain('Presentation');
    expect(text).toContain(`Holder       ${holder.did} — signed by the holder`);
    expect(text).toMatch(/Credential 1 of 1 \(about the holder\)/);
    expect(text).toContain('    Checks');
    expect(text).toContain('Teamwork Badge');
  });

  it('checks --challenge: exit 1 for another challenge', async () => {
    const { vp } = await presentation();
    const scratch = scratchDir('credlens-vp-');
    const file = scratch.file('vp.json', JSON.stringify(vp));
    const wrong = await credlens('verify', file, '--offline', '--json', '--challenge', 'other');
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stdout).checks.find((c: { id: string }) => c.id === 'challenge').code).toBe('VP_CHALLENGE_MISMATCH');
    const right = await credlens('verify', file, '--offline', '--json', '--challenge', 'n-1');
    expect(JSON.parse(right.stdout).checks.find((c: { id: string }) => c.id === 'challenge').code).toBe('VP_CHALLENGE_MATCH');
  });
});
