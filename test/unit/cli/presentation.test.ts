import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../../bin/format-report.js';
import { verify } from '../../../lib/index.js';
import { credlens, scratchDir } from '../../support/cli.js';
import { didJwkIssuer, type DidJwkIssuer } from '../../support/did-jwk-issuer.js';
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

async function vcJwt(issuer: DidJwkIssuer, subject: string, name: string): Promise<string> {
  return new SignJWT({ vc: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'], name, credentialSubject: { id: subject } } })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: issuer.kid })
    .setIssuer(issuer.did)
    .setSubject(subject)
    .setNotBefore(Date.parse('2025-01-01T00:00:00Z') / 1000)
    .sign(issuer.privateKey);
}

describe('credlens verify on a VP-JWT (the real command, readable output)', () => {
  it('prints the holder, then each credential with its own verdict, whether it is about the holder, and its checks', async () => {
    const issuer = await didJwkIssuer();
    const holder = await didJwkIssuer();
    const credentials = [await vcJwt(issuer, holder.did, 'Certificate in Statistics'), await vcJwt(issuer, 'did:example:someone-else', 'Certificate in Welding')];
    const vp = await new SignJWT({ nonce: 'n-2', vp: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiablePresentation'], verifiableCredential: credentials } })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: holder.kid })
      .setIssuer(holder.did)
      .sign(holder.privateKey);
    const scratch = scratchDir('credlens-vp-jwt-');
    const result = await credlens('verify', scratch.file('vp.jwt', vp), '--offline', '--challenge', 'n-2');
    // A credential about someone else is the holder presenting another person's credential: a warning, exit 0.
    expect(result.code, result.stderr).toBe(0);
    const out = result.stdout;
    expect(out).toContain('Presentation');
    expect(out).toContain(`Holder       ${holder.did} — signed by the holder`);
    expect(out).toContain('Challenge    n-2');
    const first = out.indexOf('Credential 1 of 2 (about the holder)');
    const second = out.indexOf('Credential 2 of 2 (about did:example:someone-else, not the holder)');
    expect(first).toBeGreaterThan(out.indexOf('Holder'));
    expect(second).toBeGreaterThan(first);
    // Each nested credential carries its own verdict line and its own checks, indented under it.
    expect(out.slice(first, second)).toMatch(/\n {4}.*(WARNING|VERIFIED)/i);
    expect(out.slice(first, second)).toContain('Certificate in Statistics');
    expect(out.slice(second)).toContain('Certificate in Welding');
    expect(out.slice(second)).toMatch(/\n {4}.*Checks/);
  });
});
