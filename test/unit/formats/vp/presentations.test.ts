import { readFileSync } from 'node:fs';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { memoryBundle, verify, type VerificationReport } from '../../../../lib/index.js';
import { didJwkIssuer, type DidJwkIssuer } from '../../../support/did-jwk-issuer.js';
import { newKey, openBadge, signDi, type TestKey } from '../vc-di/sign.js';

const at = new Date('2026-11-28T00:00:00Z');
const offline = { offline: true, at } as const;
const codeOf = (report: VerificationReport, id: string) => report.checks.find((c) => c.id === id)?.code;
const vector = (path: string) => readFileSync(new URL(`../../../vectors/${path}`, import.meta.url), 'utf8').trim();
const CHALLENGE = '6c1b3a4e-2b1f-4f0a-9d8e-5a1c2b3d4e5f';
const DOMAIN = 'https://jobs.example';

async function badgeFor(issuer: TestKey, subject: string): Promise<Record<string, unknown>> {
  const badge = openBadge(issuer.did);
  badge.credentialSubject = { ...(badge.credentialSubject as Record<string, unknown>), id: subject };
  return signDi(badge, issuer);
}

function vp2(holder: string, credentials: unknown[]): Record<string, unknown> {
  return { '@context': ['https://www.w3.org/ns/credentials/v2'], id: 'urn:uuid:0b4d6c52-3f0e-4d1c-9a8e-0c7e2f1d9a11', type: ['VerifiablePresentation'], holder, verifiableCredential: credentials };
}

async function signedVp2(holder: TestKey, credentials: unknown[], proof: Record<string, unknown> = { challenge: CHALLENGE, domain: DOMAIN }, methodId?: string) {
  return signDi(vp2(holder.did, credentials), holder, { proofPurpose: 'authentication', extraProof: proof, ...(methodId ? { methodId } : {}) });
}

describe('Verifiable Presentations with a Data Integrity proof (VC 2.0)', () => {
  it('verifies the holder\'s proof, the challenge and domain, and nests each credential\'s full report', async () => {
    const issuer = newKey();
    const holder = newKey();
    const vp = await signedVp2(holder, [await badgeFor(issuer, holder.did)]);
    const report = await verify(vp, { ...offline, challenge: CHALLENGE, domain: DOMAIN });
    expect(report.format).toBe('vp');
    expect(codeOf(report, 'holder-key')).toBe('VP_HOLDER_KEY_VALID');
    expect(codeOf(report, 'proof')).toBe('DI_PROOF_VALID');
    expect(codeOf(report, 'challenge')).toBe('VP_CHALLENGE_MATCH');
    expect(codeOf(report, 'domain')).toBe('VP_DOMAIN_MATCH');
    expect(codeOf(report, 'credentials')).toBe('VP_CREDENTIALS_AUTHENTIC');
    // The badge's issuer is on no trust list: authentic with a warning, which the presentation carries.
    expect(codeOf(report, 'credential-warnings')).toBe('VP_CREDENTIAL_WARNING');
    expect(codeOf(report, 'holder-binding')).toBe('VP_HOLDER_IS_SUBJECT');
    expect(report.presentation).toMatchObject({ holder: holder.did, securedBy: 'data-integrity', proof: 'valid', challenge: CHALLENGE, domain: [DOMAIN] });
    const nested = report.presentation?.credentials[0];
    expect(nested?.subjectIsHolder).toBe(true);
    expect(nested?.report.format).toBe('vc-di');
    expect(codeOf(nested?.report as VerificationReport, 'proof')).toBe('DI_PROOF_VALID');
    expect(nested?.report.credential?.title).toBe('Teamwork Badge');
    // The nested badge has no trust list, so it is `warning`; the presentation is the worst of its parts.
    expect(report.verdict).toBe(nested?.report.verdict);
    expect(report.checks.some((c) => c.id === 'trust' || c.id === 'microcredential')).toBe(false);
  });

  it('is invalid when the presentation was altered after the holder signed it', async () => {
    const issuer = newKey();
    const holder = newKey();
    const other = await badgeFor(issuer, 'did:example:someone-else');
    const vp = await signedVp2(holder, [await badgeFor(issuer, holder.did)]);
    const tampered = { ...vp, verifiableCredential: [other] };
    const report = await verify(tampered, { ...offline, challenge: CHALLENGE });
    expect(codeOf(report, 'proof')).toBe('DI_SIGNATURE_INVALID');
    expect(report.presentation?.proof).toBe('invalid');
    expect(report.verdict).toBe('invalid');
  });

  it('is invalid for another challenge or domain, and when the proof carries none', async () => {
    const issuer = newKey();
    const holder = newKey();
    const vp = await signedVp2(holder, [await badgeFor(issuer, holder.did)]);
    const wrongChallenge = await verify(vp, { ...offline, challenge: 'another-nonce' });
    expect(codeOf(wrongChallenge, 'challenge')).toBe('VP_CHALLENGE_MISMATCH');
    expect(wrongChallenge.verdict).toBe('invalid');
    const wrongDomain = await verify(vp, { ...offline, domain: 'https://evil.example' });
    expect(codeOf(wrongDomain, 'domain')).toBe('VP_DOMAIN_MISMATCH');
    expect(wrongDomain.verdict).toBe('invalid');
    const bare = await signedVp2(holder, [await badgeFor(issuer, holder.did)], {});
    const none = await verify(bare, { ...offline, challenge: CHALLENGE });
    expect(codeOf(none, 'challenge')).toBe('VP_CHALLENGE_MISMATCH');
    // Without a challenge asked for, nothing is compared.
    expect(codeOf(await verify(bare, offline), 'challenge')).toBe('VP_CHALLENGE_NOT_CHECKED');
  });

  it('refuses a proof whose purpose is assertionMethod instead of authentication', async () => {
    const issuer = newKey();
    const holder = newKey();
    const vp = await signDi(vp2(holder.did, [await badgeFor(issuer, holder.did)]), holder, { proofPurpose: 'assertionMethod' });
    const report = await verify(vp, offline);
    expect(codeOf(report, 'proof')).toBe('DI_PROOF_PURPOSE_INVALID');
    expect(report.verdict).toBe('invalid');
  });

  it('refuses a key of the holder that is not listed under authentication', async () => {
    const issuer = newKey();
    const holder = newKey();
    const did = 'did:web:holder.example';
    const method = `${did}#assert-only`;
    const document = {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: [{ id: method, type: 'Multikey', controller: did, publicKeyMultibase: holder.multibase }],
      assertionMethod: [method],
      authentication: [],
    };
    const vp = await signDi(vp2(did, [await badgeFor(issuer, did)]), holder, { proofPurpose: 'authentication', methodId: method });
    const report = await verify(vp, { ...offline, resources: memoryBundle({ 'https://holder.example/.well-known/did.json': document }) });
    expect(codeOf(report, 'holder-key')).toBe('KEY_NOT_AUTHORISED');
    expect(report.checks.find((c) => c.id === 'holder-key')?.message).toContain('authentication');
    expect(report.verdict).toBe('invalid');
  });

  it('refuses a presentation signed by someone other than the holder it names', async () => {
    const issuer = newKey();
    const holder = newKey();
    const impostor = newKey();
    const vp = await signDi(vp2(holder.did, [await badgeFor(issuer, holder.did)]), impostor, { proofPurpose: 'authentication' });
    const report = await verify(vp, offline);
    expect(codeOf(report, 'holder-key')).toBe('KEY_CONTROLLER_MISMATCH');
    expect(report.checks.find((c) => c.id === 'holder-key')?.message).toContain('holder');
    expect(report.verdict).toBe('invalid');
  });

  it('says when a credential is about someone other than the holder (warning)', async () => {
    const issuer = newKey();
    const holder = newKey();
    const vp = await signedVp2(holder, [await badgeFor(issuer, 'did:example:someone-else')]);
    const report = await verify(vp, offline);
    expect(codeOf(report, 'holder-binding')).toBe('VP_HOLDER_NOT_SUBJECT');
    expect(report.presentation?.credentials[0]?.subjectIsHolder).toBe(false);
    expect(['warning', 'unverifiable', 'invalid']).not.toContain('verified');
    expect(report.verdict).not.toBe('verified');
  });

  it('is invalid when a credential inside is (nested failure), and keeps the other credential\'s report', async () => {
    const issuer = newKey();
    const holder = newKey();
    const good = await badgeFor(issuer, holder.did);
    const forged = { ...(await badgeFor(issuer, holder.did)), name: 'Forged Degree' };
    const report = await verify(await signedVp2(holder, [good, forged]), offline);
    expect(codeOf(report, 'proof')).toBe('DI_PROOF_VALID');
    expect(codeOf(report, 'credentials')).toBe('VP_CREDENTIAL_INVALID');
    expect(report.checks.find((c) => c.id === 'credentials')?.message).toContain('#2');
    expect(report.presentation?.credentials.map((c) => c.report.verdict)).toEqual([expect.not.stringMatching('invalid'), 'invalid']);
    expect(report.verdict).toBe('invalid');
  });

  it('refuses entries that are links or text instead of fetching them', async () => {
    const holder = newKey();
    const report = await verify(vp2(holder.did, ['https://issuer.example/credentials/1', 42]), offline);
    expect(report.presentation?.credentials.map((c) => c.report.checks[0]?.code)).toEqual(['VP_ENTRY_MALFORMED', 'VP_ENTRY_MALFORMED']);
    expect(report.verdict).toBe('invalid');
  });
});

describe('Verifiable Presentations with a Data Integrity proof (VC 1.1)', () => {
  it('verifies a 1.1 presentation of a 1.1 credential', async () => {
    const issuer = newKey();
    const holder = newKey();
    const contexts = ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.0.json', 'https://w3id.org/security/data-integrity/v2'];
    const { validFrom: _v2, ...badge } = openBadge(issuer.did, { '@context': contexts, issuanceDate: '2025-01-01T00:00:00Z' });
    badge.credentialSubject = { ...(badge.credentialSubject as Record<string, unknown>), id: holder.did };
    const vc = await signDi(badge, issuer);
    const vp = await signDi({ '@context': contexts, type: ['VerifiablePresentation'], holder: holder.did, verifiableCredential: [vc] }, holder, { proofPurpose: 'authentication', extraProof: { challenge: CHALLENGE } });
    const report = await verify(vp, { ...offline, challenge: CHALLENGE });
    expect(codeOf(report, 'proof')).toBe('DI_PROOF_VALID');
    expect(codeOf(report, 'challenge')).toBe('VP_CHALLENGE_MATCH');
    expect(codeOf(report.presentation?.credentials[0]?.report as VerificationReport, 'proof')).toBe('DI_PROOF_VALID');
    expect(report.presentation?.credentials[0]?.subjectIsHolder).toBe(true);
    expect(['verified', 'warning']).toContain(report.verdict);
  });
});

describe('unsigned presentations', () => {
  it('are containers: no error, the verdict is the credentials\' verdict', async () => {
    const issuer = newKey();
    const holder = newKey();
    const badge = await badgeFor(issuer, holder.did);
    const report = await verify(vp2(holder.did, [badge]), offline);
    const alone = await verify(badge, offline);
    expect(codeOf(report, 'proof')).toBe('VP_UNSIGNED');
    expect(codeOf(report, 'holder-binding')).toBe('VP_HOLDER_NOT_CHECKED');
    expect(report.presentation).toMatchObject({ securedBy: 'none', proof: 'none' });
    expect(report.verdict).toBe(alone.verdict);
  });

  it('cannot answer a challenge the caller asked for', async () => {
    const issuer = newKey();
    const holder = newKey();
    const report = await verify(vp2(holder.did, [await badgeFor(issuer, holder.did)]), { ...offline, challenge: CHALLENGE });
    expect(codeOf(report, 'challenge')).toBe('VP_CHALLENGE_MISMATCH');
    expect(report.verdict).toBe('invalid');
  });

  it('with no credentials prove nothing (unverifiable)', async () => {
    const report = await verify(vp2('did:example:holder', []), offline);
    expect(codeOf(report, 'credentials')).toBe('VP_NO_CREDENTIALS');
    expect(report.verdict).toBe('unverifiable');
  });
});

async function vcJwt(issuer: DidJwkIssuer, subject: string): Promise<string> {
  return new SignJWT({ vc: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'], credentialSubject: { id: subject, name: 'Jane Doe' } } })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: issuer.kid })
    .setIssuer(issuer.did)
    .setSubject(subject)
    .setNotBefore(Date.parse('2025-01-01T00:00:00Z') / 1000)
    .sign(issuer.privateKey);
}

async function vcJose(issuer: DidJwkIssuer, subject: string): Promise<string> {
  const vc = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], issuer: issuer.did, validFrom: '2025-01-01T00:00:00Z', credentialSubject: { id: subject, name: 'Jane Doe' } };
  return new SignJWT(vc).setProtectedHeader({ alg: 'ES256', typ: 'vc+jwt', kid: issuer.kid }).sign(issuer.privateKey);
}

const enveloped = (mediaType: string, text: string) => ({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: 'EnvelopedVerifiableCredential', id: `data:${mediaType},${text}` });

describe('VP-JWT', () => {
  async function vpJwt(holder: DidJwkIssuer, credentials: unknown[], claims: { nonce?: string; aud?: string; iss?: string } = { nonce: CHALLENGE, aud: DOMAIN }, signer = holder): Promise<string> {
    const jwt = new SignJWT({ vp: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiablePresentation'], verifiableCredential: credentials }, ...(claims.nonce ? { nonce: claims.nonce } : {}) })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: signer.kid })
      .setIssuer(claims.iss ?? holder.did)
      .setIssuedAt(Date.parse('2026-11-27T00:00:00Z') / 1000);
    if (claims.aud) jwt.setAudience(claims.aud);
    return jwt.sign(signer.privateKey);
  }

  it('verifies the holder\'s signature (iss), nonce and aud, and the VC-JWT inside', async () => {
    const issuer = await didJwkIssuer();
    const holder = await didJwkIssuer();
    const report = await verify(await vpJwt(holder, [await vcJwt(issuer, holder.did)]), { ...offline, challenge: CHALLENGE, domain: DOMAIN });
    expect(report.format).toBe('vp-jwt');
    expect(codeOf(report, 'holder-key')).toBe('VP_HOLDER_KEY_VALID');
    expect(codeOf(report, 'proof')).toBe('PROOF_VALID');
    expect(codeOf(report, 'challenge')).toBe('VP_CHALLENGE_MATCH');
    expect(codeOf(report, 'domain')).toBe('VP_DOMAIN_MATCH');
    expect(report.presentation?.credentials[0]?.report.format).toBe('vc-jwt');
    expect(report.presentation?.credentials[0]?.subjectIsHolder).toBe(true);
    expect(report.presentation).toMatchObject({ holder: holder.did, securedBy: 'jose', proof: 'valid' });
  });

  it('is invalid when signed by another key than the holder\'s, tampered, or for another nonce', async () => {
    const issuer = await didJwkIssuer();
    const holder = await didJwkIssuer();
    const impostor = await didJwkIssuer();
    const credentials = [await vcJwt(issuer, holder.did)];
    const foreign = await verify(await vpJwt(holder, credentials, { nonce: CHALLENGE, iss: holder.did }, impostor), offline);
    expect(codeOf(foreign, 'holder-key')).toBe('KEY_CONTROLLER_MISMATCH');
    expect(foreign.verdict).toBe('invalid');
    const [h, , s] = (await vpJwt(holder, credentials)).split('.');
    const other = (await vpJwt(holder, [await vcJwt(issuer, 'did:example:x')])).split('.')[1];
    const tampered = await verify(`${h}.${other}.${s}`, offline);
    expect(codeOf(tampered, 'proof')).toBe('PROOF_INVALID_SIGNATURE');
    expect(tampered.verdict).toBe('invalid');
    const replay = await verify(await vpJwt(holder, credentials), { ...offline, challenge: 'fresh-nonce' });
    expect(codeOf(replay, 'challenge')).toBe('VP_CHALLENGE_MISMATCH');
  });

  it('refuses a token whose iss is not the holder the presentation names', async () => {
    const holder = await didJwkIssuer();
    const jwt = await new SignJWT({ vp: { type: ['VerifiablePresentation'], holder: 'did:example:victim', verifiableCredential: [] } })
      .setProtectedHeader({ alg: 'ES256', kid: holder.kid })
      .setIssuer(holder.did)
      .sign(holder.privateKey);
    const report = await verify(jwt, offline);
    expect(codeOf(report, 'holder-key')).toBe('VP_HOLDER_MISMATCH');
    expect(report.verdict).toBe('invalid');
  });

  it('verifies a VC 2.0 enveloped presentation (vp+jwt) holding enveloped credentials', async () => {
    const issuer = await didJwkIssuer();
    const holder = await didJwkIssuer();
    const vp = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], holder: holder.did, verifiableCredential: [enveloped('application/vc+jwt', await vcJose(issuer, holder.did))] };
    const token = await new SignJWT(vp).setProtectedHeader({ alg: 'ES256', typ: 'vp+jwt', kid: holder.kid }).setIssuer(holder.did).sign(holder.privateKey);
    const report = await verify({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: 'EnvelopedVerifiablePresentation', id: `data:application/vp+jwt,${token}` }, offline);
    expect(report.format).toBe('vp-jwt');
    expect(report.checks[0]?.details?.envelope).toBe('application/vp+jwt');
    expect(codeOf(report, 'proof')).toBe('PROOF_VALID');
    const inner = report.presentation?.credentials[0];
    expect(inner?.envelope).toBe('application/vc+jwt');
    expect(inner?.report.format).toBe('vc-jose');
    expect(codeOf(inner?.report as VerificationReport, 'proof')).toBe('PROOF_VALID');
  });
});

describe('EnvelopedVerifiableCredential on its own verifies as its inner credential', () => {
  it('VC-JOSE (application/vc+jwt)', async () => {
    const issuer = await didJwkIssuer();
    const token = await vcJose(issuer, 'did:example:jane');
    const report = await verify(enveloped('application/vc+jwt', token), offline);
    const direct = await verify(token, offline);
    expect(report.format).toBe('vc-jose');
    expect(report.checks[0]?.details?.envelope).toBe('application/vc+jwt');
    expect(report.checks.slice(1)).toEqual(direct.checks.slice(1));
    expect(report.verdict).toBe(direct.verdict);
  });

  it('VC-JWT (a vc claim) in application/vc+jwt', async () => {
    const issuer = await didJwkIssuer();
    const report = await verify(enveloped('application/vc+jwt', await vcJwt(issuer, 'did:example:jane')), offline);
    expect(report.format).toBe('vc-jwt');
    expect(codeOf(report, 'proof')).toBe('PROOF_VALID');
  });

  it('SD-JWT VC (application/dc+sd-jwt), the IETF draft\'s example', async () => {
    const issuerKey = JSON.parse(vector('oauth-sd-jwt-vc/issuer-key.jwk.json')) as Record<string, unknown>;
    const resources = memoryBundle({ 'https://example.com/.well-known/jwt-vc-issuer/issuer': { issuer: 'https://example.com/issuer', jwks: { keys: [{ ...issuerKey, kid: 'doc-signer-05-25-2022' }] } } });
    const report = await verify(enveloped('application/dc+sd-jwt', vector('oauth-sd-jwt-vc/sd-jwt-vc-draft-figure-07.txt')), { ...offline, resources });
    expect(report.format).toBe('sd-jwt-vc');
    expect(codeOf(report, 'proof')).toBe('PROOF_VALID');
  });

  it('refuses an envelope whose media type or content is wrong', async () => {
    const issuer = await didJwkIssuer();
    const token = await vcJose(issuer, 'did:example:jane');
    for (const bad of [enveloped('text/html', '<script>alert(1)</script>'), enveloped('application/vc+sd-jwt', token), enveloped('application/vc+jwt', '{"a":1}'), { type: 'EnvelopedVerifiableCredential', id: 'https://issuer.example/vc/1' }, enveloped('application/vp+jwt', token)]) {
      const report = await verify(bad, offline);
      expect(report.checks[0]?.code, JSON.stringify(bad).slice(0, 80)).toBe('ENVELOPE_MALFORMED');
      expect(report.verdict).toBe('invalid');
    }
  });

  it('refuses a tampered enveloped token', async () => {
    const issuer = await didJwkIssuer();
    const [h, p, s] = (await vcJose(issuer, 'did:example:jane')).split('.');
    const payload = JSON.parse(Buffer.from(p as string, 'base64url').toString()) as Record<string, unknown>;
    payload.credentialSubject = { id: 'did:example:mallory' };
    const report = await verify(enveloped('application/vc+jwt', `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`), offline);
    expect(codeOf(report, 'proof')).toBe('PROOF_INVALID_SIGNATURE');
    expect(report.verdict).toBe('invalid');
  });
});
