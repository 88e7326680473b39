import { SaxesParser } from 'saxes';
import { decompressCapped, type CappedRead } from '../util/stream.js';
import { LIMITS } from '../limits.js';
import type { Container } from './container.js';
import { ContainerError } from './container-error.js';
import { sniff, type Sniffed } from './sniff.js';

/**
 * Baked badges: the credential embedded in a badge image (Open Badges 2.0 "Baking" and Open Badges
 * 3.0 §5.3). PNG: an iTXt chunk `openbadgecredential` (3.0: JSON or a VC-JWT) or an iTXt / tEXt
 * chunk `openbadges` (2.0: JSON, a signed JWS, or the URL of a hosted assertion). SVG: an
 * `openbadges:credential` or `openbadges:assertion` element, with the payload as its (CDATA) body
 * or a `verify` attribute holding a VC-JWT (3.0) or the URL of a hosted assertion (2.0).
 * Pixels are never decoded; the SVG is read by a strict XML parser that expands no entities of its own.
 */

const PNG_KEYWORDS = new Set(['openbadges', 'openbadgecredential']);
const MAX_CHUNKS = 10_000;
/** A compressed iTXt chunk may not inflate beyond the size of any credential. */
const MAX_PAYLOAD = LIMITS.maxCredentialBytes;
/** Badge chunks read from one PNG (3.0 and 2.0 data side by side fit well within it). */
const MAX_BADGE_CHUNKS = 4;

export interface BakedPayload {
  /** PNG keyword or SVG element name. */
  where: string;
  text: string;
}

export async function unwrapBaked(container: Container): Promise<Sniffed> {
  let payload: BakedPayload;
  if (container.kind === 'png') payload = await readPngBadge(container.bytes);
  else if (container.kind === 'svg') payload = readSvgBadge(container.text);
  else throw new ContainerError('BAKED_NO_CREDENTIAL', `A ${container.kind} is not a badge image`);
  return sniffPayload(payload);
}

function sniffPayload(payload: BakedPayload): Sniffed {
  let inner: Sniffed;
  try {
    inner = sniff(payload.text);
  } catch (cause) {
    throw new ContainerError('BAKED_MALFORMED', `The badge data in ${payload.where} is neither JSON, a JWS nor a link: ${(cause as Error).message}`, { where: payload.where });
  }
  if (inner.kind === 'png' || inner.kind === 'svg' || inner.kind === 'pdf') {
    throw new ContainerError('BAKED_MALFORMED', `The badge data in ${payload.where} is another image, not a badge`, { where: payload.where });
  }
  return inner;
}

// ---------------------------------------------------------------- PNG

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG computes it (ISO 3309), over the chunk type and data. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = (CRC_TABLE[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface PngChunk {
  type: string;
  data: Uint8Array;
}

/*
 * The PNG chunk walker is written here rather than taken from pngjs (installed for tests): pngjs
 * decodes pixels and accepts what a viewer would accept, while a verifier wants the opposite: no
 * pixel is ever decoded, every chunk's CRC is checked, no declared length is trusted, and the number
 * of chunks and the inflated size of a compressed iTXt are capped (lib/util/stream.ts). It is ~60
 * lines and loaded only when a PNG is verified.
 */

/** Walks the chunks, trusting no declared length: a length past the end of the file is an error, not an allocation. */
export function* pngChunks(bytes: Uint8Array): Generator<PngChunk> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 8;
  for (let count = 0; ; count++) {
    if (count >= MAX_CHUNKS) throw new ContainerError('BAKED_MALFORMED', `The PNG has more than ${MAX_CHUNKS} chunks`);
    if (pos + 12 > bytes.length) throw new ContainerError('BAKED_MALFORMED', 'The PNG ends before its IEND chunk');
    const length = view.getUint32(pos);
    if (length > 0x7fffffff || length > bytes.length - pos - 12) {
      throw new ContainerError('BAKED_MALFORMED', `A PNG chunk declares ${length} bytes but only ${Math.max(0, bytes.length - pos - 12)} remain`, { offset: pos });
    }
    const typeBytes = bytes.subarray(pos + 4, pos + 8);
    const type = String.fromCharCode(...typeBytes);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new ContainerError('BAKED_MALFORMED', 'The PNG has a chunk with an invalid type', { offset: pos });
    const data = bytes.subarray(pos + 8, pos + 8 + length);
    yield { type, data };
    if (type === 'IEND') return;
    pos += 12 + length;
  }
}

function checkCrc(bytes: Uint8Array, chunk: PngChunk): void {
  const start = chunk.data.byteOffset - bytes.byteOffset - 4;
  const covered = bytes.subarray(start, start + 4 + chunk.data.length);
  const stored = new DataView(bytes.buffer, bytes.byteOffset + start + 4 + chunk.data.length, 4).getUint32(0);
  if (crc32(covered) !== stored) throw new ContainerError('BAKED_MALFORMED', `The PNG ${chunk.type} chunk holding the badge is corrupt (CRC mismatch)`);
}

const latin1 = new TextDecoder('latin1');

async function readPngBadge(bytes: Uint8Array): Promise<BakedPayload> {
  const found: BakedPayload[] = [];
  for (const chunk of pngChunks(bytes)) {
    if (chunk.type !== 'iTXt' && chunk.type !== 'tEXt') continue;
    const nul = chunk.data.indexOf(0);
    if (nul < 1 || nul > 79) continue;
    const keyword = latin1.decode(chunk.data.subarray(0, nul));
    if (!PNG_KEYWORDS.has(keyword)) continue;
    // Each chunk may inflate to maxCredentialBytes: thousands of small compressed copies would use gigabytes.
    if (found.length >= MAX_BADGE_CHUNKS) {
      throw new ContainerError('BAKED_MALFORMED', `The PNG carries more than ${MAX_BADGE_CHUNKS} badge chunks; no badge needs that many`);
    }
    checkCrc(bytes, chunk);
    const where = `the PNG ${chunk.type} chunk "${keyword}"`;
    const text = chunk.type === 'tEXt' ? latin1.decode(chunk.data.subarray(nul + 1)) : await itxtText(chunk.data, nul, where);
    if (text.length > MAX_PAYLOAD) throw new ContainerError('BAKED_TOO_LARGE', `The badge data in ${where} is larger than ${MAX_PAYLOAD} bytes`);
    found.push({ where, text });
  }
  if (found.length === 0) throw new ContainerError('BAKED_NO_CREDENTIAL', 'The PNG image carries no Open Badges data (no openbadges or openbadgecredential chunk)');
  const first = found[0] as BakedPayload;
  if (found.some((f) => f.text.trim() !== first.text.trim())) {
    throw new ContainerError('BAKED_MALFORMED', 'The PNG carries more than one different badge; it is not clear which one is meant', { count: found.length });
  }
  return first;
}

async function itxtText(data: Uint8Array, nul: number, where: string): Promise<string> {
  const compressed = data[nul + 1];
  const method = data[nul + 2];
  let pos = nul + 3;
  for (let skip = 0; skip < 2; skip++) {
    const end = data.indexOf(0, pos);
    if (end < 0) throw new ContainerError('BAKED_MALFORMED', `${where} is truncated`);
    pos = end + 1;
  }
  let body = data.subarray(pos);
  if (compressed === 1) {
    if (method !== 0) throw new ContainerError('BAKED_MALFORMED', `${where} uses an unknown compression method`);
    body = await inflateCapped(body, MAX_PAYLOAD, where);
  } else if (compressed !== 0) {
    throw new ContainerError('BAKED_MALFORMED', `${where} has an invalid compression flag`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new ContainerError('BAKED_MALFORMED', `${where} is not valid UTF-8 text`);
  }
}

/** zlib inflate that stops as soon as the output passes `cap` (a decompression bomb is refused, not expanded). */
async function inflateCapped(input: Uint8Array, cap: number, where: string): Promise<Uint8Array> {
  let read: CappedRead;
  try {
    read = await decompressCapped(input, 'deflate', cap);
  } catch {
    throw new ContainerError('BAKED_MALFORMED', `The compressed badge data in ${where} is corrupt`);
  }
  if (!read.complete) throw new ContainerError('BAKED_TOO_LARGE', `The badge data in ${where} inflates beyond ${cap} bytes`);
  return read.bytes;
}

// ---------------------------------------------------------------- SVG

/**
 * Namespaces of the badge elements: Open Badges 2.0 ("http://openbadges.org") and Open Badges 3.0
 * §5.3.2 ("https://purl.imsglobal.org/ob/v3p0"); the scheme and a trailing slash are not held against it.
 */
const OPENBADGES_NAMESPACES = /^(?:https?:\/\/openbadges\.org|https?:\/\/purl\.imsglobal\.org\/ob\/v3p0)\/?$/i;
/** Element nesting in a badge image; drawings nest a few dozen levels at most. */
export const MAX_SVG_DEPTH = 256;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/;

interface OpenBadge {
  qname: string;
  local: 'credential' | 'assertion';
  verify: string | undefined;
  depth: number;
  body: string;
}

/**
 * Reads the badge element of an SVG with a strict, non-validating XML parser (saxes): a document
 * that is not well-formed XML is refused, a DOCTYPE with an internal subset (entity declarations)
 * is refused, no external entity or DTD is ever read, and only the five predefined entities and
 * character references are expanded. Comments, processing instructions and `<script>` bodies are
 * never taken for a badge: only an element in an Open Badges namespace counts.
 */
export function readSvgBadge(raw: string): BakedPayload {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const found: BakedPayload[] = [];
  let depth = 0;
  let open: OpenBadge | undefined;
  const malformed = (message: string, details?: Record<string, unknown>): never => {
    throw new ContainerError('BAKED_MALFORMED', message, details);
  };

  parser.on('error', (error) => malformed(`The SVG is not well-formed XML: ${error.message}`));
  parser.on('doctype', (doctype) => {
    if (doctype.includes('[')) malformed('The SVG declares its own DTD entities (an internal DOCTYPE subset); badge images never need them and they are not read');
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (depth > MAX_SVG_DEPTH) malformed(`The SVG nests elements more than ${MAX_SVG_DEPTH} levels deep`);
    if (open) return;
    if ((tag.local === 'credential' || tag.local === 'assertion') && OPENBADGES_NAMESPACES.test(tag.uri)) {
      open = { qname: tag.name, local: tag.local, verify: tag.attributes.verify?.value, depth, body: '' };
    }
  });
  const addText = (text: string): void => {
    if (!open) return;
    open.body += text;
    if (open.body.length > MAX_PAYLOAD) {
      throw new ContainerError('BAKED_TOO_LARGE', `The badge data in the SVG <${open.qname}> element is larger than ${MAX_PAYLOAD} bytes`);
    }
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    if (open && depth === open.depth) {
      found.push(badgePayload(open));
      open = undefined;
    }
    depth--;
  });

  try {
    parser.write(raw).close();
  } catch (error) {
    if (error instanceof ContainerError) throw error;
    malformed(`The SVG could not be read: ${(error as Error).message}`);
  }

  if (found.length === 0) throw new ContainerError('BAKED_NO_CREDENTIAL', 'The SVG image carries no Open Badges data (no openbadges:assertion or openbadges:credential element)');
  const first = found[0] as BakedPayload;
  if (found.some((f) => f.text !== first.text)) {
    throw new ContainerError('BAKED_MALFORMED', 'The SVG carries more than one different badge; it is not clear which one is meant', { count: found.length });
  }
  return first;
}

/**
 * The element's body (JSON or a JWS, usually in CDATA) wins; without one, the `verify` attribute:
 * a compact JWS (Open Badges 3.0: a VC-JWT) or the URL of a hosted assertion (Open Badges 2.0).
 */
function badgePayload(badge: OpenBadge): BakedPayload {
  const where = `the SVG <${badge.qname}> element`;
  const body = badge.body.trim();
  const verify = badge.verify?.trim();
  if (body !== '') {
    // OB 2.0 signed assertions name their key URL in `verify`; a JWS there must be the same credential.
    if (verify !== undefined && COMPACT_JWS.test(verify) && verify !== body) {
      throw new ContainerError('BAKED_MALFORMED', `${where} carries one badge in its verify attribute and another in its body`);
    }
    return { where, text: body };
  }
  if (verify === undefined) throw new ContainerError('BAKED_MALFORMED', `${where} has neither a badge inside it nor a verify attribute`);
  if (COMPACT_JWS.test(verify) || isWebUrl(verify)) return { where: `the verify attribute of ${where}`, text: verify };
  throw new ContainerError('BAKED_MALFORMED', `The verify attribute of ${where} is neither a signed credential (compact JWS) nor a web link: ${JSON.stringify(verify.slice(0, 60))}`);
}

function isWebUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
