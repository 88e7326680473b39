/**
 * Bytes, text and base64 on `@scure/base` (audited, strict about padding and alphabet), so lib/ has
 * one way to decode them. Strict decoders throw on anything that is not canonical.
 */
import { base64, base64urlnopad } from '@scure/base';

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

/** UTF-8 to text; throws on invalid UTF-8 (never substitutes U+FFFD). */
export function utf8Decode(bytes: Uint8Array): string {
  return utf8Strict.decode(bytes);
}

export function utf8Encode(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** Padded standard base64 (RFC 4648 §4), as in DER certificates, `x5c` and ETSI `kid`s. */
export function base64Decode(text: string): Uint8Array {
  return base64.decode(text);
}

export function base64Encode(bytes: Uint8Array): string {
  return base64.encode(bytes);
}

/** Unpadded base64url (RFC 7515 §2), as in JOSE. */
export function base64urlDecode(text: string): Uint8Array {
  return base64urlnopad.decode(text);
}

export function base64urlEncode(bytes: Uint8Array): string {
  return base64urlnopad.encode(bytes);
}

/**
 * Base64 in either alphabet, padded or not (status lists in the wild use all four): normalised to
 * unpadded base64url, then decoded strictly.
 */
export function base64AnyDecode(text: string): Uint8Array {
  return base64urlnopad.decode(text.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const part of parts) total += part.byteLength;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** Byte-wise equality (not constant-time: for comparing public values such as certificates and digests). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((v, i) => v === b[i]);
}
