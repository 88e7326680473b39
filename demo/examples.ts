import type { FormatId, Verdict } from '../lib/index.js';
import { tamperJwt, type DemoIssuer } from './issuer.js';
import type { DemoIssuers } from './issuers/index.js';
import { bakePng, bakeSvgHosted } from './issuers/baked.js';
import { RULE_EXAMPLES } from './rule-examples.js';
import { ebsiAttestation, elmMicrocredential, languageCertificate, sdJwtLanguageCertificate, teamworkBadge } from './credentials.js';

/**
 * Every example credential the demo serves, as data. Add a format here when its handler lands in
 * lib/formats/index.ts: the examples page, the smoke test and the e2e tests read this list.
 */
export type Variant = 'valid' | 'tampered' | 'revoked' | 'expired' | 'unverifiable' | 'hostile' | 'nonconforming' | 'unknown-signer' | 'presentation';

/** The examples page groups examples by how they are made, with one plain sentence per group. */
export type Group = 'vc-jwt' | 'ob3-jose' | 'ob3-di' | 'vc2-ecdsa' | 'sd-jwt-vc' | 'ebsi' | 'edc' | 'ob2-hosted' | 'baked' | 'rules' | 'presentations' | 'registry';

export const GROUPS: Record<Group, { title: string; intro: string }> = {
  'vc-jwt': {
    title: 'W3C Verifiable Credential as a JWT (VC-JWT)',
    intro: 'The most common compact form: the credential signed as a JSON Web Token by the issuer’s did:jwk key, with a Bitstring Status List for revocation.',
  },
  'ob3-jose': {
    title: 'Open Badges 3.0 secured with JOSE (VC-JOSE)',
    intro: 'An Open Badge 3.0 in the VC 2.0 data model, signed as a whole (typ vc+jwt). It presents itself as an EU micro-credential, so the elements it does not state are listed.',
  },
  'ob3-di': {
    title: 'Open Badges 3.0 with a Data Integrity proof (eddsa-rdfc-2022)',
    intro: 'The badge stays readable JSON-LD; the proof signs its meaning (canonical RDF), so reordering is harmless but any change of content breaks it. Issued by an Ed25519 did:key.',
  },
  'vc2-ecdsa': {
    title: 'W3C Verifiable Credential 2.0 with a Data Integrity proof (ecdsa-rdfc-2019)',
    intro: 'The same idea with a P-256 (ECDSA) key, as used by issuers whose security rules require NIST curves.',
  },
  'sd-jwt-vc': {
    title: 'SD-JWT VC (selective disclosure)',
    intro: 'The learner can hide claims (such as the date of birth) without breaking the issuer’s signature; a claim that was changed or added is caught. Revocation is read from the issuer’s IETF token status list, a signed list with two bits per credential.',
  },
  ebsi: {
    title: 'EBSI verifiable attestation',
    intro: 'The European Blockchain Services Infrastructure form: a VC-JWT whose signed claims must agree with the credential, here from a did:key issuer (a registered organisation would use did:ebsi).',
  },
  edc: {
    title: 'Europass digital credential (JAdES eSeal)',
    intro: 'A complete EU micro-credential in the European Learning Model, sealed by the university with a certificate from a (demo) certification authority that the job board’s trust list anchors. All eleven EU elements are shown.',
  },
  'ob2-hosted': {
    title: 'Open Badges 2.0 hosted assertion',
    intro: 'An older badge format: it is genuine when the issuer’s own site still publishes it unchanged, and revoked when the issuer’s revocation list names it.',
  },
  baked: {
    title: 'Baked badge images (PNG and SVG)',
    intro: 'A badge picture that carries its credential inside the file: the image is read, never trusted by its looks.',
  },
  rules: {
    title: 'Hard cases: who signed it, and what counts as evidence',
    intro: 'Credentials that other verifiers get wrong in one direction or the other. Invalid means “do not rely on this”; a genuine credential with a flaw is a warning; a credential whose signer cannot be known is unverifiable.',
  },
  presentations: {
    title: 'Verifiable Presentations from a learner’s wallet',
    intro: 'A wallet shares a presentation: the holder signs it, and it carries one or more credentials. The holder is checked against their DID, and each credential gets its own verdict, shown under the holder.',
  },
  registry: {
    title: 'Training registry: listed, registration expired, not listed',
    intro: 'Genuine badges that name a French RNCP code, checked against the demo training registry (/demo/registry.json): is the training listed, eligible for learning-account (CPF) funding, and was its registration in force on the date of issue? This is information: it never changes the verdict.',
  },
};

export interface Example {
  id: string;
  group: Group;
  title: string;
  format: FormatId;
  variant: Variant;
  /** The verdict once the format is supported (until then: unverifiable, FORMAT_UNSUPPORTED). */
  expect: Verdict;
  /** The verdict on a server (no CORS there), when it differs from the browser's. */
  expectServer?: Verdict;
  /** One sentence for the examples page. */
  explain: string;
  /** Check codes the report must contain, for the reason the example demonstrates (the smoke test checks them). */
  codes?: readonly string[];
  /** A presentation: how many credentials it carries, each about the holder and with the example's verdict. */
  presents?: number;
  /** `no-cors`: served from the issuer without CORS headers, as many real issuers do. */
  served: 'cors' | 'no-cors';
  contentType: string;
  make(issuers: DemoIssuers): Promise<string | Uint8Array>;
  /** What the `registry` check finds against the demo training registry (demo/registry.ts). */
  registry?: 'listed' | 'lapsed' | 'not-listed';
}

const V1 = 'https://www.w3.org/2018/credentials/v1';
const V2 = 'https://www.w3.org/ns/credentials/v2';
const OB3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const DAY = 86_400_000;
const json = (value: unknown) => JSON.stringify(value, null, 2);

function badgeV1(issuer: DemoIssuer, id: string, options: { name?: string; description?: string; status?: number; issued?: Date; expires?: Date } = {}) {
  const vc: Record<string, unknown> = {
    '@context': [V1],
    id: `urn:uuid:${id}`,
    type: ['VerifiableCredential'],
    issuer: { id: issuer.did, name: 'Hochschule Demo Berlin' },
    issuanceDate: (options.issued ?? new Date(Date.now() - 30 * DAY)).toISOString(),
    name: options.name ?? 'Certificate in Data Analysis with Python',
    description: options.description ?? 'Awarded for completing a 6-week course in data cleaning, visualisation and statistics.',
    credentialSubject: { id: 'did:example:learner-anna', name: 'Anna Kowalska' },
  };
  if (options.expires) vc.expirationDate = options.expires.toISOString();
  if (options.status !== undefined) vc.credentialStatus = issuer.statusEntry(options.status);
  return vc;
}

function microcredentialV2(issuer: DemoIssuer, id: string, options: { validUntil?: Date; status?: number } = {}) {
  const credential: Record<string, unknown> = {
    '@context': [V2, OB3],
    id: `urn:uuid:${id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer.did, type: ['Profile'], name: 'Université Démo de Lyon', address: { type: ['Address'], addressCountry: 'FR' } },
    validFrom: new Date(Date.now() - 60 * DAY).toISOString(),
    name: 'Micro-credential: Cloud Security Fundamentals',
    credentialSubject: {
      id: 'did:example:learner-anna',
      type: ['AchievementSubject'],
      name: 'Anna Kowalska',
      achievement: {
        id: `${issuer.origin}/achievements/cloud-security`,
        type: ['Achievement'],
        achievementType: 'MicroCredential',
        name: 'Cloud Security Fundamentals',
        description: 'Threat modelling, identity and access management, and encryption in public clouds.',
        criteria: { narrative: 'Passed a supervised online exam (70% or more) and a graded lab project.' },
        creditsAvailable: 5,
        fieldOfStudy: 'Information security',
        resultDescription: [{ type: ['ResultDescription'], name: 'Exam', resultType: 'Percent' }],
      },
    },
  };
  if (options.validUntil) credential.validUntil = options.validUntil.toISOString();
  if (options.status !== undefined) credential.credentialStatus = issuer.statusEntry(options.status);
  return credential;
}

/** An Open Badge 3.0 (not a micro-credential) aligned to a registry code, issued `issued`. */
function registryBadge(issuer: DemoIssuer, id: string, code: string, title: string, issued: Date) {
  return {
    '@context': [V2, OB3],
    id: `urn:uuid:${id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer.did, type: ['Profile'], name: 'Université Démo de Lyon' },
    validFrom: issued.toISOString(),
    name: title,
    credentialSubject: {
      id: 'did:example:learner-anna',
      type: ['AchievementSubject'],
      name: 'Anna Kowalska',
      achievement: {
        id: `${issuer.origin}/achievements/${code.toLowerCase()}`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: title,
        description: `Certification registered under ${code} in the French national register (demo).`,
        criteria: { narrative: 'Passed the certification assessment before a jury.' },
        alignment: [{ type: ['Alignment'], targetName: title, targetCode: code, targetFramework: 'RNCP', targetUrl: `https://www.francecompetences.fr/recherche/rncp/${code.slice(4)}/` }],
      },
    },
  };
}

const HOSTILE_NAME = 'Certificate <img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>';
const HOSTILE_DESCRIPTION = '<b>bold?</b> <a href="javascript:alert(1)">click</a> <script>window.__pwned=1</script>';

export const EXAMPLES: readonly Example[] = [
  {
    id: 'vc-jwt-valid',
    group: 'vc-jwt',
    title: 'Course certificate (VC-JWT)',
    format: 'vc-jwt',
    variant: 'valid',
    expect: 'verified',
    explain: 'Signed by the demo issuer, which the job board’s trust list vouches for; valid and not revoked.',
    served: 'cors',
    contentType: 'application/jwt',
    make: async ({ jose: issuer }) => issuer.signVcJwt(badgeV1(issuer, 'a1f4e2c0-0001-4000-8000-000000000001', { status: issuer.nextStatusIndex() })),
  },
  {
    id: 'vc-jwt-tampered',
    group: 'vc-jwt',
    title: 'Course certificate, edited after signing (VC-JWT)',
    format: 'vc-jwt',
    variant: 'tampered',
    expect: 'invalid',
    explain: 'The learner name was changed after the issuer signed it, so the signature no longer matches.',
    served: 'cors',
    contentType: 'application/jwt',
    make: async ({ jose: issuer }) => {
      const jwt = await issuer.signVcJwt(badgeV1(issuer, 'a1f4e2c0-0002-4000-8000-000000000002'));
      return tamperJwt(jwt, (payload) => {
        const vc = payload.vc as { credentialSubject: { name: string } };
        vc.credentialSubject.name = 'Mallory Forger';
      });
    },
  },
  {
    id: 'vc-jwt-revoked',
    group: 'vc-jwt',
    title: 'Course certificate, revoked by the issuer (VC-JWT)',
    format: 'vc-jwt',
    variant: 'revoked',
    expect: 'invalid',
    explain: 'Genuine, but the issuer has since revoked it in its Bitstring Status List.',
    served: 'cors',
    contentType: 'application/jwt',
    make: async ({ jose: issuer }) => {
      const index = issuer.nextStatusIndex();
      issuer.revoked.add(index);
      return issuer.signVcJwt(badgeV1(issuer, 'a1f4e2c0-0003-4000-8000-000000000003', { status: index }));
    },
  },
  {
    id: 'vc-jwt-expired',
    group: 'vc-jwt',
    title: 'Course certificate, expired (VC-JWT)',
    format: 'vc-jwt',
    variant: 'expired',
    expect: 'invalid',
    explain: 'Genuine, but it was only valid until last month.',
    served: 'cors',
    contentType: 'application/jwt',
    make: async ({ jose: issuer }) =>
      issuer.signVcJwt(
        badgeV1(issuer, 'a1f4e2c0-0004-4000-8000-000000000004', { issued: new Date(Date.now() - 400 * DAY), expires: new Date(Date.now() - 30 * DAY) }),
      ),
  },
  {
    id: 'vc-jwt-no-cors',
    group: 'vc-jwt',
    title: 'Course certificate on a server that blocks other websites (VC-JWT)',
    format: 'vc-jwt',
    variant: 'unverifiable',
    expect: 'unverifiable',
    expectServer: 'verified',
    explain: 'The issuer serves it without CORS headers, so a web page cannot read it: unverifiable in the browser (the job board can use its proxy or re-verify on its server).',
    served: 'no-cors',
    contentType: 'application/jwt',
    make: async ({ jose: issuer }) => issuer.signVcJwt(badgeV1(issuer, 'a1f4e2c0-0005-4000-8000-000000000005')),
  },
  {
    id: 'vc-jwt-hostile',
    group: 'vc-jwt',
    title: 'Credential whose name holds HTML and script (VC-JWT)',
    format: 'vc-jwt',
    variant: 'hostile',
    expect: 'verified',
    explain: 'Genuinely signed, but its name and description contain markup: it must show as text and run nothing.',
    served: 'cors',
    contentType: 'application/jwt',
    make: async ({ jose: issuer }) =>
      issuer.signVcJwt(badgeV1(issuer, 'a1f4e2c0-0006-4000-8000-000000000006', { name: HOSTILE_NAME, description: HOSTILE_DESCRIPTION })),
  },
  {
    id: 'ob3-jose-valid',
    group: 'ob3-jose',
    title: 'EU micro-credential, Open Badge 3.0 (VC-JOSE)',
    format: 'vc-jose',
    variant: 'valid',
    expect: 'warning',
    explain: 'A genuine Open Badge that presents itself as a micro-credential; the EU elements it does not state are listed.',
    served: 'cors',
    contentType: 'application/vc+jwt',
    make: async ({ jose: issuer }) => issuer.signVcJose(microcredentialV2(issuer, 'b2e5f3d1-0001-4000-8000-000000000001', { status: issuer.nextStatusIndex() })),
  },
  {
    id: 'ob3-jose-tampered',
    group: 'ob3-jose',
    title: 'EU micro-credential, credits inflated after signing (VC-JOSE)',
    format: 'vc-jose',
    variant: 'tampered',
    expect: 'invalid',
    explain: 'Someone raised the ECTS credits from 5 to 30 without the issuer’s key.',
    served: 'cors',
    contentType: 'application/vc+jwt',
    make: async ({ jose: issuer }) => {
      const jwt = await issuer.signVcJose(microcredentialV2(issuer, 'b2e5f3d1-0002-4000-8000-000000000002'));
      return tamperJwt(jwt, (payload) => {
        const subject = payload.credentialSubject as { achievement: { creditsAvailable: number } };
        subject.achievement.creditsAvailable = 30;
      });
    },
  },
  {
    id: 'ob3-jose-revoked',
    group: 'ob3-jose',
    title: 'EU micro-credential, revoked (VC-JOSE)',
    format: 'vc-jose',
    variant: 'revoked',
    expect: 'invalid',
    explain: 'Genuine, but revoked in the issuer’s status list.',
    served: 'cors',
    contentType: 'application/vc+jwt',
    make: async ({ jose: issuer }) => {
      const index = issuer.nextStatusIndex();
      issuer.revoked.add(index);
      return issuer.signVcJose(microcredentialV2(issuer, 'b2e5f3d1-0003-4000-8000-000000000003', { status: index }));
    },
  },
  {
    id: 'ob3-jose-expired',
    group: 'ob3-jose',
    title: 'EU micro-credential, expired (VC-JOSE)',
    format: 'vc-jose',
    variant: 'expired',
    expect: 'invalid',
    explain: 'Its validUntil date has passed.',
    served: 'cors',
    contentType: 'application/vc+jwt',
    make: async ({ jose: issuer }) => issuer.signVcJose(microcredentialV2(issuer, 'b2e5f3d1-0004-4000-8000-000000000004', { validUntil: new Date(Date.now() - 2 * DAY) })),
  },

  // ---- Open Badges 3.0, Data Integrity eddsa-rdfc-2022 (Ed25519 did:key) ----
  {
    id: 'ob3-di-valid',
    group: 'ob3-di',
    title: 'Open Badge: Agile Team Leadership',
    format: 'vc-di',
    variant: 'valid',
    expect: 'verified',
    explain: 'Signed by the issuer’s key, on the job board’s trust list, valid and not revoked.',
    served: 'cors',
    contentType: 'application/ld+json',
    make: async ({ ed25519, origin }) => json(await ed25519.signDataIntegrity(teamworkBadge(ed25519, 'c3a6e4e2-0001-4000-8000-000000000001', { origin, status: ed25519.status.next() }))),
  },
  {
    id: 'ob3-di-tampered',
    group: 'ob3-di',
    title: 'Open Badge, description embellished after signing',
    format: 'vc-di',
    variant: 'tampered',
    expect: 'invalid',
    explain: 'One sentence was added to the achievement’s description; the proof covers every statement, so it no longer verifies.',
    served: 'cors',
    contentType: 'application/ld+json',
    make: async ({ ed25519, origin }) => {
      const signed = await ed25519.signDataIntegrity(teamworkBadge(ed25519, 'c3a6e4e2-0002-4000-8000-000000000002', { origin }));
      const achievement = (signed.credentialSubject as { achievement: { description: string } }).achievement;
      achievement.description += ' Graduated top of the year.';
      return json(signed);
    },
  },
  {
    id: 'ob3-di-revoked',
    group: 'ob3-di',
    title: 'Open Badge, revoked by the issuer',
    format: 'vc-di',
    variant: 'revoked',
    expect: 'invalid',
    explain: 'Genuine, but the issuer has set its bit in its Bitstring Status List.',
    served: 'cors',
    contentType: 'application/ld+json',
    make: async ({ ed25519, origin }) =>
      json(await ed25519.signDataIntegrity(teamworkBadge(ed25519, 'c3a6e4e2-0003-4000-8000-000000000003', { origin, status: ed25519.status.nextRevoked() }))),
  },
  {
    id: 'ob3-di-expired',
    group: 'ob3-di',
    title: 'Open Badge, expired',
    format: 'vc-di',
    variant: 'expired',
    expect: 'invalid',
    explain: 'Genuine, but its validUntil date passed a week ago.',
    served: 'cors',
    contentType: 'application/ld+json',
    make: async ({ ed25519, origin }) =>
      json(await ed25519.signDataIntegrity(teamworkBadge(ed25519, 'c3a6e4e2-0004-4000-8000-000000000004', { origin, validUntil: new Date(Date.now() - 7 * DAY) }))),
  },
  // ---- VC 2.0, Data Integrity ecdsa-rdfc-2019 (P-256 did:key) ----
  {
    id: 'vc2-ecdsa-valid',
    group: 'vc2-ecdsa',
    title: 'Language certificate: English B2',
    format: 'vc-di',
    variant: 'valid',
    expect: 'verified',
    explain: 'An ECDSA P-256 signature by a trusted issuer; valid and not revoked.',
    served: 'cors',
    contentType: 'application/ld+json',
    make: async ({ p256 }) => json(await p256.signDataIntegrity(languageCertificate(p256, 'd4b7f5f3-0001-4000-8000-000000000001', { status: p256.status.next() }))),
  },
  {
    id: 'vc2-ecdsa-tampered',
    group: 'vc2-ecdsa',
    title: 'Language certificate, level raised from B2 to C2',
    format: 'vc-di',
    variant: 'tampered',
    expect: 'invalid',
    explain: 'The certificate’s name was edited to claim a higher level; the signature no longer matches.',
    served: 'cors',
    contentType: 'application/ld+json',
    make: async ({ p256 }) => {
      const signed = await p256.signDataIntegrity(languageCertificate(p256, 'd4b7f5f3-0002-4000-8000-000000000002'));
      signed.name = 'English for Professional Purposes, CEFR level C2';
      return json(signed);
    },
  },
  {
    id: 'vc2-ecdsa-revoked',
    group: 'vc2-ecdsa',
    title: 'Language certificate, revoked',
    format: 'vc-di',
    variant: 'revoked',
    expect: 'invalid',
    explain: 'Genuine, but revoked in the issuer’s status list (for example after an exam irregularity).',
    served: 'cors',
    contentType: 'application/ld+json',
    make: async ({ p256 }) => json(await p256.signDataIntegrity(languageCertificate(p256, 'd4b7f5f3-0003-4000-8000-000000000003', { status: p256.status.nextRevoked() }))),
  },
  {
    id: 'vc2-ecdsa-expired',
    group: 'vc2-ecdsa',
    title: 'Language certificate, expired',
    format: 'vc-di',
    variant: 'expired',
    expect: 'invalid',
    explain: 'Genuine, but language certificates are valid for two years and this one has run out.',
    served: 'cors',
    contentType: 'application/ld+json',
    make: async ({ p256 }) => json(await p256.signDataIntegrity(languageCertificate(p256, 'd4b7f5f3-0004-4000-8000-000000000004', { validUntil: new Date(Date.now() - 3 * DAY) }))),
  },
  // ---- SD-JWT VC (Ed25519 did:key) ----
  {
    id: 'sd-jwt-valid',
    group: 'sd-jwt-vc',
    title: 'German C1 certificate, every claim disclosed',
    format: 'sd-jwt-vc',
    variant: 'valid',
    expect: 'verified',
    explain: 'The learner disclosed all six claims; each matches a digest the issuer signed; the issuer’s token status list shows it valid.',
    served: 'cors',
    contentType: 'application/dc+sd-jwt',
    make: async ({ ed25519 }) => sdJwtLanguageCertificate(ed25519, { status: ed25519.tokenStatus.next() }),
  },
  {
    id: 'sd-jwt-selective',
    group: 'sd-jwt-vc',
    title: 'German C1 certificate, date of birth withheld',
    format: 'sd-jwt-vc',
    variant: 'valid',
    expect: 'verified',
    explain: 'The learner chose not to show the date of birth: still genuine, and the board simply does not see it.',
    served: 'cors',
    contentType: 'application/dc+sd-jwt',
    make: async ({ ed25519 }) => sdJwtLanguageCertificate(ed25519, { hide: ['birthdate'], status: ed25519.tokenStatus.next() }),
  },
  {
    id: 'sd-jwt-tampered',
    group: 'sd-jwt-vc',
    title: 'German certificate, score disclosure altered',
    format: 'sd-jwt-vc',
    variant: 'tampered',
    expect: 'invalid',
    explain: 'The score was changed from 87 to 98 in its disclosure; the issuer never signed that value.',
    served: 'cors',
    contentType: 'application/dc+sd-jwt',
    make: async ({ ed25519 }) => sdJwtLanguageCertificate(ed25519, { alter: { score: '98 / 100' }, status: ed25519.tokenStatus.next() }),
  },
  {
    id: 'sd-jwt-revoked',
    group: 'sd-jwt-vc',
    title: 'German C1 certificate, revoked by the issuer',
    format: 'sd-jwt-vc',
    variant: 'revoked',
    expect: 'invalid',
    explain: 'Genuine and fully disclosed, but the issuer’s signed token status list marks its entry INVALID (revoked).',
    served: 'cors',
    contentType: 'application/dc+sd-jwt',
    make: async ({ ed25519 }) => sdJwtLanguageCertificate(ed25519, { status: ed25519.tokenStatus.nextRevoked() }),
  },
  {
    id: 'sd-jwt-expired',
    group: 'sd-jwt-vc',
    title: 'German C1 certificate, expired',
    format: 'sd-jwt-vc',
    variant: 'expired',
    expect: 'invalid',
    explain: 'Genuine, but its exp claim is in the past.',
    served: 'cors',
    contentType: 'application/dc+sd-jwt',
    make: async ({ ed25519 }) => sdJwtLanguageCertificate(ed25519, { exp: new Date(Date.now() - 5 * DAY) }),
  },
  // ---- EBSI verifiable attestation (Ed25519 did:key) ----
  {
    id: 'ebsi-valid',
    group: 'ebsi',
    title: 'EBSI diploma: BSc Statistics',
    format: 'ebsi-jwt',
    variant: 'valid',
    expect: 'verified',
    explain: 'Signed by the issuer’s did:key; the JWT claims agree with the credential; not revoked.',
    served: 'cors',
    contentType: 'application/jwt',
    make: async ({ ed25519 }) => ebsiAttestation(ed25519, 'e5c8a6a4-0001-4000-8000-000000000001', { status: ed25519.status.next() }),
  },
  {
    id: 'ebsi-tampered',
    group: 'ebsi',
    title: 'EBSI diploma, degree title changed',
    format: 'ebsi-jwt',
    variant: 'tampered',
    expect: 'invalid',
    explain: 'The degree was changed to a Master’s after signing.',
    served: 'cors',
    contentType: 'application/jwt',
    make: async ({ ed25519 }) =>
      tamperJwt(await ebsiAttestation(ed25519, 'e5c8a6a4-0002-4000-8000-000000000002'), (payload) => {
        (payload.vc as { name: string }).name = 'Master of Science in Statistics';
      }),
  },
  {
    id: 'ebsi-revoked',
    group: 'ebsi',
    title: 'EBSI diploma, revoked',
    format: 'ebsi-jwt',
    variant: 'revoked',
    expect: 'invalid',
    explain: 'Genuine, but the issuer revoked it in its status list.',
    served: 'cors',
    contentType: 'application/jwt',
    make: async ({ ed25519 }) => ebsiAttestation(ed25519, 'e5c8a6a4-0003-4000-8000-000000000003', { status: ed25519.status.nextRevoked() }),
  },
  {
    id: 'ebsi-expired',
    group: 'ebsi',
    title: 'EBSI diploma, expired',
    format: 'ebsi-jwt',
    variant: 'expired',
    expect: 'invalid',
    explain: 'Genuine, but the attestation’s expiry date has passed.',
    served: 'cors',
    contentType: 'application/jwt',
    make: async ({ ed25519 }) => ebsiAttestation(ed25519, 'e5c8a6a4-0004-4000-8000-000000000004', { expires: new Date(Date.now() - DAY) }),
  },
  // ---- Europass EDC sealed with JAdES by a demo CA ----
  {
    id: 'edc-valid',
    group: 'edc',
    title: 'Europass micro-credential: Data Visualisation (4 ECTS)',
    format: 'edc',
    variant: 'valid',
    expect: 'verified',
    explain: 'Sealed by the university, whose certificate chains to the demo authority the board trusts; all eleven EU micro-credential elements are present.',
    served: 'cors',
    contentType: 'application/json',
    make: async ({ sealer }) => sealer.seal(elmMicrocredential(sealer.organisation, { id: 'edc-demo-1' })),
  },
  {
    id: 'edc-tampered',
    group: 'edc',
    title: 'Europass micro-credential, grade improved after sealing',
    format: 'edc',
    variant: 'tampered',
    expect: 'invalid',
    explain: 'The grade was changed from 9.1 to 9.9 in the sealed text: the seal covers every byte.',
    served: 'cors',
    contentType: 'application/json',
    make: async ({ sealer }) => {
      const sealed = JSON.parse(await sealer.seal(elmMicrocredential(sealer.organisation, { id: 'edc-demo-2' }))) as { payload: string };
      sealed.payload = sealed.payload.replace('9.1 / 10', '9.9 / 10');
      return JSON.stringify(sealed, null, 2);
    },
  },
  {
    id: 'edc-revoked',
    group: 'edc',
    title: 'Europass micro-credential, sealed with a revoked certificate',
    format: 'edc',
    variant: 'revoked',
    expect: 'invalid',
    explain: 'The authority had revoked the seal certificate (key compromise) before this seal was made; the revocation list travels inside the seal.',
    served: 'cors',
    contentType: 'application/json',
    make: async ({ sealer }) => sealer.seal(elmMicrocredential(sealer.organisation, { id: 'edc-demo-3' }), { revokedCertificate: true }),
  },
  {
    id: 'edc-expired',
    group: 'edc',
    title: 'Europass micro-credential, expired',
    format: 'edc',
    variant: 'expired',
    expect: 'invalid',
    explain: 'Genuinely sealed, but the credential itself states an expiry date that has passed.',
    served: 'cors',
    contentType: 'application/json',
    make: async ({ sealer }) => sealer.seal(elmMicrocredential(sealer.organisation, { id: 'edc-demo-4', expires: new Date(Date.now() - 2 * DAY) })),
  },
  // ---- Open Badges 2.0 hosted assertions ----
  {
    id: 'ob2-hosted-valid',
    group: 'ob2-hosted',
    title: 'Open Badge 2.0: Spreadsheet Modelling',
    format: 'ob2-hosted',
    variant: 'valid',
    expect: 'verified',
    explain: 'The issuer’s site publishes this assertion at its own address, unchanged, and does not list it as revoked.',
    served: 'cors',
    contentType: 'application/ld+json',
    make: async ({ ob2, origin }) => json(ob2.assertion(`${origin}/credentials/ob2-hosted-valid`)),
  },
  {
    id: 'ob2-hosted-tampered',
    group: 'ob2-hosted',
    title: 'Open Badge 2.0, a copy with edited evidence',
    format: 'ob2-hosted',
    variant: 'tampered',
    expect: 'invalid',
    explain: 'A copy of the badge above whose evidence was rewritten; the issuer’s published original differs.',
    served: 'cors',
    contentType: 'application/ld+json',
    make: async ({ ob2, origin }) =>
      json(ob2.assertion(`${origin}/credentials/ob2-hosted-valid`, { narrative: 'Built a full ERP system for a multinational and trained its finance team.' })),
  },
  {
    id: 'ob2-hosted-revoked',
    group: 'ob2-hosted',
    title: 'Open Badge 2.0, revoked',
    format: 'ob2-hosted',
    variant: 'revoked',
    expect: 'invalid',
    explain: 'The issuer’s revocationList names this assertion: it was awarded in error.',
    served: 'cors',
    contentType: 'application/ld+json',
    make: async ({ ob2, origin }) => json(ob2.assertion(`${origin}/credentials/ob2-hosted-revoked`, { revoked: true })),
  },
  {
    id: 'ob2-hosted-expired',
    group: 'ob2-hosted',
    title: 'Open Badge 2.0, expired',
    format: 'ob2-hosted',
    variant: 'expired',
    expect: 'invalid',
    explain: 'Still published by the issuer, but its expires date has passed.',
    served: 'cors',
    contentType: 'application/ld+json',
    make: async ({ ob2, origin }) => json(ob2.assertion(`${origin}/credentials/ob2-hosted-expired`, { expires: new Date(Date.now() - 10 * DAY) })),
  },
  // ---- Baked badge images ----
  {
    id: 'baked-png-valid',
    group: 'baked',
    title: 'PNG badge carrying an Open Badge 3.0',
    format: 'vc-di',
    variant: 'valid',
    expect: 'verified',
    explain: 'The picture’s openbadgecredential chunk holds a signed Open Badge 3.0; it is read out and verified.',
    served: 'cors',
    contentType: 'image/png',
    make: async ({ ed25519, origin }) =>
      bakePng(json(await ed25519.signDataIntegrity(teamworkBadge(ed25519, 'c3a6e4e2-0005-4000-8000-000000000005', { origin, status: ed25519.status.next() })))),
  },
  {
    id: 'baked-png-tampered',
    group: 'baked',
    title: 'PNG badge whose embedded credential was edited',
    format: 'vc-di',
    variant: 'tampered',
    expect: 'invalid',
    explain: 'The picture looks the same, but the credential inside was reassigned to another learner after signing.',
    served: 'cors',
    contentType: 'image/png',
    make: async ({ ed25519, origin }) => {
      const signed = await ed25519.signDataIntegrity(teamworkBadge(ed25519, 'c3a6e4e2-0006-4000-8000-000000000006', { origin }));
      (signed.credentialSubject as Record<string, unknown>).id = 'did:example:mallory';
      return bakePng(json(signed));
    },
  },
  {
    id: 'baked-svg-valid',
    group: 'baked',
    title: 'SVG badge pointing to an Open Badge 2.0 assertion',
    format: 'ob2-hosted',
    variant: 'valid',
    expect: 'verified',
    explain: 'The SVG’s openbadges:assertion element gives the hosted assertion’s address, which is fetched and checked.',
    served: 'cors',
    contentType: 'image/svg+xml',
    make: async ({ origin }) => bakeSvgHosted(`${origin}/credentials/ob2-hosted-valid`, 'XLS', '#1e7a46'),
  },
  {
    id: 'baked-svg-revoked',
    group: 'baked',
    title: 'SVG badge whose assertion was revoked',
    format: 'ob2-hosted',
    variant: 'revoked',
    expect: 'invalid',
    explain: 'A good-looking badge image, but the assertion it points to is on the issuer’s revocation list.',
    served: 'cors',
    contentType: 'image/svg+xml',
    make: async ({ origin }) => bakeSvgHosted(`${origin}/credentials/ob2-hosted-revoked`, 'XLS', '#6b6b6b'),
  },
  ...RULE_EXAMPLES,
  {
    id: 'registry-listed',
    group: 'registry',
    title: 'Certification listed in the training registry',
    format: 'vc-jose',
    variant: 'valid',
    expect: 'verified',
    registry: 'listed',
    explain: 'Names RNCP99931, which the registry lists (EQF 6, 800 h, eligible for CPF funding, registered 2023–2028) with this university as certifier.',
    served: 'cors',
    contentType: 'application/vc+jwt',
    make: async ({ jose: issuer }) => issuer.signVcJose(registryBadge(issuer, 'c3f6a4e2-0001-4000-8000-000000000001', 'RNCP99931', 'Concepteur développeur d’applications data', new Date(Date.now() - 20 * DAY))),
  },
  {
    id: 'registry-lapsed',
    group: 'registry',
    title: 'Certification whose registration had expired',
    format: 'vc-jose',
    variant: 'valid',
    expect: 'verified',
    registry: 'lapsed',
    explain: 'Genuine, but names RNCP99932, whose registration ended on 14 January 2022, before this credential was issued.',
    served: 'cors',
    contentType: 'application/vc+jwt',
    make: async ({ jose: issuer }) => issuer.signVcJose(registryBadge(issuer, 'c3f6a4e2-0002-4000-8000-000000000002', 'RNCP99932', 'Technicien en analyse de données', new Date(Date.now() - 90 * DAY))),
  },
  {
    id: 'registry-unlisted',
    group: 'registry',
    title: 'Certification the registry does not list',
    format: 'vc-jose',
    variant: 'valid',
    expect: 'verified',
    registry: 'not-listed',
    explain: 'Genuine, and names RNCP99977, a code the registry does not list.',
    served: 'cors',
    contentType: 'application/vc+jwt',
    make: async ({ jose: issuer }) => issuer.signVcJose(registryBadge(issuer, 'c3f6a4e2-0003-4000-8000-000000000003', 'RNCP99977', 'Gestionnaire de projets numériques', new Date(Date.now() - 10 * DAY))),
  },
];

export function exampleById(id: string): Example | undefined {
  return EXAMPLES.find((e) => e.id === id);
}
