import type { FormatId, Verdict } from '../lib/index.js';
import { tamperJwt, type DemoIssuer } from './issuer.js';

/**
 * Every example credential the demo serves, as data. Add a format here when its handler lands in
 * lib/formats/index.ts: the examples page, the smoke test and the e2e tests read this list.
 */
export type Variant = 'valid' | 'tampered' | 'revoked' | 'expired' | 'unverifiable' | 'hostile';

export interface Example {
  id: string;
  title: string;
  format: FormatId;
  variant: Variant;
  /** The verdict once the format is supported (until then: unverifiable, FORMAT_UNSUPPORTED). */
  expect: Verdict;
  /** The verdict on a server (no CORS there), when it differs from the browser's. */
  expectServer?: Verdict;
  /** One sentence for the examples page. */
  explain: string;
  /** `no-cors`: served from the issuer without CORS headers, as many real issuers do. */
  served: 'cors' | 'no-cors';
  contentType: string;
  make(issuer: DemoIssuer): Promise<string>;
}

const V1 = 'https://www.w3.org/2018/credentials/v1';
const V2 = 'https://www.w3.org/ns/credentials/v2';
const OB3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const DAY = 86_400_000;

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

const HOSTILE_NAME = 'Certificate <img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>';
const HOSTILE_DESCRIPTION = '<b>bold?</b> <a href="javascript:alert(1)">click</a> <script>window.__pwned=1</script>';

export const EXAMPLES: readonly Example[] = [
  {
    id: 'vc-jwt-valid',
    title: 'Course certificate (VC-JWT)',
    format: 'vc-jwt',
    variant: 'valid',
    expect: 'verified',
    explain: 'Signed by the demo issuer, which the job board’s trust list vouches for; valid and not revoked.',
    served: 'cors',
    contentType: 'application/jwt',
    make: async (issuer) => issuer.signVcJwt(badgeV1(issuer, 'a1f4e2c0-0001-4000-8000-000000000001', { status: issuer.nextStatusIndex() })),
  },
  {
    id: 'vc-jwt-tampered',
    title: 'Course certificate, edited after signing (VC-JWT)',
    format: 'vc-jwt',
    variant: 'tampered',
    expect: 'invalid',
    explain: 'The learner name was changed after the issuer signed it, so the signature no longer matches.',
    served: 'cors',
    contentType: 'application/jwt',
    make: async (issuer) => {
      const jwt = await issuer.signVcJwt(badgeV1(issuer, 'a1f4e2c0-0002-4000-8000-000000000002'));
      return tamperJwt(jwt, (payload) => {
        const vc = payload.vc as { credentialSubject: { name: string } };
        vc.credentialSubject.name = 'Mallory Forger';
      });
    },
  },
  {
    id: 'vc-jwt-revoked',
    title: 'Course certificate, revoked by the issuer (VC-JWT)',
    format: 'vc-jwt',
    variant: 'revoked',
    expect: 'invalid',
    explain: 'Genuine, but the issuer has since revoked it in its Bitstring Status List.',
    served: 'cors',
    contentType: 'application/jwt',
    make: async (issuer) => {
      const index = issuer.nextStatusIndex();
      issuer.revoked.add(index);
      return issuer.signVcJwt(badgeV1(issuer, 'a1f4e2c0-0003-4000-8000-000000000003', { status: index }));
    },
  },
  {
    id: 'vc-jwt-expired',
    title: 'Course certificate, expired (VC-JWT)',
    format: 'vc-jwt',
    variant: 'expired',
    expect: 'invalid',
    explain: 'Genuine, but it was only valid until last month.',
    served: 'cors',
    contentType: 'application/jwt',
    make: async (issuer) =>
      issuer.signVcJwt(
        badgeV1(issuer, 'a1f4e2c0-0004-4000-8000-000000000004', { issued: new Date(Date.now() - 400 * DAY), expires: new Date(Date.now() - 30 * DAY) }),
      ),
  },
  {
    id: 'vc-jwt-no-cors',
    title: 'Course certificate on a server that blocks other websites (VC-JWT)',
    format: 'vc-jwt',
    variant: 'unverifiable',
    expect: 'unverifiable',
    expectServer: 'verified',
    explain: 'The issuer serves it without CORS headers, so a web page cannot read it: unverifiable in the browser (the job board can use its proxy or re-verify on its server).',
    served: 'no-cors',
    contentType: 'application/jwt',
    make: async (issuer) => issuer.signVcJwt(badgeV1(issuer, 'a1f4e2c0-0005-4000-8000-000000000005')),
  },
  {
    id: 'vc-jwt-hostile',
    title: 'Credential whose name holds HTML and script (VC-JWT)',
    format: 'vc-jwt',
    variant: 'hostile',
    expect: 'verified',
    explain: 'Genuinely signed, but its name and description contain markup: it must show as text and run nothing.',
    served: 'cors',
    contentType: 'application/jwt',
    make: async (issuer) =>
      issuer.signVcJwt(badgeV1(issuer, 'a1f4e2c0-0006-4000-8000-000000000006', { name: HOSTILE_NAME, description: HOSTILE_DESCRIPTION })),
  },
  {
    id: 'ob3-jose-valid',
    title: 'EU micro-credential, Open Badge 3.0 (VC-JOSE)',
    format: 'vc-jose',
    variant: 'valid',
    expect: 'warning',
    explain: 'A genuine Open Badge that presents itself as a micro-credential; the EU elements it does not state are listed.',
    served: 'cors',
    contentType: 'application/vc+jwt',
    make: async (issuer) => issuer.signVcJose(microcredentialV2(issuer, 'b2e5f3d1-0001-4000-8000-000000000001', { status: issuer.nextStatusIndex() })),
  },
  {
    id: 'ob3-jose-tampered',
    title: 'EU micro-credential, credits inflated after signing (VC-JOSE)',
    format: 'vc-jose',
    variant: 'tampered',
    expect: 'invalid',
    explain: 'Someone raised the ECTS credits from 5 to 30 without the issuer’s key.',
    served: 'cors',
    contentType: 'application/vc+jwt',
    make: async (issuer) => {
      const jwt = await issuer.signVcJose(microcredentialV2(issuer, 'b2e5f3d1-0002-4000-8000-000000000002'));
      return tamperJwt(jwt, (payload) => {
        const subject = payload.credentialSubject as { achievement: { creditsAvailable: number } };
        subject.achievement.creditsAvailable = 30;
      });
    },
  },
  {
    id: 'ob3-jose-revoked',
    title: 'EU micro-credential, revoked (VC-JOSE)',
    format: 'vc-jose',
    variant: 'revoked',
    expect: 'invalid',
    explain: 'Genuine, but revoked in the issuer’s status list.',
    served: 'cors',
    contentType: 'application/vc+jwt',
    make: async (issuer) => {
      const index = issuer.nextStatusIndex();
      issuer.revoked.add(index);
      return issuer.signVcJose(microcredentialV2(issuer, 'b2e5f3d1-0003-4000-8000-000000000003', { status: index }));
    },
  },
  {
    id: 'ob3-jose-expired',
    title: 'EU micro-credential, expired (VC-JOSE)',
    format: 'vc-jose',
    variant: 'expired',
    expect: 'invalid',
    explain: 'Its validUntil date has passed.',
    served: 'cors',
    contentType: 'application/vc+jwt',
    make: async (issuer) => issuer.signVcJose(microcredentialV2(issuer, 'b2e5f3d1-0004-4000-8000-000000000004', { validUntil: new Date(Date.now() - 2 * DAY) })),
  },
];

export function exampleById(id: string): Example | undefined {
  return EXAMPLES.find((e) => e.id === id);
}
