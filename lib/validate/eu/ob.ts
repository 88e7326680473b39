import { pickText } from '../../elm/read.js';
import { asArray, recordsOf } from '../../util/json.js';
import { iso2FromCountryUri } from '../../elm/countries.js';
import type { MicrocredentialProfile } from '../../report.js';
import { ProfileBuilder } from './profile.js';

type Obj = Record<string, unknown>;

/** Looks for the first of several property names on the achievement, its extensions, then the credential. */
function find(objects: Array<Obj | undefined>, names: readonly string[]): { value: unknown; key: string } | undefined {
  for (const o of objects) {
    if (!o) continue;
    for (const name of names) if (o[name] !== undefined) return { value: o[name], key: name };
    for (const [k, v] of Object.entries(o)) {
      if (/extension/i.test(k) && v && typeof v === 'object' && !Array.isArray(v)) {
        for (const name of names) if ((v as Obj)[name] !== undefined) return { value: (v as Obj)[name], key: `${k}.${name}` };
      }
    }
  }
  return undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  const r = recordsOf(value)[0];
  return r ? pickText(r.name) ?? pickText(r.prefLabel) ?? pickText(r.title) ?? pickText(r) : undefined;
}

function eqfFromAlignments(alignments: Obj[]): number | undefined {
  for (const a of alignments) {
    const url = typeof a.targetUrl === 'string' ? a.targetUrl : '';
    const m = /data\.europa\.eu\/snb\/eqf\/([1-8])/.exec(url);
    if (m?.[1]) return Number(m[1]);
    const framework = `${String(a.targetFramework ?? '')} ${String(a.targetType ?? '')}`;
    const code = `${String(a.targetCode ?? '')} ${String(a.targetName ?? '')}`;
    if (/EQF|European Qualifications Framework/i.test(framework + code)) {
      const n = /([1-8])/.exec(code);
      if (n?.[1]) return Number(n[1]);
    }
  }
  return undefined;
}

/**
 * Open Badges 3.0 and CLR 2.0 (and the EUDI micro-credential attestation, which carries the OB 3.0
 * structure in SD-JWT VC claims): achievement fields, EQF alignments, `creditsAvailable`,
 * results, the issuer's address; extensions where issuers put the EU elements.
 */
export function mapOb3(doc: Obj, sourcePrefix = ''): MicrocredentialProfile {
  const p = new ProfileBuilder();
  const subject = recordsOf(doc.credentialSubject)[0];
  const achievement: Obj | undefined = recordsOf(subject?.achievement)[0] ?? recordsOf(subject?.achievements)[0];
  const issuer = recordsOf(doc.issuer)[0] ?? recordsOf(achievement?.creator)[0];
  const s = (path: string): string => `${sourcePrefix}${path}`;
  p.claims = asArray(achievement?.achievementType).some((t) => typeof t === 'string' && /MicroCredential$/i.test(t));

  const learner = recordsOf(subject?.identifier)[0]?.identityHash ?? pickText(subject?.name) ?? subject?.id;
  p.set('learner', typeof learner === 'string' ? learner : undefined, s('credentialSubject.identifier'));
  p.set('title', pickText(achievement?.name) ?? pickText(doc.name), s('credentialSubject.achievement.name'));
  const address = recordsOf(issuer?.address)[0];
  const country = address ? iso2FromCountryUri(typeof address.addressCountryCode === 'string' ? address.addressCountryCode : undefined) ?? (typeof address.addressCountry === 'string' ? address.addressCountry : undefined) : undefined;
  p.set('issuerCountry', country, s('issuer.address.addressCountryCode'));
  p.set('awardingBody', pickText(issuer?.name) ?? (typeof doc.issuer === 'string' ? doc.issuer : undefined), s('issuer.name'));
  p.set('issued', subject?.awardedDate ?? doc.validFrom ?? doc.issuanceDate ?? doc.issued, s(subject?.awardedDate ? 'credentialSubject.awardedDate' : 'validFrom'));

  const alignments = recordsOf(achievement?.alignment);
  const outcomes = find([achievement], ['learningOutcomes', 'learningOutcome', 'learning_outcomes']);
  const outcomeTexts = outcomes ? asArray(outcomes.value).map(text).filter(Boolean) : alignments.filter((a) => !eqfFromAlignments([a])).map((a) => pickText(a.targetName)).filter(Boolean);
  p.set('learningOutcomes', outcomeTexts, s(outcomes ? `credentialSubject.achievement.${outcomes.key}` : 'credentialSubject.achievement.alignment'));

  const credits = typeof achievement?.creditsAvailable === 'number' ? achievement.creditsAvailable : typeof subject?.creditsEarned === 'number' ? subject.creditsEarned : undefined;
  const workload = find([achievement], ['ects', 'ectsCredits', 'workload', 'volumeOfLearning', 'notionalWorkload']);
  p.set('workload', credits !== undefined ? { ects: credits } : workload ? { [workload.key]: workload.value } : undefined, s(credits !== undefined ? 'credentialSubject.achievement.creditsAvailable' : `credentialSubject.achievement.${workload?.key ?? ''}`));

  const eqf = eqfFromAlignments(alignments);
  const level = find([achievement], ['eqfLevel', 'educationalLevel', 'level', 'nqfLevel']);
  p.set('level', eqf !== undefined ? { eqf } : level ? { [level.key]: text(level.value) } : undefined, s(eqf !== undefined ? 'credentialSubject.achievement.alignment' : `credentialSubject.achievement.${level?.key ?? ''}`));

  const results = recordsOf(subject?.result);
  const resultDescriptions = recordsOf(achievement?.resultDescription);
  const assessment = find([achievement], ['assessment', 'typeOfAssessment', 'assessmentType']);
  p.set(
    'assessment',
    assessment ? text(assessment.value) : resultDescriptions.length ? resultDescriptions.map((r) => pickText(r.name) ?? r.resultType).filter(Boolean) : results.length ? 'results stated' : undefined,
    s(assessment ? `credentialSubject.achievement.${assessment.key}` : resultDescriptions.length ? 'credentialSubject.achievement.resultDescription' : 'credentialSubject.result'),
  );
  const participation = find([achievement, subject], ['modeOfParticipation', 'participation', 'formOfParticipation', 'learningMode', 'mode', 'deliveryMode']);
  p.set('participation', participation ? text(participation.value) : undefined, s(`credentialSubject.achievement.${participation?.key ?? ''}`));
  const qa = find([achievement, issuer], ['qualityAssurance', 'accreditation', 'typeOfQualityAssurance']);
  p.set('qualityAssurance', qa ? asArray(qa.value).map(text).filter(Boolean) : undefined, s(`credentialSubject.achievement.${qa?.key ?? ''}`));
  return p.build();
}

/** Open Badges 2.0: badge class name, criteria, alignments, issuer; most EU elements have no OB 2.0 field. */
export function mapOb2(doc: Obj): MicrocredentialProfile {
  const p = new ProfileBuilder();
  const badge = recordsOf(doc.badge)[0];
  const issuer = recordsOf(badge?.issuer)[0];
  const recipient = recordsOf(doc.recipient)[0];
  p.set('learner', typeof recipient?.identity === 'string' ? recipient.identity : undefined, 'recipient.identity');
  p.set('title', typeof badge?.name === 'string' ? badge.name : undefined, 'badge.name');
  p.set('awardingBody', typeof issuer?.name === 'string' ? issuer.name : undefined, 'badge.issuer.name');
  p.set('issued', doc.issuedOn, 'issuedOn');
  const alignments = recordsOf(badge?.alignment);
  const eqf = eqfFromAlignments(alignments);
  p.set('learningOutcomes', alignments.filter((a) => !eqfFromAlignments([a])).map((a) => a.targetName).filter((t) => typeof t === 'string'), 'badge.alignment');
  p.set('level', eqf !== undefined ? { eqf } : undefined, 'badge.alignment');
  p.set('assessment', doc.evidence !== undefined ? 'evidence stated' : undefined, 'evidence');
  p.claims = asArray(badge?.tags).some((t) => typeof t === 'string' && /micro-?credential/i.test(t));
  return p.build();
}
