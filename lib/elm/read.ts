import { asArray, isRecord, recordsOf, stringsOf } from '../util/json.js';
import type { CredentialSummary, PartySummary } from '../report.js';
import { iso2FromCountryUri } from './countries.js';

/**
 * Reading a European Learning Model (ELM 3) credential as plain JSON: the sealed bytes are what is
 * verified, so no JSON-LD processing (and no edc-ap context) is needed to summarise it.
 */

type Obj = Record<string, unknown>;

export function readerLanguages(): string[] {
  const nav = (globalThis as { navigator?: { languages?: readonly string[]; language?: string } }).navigator;
  const langs = nav?.languages?.length ? [...nav.languages] : nav?.language ? [nav.language] : [];
  return [...langs.map((l) => l.toLowerCase()), 'en'];
}

/**
 * An ELM language map (`{ "en": "…", "de": "…" }`, or a list of them, or a plain string) in the
 * reader's language, falling back to its base language, English, then the first one given.
 */
export function pickText(value: unknown, languages: readonly string[] = readerLanguages()): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const v of value) {
      const text = pickText(v, languages);
      if (text !== undefined) return text;
    }
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  if (typeof value['@value'] === 'string') return value['@value'];
  const entries = Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string' || (Array.isArray(e[1]) && typeof e[1][0] === 'string'));
  const text = (k: string): string | undefined => {
    const v = value[k];
    return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;
  };
  for (const lang of languages) {
    const exact = entries.find(([k]) => k.toLowerCase() === lang);
    if (exact) return text(exact[0]);
    const base = lang.split('-')[0] ?? lang;
    const partial = entries.find(([k]) => k.toLowerCase().split('-')[0] === base);
    if (partial) return text(partial[0]);
  }
  const first = entries[0];
  return first ? text(first[0]) : undefined;
}

/** A SKOS concept's label (prefLabel), else its notation, else its id. */
export function conceptLabel(value: unknown, languages?: readonly string[]): string | undefined {
  const c = recordsOf(value)[0];
  if (!c) return typeof value === 'string' ? value : undefined;
  return pickText(c.prefLabel, languages) ?? (typeof c.notation === 'string' ? c.notation : undefined) ?? (typeof c.id === 'string' ? c.id : undefined);
}

export function isElmDocument(doc: Obj): boolean {
  const ctx = stringsOf(doc['@context']);
  const types = stringsOf(doc.type);
  return ctx.some((c) => c.includes('data.europa.eu/snb')) || types.includes('EuropeanDigitalCredential') || types.includes('europassCredential');
}

/** The claims of the subject: learning achievements (and entitlements, activities, assessments). */
export function claimsOf(doc: Obj): Obj[] {
  const subject = recordsOf(doc.credentialSubject)[0];
  if (!subject) return [];
  return recordsOf(subject.hasClaim ?? subject.achieved ?? subject.hasAchieved);
}

export function achievementOf(doc: Obj): Obj | undefined {
  const claims = claimsOf(doc);
  return claims.find((c) => asArray(c.type).includes('LearningAchievement')) ?? claims[0];
}

export function specificationOf(claim: Obj | undefined): Obj | undefined {
  return claim ? recordsOf(claim.specifiedBy)[0] : undefined;
}

export function awardingOf(claim: Obj | undefined): Obj | undefined {
  return claim ? recordsOf(claim.awardedBy)[0] : undefined;
}

export function countryOf(org: Obj | undefined): string | undefined {
  if (!org) return undefined;
  for (const loc of recordsOf(org.location)) {
    for (const address of recordsOf(loc.address)) {
      const code = recordsOf(address.countryCode)[0];
      const iso = iso2FromCountryUri(typeof code?.id === 'string' ? code.id : undefined);
      if (iso) return iso;
    }
  }
  for (const key of ['eIDASIdentifier', 'legalIdentifier', 'registration', 'vatIdentifier']) {
    const id = recordsOf(org[key])[0];
    const spatial = recordsOf(id?.spatial)[0];
    const iso = iso2FromCountryUri(typeof spatial?.id === 'string' ? spatial.id : undefined);
    if (iso) return iso;
  }
  return undefined;
}

/** Legal identifiers an ELM organisation states, with the country each is registered in. */
export function legalIdentifiersOf(org: Obj | undefined): Array<{ notation: string; country?: string; kind: string }> {
  const out: Array<{ notation: string; country?: string; kind: string }> = [];
  if (!org) return out;
  for (const kind of ['eIDASIdentifier', 'legalIdentifier', 'registration', 'vatIdentifier', 'taxIdentifier']) {
    for (const id of recordsOf(org[kind])) {
      const notation = typeof id.notation === 'string' || typeof id.notation === 'number' ? String(id.notation) : undefined;
      if (!notation) continue;
      const spatial = recordsOf(id.spatial)[0];
      const country = iso2FromCountryUri(typeof spatial?.id === 'string' ? spatial.id : undefined);
      out.push({ notation, kind, ...(country ? { country } : {}) });
    }
  }
  return out;
}

export function partyOfOrganisation(org: Obj | undefined): PartySummary | undefined {
  if (!org) return undefined;
  const party: PartySummary = {};
  if (typeof org.id === 'string') party.id = org.id;
  const name = pickText(org.legalName) ?? pickText(org.altLabel) ?? pickText(org.prefLabel);
  if (name) party.name = name;
  const country = countryOf(org);
  if (country) party.country = country;
  const home = recordsOf(org.homepage)[0];
  if (typeof home?.contentURL === 'string') party.url = home.contentURL;
  const legal = legalIdentifiersOf(org)[0];
  if (legal) party.legalIdentifier = legal.country ? `${legal.country}:${legal.notation}` : legal.notation;
  return party;
}

function subjectParty(doc: Obj): PartySummary | undefined {
  const s = recordsOf(doc.credentialSubject)[0];
  if (!s) return undefined;
  const party: PartySummary = {};
  if (typeof s.id === 'string') party.id = s.id;
  const full = pickText(s.fullName);
  const given = pickText(s.givenName);
  const family = pickText(s.familyName);
  const name = full ?? ([given, family].filter(Boolean).join(' ') || undefined);
  if (name) party.name = name;
  const email = recordsOf(recordsOf(s.contactPoint)[0]?.emailAddress)[0]?.id;
  if (typeof email === 'string') party.email = email.replace(/^mailto:/, '');
  return party;
}

function creditPoints(spec: Obj | undefined): Array<{ framework?: string; point: number }> {
  return recordsOf(spec?.creditPoint).flatMap((c) => {
    const point = typeof c.point === 'number' ? c.point : typeof c.point === 'string' ? Number(c.point) : NaN;
    if (!Number.isFinite(point)) return [];
    const framework = conceptLabel(c.framework) ?? recordsOf(c.framework).map((f) => f.id).find((id): id is string => typeof id === 'string');
    return [{ point, ...(framework ? { framework } : {}) }];
  });
}

/** ECTS credit points stated by the specification, if any. */
export function ectsOf(spec: Obj | undefined): number | undefined {
  // Europass names the framework by concept (…/education-credit/6fcec5c5af) labelled "European Credit Transfer and Accumulation System".
  const ects = creditPoints(spec).find((c) => !c.framework || /ects|european credit transfer|6fcec5c5af$/i.test(c.framework));
  return ects?.point;
}

/** The EQF level (1-8) from an ELM `eqfLevel` concept (http://data.europa.eu/snb/eqf/6). */
export function eqfOf(spec: Obj | undefined): number | undefined {
  const c = recordsOf(spec?.eqfLevel)[0];
  const m = typeof c?.id === 'string' ? /\/eqf\/([1-8])$/.exec(c.id) : null;
  if (m?.[1]) return Number(m[1]);
  const label = conceptLabel(spec?.eqfLevel);
  const l = label ? /([1-8])/.exec(label) : null;
  return l?.[1] ? Number(l[1]) : undefined;
}

function learningOutcomes(spec: Obj | undefined): string[] {
  return recordsOf(spec?.learningOutcome).map((o) => pickText(o.title) ?? pickText(o.description)).filter((t): t is string => Boolean(t));
}

export interface ElmDetails {
  eqfLevel?: number;
  nqfLevel?: string[];
  ectsCredits?: number;
  creditPoints?: Array<{ framework?: string; point: number }>;
  volumeOfLearning?: string;
  mode?: string;
  learningSetting?: string;
  assessment?: string;
  grade?: string;
  awardingBody?: string;
  awardingDate?: string;
  awardingPlace?: string;
  accreditation?: string[];
  language?: string;
}

export function elmDetails(doc: Obj): ElmDetails {
  const claim = achievementOf(doc);
  const spec = specificationOf(claim);
  const awarded = awardingOf(claim);
  const assessment = recordsOf(claim?.provenBy)[0];
  const out: ElmDetails = {};
  const eqf = eqfOf(spec);
  if (eqf !== undefined) out.eqfLevel = eqf;
  const nqf = recordsOf(spec?.nqfLevel).map((n) => conceptLabel(n)).filter((t): t is string => Boolean(t));
  if (nqf.length) out.nqfLevel = nqf;
  const points = creditPoints(spec);
  if (points.length) out.creditPoints = points;
  const ects = ectsOf(spec);
  if (ects !== undefined) out.ectsCredits = ects;
  if (typeof spec?.volumeOfLearning === 'string') out.volumeOfLearning = spec.volumeOfLearning;
  const mode = conceptLabel(spec?.mode);
  if (mode) out.mode = mode;
  const setting = conceptLabel(spec?.learningSetting);
  if (setting) out.learningSetting = setting;
  if (assessment) {
    const a = pickText(assessment.title) ?? conceptLabel(recordsOf(assessment.specifiedBy)[0]?.dcType);
    if (a) out.assessment = a;
    const grade = pickText(recordsOf(assessment.grade)[0]?.noteLiteral) ?? pickText(assessment.grade);
    if (grade) out.grade = grade;
  }
  const body = recordsOf(awarded?.awardingBody)[0];
  const bodyName = pickText(body?.legalName) ?? pickText(body?.prefLabel);
  if (bodyName) out.awardingBody = bodyName;
  if (typeof awarded?.awardingDate === 'string') out.awardingDate = awarded.awardingDate;
  const place = recordsOf(awarded?.location)[0];
  const placeText = place ? pickText(place.description) ?? pickText(recordsOf(place.address)[0]?.fullAddress) : undefined;
  if (placeText) out.awardingPlace = placeText;
  const accreditations = recordsOf(spec?.accreditation ?? spec?.hasAccreditation)
    .map((a) => pickText(a.title) ?? conceptLabel(a.dcType) ?? (typeof a.id === 'string' ? a.id : undefined))
    .filter((t): t is string => Boolean(t));
  if (accreditations.length) out.accreditation = accreditations;
  const lang = conceptLabel(spec?.language);
  if (lang) out.language = lang;
  return out;
}

export function summariseElm(doc: Obj): CredentialSummary {
  const claim = achievementOf(doc);
  const spec = specificationOf(claim);
  const display = recordsOf(doc.displayParameter)[0];
  const summary: CredentialSummary = { types: stringsOf(doc.type) };
  if (typeof doc.id === 'string') summary.id = doc.id;
  const title = pickText(display?.title) ?? pickText(claim?.title) ?? pickText(spec?.title);
  if (title) summary.title = title;
  const description = pickText(claim?.description) ?? pickText(display?.description) ?? pickText(spec?.description);
  if (description) summary.description = description;
  const issuer = partyOfOrganisation(recordsOf(doc.issuer)[0]) ?? (typeof doc.issuer === 'string' ? { id: doc.issuer } : undefined);
  if (issuer) summary.issuer = issuer;
  const subject = subjectParty(doc);
  if (subject) summary.subject = subject;
  const issued = doc.issued ?? doc.issuanceDate ?? doc.validFrom;
  if (typeof issued === 'string') summary.issued = issued;
  const from = doc.validFrom ?? doc.issuanceDate;
  if (typeof from === 'string') summary.validFrom = from;
  const until = doc.validUntil ?? doc.expirationDate;
  if (typeof until === 'string') summary.validUntil = until;
  if (claim) {
    const achievement: NonNullable<CredentialSummary['achievement']> = { type: asArray(claim.type).find((t): t is string => typeof t === 'string') ?? 'LearningAchievement' };
    if (typeof claim.id === 'string') achievement.id = claim.id;
    const name = pickText(claim.title) ?? pickText(spec?.title);
    if (name) achievement.name = name;
    const desc = pickText(claim.description);
    if (desc) achievement.description = desc;
    summary.achievement = achievement;
  }
  const outcomes = learningOutcomes(spec);
  if (outcomes.length) summary.learningOutcomes = outcomes;
  const evidence = recordsOf(doc.evidence).map((e) => {
    const item: { id?: string; name?: string; description?: string } = {};
    if (typeof e.id === 'string') item.id = e.id;
    const name = pickText(e.prefLabel) ?? conceptLabel(e.dcType);
    if (name) item.name = name;
    const statement = pickText(e.evidenceStatement);
    if (statement) item.description = statement;
    return item;
  });
  if (evidence.length) summary.evidence = evidence;
  const details = elmDetails(doc);
  if (Object.keys(details).length) summary.claims = { ...details };
  return summary;
}

/** Evidence the credential states of a mandate (the issuer acting for, or sealed by, another body). */
export function mandateEvidence(doc: Obj): Obj[] {
  return recordsOf(doc.evidence).filter((e) => {
    const labels = [pickText(e.prefLabel, ['en']), conceptLabel(e.dcType, ['en']), ...asArray(e.type).map(String)];
    return labels.some((l) => typeof l === 'string' && /mandate/i.test(l));
  });
}

/** Whether the credential presents itself as a micro-credential (its EDC profile or display title). */
export function claimsMicrocredentialElm(doc: Obj): boolean {
  const labels = [
    ...recordsOf(doc.credentialProfiles).map((p) => pickText(p.prefLabel, ['en'])),
    pickText(recordsOf(doc.displayParameter)[0]?.title, ['en']),
    ...asArray(doc.type).map(String),
    ...recordsOf(doc.credentialSchema).map((s) => (typeof s.id === 'string' ? s.id : undefined)),
  ];
  return labels.some((l) => typeof l === 'string' && /micro[\s-]?credential/i.test(l));
}
