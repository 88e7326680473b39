import {
  achievementOf,
  awardingOf,
  claimsMicrocredentialElm,
  conceptLabel,
  countryOf,
  eqfOf,
  ectsOf,
  pickText,
  specificationOf,
} from '../../elm/read.js';
import { recordsOf } from '../../util/json.js';
import type { MicrocredentialProfile } from '../../report.js';
import { ProfileBuilder } from './profile.js';

/** European Learning Model 3 (Europass EDC, and EDC on VCDM 2.0): the profile's native model. */
export function mapElm(doc: Record<string, unknown>): MicrocredentialProfile {
  const p = new ProfileBuilder();
  p.claims = claimsMicrocredentialElm(doc);
  const subject = recordsOf(doc.credentialSubject)[0];
  const claim = achievementOf(doc);
  const spec = specificationOf(claim);
  const awarded = awardingOf(claim);
  const body = recordsOf(awarded?.awardingBody)[0] ?? recordsOf(doc.issuer)[0];
  const path = 'credentialSubject.hasClaim';

  const learner = pickText(subject?.fullName) ?? ([pickText(subject?.givenName), pickText(subject?.familyName)].filter(Boolean).join(' ') || undefined);
  p.set('learner', learner, 'credentialSubject.fullName').set('learner', typeof subject?.id === 'string' ? subject.id : undefined, 'credentialSubject.id');
  p.set('title', pickText(claim?.title) ?? pickText(spec?.title), `${path}.title`);
  p.set('issuerCountry', countryOf(body), `${path}.awardedBy.awardingBody.location.address.countryCode`);
  p.set('awardingBody', pickText(body?.legalName), `${path}.awardedBy.awardingBody.legalName`);
  p.set('issued', awarded?.awardingDate ?? doc.issued ?? doc.issuanceDate ?? doc.validFrom, awarded?.awardingDate ? `${path}.awardedBy.awardingDate` : 'issued');
  p.set('learningOutcomes', recordsOf(spec?.learningOutcome).map((o) => pickText(o.title)).filter(Boolean), `${path}.specifiedBy.learningOutcome`);
  const ects = ectsOf(spec);
  const volume = typeof spec?.volumeOfLearning === 'string' ? spec.volumeOfLearning : undefined;
  p.set('workload', { ...(ects !== undefined ? { ects } : {}), ...(volume ? { volumeOfLearning: volume } : {}) }, `${path}.specifiedBy.creditPoint`);
  const eqf = eqfOf(spec);
  const nqf = recordsOf(spec?.nqfLevel).map((n) => conceptLabel(n)).filter(Boolean);
  p.set('level', { ...(eqf !== undefined ? { eqf } : {}), ...(nqf.length ? { nqf } : {}) }, `${path}.specifiedBy.eqfLevel`);
  const assessment = recordsOf(claim?.provenBy)[0];
  p.set('assessment', assessment ? pickText(assessment.title) ?? conceptLabel(recordsOf(assessment.specifiedBy)[0]?.dcType) ?? 'stated' : undefined, `${path}.provenBy`);
  p.set('participation', conceptLabel(spec?.mode) ?? conceptLabel(spec?.learningSetting), `${path}.specifiedBy.mode`);
  const qa = [
    ...recordsOf(spec?.accreditation ?? spec?.hasAccreditation),
    ...recordsOf(body?.accreditation),
    ...recordsOf(doc.accreditation),
  ].map((a) => pickText(a.title) ?? conceptLabel(a.dcType) ?? (typeof a.id === 'string' ? a.id : undefined));
  p.set('qualityAssurance', qa.filter(Boolean), `${path}.specifiedBy.accreditation`);
  return p.build();
}
