import { FlattenedSign, importJWK, type JWK } from 'jose';
import type { TestCert } from './test-ca.js';

/**
 * Seals a payload as a JAdES baseline-B seal in JWS JSON general serialisation with an unencoded
 * payload (`b64: false`), the way Europass EDC issuers do. `header` overrides or adds protected
 * header parameters (an unknown `crit`, a wrong thumbprint...).
 */
export async function sealJades(
  payload: Record<string, unknown> | string,
  leaf: TestCert,
  opts: { alg?: 'RS256' | 'PS256' | 'ES256'; sigT?: string; header?: Record<string, unknown>; chain?: TestCert[]; crls?: string[] } = {},
): Promise<string> {
  const alg = opts.alg ?? (leaf.keys.privateKey.algorithm.name === 'ECDSA' ? 'ES256' : 'RS256');
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const jwk = (await crypto.subtle.exportKey('jwk', leaf.keys.privateKey)) as JWK;
  delete jwk.alg;
  delete jwk.key_ops;
  const key = await importJWK(jwk, alg);
  const header = {
    alg,
    b64: false,
    crit: ['b64', 'sigT'],
    sigT: opts.sigT ?? '2026-06-01T10:00:00Z',
    x5c: [leaf.b64, ...(opts.chain ?? []).map((c) => c.b64)],
    typ: 'jose+json',
    cty: 'application/vc+ld+json',
    ...opts.header,
  };
  const crit = Object.fromEntries((header.crit as string[]).filter((c) => c !== 'b64').map((c) => [c, true]));
  const jws = await new FlattenedSign(new TextEncoder().encode(text)).setProtectedHeader(header).sign(key, { crit });
  // Baseline-B seals carry no validation data; a CRL (as in baseline-LT) goes in the unprotected etsiU.
  const etsiU = opts.crls ? [Buffer.from(JSON.stringify({ rVals: { crlVals: opts.crls.map((val) => ({ val })) } })).toString('base64url')] : undefined;
  return JSON.stringify({ payload: text, signatures: [{ protected: jws.protected, ...(etsiU ? { header: { etsiU } } : {}), signature: jws.signature }] });
}

/** An ELM 3 micro-credential with all eleven EU elements; `omit` drops some of them. */
export function elmMicrocredential(opts: { issuerId?: string; issuerCountry?: string; omit?: string[]; mandate?: boolean } = {}): Record<string, unknown> {
  const omit = new Set(opts.omit ?? []);
  const country = (c: string): Record<string, unknown> => ({ id: `http://publications.europa.eu/resource/authority/country/${c}`, type: 'Concept' });
  const spec: Record<string, unknown> = {
    id: 'urn:epass:qualification:1',
    type: 'Qualification',
    title: { en: 'Data Literacy for Teachers', es: 'Alfabetización de datos para docentes' },
    ...(omit.has('learningOutcomes') ? {} : { learningOutcome: [{ id: 'urn:epass:lo:1', type: 'LearningOutcome', title: { en: 'Interprets descriptive statistics' } }] }),
    ...(omit.has('workload') ? {} : { creditPoint: [{ id: 'urn:epass:cp:1', type: 'CreditPoint', framework: { id: 'http://data.europa.eu/snb/education-credit/6fcec5c5af', type: 'Concept', prefLabel: { en: 'ECTS' } }, point: 3 }], volumeOfLearning: 'PT75H' }),
    ...(omit.has('level') ? {} : { eqfLevel: { id: 'http://data.europa.eu/snb/eqf/6', type: 'Concept', prefLabel: { en: 'Level 6' } } }),
    ...(omit.has('participation') ? {} : { mode: { id: 'http://data.europa.eu/snb/learning-assessment/920fbb3cbe', type: 'Concept', prefLabel: { en: 'Online' } } }),
    ...(omit.has('qualityAssurance') ? {} : { accreditation: [{ id: 'urn:epass:accreditation:1', type: 'Accreditation', title: { en: 'ANECA institutional accreditation' } }] }),
  };
  const body = {
    id: 'urn:epass:org:1',
    type: 'Organisation',
    legalName: { en: 'Universidad de Prueba' },
    eIDASIdentifier: { id: 'urn:epass:legalIdentifier:1', type: 'LegalIdentifier', notation: opts.issuerId ?? 'Q2818014I', spatial: country(opts.issuerCountry ?? 'ESP') },
    location: [{ id: 'urn:epass:location:1', type: 'Location', address: [{ id: 'urn:epass:address:1', type: 'Address', countryCode: country(opts.issuerCountry ?? 'ESP') }] }],
  };
  return {
    '@context': ['https://www.w3.org/2018/credentials/v1', 'http://data.europa.eu/snb/model/context/edc-ap'],
    id: 'urn:credential:test-1',
    type: ['VerifiableCredential', 'EuropeanDigitalCredential'],
    credentialProfiles: [{ id: 'http://data.europa.eu/snb/credential/mc', type: 'Concept', prefLabel: { en: 'Micro-credential' } }],
    issuer: body,
    issuanceDate: '2026-06-01T10:00:00Z',
    issued: '2026-06-01T10:00:00Z',
    credentialSubject: {
      id: 'urn:epass:person:1',
      type: 'Person',
      ...(omit.has('learner') ? {} : { fullName: { en: 'Ana García' } }),
      hasClaim: {
        id: 'urn:epass:learningAchievement:1',
        type: 'LearningAchievement',
        ...(omit.has('title') ? {} : { title: { en: 'Data Literacy for Teachers', es: 'Alfabetización de datos' } }),
        awardedBy: { id: 'urn:epass:awardingProcess:1', type: 'AwardingProcess', awardingBody: body, awardingDate: '2026-05-30T00:00:00Z' },
        ...(omit.has('assessment') ? {} : { provenBy: { id: 'urn:epass:assessment:1', type: 'LearningAssessment', title: { en: 'Written exam' }, grade: { id: 'urn:epass:note:1', type: 'Note', noteLiteral: { en: '9/10' } } } }),
        specifiedBy: spec,
      },
    },
    ...(opts.mandate ? { evidence: [{ id: 'urn:epass:evidence:1', type: 'Evidence', prefLabel: { en: 'Mandate' }, evidenceStatement: { en: 'Sello Servicios SL seals on behalf of the university.' } }] } : {}),
  };
}
