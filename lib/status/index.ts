import { describeError } from '../errors.js';
import { isRecord } from '../util/json.js';
import type { Step, VerifyContext } from '../pipeline/types.js';
import { check, type Check, withDetails } from '../report.js';
import { BitstringDecodeError, readStatus } from './bitstring.js';
import { statusEntries, type StatusEntry } from './entries.js';
import { readList, type ReadList } from './list-cache.js';
import { statusListVerified, verifyListOnce } from './list-memo.js';
import { checkTokenStatus, type TokenStatusOptions } from './token-status-list.js';
import { authorisedStatusSigner, issuerDocumentAuthorises, listSigningKeys, statusOutcome, type ListAuthentication } from './outcome.js';

export { statusEntries, type StatusEntry } from './entries.js';
export { decodeEncodedList, readStatus } from './bitstring.js';
export { clearStatusListMemo } from './list-memo.js';
export { authorisedStatusSigner, issuerDocumentAuthorises, listSigningKeys, statusOutcome, type ListAuthentication } from './outcome.js';
export { checkTokenStatus, statusClaim, readTokenStatus, decodeStatusListBytes, type TokenStatusOptions, type StatusListKeyResolver } from './token-status-list.js';

/** Bitstring Status List v1.0 §4 (and StatusList2021): a list is at least 16 KiB, for herd privacy. */
const MIN_BITSTRING_BYTES = 16 * 1024;

/**
 * The `status` step for any credential (JSON-LD or JWT): revocation and suspension by Bitstring
 * Status List, StatusList2021, RevocationList2020 or 1EdTech revocation list. Runs only after the
 * proof verified. Every list credential is itself verified (proof, same issuer, validity).
 */
export function statusStep(credential: Record<string, unknown>, issuer: string | undefined, ctx: VerifyContext): Step {
  return { id: 'status', needsAuthenticity: true, run: () => checkStatus(credential, issuer, ctx) };
}

export async function checkStatus(credential: Record<string, unknown>, issuer: string | undefined, ctx: VerifyContext): Promise<Check> {
  const entries = statusEntries(credential);
  if (entries.length === 0) return check('status', 'STATUS_NONE', 'The credential declares no status list');
  const results: Check[] = [];
  for (const entry of entries.slice(0, 8)) results.push(await checkEntry(entry, credential, issuer, ctx));
  return worstStatus(results);
}

/** One `status` check for several status entries: the worst decides, every entry is kept in the details. */
export function worstStatus(results: readonly Check[]): Check {
  const order = ['fail', 'warn', 'pass', 'skip'] as const;
  const sorted = [...results].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
  const worst = sorted[0] as Check;
  if (results.length === 1) return worst;
  return withDetails(worst, { entries: results.map((r) => ({ code: r.code, message: r.message, ...r.details })) });
}

/**
 * The `status` step of a JWT-secured credential: the IETF token status list its payload names
 * (`status.status_list`), the `credentialStatus` entries of the credential it carries, or both.
 */
export function jwtStatusStep(payload: Record<string, unknown>, credential: Record<string, unknown>, options: TokenStatusOptions, ctx: VerifyContext): Step {
  return {
    id: 'status',
    needsAuthenticity: true,
    run: async () => {
      const hasToken = 'status' in payload;
      const hasEntries = statusEntries(credential).length > 0;
      if (!hasToken) return checkStatus(credential, options.issuer, ctx);
      const token = await checkTokenStatus(payload, options, ctx);
      return hasEntries ? worstStatus([token, await checkStatus(credential, options.issuer, ctx)]) : token;
    },
  };
}

async function checkEntry(entry: StatusEntry, credential: Record<string, unknown>, issuer: string | undefined, ctx: VerifyContext): Promise<Check> {
  switch (entry.method) {
    case 'malformed':
      return check('status', 'STATUS_ENTRY_MALFORMED', `The credential's status entry is malformed: ${entry.reason}`);
    case 'unsupported':
      return check('status', 'STATUS_TYPE_UNSUPPORTED', `The status method ${entry.type} is not supported, so revocation was not checked`);
    case '1EdTechRevocationList':
      return checkRevocationList(entry.listUrl, credential, issuer, ctx);
    default:
      return checkBitstring(entry, issuer, ctx);
  }
}

type ListFetch = { ok: true; list: ReadList; document: Record<string, unknown> } | { ok: false; check: Check };

async function fetchList(url: string, ctx: VerifyContext): Promise<ListFetch> {
  let body: Uint8Array;
  try {
    body = (await ctx.io.get(url, { kind: 'status-list', accept: 'application/vc+ld+json, application/ld+json, application/json, application/vc+jwt;q=0.9, */*;q=0.1' })).body;
  } catch (error) {
    return { ok: false, check: check('status', 'STATUS_LIST_UNAVAILABLE', `The status list ${url} could not be read: ${describeError(error)}`, { list: url }) };
  }
  // Parsed, hashed and decoded once per cached copy of the list (list-cache.ts), not per credential.
  const list = readList(body);
  if (!list.document) return { ok: false, check: check('status', 'STATUS_LIST_MALFORMED', `The status list ${url} is neither a JSON credential nor a JWT`, { list: url }) };
  return { ok: true, list, document: list.document };
}

async function authenticateList(url: string, list: ReadList, issuer: string | undefined, ctx: VerifyContext): Promise<ListAuthentication> {
  const report = await verifyListOnce(url, list.text, ctx, list.digest);
  const signer = report.credential?.issuer?.id;
  if (!statusListVerified(report)) {
    const failing = report.checks.filter((c) => c.status === 'fail' || c.status === 'warn').map((c) => c.code);
    return {
      authenticated: false,
      signer,
      why: `its own verification gave "${report.verdict}" (${failing.join(', ') || 'no proof'}); it names ${signer ?? 'no issuer'} as its signer`,
      details: { listVerdict: report.verdict, listProblems: failing, report },
    };
  }
  if (authorisedStatusSigner(issuer, signer, ctx)) return { authenticated: true, signer };
  const keys = listSigningKeys(report);
  const delegated = await issuerDocumentAuthorises(issuer, keys, ctx);
  if (delegated) return { authenticated: true, signer, details: { listKey: delegated, listKeyAuthorisedBy: issuer } };
  return {
    authenticated: false,
    signer,
    why: `it is signed by ${signer ?? 'an unnamed party'}${keys.length > 0 ? ` (key ${keys.join(', ')})` : ''}, not by the credential's issuer ${issuer ?? '(unknown)'}, nor with a key the issuer's DID document lists under assertionMethod, nor by a status-list signer a trust list authorises for that issuer`,
  };
}

function documentId(document: Record<string, unknown>): string | undefined {
  return typeof document.id === 'string' ? document.id : undefined;
}

async function checkBitstring(entry: Extract<StatusEntry, { index: number }>, issuer: string | undefined, ctx: VerifyContext): Promise<Check> {
  const base = { list: entry.listUrl, index: entry.index, purpose: entry.purpose, method: entry.method };
  const fetched = await fetchList(entry.listUrl, ctx);
  if (!fetched.ok) return fetched.check;
  // The list must be the list named: a genuine list of the same issuer served at this URL is not it.
  const listId = documentId(fetched.document);
  if (listId !== entry.listUrl) {
    return check('status', 'STATUS_LIST_UNVERIFIED', `The document served at ${entry.listUrl} is ${listId ? `the list ${listId.slice(0, 200)}` : 'a list without an id'}, not the list the credential names, so it says nothing about this credential`, { ...base, listId });
  }

  const subject = Array.isArray(fetched.document.credentialSubject) ? fetched.document.credentialSubject[0] : fetched.document.credentialSubject;
  if (!isRecord(subject) || typeof subject.encodedList !== 'string') {
    return check('status', 'STATUS_LIST_MALFORMED', `The status list ${entry.listUrl} has no encodedList`, base);
  }
  const listPurposes = (Array.isArray(subject.statusPurpose) ? subject.statusPurpose : [subject.statusPurpose]).filter((p) => typeof p === 'string');
  if (entry.method !== 'RevocationList2020' && !listPurposes.includes(entry.purpose)) {
    return check('status', 'STATUS_PURPOSE_MISMATCH', `The credential's status entry is for ${entry.purpose}, but the list serves ${listPurposes.join(', ') || 'no stated purpose'}`, base);
  }
  let bits: Uint8Array;
  try {
    bits = await fetched.list.bits(subject.encodedList);
  } catch (error) {
    const tooLarge = error instanceof BitstringDecodeError && error.reason === 'too-large';
    return check('status', tooLarge ? 'STATUS_LIST_TOO_LARGE' : 'STATUS_LIST_MALFORMED', `The status list ${entry.listUrl} could not be decoded: ${describeError(error)}`, base);
  }
  const value = readStatus(bits, entry.index, entry.size);
  if (value === undefined) {
    return check('status', 'STATUS_INDEX_OUT_OF_RANGE', `Position ${entry.index} lies outside the status list, which has ${Math.floor((bits.length * 8) / entry.size)} entries`, base);
  }
  const auth = await authenticateList(entry.listUrl, fetched.list, issuer, ctx);
  const details = { ...base, value };
  const where = `status list ${entry.listUrl}, position ${entry.index}`;
  if (entry.purpose === 'revocation' || entry.purpose === 'suspension') {
    const marked = value !== 0 ? (entry.purpose === 'revocation' ? 'revoked' : 'suspended') : 'active';
    if (marked === 'active' && auth.authenticated && entry.method === 'BitstringStatusList' && bits.length < MIN_BITSTRING_BYTES * entry.size) {
      return check('status', 'STATUS_LIST_TOO_SHORT', `The status list holds ${bits.length} bytes; a Bitstring Status List must hold at least ${MIN_BITSTRING_BYTES * entry.size}`, base);
    }
    return statusOutcome(marked, where, auth, details, entry.purpose === 'revocation' ? 'Not revoked' : 'Not suspended');
  }
  if (!auth.authenticated) return statusOutcome('active', where, auth, details);
  const messages = Array.isArray(entry.raw.statusMessage) ? entry.raw.statusMessage.filter(isRecord) : [];
  const hex = `0x${value.toString(16)}`;
  const message = messages.find((m) => typeof m.status === 'string' && Number.parseInt(m.status, 16) === value);
  return check('status', 'STATUS_MESSAGE', `Status "${entry.purpose}" is ${hex}${message && typeof message.message === 'string' ? `: ${message.message}` : ''}`, details);
}

/** 1EdTech Revocation List (Open Badges 3.0 §9.x): an unsigned JSON list of revoked credential ids, served by the issuer. */
async function checkRevocationList(url: string, credential: Record<string, unknown>, issuer: string | undefined, ctx: VerifyContext): Promise<Check> {
  let list: unknown;
  try {
    list = (await ctx.io.getJson(url, { kind: 'status-list' })).value;
  } catch (error) {
    return check('status', 'STATUS_LIST_UNAVAILABLE', `The revocation list ${url} could not be read: ${describeError(error)}`, { list: url });
  }
  if (!isRecord(list) || !Array.isArray(list.revokedCredentials)) {
    return check('status', 'STATUS_LIST_MALFORMED', `The revocation list ${url} has no revokedCredentials`, { list: url });
  }
  const listIssuer = typeof list.issuer === 'string' ? list.issuer : isRecord(list.issuer) && typeof list.issuer.id === 'string' ? list.issuer.id : undefined;
  if (typeof list.id === 'string' && list.id !== url) {
    return check('status', 'STATUS_LIST_UNVERIFIED', `The document served at ${url} is the revocation list ${list.id.slice(0, 200)}, not the one the credential names, so it says nothing about this credential`, { list: url, listId: list.id });
  }
  const id = typeof credential.id === 'string' ? credential.id : undefined;
  if (!id) return check('status', 'STATUS_ENTRY_MALFORMED', 'The credential has no id to look up in its revocation list', { list: url });
  // An unsigned list: it is the issuer's when it says so and is served at the address the signed credential names.
  const auth: ListAuthentication = authorisedStatusSigner(issuer, listIssuer, ctx)
    ? { authenticated: true, signer: listIssuer }
    : { authenticated: false, signer: listIssuer, why: `it belongs to ${listIssuer ?? 'an unnamed issuer'}, not to the credential's issuer ${issuer ?? '(unknown)'}` };
  const hit = list.revokedCredentials.find((r) => isRecord(r) && r.id === id && r.revoked !== false);
  const reason = isRecord(hit) && typeof hit.revocationReason === 'string' ? `; reason: ${hit.revocationReason.slice(0, 200)}` : '';
  return statusOutcome(hit ? 'revoked' : 'active', `revocation list ${url}${reason}`, auth, { list: url, method: '1EdTechRevocationList' }, 'Not on the issuer\'s revocation list');
}
