import { isRecord } from '../../util/json.js';
import { publicJwk } from '../../keys/key-material.js';
import type { VerifyContext } from '../../pipeline/types.js';
import { parseCompactJws, verifyCompactJws } from '../../proofs/jws.js';
import { check, type Check } from '../../report.js';
import { sdDigest } from './disclosures.js';

/** How old a key-binding JWT may be when the verifier asked for a live presentation (nonce/audience). */
export const KB_MAX_AGE_SECONDS = 300;

export interface KeyBindingInput {
  /** The issuer-signed payload (for `cnf` and `_sd_alg`). */
  payload: Record<string, unknown>;
  /** The presentation up to and including the last `~` before the KB-JWT. */
  presented: string;
  /** The KB-JWT, or '' when absent. */
  kbJwt: string;
}

/**
 * SD-JWT key binding (RFC 9901 §4.3, §7.3): the holder's KB-JWT must be signed by the key in `cnf`,
 * hash exactly this presentation (`sd_hash`), and, when the caller expects an audience or nonce
 * (a live presentation), name them and be fresh.
 */
export async function keyBindingCheck(input: KeyBindingInput, ctx: Pick<VerifyContext, 'now' | 'clockSkewSeconds' | 'keyBinding'>): Promise<Check> {
  const cnf = input.payload.cnf;
  const expectation = ctx.keyBinding;
  const live = Boolean(expectation?.audience || expectation?.nonce);
  if (!input.kbJwt) {
    if (live) return check('key-binding', 'KB_REQUIRED', 'An audience or nonce was expected, but the credential carries no holder proof (key-binding JWT)');
    return isRecord(cnf)
      ? check('key-binding', 'KB_NOT_PRESENT', 'The credential is bound to a holder key, but no holder proof was presented')
      : check('key-binding', 'KB_NOT_REQUIRED', 'The credential is not bound to a holder key');
  }
  if (!isRecord(cnf)) return check('key-binding', 'KB_NO_HOLDER_KEY', 'A holder proof is present, but the credential names no holder key (cnf)');
  if (!isRecord(cnf.jwk)) return check('key-binding', 'KB_HOLDER_KEY_UNSUPPORTED', 'The credential binds the holder by a key reference other than an embedded JWK');
  let holderKey: JsonWebKey;
  try {
    holderKey = publicJwk(cnf.jwk);
  } catch (error) {
    return check('key-binding', 'KB_HOLDER_KEY_UNSUPPORTED', `The holder key cannot be used: ${(error as Error).message}`);
  }
  const parsed = parseCompactJws(input.kbJwt, 'key-binding');
  if (!parsed.ok) return check('key-binding', 'KB_MALFORMED', parsed.check.message);
  const kb = parsed.value;
  if (kb.header.typ !== 'kb+jwt') return check('key-binding', 'KB_MALFORMED', 'The key-binding JWT\'s header type is not kb+jwt');
  const claims = kb.payload;
  if (!claims || typeof claims.iat !== 'number' || typeof claims.sd_hash !== 'string' || typeof claims.nonce !== 'string' || claims.aud === undefined) {
    return check('key-binding', 'KB_MALFORMED', 'The key-binding JWT lacks iat, aud, nonce or sd_hash');
  }
  const signature = await verifyCompactJws(kb, holderKey, { id: 'key-binding', signer: 'the holder' });
  if (signature.code !== 'PROOF_VALID') {
    return signature.code === 'PROOF_INVALID_SIGNATURE' || signature.code === 'PROOF_ALG_KEY_MISMATCH'
      ? check('key-binding', 'KB_INVALID_SIGNATURE', 'The key-binding JWT is not signed by the holder key the credential is bound to')
      : check('key-binding', 'KB_MALFORMED', signature.message);
  }
  const alg = typeof input.payload._sd_alg === 'string' ? input.payload._sd_alg : 'sha-256';
  if (sdDigest(alg, input.presented) !== claims.sd_hash) {
    return check('key-binding', 'KB_SD_HASH_MISMATCH', 'The holder proof was made for a different set of disclosures');
  }
  const iat = claims.iat * 1000;
  const now = ctx.now.getTime();
  const skew = ctx.clockSkewSeconds * 1000;
  const instant = new Date(iat);
  if (Number.isNaN(instant.getTime())) return check('key-binding', 'KB_MALFORMED', 'The holder proof\'s issue time (iat) is not a date');
  const made = instant.toISOString();
  if (iat > now + skew) return check('key-binding', 'KB_STALE', `The holder proof claims to be made in the future (${made})`);
  if (live && iat < now - skew - KB_MAX_AGE_SECONDS * 1000) return check('key-binding', 'KB_STALE', `The holder proof was made at ${made}, more than ${KB_MAX_AGE_SECONDS} s ago`);
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (expectation?.audience && !audiences.includes(expectation.audience)) {
    return check('key-binding', 'KB_AUDIENCE_MISMATCH', `The holder proof is for ${String(claims.aud).slice(0, 120)}, not for ${expectation.audience}`);
  }
  if (expectation?.nonce && claims.nonce !== expectation.nonce) return check('key-binding', 'KB_NONCE_MISMATCH', 'The holder proof answers another request (nonce differs)');
  const scope = live ? 'for this request' : `made at ${made} for ${String(claims.aud).slice(0, 120)} (no audience or nonce was expected, so freshness was not required)`;
  return check('key-binding', 'KB_VALID', `The holder proved possession of the bound key ${scope}`, { iat: made, aud: claims.aud });
}
