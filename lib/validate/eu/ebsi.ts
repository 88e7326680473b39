import { pickText } from '../../elm/read.js';
import { asArray, recordsOf } from '../../util/json.js';
import { iso2FromCountryUri } from '../../elm/countries.js';
import type { MicrocredentialProfile } from '../../report.js';
import { ProfileBuilder } from './profile.js';

type Obj = Record<string, unknown>;

/**
 * EBSI diploma attestations (VerifiableDiploma / VerifiableAttestation on ELM 2): the subject's
 * `achieved` learning achievements, `wasAwardedBy`, `specifiedBy` (EQF, ECTS, volume), `wasDerivedFrom`.
 */
export function mapEbsi(doc: Obj): MicrocredentialProfile {
  const p = new ProfileBuilder();
  const subject = recordsOf(doc.credentialSubject)[0];
  const achieved = recordsOf(subject?.achieved)[0];
  const spec = recordsOf(achieved?.specifiedBy)[0];
  const awarded = recordsOf(achieved?.wasAwardedBy)[0];
  const path = 'credentialSubject.achieved';
  const name = [pickText(subject?.givenNames ?? subject?.firstName), pickText(subject?.familyName)].filter(Boolean).join(' ');
  p.set('learner', name || (typeof subject?.id === 'string' ? subject.id : undefined), 'credentialSubject');
  p.set('title', pickText(achieved?.title) ?? pickText(spec?.title), `${path}.title`);
  const body = recordsOf(awarded?.awardingBody)[0];
  const country = iso2FromCountryUri(typeof awarded?.awardingLocation === 'string' ? awarded.awardingLocation : typeof asArray(awarded?.awardingLocation)[0] === 'string' ? String(asArray(awarded?.awardingLocation)[0]) : undefined) ?? (typeof body?.homeLocation === 'string' ? iso2FromCountryUri(body.homeLocation) : undefined);
  p.set('issuerCountry', country, `${path}.wasAwardedBy.awardingLocation`);
  p.set('awardingBody', pickText(body?.preferredName) ?? pickText(body?.legalName) ?? (typeof asArray(awarded?.awardingBody)[0] === 'string' ? String(asArray(awarded?.awardingBody)[0]) : undefined), `${path}.wasAwardedBy.awardingBody`);
  p.set('issued', awarded?.awardingDate ?? doc.issuanceDate ?? doc.issued ?? doc.validFrom, `${path}.wasAwardedBy.awardingDate`);
  p.set('learningOutcomes', recordsOf(achieved?.hasPart ?? spec?.learningOutcome ?? achieved?.learningOutcome).map((o) => pickText(o.title) ?? pickText(o.name)).filter(Boolean), `${path}.specifiedBy.learningOutcome`);
  const ects = spec?.ectsCreditPoints ?? spec?.ECTSCreditPoints ?? spec?.creditPoints;
  const volume = spec?.volumeOfLearning;
  p.set('workload', { ...(ects !== undefined ? { ects } : {}), ...(volume !== undefined ? { volumeOfLearning: volume } : {}) }, `${path}.specifiedBy.ectsCreditPoints`);
  const eqf = typeof spec?.eqfLevel === 'string' ? /([1-8])$/.exec(spec.eqfLevel)?.[1] : typeof spec?.eqfLevel === 'number' ? String(spec.eqfLevel) : undefined;
  p.set('level', eqf ? { eqf: Number(eqf) } : spec?.nqfLevel ? { nqf: asArray(spec.nqfLevel) } : undefined, `${path}.specifiedBy.eqfLevel`);
  const assessment = recordsOf(achieved?.wasDerivedFrom)[0];
  p.set('assessment', assessment ? pickText(assessment.title) ?? 'stated' : undefined, `${path}.wasDerivedFrom`);
  p.set('participation', pickText(spec?.mode) ?? pickText(spec?.learningSetting), `${path}.specifiedBy.mode`);
  p.set('qualityAssurance', recordsOf(spec?.hasAccreditation ?? spec?.accreditation).map((a) => pickText(a.title) ?? a.id).filter(Boolean), `${path}.specifiedBy.hasAccreditation`);
  p.claims = asArray(doc.type).some((t) => typeof t === 'string' && /micro-?credential/i.test(t));
  return p.build();
}
