import { decompressCapped, type CappedRead } from '../util/stream.js';
import { LIMITS } from '../limits.js';
import type { Container } from './acquire.js';
import { ContainerError } from './container-error.js';
import { sniff, type Sniffed } from './sniff.js';

/**
 * Baked badges: the credential embedded in a badge image (Open Badges 2.0 "Baking" and Open Badges
 * 3.0 §5.3). PNG: an iTXt chunk `openbadgecredential` (3.0: JSON or a VC-JWT) or an iTXt / tEXt
 * chunk `openbadges` (2.0: JSON, a signed JWS, or the URL of a hosted assertion). SVG: an
 * `openbadges:credential` or `openbadges:assertion` element, with the payload as its (CDATA) body
 * or, for hosted assertions, a `verify` attribute holding the assertion's URL.
 * Pixels are never decoded and the SVG is scanned as text, never parsed as a document.
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

const OPENBADGES_NS = /^https?:\/\/openbadges\.org\/?$/i;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Attributes of one start tag; a malformed attribute list is an error rather than a guess. */
function parseAttributes(source: string, where: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const pattern = /\s*([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
  let pos = 0;
  const text = source.replace(/\/\s*$/, '');
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    pattern.lastIndex = pos;
    const match = pattern.exec(text);
    if (!match) throw new ContainerError('BAKED_MALFORMED', `The ${where} element has a malformed attribute list`, { near: text.slice(pos, pos + 40) });
    attributes.set(match[1] as string, decodeEntities(match[2] ?? match[3] ?? ''));
    pos = pattern.lastIndex;
  }
  return attributes;
}

/** Removes comments and processing instructions (a badge inside a comment is not a badge), keeping CDATA intact. */
function stripComments(svg: string): string {
  let out = '';
  let pos = 0;
  while (pos < svg.length) {
    const comment = svg.indexOf('<!--', pos);
    const cdata = svg.indexOf('<![CDATA[', pos);
    if (comment < 0) return out + svg.slice(pos);
    if (cdata >= 0 && cdata < comment) {
      const end = svg.indexOf(']]>', cdata);
      const stop = end < 0 ? svg.length : end + 3;
      out += svg.slice(pos, stop);
      pos = stop;
      continue;
    }
    out += svg.slice(pos, comment);
    const end = svg.indexOf('-->', comment + 4);
    pos = end < 0 ? svg.length : end + 3;
  }
  return out;
}

export function readSvgBadge(raw: string): BakedPayload {
  const svg = stripComments(raw);
  const prefixes = new Set(['openbadges']);
  for (const m of svg.matchAll(/xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']*)["']/g)) {
    if (OPENBADGES_NS.test(m[2] ?? '')) prefixes.add(m[1] as string);
  }
  const names = [...prefixes].map((p) => p.replace(/[.-]/g, '\\$&')).join('|');
  const open = new RegExp(`<((?:${names}):(credential|assertion))(?=[\\s/>])([^>]*)>`, 'g');
  const found: BakedPayload[] = [];
  for (const match of svg.matchAll(open)) {
    const qname = match[1] as string;
    const where = `the SVG <${qname}> element`;
    const attrSource = match[3] ?? '';
    const attributes = parseAttributes(attrSource, `<${qname}>`);
    const selfClosing = /\/\s*$/.test(attrSource);
    let body = '';
    if (!selfClosing) {
      const start = (match.index ?? 0) + match[0].length;
      const close = svg.indexOf(`</${qname}>`, start);
      if (close < 0) throw new ContainerError('BAKED_MALFORMED', `${where} is never closed`);
      const inner = svg.slice(start, close);
      const cdata = /<!\[CDATA\[([\s\S]*?)\]\]>/.exec(inner);
      body = cdata ? (cdata[1] ?? '') : decodeEntities(inner);
    }
    if (body.length > MAX_PAYLOAD) throw new ContainerError('BAKED_TOO_LARGE', `The badge data in ${where} is larger than ${MAX_PAYLOAD} bytes`);
    if (body.trim() !== '') {
      found.push({ where, text: body.trim() });
      continue;
    }
    const verify = attributes.get('verify');
    if (verify === undefined) throw new ContainerError('BAKED_MALFORMED', `${where} has neither a badge inside it nor a verify attribute`);
    if (!isWebUrl(verify.trim())) {
      throw new ContainerError('BAKED_MALFORMED', `The verify attribute of ${where} is not a web link: ${JSON.stringify(verify.slice(0, 60))}`);
    }
    found.push({ where: `the verify attribute of ${where}`, text: verify.trim() });
  }
  if (found.length === 0) throw new ContainerError('BAKED_NO_CREDENTIAL', 'The SVG image carries no Open Badges data (no openbadges:assertion or openbadges:credential element)');
  const first = found[0] as BakedPayload;
  if (found.some((f) => f.text !== first.text)) {
    throw new ContainerError('BAKED_MALFORMED', 'The SVG carries more than one different badge; it is not clear which one is meant', { count: found.length });
  }
  return first;
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
