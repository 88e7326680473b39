import { ed25519 } from '@noble/curves/ed25519.js';
import { base64urlnopad } from '@scure/base';

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
      return ed25519.verify(signature, data, base64urlnopad.decode(jwk.x), { zip215: false });
    }
    if (kind === 'P-256' || kind === 'P-384') {
      if (signature.length !== (kind === 'P-256' ? 64 : 96)) return false;
      const hash = kind === 'P-256' ? 'SHA-256' : 'SHA-384';
      const { kty, crv, x, y } = jwk;
      const key = await crypto.subtle.importKey('jwk', { kty, crv, x, y }, { name: 'ECDSA', namedCurve: kind }, false, ['verify']);
      return await crypto.subtle.verify({ name: 'ECDSA', hash }, key, signature as BufferSource, data as BufferSource);
    }
  } catch {
    return false;
  }
  return false;
}

export async function digest(algorithm: 'SHA-256' | 'SHA-384', data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(algorithm, data as BufferSource));
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
