import { CredlensError } from '../../errors.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { base64urlnopad } from '@scure/base';
import { parseJsonText } from '../../util/strict-json.js';
import { isRecord } from '../../util/json.js';
import { LIMITS } from '../../limits.js';
import { check, type Check } from '../../report.js';

/*
 * Written here rather than with an SD-JWT library (@sd-jwt/core and friends): what Credlens needs is
 * the verifier's half of RFC 9901 §7.1 only (digest every disclosure, rebuild the claims, refuse a
 * disclosure the payload never references, a digest used twice, a disclosed `_sd` or `...`), with the
 * strict JSON reader of lib/util/strict-json.ts and the check codes of lib/codes/. The library's
 * verifier bundles issuance, key binding and its own hashing and JSON handling (several times this
 * file's size in the widget), and reports failures as messages, not as the codes the report needs.
 */
const HASHES: Record<string, (data: Uint8Array) => Uint8Array> = { 'sha-256': sha256, 'sha-384': sha384, 'sha-512': sha512 };

/** Claims that are never selectively disclosable (RFC 9901 §5.2, SD-JWT VC §3.2.2). */
const NEVER_DISCLOSED = new Set(['_sd', '...']);

export type DisclosureResult = { ok: true; claims: Record<string, unknown>; disclosed: string[]; check: Check } | { ok: false; check: Check };

interface Disclosure {
  text: string;
  digest: string;
  name?: string;
  value: unknown;
  used: boolean;
}

class DisclosureError extends CredlensError {
  declare readonly check: 'SD_DISCLOSURE_INVALID' | 'SD_DIGEST_DUPLICATE';
  constructor(check: 'SD_DISCLOSURE_INVALID' | 'SD_DIGEST_DUPLICATE', message: string) {
    super('SD_DISCLOSURE', message, { check });
  }
}

/** The base64url digest of one disclosure (or of the presentation, for a KB-JWT's sd_hash). */
export function sdDigest(alg: string, ascii: string): string | undefined {
  const hash = HASHES[alg];
  return hash ? base64urlnopad.encode(hash(new TextEncoder().encode(ascii))) : undefined;
}

/**
 * Verifies every disclosure against the issuer-signed payload (RFC 9901 §7.1) and rebuilds the
 * disclosed claims. A disclosure whose digest the payload does not reference (altered, or never
 * issued) is REJECTED, as are repeated digests and disclosures; a digest with no disclosure is a
 * claim the holder chose not to show, and is simply absent.
 */
export function processDisclosures(payload: Record<string, unknown>, disclosureTexts: readonly string[]): DisclosureResult {
  const alg = payload._sd_alg === undefined ? 'sha-256' : payload._sd_alg;
  if (typeof alg !== 'string' || !HASHES[alg]) {
    return { ok: false, check: check('disclosures', 'SD_HASH_ALG_UNSUPPORTED', `The digest algorithm ${JSON.stringify(alg).slice(0, 40)} is not supported`) };
  }
  if (disclosureTexts.length > LIMITS.maxDisclosures) {
    return { ok: false, check: check('disclosures', 'SD_TOO_MANY_DISCLOSURES', `${disclosureTexts.length} disclosures exceed the limit of ${LIMITS.maxDisclosures}`) };
  }
  const byDigest = new Map<string, Disclosure>();
  for (const [index, text] of disclosureTexts.entries()) {
    let decoded: unknown;
    try {
      decoded = parseJsonText(new TextDecoder('utf-8', { fatal: true }).decode(base64urlnopad.decode(text)));
    } catch {
      return { ok: false, check: check('disclosures', 'SD_DISCLOSURE_INVALID', `Disclosure ${index + 1} is not base64url-encoded JSON`, { index }) };
    }
    const shapeOk =
      Array.isArray(decoded) &&
      typeof decoded[0] === 'string' &&
      (decoded.length === 2 || (decoded.length === 3 && typeof decoded[1] === 'string' && !NEVER_DISCLOSED.has(decoded[1])));
    if (!shapeOk) {
      return { ok: false, check: check('disclosures', 'SD_DISCLOSURE_INVALID', `Disclosure ${index + 1} is not a [salt, name, value] or [salt, value] array`, { index }) };
    }
    const digest = sdDigest(alg, text) as string;
    if (byDigest.has(digest)) return { ok: false, check: check('disclosures', 'SD_DIGEST_DUPLICATE', `Disclosure ${index + 1} is repeated`, { index }) };
    const arr = decoded as unknown[];
    const entry: Disclosure = arr.length === 3 ? { text, digest, name: arr[1] as string, value: arr[2], used: false } : { text, digest, value: arr[1], used: false };
    byDigest.set(digest, entry);
  }

  const seen = new Set<string>();
  let claims: Record<string, unknown>;
  try {
    claims = rebuild(payload, byDigest, seen, 0) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof DisclosureError) return { ok: false, check: check('disclosures', error.check, error.message) };
    throw error;
  }
  const unused = [...byDigest.values()].filter((d) => !d.used);
  if (unused.length) {
    const names = unused.map((d) => d.name ?? '(array element)').join(', ');
    return {
      ok: false,
      check: check('disclosures', 'SD_DISCLOSURE_UNREFERENCED', `${unused.length} disclosed claim(s) (${names.slice(0, 200)}) were not signed by the issuer: they were altered or added after issuance`, { count: unused.length }),
    };
  }
  delete claims._sd_alg;
  const disclosed = [...byDigest.values()].map((d) => d.name ?? '(array element)');
  const message = byDigest.size === 0 ? 'No selectively disclosable claims were disclosed' : `All ${byDigest.size} disclosed claim(s) were signed by the issuer`;
  return { ok: true, claims, disclosed, check: check('disclosures', 'SD_DISCLOSURES_OK', message, { disclosed }) };
}

function markDigest(digest: unknown, seen: Set<string>): string {
  if (typeof digest !== 'string') throw new DisclosureError('SD_DISCLOSURE_INVALID', 'A digest in the payload is not a string');
  if (seen.has(digest)) throw new DisclosureError('SD_DIGEST_DUPLICATE', 'The same digest appears more than once in the credential');
  seen.add(digest);
  return digest;
}

function rebuild(value: unknown, disclosures: Map<string, Disclosure>, seen: Set<string>, depth: number): unknown {
  if (depth > LIMITS.maxJsonDepth) throw new DisclosureError('SD_DISCLOSURE_INVALID', 'Disclosures are nested too deeply');
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const element of value) {
      if (isRecord(element) && '...' in element) {
        if (Object.keys(element).length !== 1) throw new DisclosureError('SD_DISCLOSURE_INVALID', 'An array digest object has members besides "..."');
        const digest = markDigest(element['...'], seen);
        const disclosure = disclosures.get(digest);
        if (!disclosure) continue;
        if (disclosure.name !== undefined) throw new DisclosureError('SD_DISCLOSURE_INVALID', `The claim disclosure "${disclosure.name}" is referenced as an array element`);
        disclosure.used = true;
        out.push(rebuild(disclosure.value, disclosures, seen, depth + 1));
      } else {
        out.push(rebuild(element, disclosures, seen, depth + 1));
      }
    }
    return out;
  }
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(value)) {
    if (name === '_sd') continue;
    out[name] = rebuild(member, disclosures, seen, depth + 1);
  }
  if ('_sd' in value) {
    if (!Array.isArray(value._sd)) throw new DisclosureError('SD_DISCLOSURE_INVALID', 'An "_sd" member is not a list of digests');
    for (const raw of value._sd) {
      const digest = markDigest(raw, seen);
      const disclosure = disclosures.get(digest);
      if (!disclosure) continue;
      if (disclosure.name === undefined) throw new DisclosureError('SD_DISCLOSURE_INVALID', 'An array-element disclosure is referenced as an object member');
      if (Object.prototype.hasOwnProperty.call(out, disclosure.name)) {
        throw new DisclosureError('SD_DISCLOSURE_INVALID', `The disclosed claim "${disclosure.name}" also appears in the clear`);
      }
      disclosure.used = true;
      out[disclosure.name] = rebuild(disclosure.value, disclosures, seen, depth + 1);
    }
  }
  return out;
}
