import { ed25519 } from '@noble/curves/ed25519.js';
import { base64urlnopad } from '@scure/base';
import { Lru } from '../../memo/lru.js';

export type KeyKind = 'Ed25519' | 'P-256' | 'P-384';

/** What kind of key a JWK is, among those the Data Integrity suites use. */
export function keyKind(jwk: JsonWebKey): KeyKind | undefined {
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'Ed25519';
  if (jwk.kty === 'EC' && (jwk.crv === 'P-256' || jwk.crv === 'P-384')) return jwk.crv;
  return undefined;
}

/**
 * Verifies a raw signature (Ed25519, or ECDSA as r‖s) over `data`. ECDSA hashes `data` with SHA-256
 * (P-256) or SHA-384 (P-384), as the cryptosuites specify. Never throws for bad input.
 */
export async function verifySignature(jwk: JsonWebKey, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const kind = keyKind(jwk);
  try {
    if (kind === 'Ed25519') {
      if (typeof jwk.x !== 'string' || signature.length !== 64) return false;
      return await verifyEd25519(base64urlnopad.decode(jwk.x), data, signature);
    }
    if (kind === 'P-256' || kind === 'P-384') {
      if (signature.length !== (kind === 'P-256' ? 64 : 96)) return false;
      const hash = kind === 'P-256' ? 'SHA-256' : 'SHA-384';
      const key = await ecdsaKey(jwk, kind);
      return await crypto.subtle.verify({ name: 'ECDSA', hash }, key, signature as BufferSource, data as BufferSource);
    }
  } catch {
    return false;
  }
  return false;
}

/** The group order of edwards25519: a signature's S must be below it (RFC 8032 §5.1.7). */
const ED25519_L = 2n ** 252n + 27742317777372353535851937790883648493n;

/** Imported keys, by key bytes: importing costs about as much as a verification. */
const ed25519Keys = new Lru<string, Promise<CryptoKey | null | undefined>>(100);
const ecdsaKeys = new Lru<string, Promise<CryptoKey>>(100);
/** Becomes false once Web Crypto has said it has no Ed25519 (older browsers): noble from then on. */
let webCryptoEd25519 = true;

/**
 * Ed25519 with RFC 8032's strict rules (noble's `zip215: false`): the public key must be a canonical
 * encoding of a point that is not of small order, and S must be below L. Web Crypto (OpenSSL,
 * BoringSSL) enforces S < L but accepts small-order keys, so the key is checked here first.
 */
export async function verifyEd25519(publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  if (!sBelowOrder(signature)) return false;
  if (webCryptoEd25519) {
    const key = await importEd25519(publicKey);
    if (key === null) return false;
    if (key !== undefined) return await crypto.subtle.verify('Ed25519', key, signature as BufferSource, data as BufferSource);
  }
  return verifyEd25519Noble(publicKey, data, signature);
}

/** The pure-JavaScript path, used where Web Crypto has no Ed25519. Exported for the tests of both paths. */
export function verifyEd25519Noble(publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    return ed25519.verify(signature, data, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

function sBelowOrder(signature: Uint8Array): boolean {
  let s = 0n;
  for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(signature[i] as number);
  return s < ED25519_L;
}

function strictEd25519Key(publicKey: Uint8Array): boolean {
  try {
    return !ed25519.Point.fromBytes(publicKey, false).isSmallOrder();
  } catch {
    return false;
  }
}

/** The imported key; null when the key is not acceptable; undefined when Web Crypto lacks Ed25519. */
async function importEd25519(publicKey: Uint8Array): Promise<CryptoKey | null | undefined> {
  const id = base64urlnopad.encode(publicKey);
  let pending = ed25519Keys.get(id);
  if (pending === undefined) {
    pending = strictEd25519Key(publicKey)
      ? crypto.subtle.importKey('raw', publicKey as BufferSource, 'Ed25519', false, ['verify']).then(
          (key) => key,
          (error: unknown) => {
            if (error instanceof Error && error.name === 'NotSupportedError') webCryptoEd25519 = false;
            return undefined;
          },
        )
      : Promise.resolve(null);
    ed25519Keys.set(id, pending);
  }
  const key = await pending;
  if (key === undefined) ed25519Keys.delete(id);
  return key;
}

async function ecdsaKey(jwk: JsonWebKey, kind: 'P-256' | 'P-384'): Promise<CryptoKey> {
  const { kty, crv, x, y } = jwk;
  const id = `${kind}:${String(x)}:${String(y)}`;
  let pending = ecdsaKeys.get(id);
  if (pending === undefined) {
    pending = crypto.subtle.importKey('jwk', { kty, crv, x, y }, { name: 'ECDSA', namedCurve: kind }, false, ['verify']);
    ecdsaKeys.set(id, pending);
    pending.catch(() => ecdsaKeys.delete(id));
  }
  return pending;
}

export async function digest(algorithm: 'SHA-256' | 'SHA-384', data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(algorithm, data as BufferSource));
}

export { concatBytes } from '../../util/bytes.js';
