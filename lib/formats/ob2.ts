import { constantStep } from '../pipeline/constant-step.js';
import type { UntypedDetails } from '../details.js';
import { md5 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { compactVerify } from 'jose/jws/compact/verify';
import { importSPKI } from 'jose/key/import';
import { IoError, describeError } from '../errors.js';
import { asArray, isRecord, stringsOf } from '../util/json.js';
import type { Classified, CredentialPlan, FormatHandler, Step, VerifyContext } from '../pipeline/types.js';
import { check, type Check, type CredentialSummary } from '../report.js';
import { validityCheck, type ValidityDates } from '../validate/dates.js';

/**
 * Open Badges 2.0 (1EdTech, "Open Badges v2.0 Final", §Verification): a hosted assertion is
 * authentic when the issuer's own site still publishes it, unchanged, at its `id`, on an origin the
 * issuer profile allows; a signed assertion when its RS256 JWS verifies with a key the issuer
 * profile lists in `publicKey`. The issuer profile is always fetched from its id: authorisation never
 * comes from data the badge carries itself. No JSON-LD processing is needed to verify.
 */

type Json = Record<string, unknown>;

interface Loaded {
  /** The authoritative assertion: the hosted copy, or the signed payload. */
  assertion: Json;
  badge?: Json;
  issuer?: Json;
}

const ALLOWED_ALGORITHMS = ['RS256'];
/** Keys tried when a signed badge names no `creator`. */
const MAX_ISSUER_KEYS = 4;

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function idOf(value: unknown): string | undefined {
  return str(value) ?? (isRecord(value) ? str(value.id) : undefined);
}

function webUrl(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function contexts(value: Json): string[] {
  return stringsOf(value['@context']);
}

/** Open Badges 1.x: no 2.0 context, and the 1.x `verify` object or `uid`. */
function ob1Version(assertion: Json): string | undefined {
  const ctx = contexts(assertion);
  if (ctx.some((c) => /openbadges\/v2|openbadgespec\.org\/v2/.test(c))) return undefined;
  if (ctx.some((c) => /openbadges\/v1|openbadgespec\.org\/v1/.test(c))) return '1.1';
  if ('verify' in assertion || 'uid' in assertion) return '1.0';
  return undefined;
}

function verificationOf(assertion: Json): { type: 'hosted' | 'signed' | 'unknown'; raw: Json | undefined; typeName: string } {
  // The 2.0 spec's own signed example still uses the 1.1 name `verify`.
  const raw = isRecord(assertion.verification) ? assertion.verification : isRecord(assertion.verify) ? assertion.verify : undefined;
  const typeName = raw ? (str(raw.type) ?? '') : '';
  const t = typeName.toLowerCase();
  const type = t === 'hostedbadge' || t === 'hosted' ? 'hosted' : t === 'signedbadge' || t === 'signed' ? 'signed' : 'unknown';
  return { type, raw, typeName };
}

function notFound(error: unknown): boolean {
  return error instanceof IoError && error.code === 'IO_HTTP_STATUS' && (error.httpStatus === 404 || error.httpStatus === 410);
}

function ioDetails(error: unknown): UntypedDetails {
  return error instanceof IoError ? { io: error.failure } : { error: describeError(error) };
}

/** Canonical JSON (sorted members) for comparing two copies of one assertion. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

async function fetchJson(ctx: VerifyContext, url: string, kind: 'credential' | 'badge-class' | 'issuer-profile' | 'public-key' | 'status-list'): Promise<{ value: Json; finalUrl: string }> {
  const { value, response } = await ctx.io.getJson(url, { kind });
  if (!isRecord(value)) throw new IoError('IO_BAD_CONTENT', url, `${url} did not return a JSON object`);
  return { value, finalUrl: response.finalUrl };
}

/** Loads the badge class and, always from its id, the issuer profile. Returns a failing check or the objects. */
async function loadBadgeAndIssuer(ctx: VerifyContext, assertion: Json, id: string): Promise<{ badge: Json; issuer: Json } | Check> {
  let badge: Json;
  const badgeRef = assertion.badge;
  if (typeof badgeRef === 'string') {
    if (!webUrl(badgeRef)) return check(id, 'OB2_ASSERTION_MALFORMED', `The badge class reference ${JSON.stringify(badgeRef.slice(0, 80))} is not a web address`);
    try {
      badge = (await fetchJson(ctx, badgeRef, 'badge-class')).value;
    } catch (error) {
      return check(id, 'OB2_BADGE_CLASS_UNAVAILABLE', `The badge class ${badgeRef} could not be downloaded: ${describeError(error)}`, ioDetails(error));
    }
  } else if (isRecord(badgeRef)) {
    badge = badgeRef;
  } else {
    return check(id, 'OB2_ASSERTION_MALFORMED', 'The assertion names no badge class');
  }
  const issuerId = idOf(badge.issuer);
  if (!issuerId || !webUrl(issuerId)) {
    return check(id, 'OB2_BADGE_CLASS_MALFORMED', 'The badge class names no issuer profile at a web address', { issuer: issuerId });
  }
  let issuer: Json;
  try {
    issuer = (await fetchJson(ctx, issuerId, 'issuer-profile')).value;
  } catch (error) {
    return check(id, 'OB2_ISSUER_UNAVAILABLE', `The issuer profile ${issuerId} could not be downloaded: ${describeError(error)}`, ioDetails(error));
  }
  if (str(issuer.id) !== undefined && issuer.id !== issuerId) {
    return check(id, 'OB2_ISSUER_MALFORMED', `The issuer profile fetched from ${issuerId} names itself ${String(issuer.id)}`, { issuer: issuerId });
  }
  if (str(issuer.id) === undefined) issuer = { ...issuer, id: issuerId };
  return { badge, issuer };
}

// ------------------------------------------------------------ hosted

/** OB 2.0 VerificationObject on the issuer: `startsWith` URL prefixes and `allowedOrigins` host names; default the issuer id's host. */
function originAllowed(url: URL, issuer: Json): { ok: boolean; rule: string } {
  const policy = isRecord(issuer.verification) ? issuer.verification : undefined;
  const prefixes = asArray(policy?.startsWith).filter((p): p is string => typeof p === 'string' && p !== '');
  const origins = asArray(policy?.allowedOrigins)
    .filter((o): o is string => typeof o === 'string' && o !== '')
    .map((o) => o.replace(/^https?:\/\//i, '').replace(/\/.*$/, '').toLowerCase());
  if (prefixes.length || origins.length) {
    const prefixOk = prefixes.length === 0 || prefixes.some((p) => url.href.startsWith(p));
    const originOk = origins.length === 0 || origins.includes(url.host.toLowerCase());
    return { ok: prefixOk && originOk, rule: [origins.length ? `allowedOrigins ${origins.join(', ')}` : '', prefixes.length ? `startsWith ${prefixes.join(', ')}` : ''].filter(Boolean).join(' and ') };
  }
  const issuerUrl = webUrl(str(issuer.id));
  return { ok: Boolean(issuerUrl && issuerUrl.host.toLowerCase() === url.host.toLowerCase()), rule: `the issuer's own host ${issuerUrl?.host ?? '(none)'}` };
}

async function hostedOrigin(presented: Json, ctx: VerifyContext, state: Loaded, summary: CredentialSummary): Promise<Check> {
  const id = str(presented.id);
  const idUrl = webUrl(id);
  if (!id || !idUrl) return check('hosted-origin', 'OB2_HOSTED_ID_INVALID', `The assertion id ${JSON.stringify(id ?? null)} is not a web address it could be hosted at`);
  let hosted: Json;
  let finalUrl: string;
  try {
    ({ value: hosted, finalUrl } = await fetchJson(ctx, id, 'credential'));
  } catch (error) {
    if (notFound(error)) {
      return check('hosted-origin', 'OB2_HOSTED_NOT_FOUND', `${id} is no longer published by the issuer (HTTP ${(error as IoError).httpStatus})`, ioDetails(error));
    }
    return check('hosted-origin', 'OB2_HOSTED_UNREACHABLE', `The hosted assertion ${id} could not be downloaded: ${describeError(error)}`, ioDetails(error));
  }
  if (canonical(hosted) !== canonical(presented)) {
    return check('hosted-origin', 'OB2_HOSTED_COPY_MISMATCH', `The assertion presented differs from the one published at ${id}`, { url: id });
  }
  state.assertion = hosted;
  const loaded = await loadBadgeAndIssuer(ctx, hosted, 'hosted-origin');
  if ('code' in loaded) return loaded;
  state.badge = loaded.badge;
  state.issuer = loaded.issuer;
  completeSummary(summary, state);
  for (const url of new Set([idUrl.href, finalUrl])) {
    const parsed = webUrl(url);
    const verdict = parsed ? originAllowed(parsed, loaded.issuer) : { ok: false, rule: 'a web address' };
    if (!verdict.ok) {
      return check('hosted-origin', 'OB2_HOSTED_ORIGIN_MISMATCH', `${url} is not on a site the issuer ${String(loaded.issuer.id)} allows (${verdict.rule})`, {
        url,
        issuer: loaded.issuer.id,
      });
    }
  }
  return check('hosted-origin', 'OB2_HOSTED_ORIGIN_VALID', `Published by ${displayIssuer(loaded.issuer)} at ${id}, on a site the issuer allows`, { url: id, issuer: loaded.issuer.id });
}

// ------------------------------------------------------------ signed

async function signedProof(jws: string, header: Json | undefined, payload: Json, ctx: VerifyContext, state: Loaded, summary: CredentialSummary): Promise<Check> {
  const alg = str(header?.alg);
  if (!alg || !ALLOWED_ALGORITHMS.includes(alg)) {
    return check('proof', 'OB2_ALGORITHM_NOT_ALLOWED', `Signed with ${JSON.stringify(alg ?? null)}; Open Badges 2.0 allows only RS256`, { alg });
  }
  const { raw } = verificationOf(payload);
  const loaded = await loadBadgeAndIssuer(ctx, payload, 'proof');
  const creator = str(raw?.creator);
  // Without a named creator, the keys the issuer lists are the candidates; otherwise only the creator.
  let candidates: string[];
  if (creator) {
    candidates = [creator];
  } else if (!('code' in loaded)) {
    candidates = asArray(loaded.issuer.publicKey).map(idOf).filter((k): k is string => k !== undefined).slice(0, MAX_ISSUER_KEYS);
    if (candidates.length === 0) return check('proof', 'OB2_KEY_NOT_AUTHORISED', `The issuer ${String(loaded.issuer.id)} lists no public key, so no signature of it can be checked`);
  } else {
    return loaded;
  }
  let signer: { url: string; doc: Json } | undefined;
  let lastFailure: Check | undefined;
  for (const keyUrl of candidates) {
    if (!webUrl(keyUrl)) {
      lastFailure = check('proof', 'OB2_KEY_NOT_FOUND', `The signing key reference ${JSON.stringify(keyUrl.slice(0, 80))} is not a web address`);
      continue;
    }
    let doc: Json;
    try {
      doc = (await fetchJson(ctx, keyUrl, 'public-key')).value;
    } catch (error) {
      lastFailure = notFound(error)
        ? check('proof', 'OB2_KEY_NOT_FOUND', `The signing key ${keyUrl} does not exist (HTTP ${(error as IoError).httpStatus})`, ioDetails(error))
        : check('proof', 'OB2_KEY_UNAVAILABLE', `The signing key ${keyUrl} could not be downloaded: ${describeError(error)}`, ioDetails(error));
      continue;
    }
    const pem = str(doc.publicKeyPem);
    let key: CryptoKey;
    try {
      if (!pem) throw new Error('no publicKeyPem');
      key = await importSPKI(pem.trim(), 'RS256');
    } catch (error) {
      lastFailure = check('proof', 'OB2_KEY_UNSUPPORTED', `The key at ${keyUrl} is not a usable RSA public key (${describeError(error)})`, { key: keyUrl });
      continue;
    }
    try {
      await compactVerify(jws, key, { algorithms: ALLOWED_ALGORITHMS });
    } catch (error) {
      lastFailure = check('proof', 'OB2_SIGNATURE_INVALID', `The signature does not verify with the key ${keyUrl}: ${describeError(error)}`, { key: keyUrl });
      continue;
    }
    signer = { url: keyUrl, doc };
    break;
  }
  if (!signer) return lastFailure ?? check('proof', 'OB2_KEY_NOT_FOUND', 'No signing key was found');
  if ('code' in loaded) return loaded;
  state.badge = loaded.badge;
  state.issuer = loaded.issuer;
  completeSummary(summary, state);
  const issuerId = String(loaded.issuer.id);
  const listed = asArray(loaded.issuer.publicKey).map(idOf);
  if (!listed.includes(signer.url)) {
    return check('proof', 'OB2_KEY_NOT_AUTHORISED', `The key ${signer.url} is not listed in the publicKey of the issuer ${issuerId}`, { key: signer.url, issuer: issuerId });
  }
  const owner = str(signer.doc.owner);
  if (owner && owner !== issuerId) {
    return check('proof', 'OB2_KEY_NOT_AUTHORISED', `The key ${signer.url} belongs to ${owner}, not to the issuer ${issuerId}`, { key: signer.url, owner, issuer: issuerId });
  }
  return check('proof', 'OB2_SIGNATURE_VALID', `RS256 signature by ${displayIssuer(loaded.issuer)} with its listed key ${signer.url}`, { key: signer.url, issuer: issuerId });
}

// ------------------------------------------------------------ common checks

function dateValue(value: unknown, numericKey: 'nbf' | 'exp', stringKey: 'issuanceDate' | 'expirationDate'): ValidityDates {
  if (value === undefined || value === null) return {};
  // OB 1.x allowed Unix timestamps; 2.0 requires ISO 8601.
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{9,11}$/.test(value))) return { [numericKey]: Number(value) };
  return { [stringKey]: value };
}

function validity(state: Loaded, ctx: VerifyContext): Check {
  return validityCheck({ ...dateValue(state.assertion.issuedOn, 'nbf', 'issuanceDate'), ...dateValue(state.assertion.expires, 'exp', 'expirationDate') }, ctx);
}

async function revocation(state: Loaded, hosted: boolean, ctx: VerifyContext): Promise<Check> {
  const assertion = state.assertion;
  const id = str(assertion.id);
  if (assertion.revoked === true) {
    return check('status', 'OB2_REVOKED', `The issuer marks this badge as revoked${str(assertion.revocationReason) ? `: ${String(assertion.revocationReason)}` : ''}`);
  }
  const listUrl = str(state.issuer?.revocationList);
  if (!listUrl) {
    return check('status', 'OB2_REVOCATION_LIST_NONE', hosted ? 'The issuer publishes no revocation list; it still publishes this badge' : 'The issuer publishes no revocation list');
  }
  let revocations: Json;
  try {
    revocations = (await fetchJson(ctx, listUrl, 'status-list')).value;
  } catch (error) {
    return check('status', 'OB2_REVOCATION_LIST_UNAVAILABLE', `The revocation list ${listUrl} could not be downloaded: ${describeError(error)}`, ioDetails(error));
  }
  if (!Array.isArray(revocations.revokedAssertions)) {
    return check('status', 'OB2_REVOCATION_LIST_UNAVAILABLE', `The revocation list ${listUrl} is malformed (no revokedAssertions)`, { url: listUrl });
  }
  const listId = idOf(revocations);
  if (listId && listId !== listUrl) {
    return check('status', 'STATUS_LIST_UNVERIFIED', `The document served at ${listUrl} is the revocation list ${listId.slice(0, 200)}, not the one the issuer names, so it says nothing about this badge`, { url: listUrl, listId });
  }
  // docs/verdicts.md "Revocation": a listed badge is revoked whoever the list claims to belong to;
  // "not revoked" counts only from the issuer's own list.
  const listIssuer = idOf(revocations.issuer);
  const foreign = listIssuer !== undefined && listIssuer !== state.issuer?.id;
  const caveat = foreign ? `. The list itself could not be authenticated as the issuer's: it belongs to ${listIssuer}, not to ${state.issuer?.id ?? 'the issuer'}; a list the issuer names is honoured when it says revoked` : '';
  const uid = str(assertion.uid);
  for (const entry of revocations.revokedAssertions) {
    const entryId = idOf(entry);
    const entryUid = isRecord(entry) ? str(entry.uid) : undefined;
    if ((id && entryId === id) || (uid && entryUid === uid)) {
      const reason = isRecord(entry) ? str(entry.revocationReason) : undefined;
      return check('status', 'OB2_REVOKED', `${foreign ? 'The revocation list the issuer names' : 'The issuer\'s revocation list'} revokes this badge${reason ? `: ${reason}` : ''}${caveat}`, {
        url: listUrl,
        listAuthenticated: !foreign,
        ...(listIssuer ? { listSigner: listIssuer } : {}),
        ...(reason ? { reason } : {}),
      });
    }
  }
  if (foreign) {
    return check('status', 'STATUS_LIST_UNVERIFIED', `The revocation list ${listUrl} does not list this badge, but it belongs to ${listIssuer}, not to the issuer ${state.issuer?.id ?? '(unknown)'}. "Not revoked" is not relied on`, { url: listUrl, listSigner: listIssuer, listAuthenticated: false });
  }
  return check('status', 'OB2_NOT_REVOKED', `Not on the issuer's revocation list ${listUrl}`, { url: listUrl });
}

/** `email:ADDRESS`, a DID, or a URL → the OB 2.0 identity type and value it should match. */
function expectedRecipient(raw: string): { types: string[]; value: string } {
  if (/^email:/i.test(raw)) return { types: ['email'], value: raw.slice(6).trim() };
  if (/^(tel|telephone):/i.test(raw)) return { types: ['telephone'], value: raw.replace(/^(tel|telephone):/i, '').trim() };
  if (raw.includes('@') && !raw.includes(':')) return { types: ['email'], value: raw.trim() };
  return { types: ['url', 'id'], value: raw.trim() };
}

function recipientCheck(state: Loaded, ctx: VerifyContext): Check {
  if (!ctx.recipient) return check('recipient', 'OB2_RECIPIENT_NOT_CHECKED', 'No expected recipient was given');
  const recipient = state.assertion.recipient;
  if (!isRecord(recipient) || !str(recipient.identity)) return check('recipient', 'OB2_ASSERTION_MALFORMED', 'The assertion states no recipient identity');
  const expected = expectedRecipient(ctx.recipient);
  const type = (str(recipient.type) ?? 'email').toLowerCase();
  if (!expected.types.includes(type)) {
    return check('recipient', 'OB2_RECIPIENT_MISMATCH', `The badge was awarded to a recipient of type ${type}, not to ${ctx.recipient}`, { type });
  }
  const identity = String(recipient.identity);
  const candidates = type === 'email' ? [expected.value, expected.value.toLowerCase()] : [expected.value];
  if (recipient.hashed === true || /^(sha256|md5)\$/i.test(identity)) {
    const match = /^(sha256|md5)\$([0-9a-f]+)$/i.exec(identity);
    if (!match) return check('recipient', 'OB2_RECIPIENT_HASH_UNSUPPORTED', `The recipient is hashed as ${JSON.stringify(identity.split('$')[0])}, which Credlens cannot compare`);
    const algorithm = (match[1] as string).toLowerCase();
    const digest = (match[2] as string).toLowerCase();
    const salt = typeof recipient.salt === 'string' ? recipient.salt : '';
    const hash = algorithm === 'sha256' ? sha256 : md5;
    const ok = candidates.some((c) => bytesToHex(hash(new TextEncoder().encode(c + salt))) === digest);
    return ok
      ? check('recipient', 'OB2_RECIPIENT_MATCH', `The hashed recipient (${algorithm}${salt ? ', salted' : ''}) matches ${ctx.recipient}`)
      : check('recipient', 'OB2_RECIPIENT_MISMATCH', `The hashed recipient (${algorithm}${salt ? ', salted' : ''}) does not match ${ctx.recipient}`);
  }
  const ok = type === 'email' ? identity.toLowerCase() === expected.value.toLowerCase() : identity === expected.value;
  return ok
    ? check('recipient', 'OB2_RECIPIENT_MATCH', `Awarded to ${ctx.recipient}`)
    : check('recipient', 'OB2_RECIPIENT_MISMATCH', `Awarded to ${identity}, not to ${ctx.recipient}`);
}

// ------------------------------------------------------------ summary

function displayIssuer(issuer: Json): string {
  return str(issuer.name) ? `${String(issuer.name)} (${String(issuer.id)})` : String(issuer.id);
}

function textOrId(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isRecord(value)) return str(value.narrative) ?? str(value.id);
  return undefined;
}

function baseSummary(assertion: Json): CredentialSummary {
  const summary: CredentialSummary = { types: stringsOf(assertion.type) };
  if (summary.types.length === 0) summary.types = ['Assertion'];
  const id = str(assertion.id);
  if (id) summary.id = id;
  const issued = str(assertion.issuedOn);
  if (issued) summary.issued = issued;
  const expires = str(assertion.expires);
  if (expires) summary.validUntil = expires;
  const image = idOf(assertion.image);
  if (image) summary.image = image;
  const evidence = asArray(assertion.evidence)
    .map((e) => {
      if (typeof e === 'string') return { id: e };
      if (!isRecord(e)) return undefined;
      const item: { id?: string; name?: string; description?: string } = {};
      if (str(e.id)) item.id = String(e.id);
      if (str(e.name)) item.name = String(e.name);
      const description = str(e.description) ?? str(e.narrative);
      if (description) item.description = description;
      return item;
    })
    .filter((e): e is { id?: string; name?: string; description?: string } => e !== undefined);
  if (evidence.length) summary.evidence = evidence;
  const recipient = assertion.recipient;
  if (isRecord(recipient) && recipient.hashed !== true && str(recipient.identity) && (str(recipient.type) ?? 'email') === 'email') {
    summary.subject = { email: String(recipient.identity) };
  }
  if (isRecord(assertion.badge)) completeSummary(summary, { assertion, badge: assertion.badge });
  return summary;
}

function completeSummary(summary: CredentialSummary, state: Loaded): void {
  const badge = state.badge;
  if (badge) {
    const achievement: NonNullable<CredentialSummary['achievement']> = { type: 'BadgeClass' };
    for (const [key, value] of [
      ['id', str(badge.id)],
      ['name', str(badge.name)],
      ['description', str(badge.description)],
      ['criteria', textOrId(badge.criteria)],
      ['image', idOf(badge.image)],
    ] as const) {
      if (value) achievement[key] = value;
    }
    summary.achievement = achievement;
    if (achievement.name) summary.title = achievement.name;
    if (achievement.description) summary.description = achievement.description;
    if (!summary.image && achievement.image) summary.image = achievement.image;
  }
  const issuer = state.issuer;
  if (issuer) {
    const party: NonNullable<CredentialSummary['issuer']> = {};
    if (str(issuer.id)) party.id = String(issuer.id);
    if (str(issuer.name)) party.name = String(issuer.name);
    if (str(issuer.url)) party.url = String(issuer.url);
    if (str(issuer.email)) party.email = String(issuer.email);
    const image = idOf(issuer.image);
    if (image) party.image = image;
    summary.issuer = party;
  }
}

// ------------------------------------------------------------ plan

function single(id: string, result: Check): CredentialPlan {
  return { steps: [constantStep(result, { id })] };
}

async function plan(input: Classified, ctx: VerifyContext): Promise<CredentialPlan> {
  const signed = input.format === 'ob2-signed';
  const payload = input.payload;
  const gateId = signed ? 'proof' : 'hosted-origin';
  if (!isRecord(payload)) return single(gateId, check(gateId, 'OB2_ASSERTION_MALFORMED', 'The Open Badges assertion is not a JSON object'));
  const version = ob1Version(payload);
  if (version) {
    return single('format', check('format', 'OB1_ASSERTION_UNSUPPORTED', `This is an Open Badges ${version} assertion; only Open Badges 2.0 and 3.0 are verified`, { version }));
  }
  const verification = verificationOf(payload);
  if (!('recipient' in payload) || !('badge' in payload)) {
    return single(gateId, check(gateId, 'OB2_ASSERTION_MALFORMED', 'The assertion lacks its recipient or its badge'));
  }
  if (!signed && verification.type === 'signed') {
    return single('proof', check('proof', 'OB2_SIGNED_WITHOUT_SIGNATURE', 'The assertion declares SignedBadge verification but was presented as plain JSON, without its JWS signature'));
  }
  if (verification.type === 'unknown' || (signed && verification.type !== 'signed')) {
    return single(gateId, check(gateId, 'OB2_VERIFICATION_TYPE_UNKNOWN', `The assertion's verification type ${JSON.stringify(verification.typeName)} does not match how it was presented (${signed ? 'signed JWS' : 'hosted JSON'})`));
  }

  const summary = baseSummary(payload);
  const state: Loaded = { assertion: payload };
  const steps: Step[] = [
    signed
      ? {
          id: 'proof',
          gate: true,
          run: () => signedProof((input.sniffed as { text: string }).text, input.header, payload, ctx, state, summary),
        }
      : { id: 'hosted-origin', gate: true, run: () => hostedOrigin(payload, ctx, state, summary) },
    { id: 'validity', run: async () => validity(state, ctx) },
    { id: 'status', needsAuthenticity: true, run: () => revocation(state, !signed, ctx) },
    { id: 'recipient', needsAuthenticity: true, run: async () => recipientCheck(state, ctx) },
  ];
  return { credential: summary, document: payload, steps };
}

export const ob2HostedHandler: FormatHandler = { format: 'ob2-hosted', plan };
export const ob2SignedHandler: FormatHandler = { format: 'ob2-signed', plan };
