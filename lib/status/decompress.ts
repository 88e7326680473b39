import { CredlensError } from '../errors.js';
import { decompressCapped as decompress, type CappedRead } from '../util/stream.js';
export type StatusListDecodeReason = 'malformed' | 'too-large';

/** A status list whose bytes could not be decoded, or that decompress past the cap. */
export class StatusListDecodeError extends CredlensError {
  constructor(readonly reason: StatusListDecodeReason, message: string) {
    super('STATUS_LIST_DECODE', message);
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
  let read: CappedRead;
  try {
    read = await decompress(compressed, format, maxBytes);
  } catch {
    throw new StatusListDecodeError('malformed', `The status list is not valid ${NAMES[format]} data`);
  }
  if (!read.complete) throw new StatusListDecodeError('too-large', `The status list decompresses to more than ${maxBytes} bytes`);
  return read.bytes;
}
