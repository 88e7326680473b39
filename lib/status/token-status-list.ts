import { base64urlnopad } from '@scure/base';
import { describeError } from '../errors.js';
import { isRecord } from '../util/json.js';
import type { KeyResolution } from '../keys/index.js';
import { LIMITS } from '../limits.js';
import type { VerifyContext } from '../pipeline/types.js';
import { headerCheck, parseCompactJws, verifyCompactJws, type CompactJws } from '../proofs/jws.js';
import { check, type Check } from '../report.js';
import { decompressCapped, StatusListDecodeError } from './decompress.js';
import { statusOutcome, type ListAuthentication } from './outcome.js';

/**
 * IETF Token Status List (draft-ietf-oauth-status-list): a JWT's `status.status_list` names an index
 * into a Status List Token (`typ: statuslist+jwt`) whose `status_list.lst` is the base64url of a
 * ZLIB-compressed byte array holding `bits` (1, 2, 4 or 8) per token, least significant bit first.
 */

/** The media type asked for (§8.1) and the JWT `typ` the token must declare (§5.1). */
export const STATUS_LIST_JWT_MEDIA_TYPE = 'application/statuslist+jwt';

/** Status Type values (§7.1); others are application-specific or unassigned. */
export const TOKEN_STATUS = { VALID: 0x00, INVALID: 0x01, SUSPENDED: 0x02 } as const;

export type TokenStatusBits = 1 | 2 | 4 | 8;
const BITS: readonly number[] = [1, 2, 4, 8];

/** `status.status_list` of a Referenced Token (§6.2). */
export interface StatusListReference {
  idx: number;
  uri: string;
}

export type StatusClaim =
  | { kind: 'none' }
  | { kind: 'status_list'; reference: StatusListReference }
  | { kind: 'other'; mechanisms: string[] }
  | { kind: 'malformed'; reason: string };

/** Reads the `status` claim of a JWT payload (or of an SD-JWT's issuer-signed payload). */
export function statusClaim(payload: Record<string, unknown>): StatusClaim {
  if (!('status' in payload)) return { kind: 'none' };
  const status = payload.status;
  if (!isRecord(status)) return { kind: 'malformed', reason: 'the status claim is not a JSON object' };
  if (!('status_list' in status)) return { kind: 'other', mechanisms: Object.keys(status).slice(0, 8) };
  const list = status.status_list;
  if (!isRecord(list)) return { kind: 'malformed', reason: 'status.status_list is not a JSON object' };
  const { idx, uri } = list;
  if (typeof idx !== 'number' || !Number.isSafeInteger(idx) || idx < 0) return { kind: 'malformed', reason: 'status.status_list.idx is not a non-negative integer' };
  if (typeof uri !== 'string' || !isUri(uri)) return { kind: 'malformed', reason: 'status.status_list.uri is not a URI' };
  return { kind: 'status_list', reference: { idx, uri } };
}

function isUri(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** Decodes `status_list.lst`: base64url (no padding, RFC 7515 §2) of ZLIB data, capped after decompression. */
export async function decodeStatusListBytes(lst: string, maxBytes: number = LIMITS.maxStatusListBytes): Promise<Uint8Array> {
  let compressed: Uint8Array;
  try {
    compressed = base64urlnopad.decode(lst);
  } catch {
    throw new StatusListDecodeError('malformed', 'The status list\'s lst is not base64url');
  }
  // `deflate` in the Compression Streams standard is the ZLIB format (RFC 1950): what §4.1 step 3 specifies.
  return decompressCapped(compressed, 'deflate', maxBytes);
}

/**
 * The status at `idx` (§4.1): entry `idx` occupies bits `idx * bits` onwards, counted from the least
 * significant bit of each byte. Undefined when the index lies outside the list.
 */
export function readTokenStatus(bytes: Uint8Array, idx: number, bits: TokenStatusBits): number | undefined {
  const first = idx * bits;
  if (!Number.isSafeInteger(first) || idx < 0 || first + bits > bytes.length * 8) return undefined;
  const byte = bytes[Math.floor(first / 8)] as number;
  return (byte >> (first % 8)) & ((1 << bits) - 1);
}

/** Finds the issuer's key for the Status List Token, by the same rules as for the credential itself. */
export type StatusListKeyResolver = (header: Record<string, unknown>) => Promise<KeyResolution>;

export interface TokenStatusOptions {
  /** The Referenced Token's `iss`. */
  issuer: string | undefined;
  resolveKey: StatusListKeyResolver;
}

function isStatusListTyp(typ: unknown): boolean {
  if (typeof typ !== 'string') return false;
  const t = typ.toLowerCase();
  // RFC 7515 §4.1.9: the "application/" prefix may be omitted.
  return t === 'statuslist+jwt' || t === STATUS_LIST_JWT_MEDIA_TYPE;
}

const numeric = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The `status` check for a JWT-based credential whose payload carries `status.status_list`
 * (validation rules §8.3): fetch the Status List Token through `ctx.io`, check its type, its
 * signature with the credential issuer's key, its `sub` (the referenced URI), `iss`, `iat`, `exp`
 * and `nbf`, decompress the list and read the credential's status. Anything that prevents a
 * statement about the status is a warning, never a pass.
 */
export async function checkTokenStatus(payload: Record<string, unknown>, options: TokenStatusOptions, ctx: VerifyContext): Promise<Check> {
  const claim = statusClaim(payload);
  switch (claim.kind) {
    case 'none':
      return check('status', 'STATUS_NONE', 'The credential declares no status list');
    case 'malformed':
      return check('status', 'STATUS_ENTRY_MALFORMED', `The credential's status claim is malformed: ${claim.reason}`);
    case 'other':
      return check('status', 'STATUS_TYPE_UNSUPPORTED', `The status mechanism ${claim.mechanisms.join(', ') || '(none named)'} is not supported, so revocation was not checked`);
    default:
      return checkReference(claim.reference, options, ctx);
  }
}

async function checkReference(reference: StatusListReference, options: TokenStatusOptions, ctx: VerifyContext): Promise<Check> {
  const { uri, idx } = reference;
  const base = { list: uri, index: idx, method: 'TokenStatusList' };
  const unverified = (why: string, extra: Record<string, unknown> = {}) =>
    check('status', 'STATUS_LIST_UNVERIFIED', `The status list ${uri} could not be trusted: ${why}`, { ...base, ...extra });
  const malformed = (why: string) => check('status', 'STATUS_LIST_MALFORMED', `The status list ${uri} is malformed: ${why}`, base);

  let body: Uint8Array;
  try {
    body = (await ctx.io.get(uri, { kind: 'status-list', accept: STATUS_LIST_JWT_MEDIA_TYPE })).body;
  } catch (error) {
    return check('status', 'STATUS_LIST_UNAVAILABLE', `The status list ${uri} could not be read: ${describeError(error)}`, base);
  }

  const parsed = parseCompactJws(new TextDecoder().decode(body).trim(), 'status');
  if (!parsed.ok) return malformed('it is not a signed JWT');
  const jws = parsed.value;
  if (!isStatusListTyp(jws.header.typ)) {
    return malformed(`its type is "${String(jws.header.typ ?? '(none)').slice(0, 60)}", not statuslist+jwt`);
  }
  const claims = jws.payload;
  if (!claims) return malformed('its payload is not a JSON object');
  // The list must be the list named (§8.3 step 4: sub equals the uri).
  if (typeof claims.sub !== 'string') return malformed('it has no sub naming its URI');
  if (claims.sub !== uri) return unverified(`it is the list ${claims.sub.slice(0, 200)}, not the one the credential refers to`, { sub: claims.sub });
  if (!numeric(claims.iat)) return malformed('it has no iat (issued at)');
  if (claims.exp !== undefined && !numeric(claims.exp)) return malformed('its exp is not a number');
  if (claims.nbf !== undefined && !numeric(claims.nbf)) return malformed('its nbf is not a number');
  if (claims.ttl !== undefined && !(numeric(claims.ttl) && claims.ttl > 0)) return malformed('its ttl is not a positive number');

  // Whether the list is the issuer's decides only whether "valid" counts (docs/verdicts.md "Revocation").
  const signer = typeof claims.iss === 'string' ? claims.iss.slice(0, 120) : undefined;
  const auth = await authenticateToken(jws, claims, options, ctx);

  const list = claims.status_list;
  if (!isRecord(list)) return malformed('it has no status_list');
  if (typeof list.bits !== 'number' || !BITS.includes(list.bits)) return malformed('status_list.bits is not 1, 2, 4 or 8');
  if (typeof list.lst !== 'string') return malformed('status_list.lst is missing');
  const bits = list.bits as TokenStatusBits;

  let bytes: Uint8Array;
  try {
    bytes = await decodeStatusListBytes(list.lst);
  } catch (error) {
    const tooLarge = error instanceof StatusListDecodeError && error.reason === 'too-large';
    return check('status', tooLarge ? 'STATUS_LIST_TOO_LARGE' : 'STATUS_LIST_MALFORMED', `The status list ${uri} could not be decoded: ${describeError(error)}`, base);
  }
  const value = readTokenStatus(bytes, idx, bits);
  const details = { ...base, bits };
  if (value === undefined) {
    return check('status', 'STATUS_INDEX_OUT_OF_RANGE', `Position ${idx} lies outside the status list, which has ${(bytes.length * 8) / bits} entries`, details);
  }
  const at = `status list ${uri}, position ${idx}`;
  const authentication: ListAuthentication = auth === undefined ? { authenticated: true, signer: signer ?? options.issuer } : { authenticated: false, signer, why: auth.why, details: auth.details };
  switch (value) {
    case TOKEN_STATUS.VALID:
      return statusOutcome('active', at, authentication, { ...details, value }, 'Valid: neither revoked nor suspended');
    case TOKEN_STATUS.INVALID:
      return statusOutcome('revoked', at, authentication, { ...details, value });
    case TOKEN_STATUS.SUSPENDED:
      return statusOutcome('suspended', at, authentication, { ...details, value });
    default:
      return check('status', 'STATUS_TYPE_UNSUPPORTED', `The status list gives this credential the status type 0x${value.toString(16).padStart(2, '0')}, whose meaning is application-specific, so revocation could not be established (${at})`, { ...details, value });
  }
}

/** Why the Status List Token is not authenticated as the issuer's, or undefined when it is. */
async function authenticateToken(jws: CompactJws, claims: Record<string, unknown>, options: TokenStatusOptions, ctx: VerifyContext): Promise<{ why: string; details: Record<string, unknown> } | undefined> {
  const rejected = headerCheck(jws.header, [], 'status');
  if (rejected) return { why: rejected.message, details: { reason: rejected.code } };
  const key = await options.resolveKey(jws.header);
  if (!key.ok) return { why: `no key of the credential's issuer signs it (${key.check.message})`, details: { reason: key.check.code } };
  const signature = await verifyCompactJws(jws, key.key.publicKeyJwk, { id: 'status', signer: key.key.id });
  if (signature.code !== 'PROOF_VALID') return { why: signature.message, details: { reason: signature.code, keyId: key.key.id } };
  if (claims.iss !== undefined && claims.iss !== options.issuer) {
    return { why: `it is issued by ${String(claims.iss).slice(0, 120)}, not by the credential's issuer ${options.issuer ?? '(unknown)'}`, details: {} };
  }
  const now = ctx.now.getTime() / 1000;
  if (numeric(claims.exp) && now > claims.exp + ctx.clockSkewSeconds) return { why: `it expired at ${isoOrNumber(claims.exp)}`, details: { exp: claims.exp } };
  if (numeric(claims.nbf) && now < claims.nbf - ctx.clockSkewSeconds) return { why: `it is not valid before ${isoOrNumber(claims.nbf)}`, details: { nbf: claims.nbf } };
  return undefined;
}

function isoOrNumber(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? String(seconds) : date.toISOString();
}
