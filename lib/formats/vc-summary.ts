import { isRecord, typesOf } from '../util/json.js';
import type { CredentialSummary, PartySummary } from '../report.js';

/**
 * The display summary of a W3C Verifiable Credential (data model 1.1 and 2.0), including the Open
 * Badges 3.0 / CLR fields. Reads only; every value is text from the credential, never markup.
 */
export function summariseVc(vc: Record<string, unknown>): CredentialSummary {
  const summary: CredentialSummary = { types: typesOf(vc) };
  const id = str(vc.id);
  if (id) summary.id = id;

  const subject = firstRecord(vc.credentialSubject);
  const achievement = subject ? firstRecord(subject.achievement) : undefined;

  const title = text(vc.name) ?? text(achievement?.name);
  if (title) summary.title = title;
  const description = text(vc.description) ?? text(achievement?.description);
  if (description) summary.description = description;
  const image = imageOf(vc.image) ?? imageOf(achievement?.image);
  if (image) summary.image = image;

  const issuer = partyOf(vc.issuer);
  if (issuer) summary.issuer = issuer;
  const holder = subject ? subjectOf(subject) : undefined;
  if (holder) summary.subject = holder;

  const issued = str(vc.issuanceDate) ?? str(vc.validFrom) ?? str(vc.awardedDate) ?? str(subject?.awardedDate);
  if (issued) summary.issued = issued;
  const validFrom = str(vc.validFrom) ?? str(vc.issuanceDate);
  if (validFrom) summary.validFrom = validFrom;
  const validUntil = str(vc.validUntil) ?? str(vc.expirationDate);
  if (validUntil) summary.validUntil = validUntil;

  if (achievement) {
    const a: NonNullable<CredentialSummary['achievement']> = {};
    const aId = str(achievement.id);
    if (aId) a.id = aId;
    const name = text(achievement.name);
    if (name) a.name = name;
    const desc = text(achievement.description);
    if (desc) a.description = desc;
    const criteria = isRecord(achievement.criteria) ? text(achievement.criteria.narrative) ?? str(achievement.criteria.id) : text(achievement.criteria);
    if (criteria) a.criteria = criteria;
    const img = imageOf(achievement.image);
    if (img) a.image = img;
    const type = str(achievement.achievementType) ?? typesOf(achievement)[0];
    if (type) a.type = type;
    if (Object.keys(a).length) summary.achievement = a;

    const outcomes = learningOutcomesOf(achievement);
    if (outcomes.length) summary.learningOutcomes = outcomes;
  }

  const evidence = (Array.isArray(vc.evidence) ? vc.evidence : vc.evidence ? [vc.evidence] : []).filter(isRecord).slice(0, 32);
  if (evidence.length) {
    summary.evidence = evidence.map((e) => {
      const item: { id?: string; name?: string; description?: string } = {};
      const eId = str(e.id);
      if (eId) item.id = eId;
      const name = text(e.name);
      if (name) item.name = name;
      const desc = text(e.description) ?? text(e.narrative);
      if (desc) item.description = desc;
      return item;
    });
  }
  return summary;
}

/** A party (issuer) given as an id string or an object (OB 3.0 Profile). */
export function partyOf(value: unknown): PartySummary | undefined {
  if (typeof value === 'string') return value ? { id: value } : undefined;
  if (!isRecord(value)) return undefined;
  const party: PartySummary = {};
  const id = str(value.id);
  if (id) party.id = id;
  const name = text(value.name) ?? text(value.legalName);
  if (name) party.name = name;
  const url = str(value.url) ?? str(value.homepage);
  if (url) party.url = url;
  const image = imageOf(value.image) ?? imageOf(value.logo);
  if (image) party.image = image;
  const email = str(value.email);
  if (email) party.email = email;
  const address = firstRecord(value.address);
  const country = str(address?.addressCountryCode) ?? str(address?.addressCountry);
  if (country) party.country = country;
  const legal = firstRecord(value.otherIdentifier);
  const legalId = str(legal?.identifier) ?? str(value.legalIdentifier);
  if (legalId) party.legalIdentifier = legalId;
  return Object.keys(party).length ? party : undefined;
}

/** The issuer's identifier: `issuer` as a string or `issuer.id`. */
export function issuerIdOf(vc: Record<string, unknown>): string | undefined {
  if (typeof vc.issuer === 'string') return vc.issuer;
  return isRecord(vc.issuer) ? str(vc.issuer.id) : undefined;
}

function subjectOf(subject: Record<string, unknown>): PartySummary | undefined {
  const party: PartySummary = {};
  const id = str(subject.id);
  if (id) party.id = id;
  const name =
    text(subject.name) ??
    joinNames(text(subject.givenName) ?? text(subject.firstName) ?? text(subject.given_name), text(subject.familyName) ?? text(subject.lastName) ?? text(subject.family_name));
  if (name) party.name = name;
  const email = str(subject.email);
  if (email) party.email = email;
  const image = imageOf(subject.image);
  if (image) party.image = image;
  return Object.keys(party).length ? party : undefined;
}

function learningOutcomesOf(achievement: Record<string, unknown>): string[] {
  const out: string[] = [];
  const alignments = Array.isArray(achievement.alignment) ? achievement.alignment : [];
  for (const a of alignments.slice(0, 64)) {
    if (!isRecord(a)) continue;
    const name = text(a.targetName) ?? text(a.targetDescription);
    if (name) out.push(name);
  }
  const results = Array.isArray(achievement.resultDescription) ? achievement.resultDescription : [];
  for (const r of results.slice(0, 64)) {
    const name = isRecord(r) ? text(r.name) : undefined;
    if (name) out.push(name);
  }
  return out;
}

function joinNames(given: string | undefined, family: string | undefined): string | undefined {
  const joined = [given, family].filter(Boolean).join(' ');
  return joined || undefined;
}


function firstRecord(value: unknown): Record<string, unknown> | undefined {
  if (Array.isArray(value)) return value.find(isRecord);
  return isRecord(value) ? value : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Plain text, or the first value of a language map / language-tagged value list. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length ? value : undefined;
  if (Array.isArray(value)) {
    for (const v of value) {
      const t = text(v);
      if (t) return t;
    }
    return undefined;
  }
  if (isRecord(value)) {
    if (typeof value['@value'] === 'string') return str(value['@value']);
    const preferred = value.en ?? value['en-GB'] ?? value['en-US'] ?? Object.values(value)[0];
    return typeof preferred === 'string' ? str(preferred) : Array.isArray(preferred) ? text(preferred) : undefined;
  }
  return undefined;
}

function imageOf(value: unknown): string | undefined {
  if (typeof value === 'string') return str(value);
  if (isRecord(value)) return str(value.id);
  return undefined;
}
