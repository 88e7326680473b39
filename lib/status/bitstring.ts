import { base64urlnopad } from '@scure/base';
import { LIMITS } from '../limits.js';

export type BitstringError = 'malformed' | 'too-large';

export class BitstringDecodeError extends Error {
  constructor(readonly reason: BitstringError, message: string) {
    super(message);
    this.name = 'BitstringDecodeError';
  }
}

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
    compressed = base64urlnopad.decode(body.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
  } catch {
    throw new BitstringDecodeError('malformed', 'The status list\'s encodedList is not base64url');
  }
  return gunzipCapped(compressed, maxBytes);
}

async function gunzipCapped(compressed: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const stream = new Blob([compressed as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new BitstringDecodeError('too-large', `The status list decompresses to more than ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof BitstringDecodeError) throw error;
    throw new BitstringDecodeError('malformed', 'The status list\'s encodedList is not valid GZIP data');
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
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
