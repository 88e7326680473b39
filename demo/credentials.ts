import { createHash, randomBytes } from 'node:crypto';
import type { DidKeyIssuer } from './issuers/did-key.js';

/**
 * The contents of the demo credentials of the Data Integrity, SD-JWT VC, EBSI and Europass
 * examples (the JOSE ones are in examples.ts). Learner: Anna Kowalska, applying for a data job.
 */

const V1 = 'https://www.w3.org/2018/credentials/v1';
const V2 = 'https://www.w3.org/ns/credentials/v2';
const OB3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** An Open Badge 3.0 (a plain badge, not a micro-credential) from the Ed25519 did:key. */
export function teamworkBadge(issuer: DidKeyIssuer, id: string, options: { status?: number; validUntil?: Date; origin: string }): Record<string, unknown> {
  const badge: Record<string, unknown> = {
    '@context': [V2, OB3],
    id: `urn:uuid:${id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer.did, type: ['Profile'], name: 'Politecnico Demo di Torino', url: options.origin },
    validFrom: iso(Date.now() - 45 * DAY),
    name: 'Agile Team Leadership',
    credentialSubject: {
      id: 'did:example:learner-anna',
      type: ['AchievementSubject'],
      achievement: {
        id: `${options.origin}/achievements/agile-team-leadership`,
        type: ['Achievement'],
        achievementType: 'Badge',
        name: 'Agile Team Leadership',
        description: 'Led a five-person student team through three two-week sprints, with retrospectives and a public demo.',
        criteria: { narrative: 'Assessed by the course tutor on the sprint records and peer feedback.' },
      },
    },
  };
  if (options.validUntil) badge.validUntil = iso(options.validUntil.getTime());
  if (options.status !== undefined) badge.credentialStatus = issuer.status.entry(options.status);
  return badge;
}

/** A plain VC 2.0 language certificate from the P-256 did:key. */
export function languageCertificate(issuer: DidKeyIssuer, id: string, options: { status?: number; validUntil?: Date } = {}): Record<string, unknown> {
  const credential: Record<string, unknown> = {
    '@context': [V2],
    id: `urn:uuid:${id}`,
    type: ['VerifiableCredential'],
    issuer: { id: issuer.did, name: 'Instytut Demo Języków, Kraków' },
    validFrom: iso(Date.now() - 200 * DAY),
    name: 'English for Professional Purposes, CEFR level B2',
    description: 'Passed the written and oral examination at level B2 of the Common European Framework of Reference for Languages.',
    credentialSubject: { id: 'did:example:learner-anna', name: 'Anna Kowalska' },
  };
  if (options.validUntil) credential.validUntil = iso(options.validUntil.getTime());
  if (options.status !== undefined) credential.credentialStatus = issuer.status.entry(options.status);
  return credential;
}

/**
 * An SD-JWT VC (draft-ietf-oauth-sd-jwt-vc) with every personal claim selectively disclosable and,
 * given a position, a `status` claim naming the issuer's IETF token status list.
 */
export async function sdJwtLanguageCertificate(
  issuer: DidKeyIssuer,
  options: { exp?: Date; hide?: string[]; alter?: Record<string, unknown>; status?: number } = {},
): Promise<string> {
  const claims: Array<[string, unknown]> = [
    ['given_name', 'Anna'],
    ['family_name', 'Kowalska'],
    ['birthdate', '1998-04-17'],
    ['certificate', 'Deutsch als Fremdsprache (German as a foreign language)'],
    ['level', 'CEFR C1'],
    ['score', '87 / 100'],
  ];
  const disclosures = claims.map(([name, value]) => Buffer.from(JSON.stringify([randomBytes(12).toString('base64url'), name, value])).toString('base64url'));
  const digest = (d: string) => createHash('sha256').update(d).digest('base64url');
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    iss: issuer.did,
    vct: 'https://credentials.example/language-certificate',
    iat: now - 20 * 86_400,
    exp: Math.floor((options.exp?.getTime() ?? Date.now() + 700 * DAY) / 1000),
    issuing_body: 'Sprachschule Demo Wien',
    _sd: disclosures.map(digest).sort(),
    _sd_alg: 'sha-256',
  };
  // The status claim stays in the issuer-signed part (SD-JWT VC §3.2.2.2): a holder cannot withhold it.
  if (options.status !== undefined) payload.status = issuer.tokenStatus.claim(options.status);
  const jwt = await issuer.signJwt(payload, { typ: 'dc+sd-jwt' });
  // What the holder presents: every disclosure but the hidden ones; an altered one is what a forger would send.
  const shown: string[] = [];
  claims.forEach(([name], i) => {
    if (options.hide?.includes(name)) return;
    const original = disclosures[i]!;
    if (!options.alter || !(name in options.alter)) return void shown.push(original);
    const [salt] = JSON.parse(Buffer.from(original, 'base64url').toString('utf8')) as [string];
    shown.push(Buffer.from(JSON.stringify([salt, name, options.alter[name]])).toString('base64url'));
  });
  return `${jwt}~${shown.join('~')}~`;
}

/** An EBSI verifiable attestation (a diploma supplement style VC-JWT) whose JWT claims restate the credential. */
export async function ebsiAttestation(issuer: DidKeyIssuer, id: string, options: { status?: number; expires?: Date } = {}): Promise<string> {
  const issued = Date.now() - 120 * DAY;
  const vc: Record<string, unknown> = {
    '@context': [V1],
    id: `urn:uuid:${id}`,
    type: ['VerifiableCredential', 'VerifiableAttestation', 'VerifiableDiploma'],
    issuer: issuer.did,
    issuanceDate: iso(issued),
    validFrom: iso(issued),
    issued: iso(issued),
    name: 'Bachelor of Science in Statistics',
    description: 'Awarded on completion of a three-year programme (180 ECTS).',
    credentialSubject: {
      id: 'did:example:learner-anna',
      familyName: 'Kowalska',
      firstName: 'Anna',
      achieved: [{ id: `urn:uuid:${id}-achievement`, title: 'Bachelor of Science in Statistics' }],
    },
  };
  if (options.expires) vc.expirationDate = iso(options.expires.getTime());
  if (options.status !== undefined) vc.credentialStatus = issuer.status.entry(options.status);
  const payload: Record<string, unknown> = { iss: issuer.did, sub: 'did:example:learner-anna', jti: vc.id, iat: Math.floor(issued / 1000), nbf: Math.floor(issued / 1000), vc };
  if (options.expires) payload.exp = Math.floor(options.expires.getTime() / 1000);
  return issuer.signJwt(payload, { typ: 'JWT' });
}

/**
 * A Europass (ELM 3) micro-credential stating all eleven elements of the EU Council
 * Recommendation on micro-credentials (2022): learner, title, country, awarding body, date,
 * learning outcomes, workload, level, assessment, form of participation and quality assurance.
 */
export function elmMicrocredential(organisation: { name: string; vatId: string; country: string }, options: { id: string; expires?: Date }): Record<string, unknown> {
  const country = { id: 'http://publications.europa.eu/resource/authority/country/ESP', type: 'Concept' };
  const issued = iso(Date.now() - 10 * DAY);
  const body = {
    id: 'urn:epass:org:demo-valencia',
    type: 'Organisation',
    legalName: { en: organisation.name, es: organisation.name },
    eIDASIdentifier: { id: 'urn:epass:legalIdentifier:demo-valencia', type: 'LegalIdentifier', notation: organisation.vatId, spatial: country },
    location: [{ id: 'urn:epass:location:demo-valencia', type: 'Location', address: [{ id: 'urn:epass:address:demo-valencia', type: 'Address', countryCode: country }] }],
  };
  const credential: Record<string, unknown> = {
    '@context': [V1, 'http://data.europa.eu/snb/model/context/edc-ap'],
    id: `urn:credential:${options.id}`,
    type: ['VerifiableCredential', 'EuropeanDigitalCredential'],
    credentialProfiles: [{ id: 'http://data.europa.eu/snb/credential/mc', type: 'Concept', prefLabel: { en: 'Micro-credential' } }],
    issuer: body,
    issuanceDate: issued,
    issued,
    credentialSubject: {
      id: 'urn:epass:person:anna',
      type: 'Person',
      fullName: { en: 'Anna Kowalska' },
      hasClaim: {
        id: 'urn:epass:learningAchievement:1',
        type: 'LearningAchievement',
        title: { en: 'Data Visualisation for Decision Makers', es: 'Visualización de datos para la toma de decisiones' },
        awardedBy: { id: 'urn:epass:awardingProcess:1', type: 'AwardingProcess', awardingBody: body, awardingDate: iso(Date.now() - 12 * DAY) },
        provenBy: {
          id: 'urn:epass:assessment:1',
          type: 'LearningAssessment',
          title: { en: 'Project: an interactive dashboard, defended before a panel' },
          grade: { id: 'urn:epass:note:1', type: 'Note', noteLiteral: { en: '9.1 / 10' } },
        },
        specifiedBy: {
          id: 'urn:epass:qualification:dataviz',
          type: 'Qualification',
          title: { en: 'Data Visualisation for Decision Makers' },
          learningOutcome: [
            { id: 'urn:epass:lo:1', type: 'LearningOutcome', title: { en: 'Chooses a chart that fits the question and the data' } },
            { id: 'urn:epass:lo:2', type: 'LearningOutcome', title: { en: 'Builds an accessible interactive dashboard' } },
          ],
          creditPoint: [{ id: 'urn:epass:cp:1', type: 'CreditPoint', framework: { id: 'http://data.europa.eu/snb/education-credit/6fcec5c5af', type: 'Concept', prefLabel: { en: 'ECTS' } }, point: 4 }],
          volumeOfLearning: 'PT100H',
          eqfLevel: { id: 'http://data.europa.eu/snb/eqf/6', type: 'Concept', prefLabel: { en: 'Level 6' } },
          mode: { id: 'http://data.europa.eu/snb/learning-assessment/920fbb3cbe', type: 'Concept', prefLabel: { en: 'Online' } },
          accreditation: [{ id: 'urn:epass:accreditation:1', type: 'Accreditation', title: { en: 'ANECA institutional accreditation (demo)' } }],
        },
      },
    },
  };
  if (options.expires) credential.expirationDate = iso(options.expires.getTime());
  return credential;
}
