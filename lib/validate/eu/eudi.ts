import { asArray } from '../../util/json.js';
import type { MicrocredentialProfile } from '../../report.js';
import { ProfileBuilder } from './profile.js';

type Obj = Record<string, unknown>;

const CLAIMS: Record<string, readonly string[]> = {
  title: ['title', 'achievement_title', 'name'],
  issuerCountry: ['issuing_country', 'issuer_country', 'country_of_issuer'],
  awardingBody: ['awarding_body', 'issuing_authority', 'provider_name'],
  issued: ['date_of_issuance', 'issuance_date', 'awarding_date', 'issued_on'],
  learningOutcomes: ['learning_outcomes', 'learning_outcome'],
  workload: ['ects_credits', 'ects', 'workload', 'notional_workload', 'volume_of_learning'],
  level: ['eqf_level', 'nqf_level', 'level'],
  assessment: ['assessment_type', 'type_of_assessment', 'assessment'],
  participation: ['form_of_participation', 'mode_of_participation', 'learning_mode'],
  qualityAssurance: ['quality_assurance', 'type_of_quality_assurance', 'accreditation'],
};

/**
 * An SD-JWT VC learning credential with flat claims (EUDI attestation style, snake_case). Only the
 * claims the holder disclosed are seen: an element withheld is missing, as the recruiter sees it.
 */
export function mapEudiClaims(claims: Obj): MicrocredentialProfile {
  const p = new ProfileBuilder();
  const name = [claims.given_name, claims.family_name].filter((v) => typeof v === 'string').join(' ');
  p.set('learner', name || (typeof claims.sub === 'string' ? claims.sub : undefined), name ? 'given_name, family_name' : 'sub');
  for (const [element, names] of Object.entries(CLAIMS)) {
    for (const claim of names) {
      if (claims[claim] !== undefined) {
        p.set(element as Parameters<ProfileBuilder['set']>[0], claims[claim], claim);
        break;
      }
    }
  }
  const vct = typeof claims.vct === 'string' ? claims.vct : '';
  p.claims = /micro[-_]?credential/i.test(vct) || asArray(claims.type).some((t) => typeof t === 'string' && /micro-?credential/i.test(t));
  return p.build();
}
