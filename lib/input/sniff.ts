import { InputError } from '../errors.js';
import { LIMITS } from '../limits.js';
import { parseJsonText } from '../util/strict-json.js';
import { isRecord } from '../util/json.js';

/** What the raw input turned out to be, before any credential format is decided. */
export type Sniffed =
  | { kind: 'json'; value: unknown; text?: string }
  | { kind: 'jws-json'; value: Record<string, unknown>; text: string }
  | { kind: 'jws-compact'; text: string }
  | { kind: 'sd-jwt'; text: string }
  | { kind: 'url'; url: string }
  | { kind: 'png'; bytes: Uint8Array }
  | { kind: 'svg'; text: string }
  | { kind: 'pdf'; bytes: Uint8Array };

/** What `verify()` accepts. A string is text (JSON, JWT, SD-JWT, SVG) or a URL. */
export type VerifyInput = string | Uint8Array | ArrayBuffer | Record<string, unknown> | unknown[];

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;
const SD_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+~([A-Za-z0-9_-]*~)*([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+)?$/;

export function sniff(input: VerifyInput): Sniffed {
  if (input instanceof ArrayBuffer) return sniffBytes(new Uint8Array(input));
  if (input instanceof Uint8Array) return sniffBytes(input);
  if (typeof input === 'string') return sniffText(input);
  return sniffObject(input);
}

/**
 * A parsed object (from a widget property or a library caller) gets the same limits as JSON text,
 * and is copied: a cycle, a getter or a page that mutates the object while it is verified cannot
 * make the checks see one credential and the report another.
 */
function sniffObject(input: Record<string, unknown> | unknown[]): Sniffed {
  let text: string | undefined;
  try {
    text = JSON.stringify(input);
  } catch (cause) {
    throw new InputError('INPUT_MALFORMED', 'The object cannot be read as JSON (it is circular, too deep, or holds values JSON cannot)', { cause });
  }
  if (text === undefined) throw new InputError('INPUT_MALFORMED', 'The object cannot be read as JSON');
  if (text.length > LIMITS.maxCredentialBytes) throw new InputError('INPUT_TOO_LARGE', `The input is larger than ${LIMITS.maxCredentialBytes} bytes`);
  const value = parseJsonText(text);
  if (isRecord(value) && typeof value.payload === 'string' && (Array.isArray(value.signatures) || typeof value.protected === 'string')) {
    return { kind: 'jws-json', value, text };
  }
  return { kind: 'json', value, text };
}

function sniffBytes(bytes: Uint8Array): Sniffed {
  if (bytes.byteLength === 0) throw new InputError('INPUT_MALFORMED', 'The input is empty');
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) {
    if (bytes.byteLength > LIMITS.maxImageBytes) throw new InputError('INPUT_TOO_LARGE', `The image is larger than ${LIMITS.maxImageBytes} bytes`);
    return { kind: 'png', bytes };
  }
  if (startsWithAscii(bytes, '%PDF-')) {
    if (bytes.byteLength > LIMITS.maxImageBytes) throw new InputError('INPUT_TOO_LARGE', `The PDF is larger than ${LIMITS.maxImageBytes} bytes`);
    return { kind: 'pdf', bytes };
  }
  const limit = looksLikeSvg(bytes) ? LIMITS.maxImageBytes : LIMITS.maxCredentialBytes;
  if (bytes.byteLength > limit) throw new InputError('INPUT_TOO_LARGE', `The input is larger than ${limit} bytes`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new InputError('INPUT_MALFORMED', 'The input is neither a PNG, a PDF nor UTF-8 text', { cause });
  }
  return sniffText(text);
}

function sniffText(raw: string): Sniffed {
  const text = raw.replace(/^\uFEFF/, '').trim();
  if (text.length === 0) throw new InputError('INPUT_MALFORMED', 'The input is empty');
  const isSvg = text.startsWith('<') && /<svg[\s>]/i.test(text.slice(0, 4096));
  const limit = isSvg ? LIMITS.maxImageBytes : LIMITS.maxCredentialBytes;
  if (text.length > limit) throw new InputError('INPUT_TOO_LARGE', `The input is larger than ${limit} bytes`);
  if (isSvg) return { kind: 'svg', text };
  if (text.startsWith('{') || text.startsWith('[')) {
    const value = parseJsonText(text);
    if (isRecord(value) && typeof value.payload === 'string' && (Array.isArray(value.signatures) || typeof value.protected === 'string')) {
      return { kind: 'jws-json', value, text };
    }
    return { kind: 'json', value, text };
  }
  if (/^https?:\/\//i.test(text) && !/\s/.test(text)) return { kind: 'url', url: text };
  const compact = text.replace(/\s+/g, '');
  if (compact.includes('~') && SD_JWT.test(compact)) return { kind: 'sd-jwt', text: compact };
  if (COMPACT_JWS.test(compact)) return { kind: 'jws-compact', text: compact };
  if (/^[A-Za-z0-9_-]+$/.test(compact)) {
    throw new InputError('INPUT_MALFORMED', 'A single base64url segment is not a JWT: a JWS needs a header, a payload and a signature separated by dots');
  }
  if (text.startsWith('<')) throw new InputError('INPUT_MALFORMED', 'Markup that is not an SVG image is not a credential');
  throw new InputError('INPUT_MALFORMED', 'The text is not JSON, a JWT, an SD-JWT or a link');
}

function startsWithAscii(bytes: Uint8Array, prefix: string): boolean {
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix.charCodeAt(i)) return false;
  return true;
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(head);
}
