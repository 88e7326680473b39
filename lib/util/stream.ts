import { concatBytes } from './bytes.js';

/** A capped read: the whole stream, or its first `maxBytes` bytes when it was longer. */
export type CappedRead = { complete: true; bytes: Uint8Array } | { complete: false; bytes: Uint8Array };

/**
 * Reads a byte stream and stops as soon as it passes `maxBytes` (the stream is cancelled), so an
 * oversized response or a decompression bomb is cut off instead of held in memory. Errors of the
 * stream itself (a corrupt gzip body, a dropped connection) are thrown as they come.
 */
export async function readCapped(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<CappedRead> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      chunks.push(value.subarray(0, value.byteLength - (total - maxBytes)));
      return { complete: false, bytes: concatBytes(...chunks) };
    }
    chunks.push(value);
  }
  return { complete: true, bytes: concatBytes(...chunks) };
}

/** Decompresses with the platform's DecompressionStream, reading at most `maxBytes` of output. */
export function decompressCapped(compressed: Uint8Array, format: CompressionFormat, maxBytes: number): Promise<CappedRead> {
  const stream = new Blob([compressed as BlobPart]).stream().pipeThrough(new DecompressionStream(format));
  return readCapped(stream, maxBytes);
}
