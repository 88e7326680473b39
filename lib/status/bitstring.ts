import { base64AnyDecode } from '../util/bytes.js';
import { LIMITS } from '../limits.js';
import { decompressCapped, StatusListDecodeError } from './decompress.js';

/** Kept under its earlier name: callers and tests check `instanceof BitstringDecodeError`. */
export { StatusListDecodeError as BitstringDecodeError } from './decompress.js';

/**
 * Decodes a status list's `encodedList`: base64url (Bitstring Status List: multibase `u` prefix;
 * StatusList2021 / RevocationList2020: plain) of a GZIP stream. Decompression stops as soon as the
 * output passes `maxBytes`, so a small "zip bomb" cannot exhaust memory.
 */
export async function decodeEncodedList(encoded: string, maxBytes: number = LIMITS.maxStatusListBytes): Promise<Uint8Array> {
  // GZIP starts 0x1f 0x8b, "H4sI" in base64: a leading `u` before it is the multibase prefix.
  const body = encoded.startsWith('uH4sI') ? encoded.slice(1) : encoded;
  let compressed: Uint8Array;
  try {
    compressed = base64AnyDecode(body);
  } catch {
    throw new StatusListDecodeError('malformed', 'The status list\'s encodedList is not base64url');
  }
  return decompressCapped(compressed, 'gzip', maxBytes);
}

/** The status value at `index` (entries of `size` bits, most significant bit first), or undefined when out of range. */
export function readStatus(bits: Uint8Array, index: number, size = 1): number | undefined {
  const first = index * size;
  if (!Number.isSafeInteger(first) || first < 0 || first + size > bits.length * 8) return undefined;
  let value = 0;
  for (let i = first; i < first + size; i++) {
    const bit = ((bits[i >> 3] as number) >> (7 - (i & 7))) & 1;
    value = value * 2 + bit;
  }
  return value;
}
