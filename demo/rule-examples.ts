import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { bakeSvgVerify } from './issuers/baked.js';
import type { DidKeyIssuer } from './issuers/did-key.js';
import type { Example } from './examples.js';
import { teamworkBadge, languageCertificate } from './credentials.js';

/**
 * The demo examples for the verdict rules of docs/verdicts.md (revoked on a list another party
 * signed, a genuine badge that breaks its schema, a key found only in the token's own header, an
 * Open Badge 3.0 baked as a JWT in an SVG) and for presentations (docs/presentations.md: a VP with a
 * Data Integrity proof, a VP-JWT, an enveloped credential). The learner's wallet (`holder`) signs
 * the presentations; every credential inside is about that holder.
 */

const V1 = 'https://www.w3.org/2018/credentials/v1';
const V2 = 'https://www.w3.org/ns/credentials/v2';
const DAY = 86_400_000;
const json = (value: unknown) => JSON.stringify(value, null, 2);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** The challenge and domain the demo job board asks a wallet to sign (a verifier would send a fresh nonce). */
export const DEMO_CHALLENGE = 'demo-jobs-application-7f3a';
export const DEMO_DOMAIN = 'jobs.credlens.demo';

function aboutHolder(credential: Record<string, unknown>, holder: DidKeyIssuer): Record<string, unknown> {
  return { ...credential, credentialSubject: { ...(credential.credentialSubject as Record<string, unknown>), id: holder.did } };
}

/** A VC 1.1 course certificate signed as a VC-JWT by a did:key identity, about `subject`. */
async function courseCertificateJwt(issuer: DidKeyIssuer, subject: string, id: string): Promise<string> {
  const issued = Date.now() - 20 * DAY;
  const vc = {
    '@context': [V1],
    id: `urn:uuid:${id}`,
    type: ['VerifiableCredential'],
    issuer: { id: issuer.did, name: 'Université Démo de Lyon' },
    issuanceDate: iso(issued),
    name: 'Certificate in Project Management Basics',
    credentialSubject: { id: subject, name: 'Anna Kowalska' },
  };
  return issuer.signJwt({ iss: issuer.did, sub: subject, jti: vc.id, nbf: Math.floor(issued / 1000), vc }, { typ: 'JWT' });
}

export const RULE_EXAMPLES: readonly Example[] = [
  {
    id: 'rule-revoked-foreign-list',
    codes: ['STATUS_REVOKED'],
    group: 'rules',
    title: 'Badge revoked on a status list signed by another party',
    format: 'vc-di',
    variant: 'revoked',
    expect: 'invalid',
    explain:
      'The signed badge names a status list that marks it revoked, but the list is signed by another identity than the issuer. A forged “revoked” can only cause a false reject, so it is honoured: invalid, and the check says the list could not be authenticated and who signed it.',
    served: 'cors',
    contentType: 'application/ld+json',
    make: async ({ ed25519, foreignStatus, origin }) => {
      const badge = teamworkBadge(ed25519, 'd4b7f5e3-0001-4000-8000-000000000001', { origin });
      badge.credentialStatus = foreignStatus.entry(foreignStatus.nextRevoked());
      return json(await ed25519.signDataIntegrity(badge));
    },
  },
  {
    id: 'rule-schema-broken-ob3',
    codes: ['SCHEMA_INVALID', 'DI_PROOF_VALID'],
    group: 'rules',
    title: 'Genuine Open Badge 3.0 that breaks the 1EdTech schema',
    format: 'vc-di',
    variant: 'nonconforming',
    expect: 'warning',
    explain:
      'Signed and unchanged, but its issuer image is a bare URL where the Open Badges 3.0 schema expects an Image object, as some real platforms issue them. Conformance is not authenticity: a warning that names the member, never “not valid”.',
    served: 'cors',
    contentType: 'application/ld+json',
    make: async ({ ed25519, origin }) => {
      const badge = teamworkBadge(ed25519, 'd4b7f5e3-0002-4000-8000-000000000002', { origin });
      badge.issuer = { ...(badge.issuer as Record<string, unknown>), image: `${origin}/images/politecnico-logo.png` };
      return json(await ed25519.signDataIntegrity(badge));
    },
  },
  {
    id: 'rule-header-only-key',
    codes: ['KEY_HEADER_ONLY'],
    group: 'rules',
    title: 'VC-JWT signed with a key carried only in its own header',
    format: 'vc-jwt',
    variant: 'unknown-signer',
    expect: 'unverifiable',
    explain:
      'The token says it is from “Famous University” and carries its own public key (jwk header), which no DID document or issuer profile lists. Anyone can make such a key: the token is unchanged, but who issued it is unknown.',
    served: 'cors',
    contentType: 'application/jwt',
    make: async ({ origin }) => {
      const key = await generateKeyPair('ES256', { extractable: true });
      const issuer = `${origin}/famous-university`;
      const issued = Date.now() - 10 * DAY;
      return new SignJWT({
        iss: issuer,
        sub: 'did:example:learner-anna',
        nbf: Math.floor(issued / 1000),
        vc: {
          '@context': [V1],
          type: ['VerifiableCredential'],
          issuer: { id: issuer, name: 'Famous University' },
          issuanceDate: iso(issued),
          name: 'MSc Computer Science',
          credentialSubject: { id: 'did:example:learner-anna', name: 'Anna Kowalska' },
        },
      })
        .setProtectedHeader({ alg: 'ES256', typ: 'JWT', jwk: await exportJWK(key.publicKey) })
        .sign(key.privateKey);
    },
  },
  {
    id: 'baked-svg-jwt',
    codes: ['PROOF_VALID'],
    group: 'baked',
    title: 'SVG badge carrying an Open Badge 3.0 as a JWT',
    format: 'vc-jose',
    variant: 'valid',
    expect: 'verified',
    explain: 'Open Badges 3.0 baking: the openbadges:credential element’s verify attribute holds the compact JWS of the signed badge, which is read out and verified.',
    served: 'cors',
    contentType: 'image/svg+xml',
    make: async ({ ed25519, origin }) => {
      const badge = teamworkBadge(ed25519, 'd4b7f5e3-0003-4000-8000-000000000003', { origin, status: ed25519.status.next() });
      return bakeSvgVerify(await ed25519.signJwt(badge, { typ: 'vc+jwt' }), 'ATL', '#7a3ea1');
    },
  },
  {
    id: 'vp-di',
    codes: ['VP_HOLDER_KEY_VALID', 'VP_CREDENTIALS_AUTHENTIC', 'VP_HOLDER_IS_SUBJECT'],
    presents: 2,
    group: 'presentations',
    title: 'Presentation with a Data Integrity proof, two credentials',
    format: 'vp',
    variant: 'presentation',
    expect: 'verified',
    explain: `Anna’s wallet signed a presentation (proof purpose authentication, challenge “${DEMO_CHALLENGE}”, domain ${DEMO_DOMAIN}) of two credentials about her: each gets its own full report, nested under the holder.`,
    served: 'cors',
    contentType: 'application/ld+json',
    make: async ({ ed25519, p256, holder, origin }) => {
      const badge = await ed25519.signDataIntegrity(aboutHolder(teamworkBadge(ed25519, 'd4b7f5e3-0004-4000-8000-000000000004', { origin, status: ed25519.status.next() }), holder));
      const certificate = await p256.signDataIntegrity(aboutHolder(languageCertificate(p256, 'd4b7f5e3-0005-4000-8000-000000000005', { status: p256.status.next() }), holder));
      const vp = { '@context': [V2], id: 'urn:uuid:d4b7f5e3-0006-4000-8000-000000000006', type: ['VerifiablePresentation'], holder: holder.did, verifiableCredential: [badge, certificate] };
      return json(await holder.signDataIntegrity(vp, { proofPurpose: 'authentication', challenge: DEMO_CHALLENGE, domain: DEMO_DOMAIN }));
    },
  },
  {
    id: 'vp-jwt',
    codes: ['VP_HOLDER_KEY_VALID', 'VP_CREDENTIALS_AUTHENTIC', 'VP_HOLDER_IS_SUBJECT'],
    presents: 1,
    group: 'presentations',
    title: 'Presentation as a JWT (VP-JWT) carrying a VC-JWT',
    format: 'vp-jwt',
    variant: 'presentation',
    expect: 'verified',
    explain: 'The VC Data Model 1.1 form: the wallet signs a JWT whose iss is the holder and whose vp claim carries the credential, itself a VC-JWT from the university.',
    served: 'cors',
    contentType: 'application/jwt',
    make: async ({ ed25519, holder }) => {
      const credential = await courseCertificateJwt(ed25519, holder.did, 'd4b7f5e3-0007-4000-8000-000000000007');
      return holder.signJwt(
        { iss: holder.did, nonce: DEMO_CHALLENGE, aud: DEMO_DOMAIN, vp: { '@context': [V1], type: ['VerifiablePresentation'], holder: holder.did, verifiableCredential: [credential] } },
        { typ: 'JWT' },
      );
    },
  },
  {
    id: 'vp-enveloped',
    codes: ['VP_HOLDER_KEY_VALID', 'VP_CREDENTIALS_AUTHENTIC', 'VP_HOLDER_IS_SUBJECT'],
    presents: 1,
    group: 'presentations',
    title: 'Presentation carrying an enveloped credential (VC 2.0)',
    format: 'vp',
    variant: 'presentation',
    expect: 'verified',
    explain: 'A VC 2.0 presentation signed by the wallet whose credential is an EnvelopedVerifiableCredential: a data: URL holding the badge secured as a JWT (application/vc+jwt), opened and verified like any other.',
    served: 'cors',
    contentType: 'application/ld+json',
    make: async ({ ed25519, holder, origin }) => {
      const badge = aboutHolder(teamworkBadge(ed25519, 'd4b7f5e3-0008-4000-8000-000000000008', { origin, status: ed25519.status.next() }), holder);
      const token = await ed25519.signJwt(badge, { typ: 'vc+jwt' });
      const vp = {
        '@context': [V2],
        id: 'urn:uuid:d4b7f5e3-0009-4000-8000-000000000009',
        type: ['VerifiablePresentation'],
        holder: holder.did,
        verifiableCredential: [{ '@context': [V2], id: `data:application/vc+jwt,${token}`, type: 'EnvelopedVerifiableCredential' }],
      };
      return json(await holder.signDataIntegrity(vp, { proofPurpose: 'authentication', challenge: DEMO_CHALLENGE, domain: DEMO_DOMAIN }));
    },
  },
];
