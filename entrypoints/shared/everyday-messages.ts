import type { VerificationState } from '../../lib/index.js';
import type { StoredReport } from './messages.js';
import type { StoredPdf } from './pdf-messages.js';
import type { WalletPayload } from './wallet.js';

/**
 * Requests from the extension's own pages (popup, wallet, history, options) to the background, on
 * a port of their own (`EVERYDAY_PORT`) so that the page-marking channel stays as it is. The
 * background answers only ports opened by extension pages and validates every request.
 */
export const EVERYDAY_PORT = 'credlens-everyday';

/** What the user handed over: pasted text, a link, or the bytes of a file or image. */
export type InputRef =
  | { kind: 'text'; text: string }
  | { kind: 'url'; url: string }
  | { kind: 'bytes'; base64: string; mediaType: string; name: string };

export type EverydayRequest =
  | { type: 'verify-input'; input: InputRef; via: 'popup' | 'wallet' }
  | { type: 'decode-qr'; base64: string }
  | { type: 'fetch-credential'; url: string }
  | { type: 'tab-summary'; tabId: number }
  | { type: 'verify-pdf'; input: Extract<InputRef, { kind: 'url' | 'bytes' }>; via: 'popup' | 'context-menu'; pageUrl?: string };

export type TabCounts = Record<VerificationState, number>;

export interface TabSummary {
  counts: TabCounts;
  total: number;
}

/** The credential behind a link, as the wallet keeps it (platform pages followed to the credential). */
export interface FetchedCredential {
  payload: WalletPayload;
  retrievedFrom: string;
}

export interface DecodedQr {
  texts: string[];
}

export type EverydayResponse<T> = { id: number; ok: true; result: T } | { id: number; ok: false; error: string };

export const INPUT_LIMITS = {
  textLength: 256 * 1024,
  urlLength: 4096,
  /** Base64 of a 10 MB file. */
  base64Length: Math.ceil((10 * 1024 * 1024 * 4) / 3) + 4,
  nameLength: 256,
} as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function only(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(value).every((k) => keys.includes(k));
}

function str(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MEDIA_TYPE = /^[a-z0-9!#$&^_.+-]{1,64}\/[a-z0-9!#$&^_.+-]{1,64}$/i;

export function parseInputRef(value: unknown): InputRef | undefined {
  if (!isObject(value)) return undefined;
  switch (value.kind) {
    case 'text':
      return only(value, ['kind', 'text']) && str(value.text, INPUT_LIMITS.textLength) && value.text.trim() ? { kind: 'text', text: value.text } : undefined;
    case 'url': {
      if (!only(value, ['kind', 'url']) || !str(value.url, INPUT_LIMITS.urlLength)) return undefined;
      try {
        return new URL(value.url).protocol === 'https:' ? { kind: 'url', url: value.url } : undefined;
      } catch {
        return undefined;
      }
    }
    case 'bytes':
      return only(value, ['kind', 'base64', 'mediaType', 'name']) &&
        str(value.base64, INPUT_LIMITS.base64Length) &&
        BASE64.test(value.base64) &&
        typeof value.mediaType === 'string' &&
        (value.mediaType === '' || MEDIA_TYPE.test(value.mediaType)) &&
        typeof value.name === 'string' &&
        value.name.length <= INPUT_LIMITS.nameLength
        ? { kind: 'bytes', base64: value.base64, mediaType: value.mediaType, name: value.name }
        : undefined;
    default:
      return undefined;
  }
}

export function parseEverydayRequest(value: unknown): EverydayRequest | undefined {
  if (!isObject(value)) return undefined;
  switch (value.type) {
    case 'verify-input': {
      if (!only(value, ['type', 'input', 'via']) || (value.via !== 'popup' && value.via !== 'wallet')) return undefined;
      const input = parseInputRef(value.input);
      return input ? { type: 'verify-input', input, via: value.via } : undefined;
    }
    case 'decode-qr':
      return only(value, ['type', 'base64']) && str(value.base64, INPUT_LIMITS.base64Length) && BASE64.test(value.base64) ? { type: 'decode-qr', base64: value.base64 } : undefined;
    case 'fetch-credential':
      return only(value, ['type', 'url']) && parseInputRef({ kind: 'url', url: value.url }) ? { type: 'fetch-credential', url: value.url as string } : undefined;
    case 'tab-summary':
      return only(value, ['type', 'tabId']) && Number.isInteger(value.tabId) && (value.tabId as number) >= 0 ? { type: 'tab-summary', tabId: value.tabId as number } : undefined;
    case 'verify-pdf': {
      if (!only(value, ['type', 'input', 'via', 'pageUrl']) || (value.via !== 'popup' && value.via !== 'context-menu')) return undefined;
      if (value.pageUrl !== undefined && !(str(value.pageUrl, INPUT_LIMITS.urlLength) && /^https?:\/\//i.test(value.pageUrl))) return undefined;
      const input = parseInputRef(value.input);
      if (!input || input.kind === 'text') return undefined;
      return { type: 'verify-pdf', input, via: value.via, ...(typeof value.pageUrl === 'string' ? { pageUrl: value.pageUrl } : {}) };
    }
    default:
      return undefined;
  }
}

/** The answer type for each request. */
export interface EverydayResults {
  'verify-input': StoredReport;
  'decode-qr': DecodedQr;
  'fetch-credential': FetchedCredential;
  'tab-summary': TabSummary;
  'verify-pdf': StoredPdf;
}
