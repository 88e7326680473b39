import { secp256k1 } from '@noble/curves/secp256k1.js';
import type { Result } from '../util/result.js';
import { base64urlnopad } from '@scure/base';
// jose by subpath: its index loads all of its ~180 modules, which every cold CLI start would pay for.
import { compactVerify } from 'jose/jws/compact/verify';
import * as errors from 'jose/errors';
import { importJWK } from 'jose/key/import';
import { decodeJwsPart } from '../input/jws-parts.js';
import { isRecord } from '../util/json.js';
import { Lru } from '../memo/lru.js';
import { check, type Check, type CheckId } from '../report.js';

/** The signature algorithms accepted for credentials signed with a public key. */
export const JWS_ALGORITHMS = ['EdDSA', 'Ed25519', 'ES256', 'ES384', 'ES256K', 'RS256', 'PS256'] as const;
export type JwsAlgorithm = (typeof JWS_ALGORITHMS)[number];

/** A compact JWS split into its parts, with the protected header decoded. */
export interface CompactJws {
  text: string;
  header: Record<string, unknown>;
  /** The payload bytes (base64url-decoded). */
  payloadBytes: Uint8Array;
  /** The payload as JSON when it is a JSON object. */
  payload: Record<string, unknown> | undefined;
  signingInput: string;
  signature: Uint8Array;
}

export type Parsed<T> = Result<T, Check>;

/** The header and payload of a compact JWS as `decodeJwsPart` decoded them (classification already did). */
export interface DecodedJwsParts {
  header: unknown;
  payload: unknown;
}

/**
 * Splits and decodes a compact JWS; a malformed one yields a `PROOF_MALFORMED` check. `decoded`
 * spares decoding the header and payload again when the caller already has them for this `text`.
 */
export function parseCompactJws(text: string, id: CheckId = 'proof', decoded?: DecodedJwsParts): Parsed<CompactJws> {
  const parts = text.split('.');
  if (parts.length === 3 && parts[2] === '' && parts[0]) {
    // An empty signature is what `alg: none` produces: say that, rather than "malformed".
    const header = decodeJwsPart(parts[0]);
    if (isRecord(header) && typeof header.alg === 'string' && header.alg.toLowerCase() === 'none') {
      return { ok: false, check: check(id, 'PROOF_ALG_FORBIDDEN', 'The credential is unsigned (alg "none"): anyone could have written it', { alg: header.alg }) };
    }
  }
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p)) || !parts[0] || !parts[2]) {
    return { ok: false, check: check(id, 'PROOF_MALFORMED', 'A compact JWS has three base64url parts: header, payload and signature') };
  }
  const [h, p, s] = parts as [string, string, string];
  const header = decoded ? decoded.header : decodeJwsPart(h);
  if (!isRecord(header)) return { ok: false, check: check(id, 'PROOF_MALFORMED', 'The JWS header is not a base64url-encoded JSON object') };
  let signature: Uint8Array;
  try {
    if (!isCanonicalBase64url(p)) throw new Error('payload');
    signature = base64urlnopad.decode(s);
  } catch {
    return { ok: false, check: check(id, 'PROOF_MALFORMED', 'The JWS payload or signature is not valid base64url') };
  }
  const payload = decoded ? decoded.payload : p === '' ? undefined : decodeJwsPart(p);
  let payloadBytes: Uint8Array | undefined;
  return {
    ok: true,
    value: {
      text,
      header,
      // Decoded on demand: the payload is already parsed, and its encoding was checked above.
      get payloadBytes() {
        return (payloadBytes ??= base64urlnopad.decode(p));
      },
      payload: isRecord(payload) ? payload : undefined,
      signingInput: `${h}.${p}`,
      signature,
    },
  };
}

/**
 * Whether a string of base64url characters decodes without padding as `base64urlnopad.decode`
 * accepts it: no length of 4n+1, and the unused low bits of the last character are zero.
 */
export function isCanonicalBase64url(part: string): boolean {
  try {
    base64urlnopad.decode(part);
    return true;
  } catch {
    return false;
  }
}

/** Header parameters every JWS implementation must understand (RFC 7515 §4.1): never valid in `crit`. */
const REGISTERED_HEADERS = new Set(['alg', 'jku', 'jwk', 'kid', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'typ', 'cty', 'crit', 'enc', 'zip']);

/**
 * Rejects what must never verify before any key is used: `none`, HMAC (a public key used as a
 * shared secret), algorithms outside the allowlist, and `crit` extensions not understood
 * (RFC 7515 §4.1.11: a recipient MUST reject a JWS whose critical extensions it does not understand).
 */
export function headerCheck(header: Record<string, unknown>, understoodCrit: readonly string[] = [], id: CheckId = 'proof'): Check | undefined {
  const alg = header.alg;
  if (typeof alg !== 'string' || alg === '') return check(id, 'PROOF_MALFORMED', 'The JWS header names no algorithm (alg)');
  if (alg.toLowerCase() === 'none') return check(id, 'PROOF_ALG_FORBIDDEN', 'The credential is unsigned (alg "none"): anyone could have written it', { alg });
  if (/^HS\d+$/i.test(alg)) {
    return check(id, 'PROOF_ALG_FORBIDDEN', `${alg} is a shared-secret algorithm: it cannot show that the issuer signed a public credential`, { alg });
  }
  if (!(JWS_ALGORITHMS as readonly string[]).includes(alg)) {
    return check(id, 'PROOF_ALG_UNSUPPORTED', `The signature algorithm ${alg.slice(0, 40)} is not supported (supported: ${JWS_ALGORITHMS.join(', ')})`, { alg });
  }
  if ('crit' in header) {
    const crit = header.crit;
    if (!Array.isArray(crit) || crit.length === 0 || crit.some((c) => typeof c !== 'string')) {
      return check(id, 'PROOF_MALFORMED', 'The JWS "crit" header must be a non-empty list of header names');
    }
    for (const name of crit as string[]) {
      if (REGISTERED_HEADERS.has(name)) return check(id, 'PROOF_MALFORMED', `"${name}" is a registered header and may not appear in "crit"`);
      if (!(name in header)) return check(id, 'PROOF_MALFORMED', `The critical header "${name}" is missing from the JWS header`);
      if (!understoodCrit.includes(name)) {
        return check(id, 'PROOF_CRIT_UNKNOWN', `The signature declares the critical extension "${name.slice(0, 40)}", which Credlens does not understand`, { crit });
      }
    }
  }
  return undefined;
}

/** Whether the key can make signatures of this algorithm. */
export function keyFitsAlgorithm(jwk: JsonWebKey, alg: string): boolean {
  switch (alg) {
    case 'EdDSA':
    case 'Ed25519':
      return jwk.kty === 'OKP' && jwk.crv === 'Ed25519';
    case 'ES256':
      return jwk.kty === 'EC' && jwk.crv === 'P-256';
    case 'ES384':
      return jwk.kty === 'EC' && jwk.crv === 'P-384';
    case 'ES256K':
      return jwk.kty === 'EC' && jwk.crv === 'secp256k1';
    case 'RS256':
    case 'PS256':
      return jwk.kty === 'RSA' && typeof jwk.n === 'string' && base64urlnopad.decode(jwk.n).length >= 256;
    default:
      return false;
  }
}

function verifyEs256k(jws: CompactJws, jwk: JsonWebKey): boolean {
  const x = base64urlnopad.decode(jwk.x ?? '');
  const y = base64urlnopad.decode(jwk.y ?? '');
  if (x.length !== 32 || y.length !== 32 || jws.signature.length !== 64) return false;
  const point = new Uint8Array(65);
  point[0] = 4;
  point.set(x, 1);
  point.set(y, 33);
  try {
    // JWS ES256K (RFC 8812) does not require low-S; SHA-256 of the signing input is the message.
    return secp256k1.verify(jws.signature, new TextEncoder().encode(jws.signingInput), point, { prehash: true, lowS: false, format: 'compact' });
  } catch {
    return false;
  }
}

type ImportedKey = Awaited<ReturnType<typeof importJWK>>;

/** Imported issuer keys: importing costs a good part of a verification, and issuers sign many credentials. */
const importedKeys = new Lru<string, Promise<ImportedKey>>(100);

/**
 * The key imported for `alg`, once per process. Keyed by the algorithm and every member of the JWK
 * (a superset of the RFC 7638 thumbprint members, so `use`, `key_ops` or `ext` still take effect).
 */
function importedKey(jwk: JsonWebKey, alg: JwsAlgorithm): Promise<ImportedKey> {
  // A resolved key is usually the same frozen object each time (did:jwk / did:key documents are
  // derived once per process, DID documents once per cached copy): skip sorting and serialising
  // its members then. Only frozen objects are trusted this way, as nobody can change them since.
  const byObject = Object.isFrozen(jwk) ? keysByObject.get(jwk)?.get(alg) : undefined;
  if (byObject) return byObject;
  const pending = importedKeyByMembers(jwk, alg);
  if (Object.isFrozen(jwk)) {
    let forObject = keysByObject.get(jwk);
    if (!forObject) keysByObject.set(jwk, (forObject = new Map()));
    forObject.set(alg, pending);
    pending.catch(() => forObject.delete(alg));
  }
  return pending;
}

const keysByObject = new WeakMap<JsonWebKey, Map<JwsAlgorithm, Promise<ImportedKey>>>();

function importedKeyByMembers(jwk: JsonWebKey, alg: JwsAlgorithm): Promise<ImportedKey> {
  const members = Object.entries(jwk).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const id = `${alg}\n${JSON.stringify(members)}`;
  let pending = importedKeys.get(id);
  if (pending === undefined) {
    pending = importJWK({ ...jwk, alg } as Parameters<typeof importJWK>[0], alg);
    importedKeys.set(id, pending);
    pending.catch(() => importedKeys.delete(id));
  }
  return pending;
}

export interface JwsVerifyOptions {
  id?: CheckId;
  /** `crit` extensions the caller processes itself. */
  understoodCrit?: readonly string[];
  /** Who holds the key, for the message ("did:key:…", "the issuer"). */
  signer?: string;
}

/**
 * Verifies a compact JWS with an issuer key that is already authorised. Returns `PROOF_VALID`
 * (which establishes authenticity) or the reason it failed; never throws.
 */
export async function verifyCompactJws(jws: CompactJws, jwk: JsonWebKey, options: JwsVerifyOptions = {}): Promise<Check> {
  const id = options.id ?? 'proof';
  const rejected = headerCheck(jws.header, options.understoodCrit, id);
  if (rejected) return rejected;
  const alg = jws.header.alg as JwsAlgorithm;
  const signer = options.signer ?? 'the issuer';
  if (!keyFitsAlgorithm(jwk, alg)) {
    return check(id, 'PROOF_ALG_KEY_MISMATCH', `The ${alg} signature cannot come from ${signer}'s ${jwk.kty}${jwk.crv ? ` ${jwk.crv}` : ''} key`, { alg });
  }
  const details = { alg, signer };
  if (alg === 'ES256K') {
    return verifyEs256k(jws, jwk)
      ? check(id, 'PROOF_VALID', `ES256K signature by ${signer} is valid`, details)
      : check(id, 'PROOF_INVALID_SIGNATURE', `The ES256K signature does not match ${signer}'s key: the content was altered or signed by another key`, details);
  }
  try {
    const key = await importedKey(jwk, alg);
    await compactVerify(jws.text, key, { algorithms: [alg], crit: Object.fromEntries((options.understoodCrit ?? []).map((c) => [c, true])) });
    return check(id, 'PROOF_VALID', `${alg} signature by ${signer} is valid`, details);
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return check(id, 'PROOF_INVALID_SIGNATURE', `The ${alg} signature does not match ${signer}'s key: the content was altered or signed by another key`, details);
    }
    if (error instanceof errors.JOSENotSupported) return check(id, 'PROOF_ALG_UNSUPPORTED', `${alg} with this key is not supported here: ${(error as Error).message}`, details);
    if (error instanceof errors.JOSEError) return check(id, 'PROOF_MALFORMED', `The JWS could not be verified: ${(error as Error).message}`, details);
    return check(id, 'PROOF_MALFORMED', `The issuer key could not be used: ${(error as Error).message}`, details);
  }
}
