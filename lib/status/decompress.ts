export type StatusListDecodeReason = 'malformed' | 'too-large';

/** A status list whose bytes could not be decoded, or that decompress past the cap. */
export class StatusListDecodeError extends Error {
  constructor(readonly reason: StatusListDecodeReason, message: string) {
    super(message);
    this.name = 'StatusListDecodeError';
  }
}

/** `gzip` (RFC 1952): W3C Bitstring Status List, StatusList2021. `deflate` (ZLIB, RFC 1950): IETF Token Status List. */
export type StatusListCompression = 'gzip' | 'deflate';

const NAMES: Record<StatusListCompression, string> = { gzip: 'GZIP', deflate: 'ZLIB (DEFLATE)' };

/**
 * Decompresses a status list with the platform's `DecompressionStream`, stopping as soon as the
 * output passes `maxBytes`, so a small "zip bomb" cannot exhaust memory.
 */
export async function decompressCapped(compressed: Uint8Array, format: StatusListCompression, maxBytes: number): Promise<Uint8Array> {
  const stream = new Blob([compressed as BlobPart]).stream().pipeThrough(new DecompressionStream(format));
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
        throw new StatusListDecodeError('too-large', `The status list decompresses to more than ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof StatusListDecodeError) throw error;
    throw new StatusListDecodeError('malformed', `The status list is not valid ${NAMES[format]} data`);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
