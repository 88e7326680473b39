import type { CredentialLocation, Verdict, VerificationReport, VerificationState } from '../../lib/index.js';
import type { StoredPdf, StoredView } from './pdf-messages.js';
import type { WalletPayload } from './wallet.js';

/**
 * The one message protocol between the background hub and everything else in the extension: each
 * message name has its request type, its response type and the kind of sender allowed to send it.
 * Content scripts are unprivileged: they may only ask what `MESSAGES[name].from === 'content'`
 * allows, and every request is validated (shape, lengths, schemes) before anything is done with it.
 * See docs/architecture.md ("The extension background").
 */

/** Who is asking: a content script in a web page, or one of the extension's own pages. */
export type SenderKind = 'content' | 'extension';

export type FindRef =
  | { kind: 'link'; url: string }
  | { kind: 'text'; text: string }
  | { kind: 'qr' | 'baked'; id: string };

export interface ProbeResult {
  finds: Array<{ kind: 'qr' | 'baked'; id: string }>;
}

export interface VerifyResult {
  reportId: string;
  state: Verdict;
  title?: string;
}

/**
 * The answer to `discover`: a credential was found (and verified: `result`), or nothing worth a
 * verdict (`reason` says why; the mark stays neutral), or the user's settings do not allow checking.
 */
export type DiscoverResult =
  | { found: 'credential'; result: VerifyResult }
  | { found: 'nothing'; reason: 'not-a-credential' | 'page-without-credential' | 'unreachable'; message: string }
  | { found: 'not-checked'; message: string };

/** What the report view shows: the report plus where the credential was found. */
export interface StoredReport {
  reportId: string;
  /** What was found; `pdf`: one of the credentials (or the findings) of a PDF, at `location`. */
  kind: FindRef['kind'] | 'pdf';
  /** The link, or a short description of where the credential came from. */
  source: string;
  pageUrl?: string;
  /** Where in the PDF (kind `pdf`). */
  location?: CredentialLocation;
  report: VerificationReport;
  /** Origins the verifier could not reach for lack of permission (optional host permissions). */
  blockedOrigins: string[];
}

/** What the user handed over: pasted text, a link, or the bytes of a file or image. */
export type InputRef =
  | { kind: 'text'; text: string }
  | { kind: 'url'; url: string }
  | { kind: 'bytes'; base64: string; mediaType: string; name: string };

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

/** Every message: `from` who may send it, `request` (with its `type`), `response`. */
export interface Messages {
  // Content script (page marks).
  verify: { from: 'content'; request: { type: 'verify'; find: FindRef }; response: VerifyResult | undefined };
  'probe-image': { from: 'content'; request: { type: 'probe-image'; src: string }; response: ProbeResult };
  'probe-canvas': { from: 'content'; request: { type: 'probe-canvas'; dataUrl: string }; response: ProbeResult };
  'open-report': { from: 'content'; request: { type: 'open-report'; reportId: string }; response: undefined };
  /** A link in a credential context that no platform claims: is a credential behind it? (issue #20) */
  discover: { from: 'content'; request: { type: 'discover'; url: string }; response: DiscoverResult };
  // Extension pages (side panel, popup, wallet, history, options).
  'get-selected': { from: 'extension'; request: { type: 'get-selected'; tabId: number }; response: StoredView | undefined };
  'get-report': { from: 'extension'; request: { type: 'get-report'; reportId: string }; response: StoredView | undefined };
  reverify: { from: 'extension'; request: { type: 'reverify'; reportId: string }; response: StoredView | undefined };
  'scan-tab': { from: 'extension'; request: { type: 'scan-tab'; tabId: number }; response: true };
  'verify-input': { from: 'extension'; request: { type: 'verify-input'; input: InputRef; via: 'popup' | 'wallet' }; response: StoredReport };
  'decode-qr': { from: 'extension'; request: { type: 'decode-qr'; base64: string }; response: DecodedQr };
  'fetch-credential': { from: 'extension'; request: { type: 'fetch-credential'; url: string }; response: FetchedCredential };
  'tab-summary': { from: 'extension'; request: { type: 'tab-summary'; tabId: number }; response: TabSummary };
  'verify-pdf': {
    from: 'extension';
    request: { type: 'verify-pdf'; input: Extract<InputRef, { kind: 'url' | 'bytes' }>; via: 'popup' | 'context-menu'; pageUrl?: string };
    response: StoredPdf;
  };
}

export type MessageName = keyof Messages;
export type RequestOf<K extends MessageName> = Messages[K]['request'];
export type ResponseOf<K extends MessageName> = Messages[K]['response'];
export type AnyRequest = { [K in MessageName]: RequestOf<K> }[MessageName];
export type ContentRequest = { [K in MessageName]: Messages[K]['from'] extends 'content' ? RequestOf<K> : never }[MessageName];
export type PageRequest = { [K in MessageName]: Messages[K]['from'] extends 'extension' ? RequestOf<K> : never }[MessageName];

/** Pushed from the background to extension pages. */
export interface SelectedEvent {
  type: 'report-selected';
  tabId: number;
  reportId: string;
}

/** A verdict, or `none`: a candidate link that leads to no credential (a quiet, neutral mark). */
export type MarkState = VerificationState | 'none';

/** The port extension pages open to the background (`callBackground`); content scripts are refused on it. */
export const PAGES_PORT = 'credlens-pages';

/** A port reply. */
export type PortResponse<T> = { id: number; ok: true; result: T } | { id: number; ok: false; error: string };

export const LIMITS_MSG = {
  urlLength: 4096,
  textLength: 256 * 1024,
  idLength: 128,
  dataUrlLength: 4 * 1024 * 1024,
  /** Base64 of a 10 MB file. */
  base64Length: Math.ceil((10 * 1024 * 1024 * 4) / 3) + 4,
  nameLength: 256,
} as const;

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function only(value: Obj, keys: readonly string[]): boolean {
  return Object.keys(value).every((k) => keys.includes(k));
}

function str(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

function isHttpsUrl(value: unknown): value is string {
  if (!str(value, LIMITS_MSG.urlLength)) return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

const ID = /^[a-z0-9-]{1,128}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MEDIA_TYPE = /^[a-z0-9!#$&^_.+-]{1,64}\/[a-z0-9!#$&^_.+-]{1,64}$/i;

const isId = (value: unknown): value is string => typeof value === 'string' && ID.test(value);
const isTabId = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

function parseFind(value: unknown): FindRef | undefined {
  if (!isObject(value)) return undefined;
  if (value.kind === 'link' && only(value, ['kind', 'url']) && isHttpsUrl(value.url)) return { kind: 'link', url: value.url };
  if (value.kind === 'text' && only(value, ['kind', 'text']) && str(value.text, LIMITS_MSG.textLength)) return { kind: 'text', text: value.text };
  if ((value.kind === 'qr' || value.kind === 'baked') && only(value, ['kind', 'id']) && isId(value.id)) return { kind: value.kind, id: value.id };
  return undefined;
}

export function parseInputRef(value: unknown): InputRef | undefined {
  if (!isObject(value)) return undefined;
  switch (value.kind) {
    case 'text':
      return only(value, ['kind', 'text']) && str(value.text, LIMITS_MSG.textLength) && value.text.trim() ? { kind: 'text', text: value.text } : undefined;
    case 'url':
      return only(value, ['kind', 'url']) && isHttpsUrl(value.url) ? { kind: 'url', url: value.url } : undefined;
    case 'bytes':
      return only(value, ['kind', 'base64', 'mediaType', 'name']) &&
        str(value.base64, LIMITS_MSG.base64Length) &&
        BASE64.test(value.base64) &&
        typeof value.mediaType === 'string' &&
        (value.mediaType === '' || MEDIA_TYPE.test(value.mediaType)) &&
        typeof value.name === 'string' &&
        value.name.length <= LIMITS_MSG.nameLength
        ? { kind: 'bytes', base64: value.base64, mediaType: value.mediaType, name: value.name }
        : undefined;
    default:
      return undefined;
  }
}

type Parser<K extends MessageName> = (value: Obj) => RequestOf<K> | undefined;

/** One entry per message name: who may send it and how its request is validated. */
export const MESSAGES: { [K in MessageName]: { from: Messages[K]['from']; parse: Parser<K> } } = {
  verify: {
    from: 'content',
    parse: (v) => {
      const find = only(v, ['type', 'find']) ? parseFind(v.find) : undefined;
      return find ? { type: 'verify', find } : undefined;
    },
  },
  'probe-image': { from: 'content', parse: (v) => (only(v, ['type', 'src']) && isHttpsUrl(v.src) ? { type: 'probe-image', src: v.src } : undefined) },
  'probe-canvas': {
    from: 'content',
    parse: (v) => (only(v, ['type', 'dataUrl']) && str(v.dataUrl, LIMITS_MSG.dataUrlLength) && v.dataUrl.startsWith('data:image/') ? { type: 'probe-canvas', dataUrl: v.dataUrl } : undefined),
  },
  discover: { from: 'content', parse: (v) => (only(v, ['type', 'url']) && isHttpsUrl(v.url) ? { type: 'discover', url: v.url } : undefined) },
  'open-report': { from: 'content', parse: (v) => (only(v, ['type', 'reportId']) && isId(v.reportId) ? { type: 'open-report', reportId: v.reportId } : undefined) },
  'get-selected': { from: 'extension', parse: (v) => (only(v, ['type', 'tabId']) && isTabId(v.tabId) ? { type: 'get-selected', tabId: v.tabId } : undefined) },
  'scan-tab': { from: 'extension', parse: (v) => (only(v, ['type', 'tabId']) && isTabId(v.tabId) ? { type: 'scan-tab', tabId: v.tabId } : undefined) },
  'tab-summary': { from: 'extension', parse: (v) => (only(v, ['type', 'tabId']) && isTabId(v.tabId) ? { type: 'tab-summary', tabId: v.tabId } : undefined) },
  'get-report': { from: 'extension', parse: (v) => (only(v, ['type', 'reportId']) && isId(v.reportId) ? { type: 'get-report', reportId: v.reportId } : undefined) },
  reverify: { from: 'extension', parse: (v) => (only(v, ['type', 'reportId']) && isId(v.reportId) ? { type: 'reverify', reportId: v.reportId } : undefined) },
  'verify-input': {
    from: 'extension',
    parse: (v) => {
      if (!only(v, ['type', 'input', 'via']) || (v.via !== 'popup' && v.via !== 'wallet')) return undefined;
      const input = parseInputRef(v.input);
      return input ? { type: 'verify-input', input, via: v.via } : undefined;
    },
  },
  'decode-qr': { from: 'extension', parse: (v) => (only(v, ['type', 'base64']) && str(v.base64, LIMITS_MSG.base64Length) && BASE64.test(v.base64) ? { type: 'decode-qr', base64: v.base64 } : undefined) },
  'fetch-credential': { from: 'extension', parse: (v) => (only(v, ['type', 'url']) && isHttpsUrl(v.url) ? { type: 'fetch-credential', url: v.url } : undefined) },
  'verify-pdf': {
    from: 'extension',
    parse: (v) => {
      if (!only(v, ['type', 'input', 'via', 'pageUrl']) || (v.via !== 'popup' && v.via !== 'context-menu')) return undefined;
      if (v.pageUrl !== undefined && !(str(v.pageUrl, LIMITS_MSG.urlLength) && /^https?:\/\//i.test(v.pageUrl))) return undefined;
      const input = parseInputRef(v.input);
      if (!input || input.kind === 'text') return undefined;
      return { type: 'verify-pdf', input, via: v.via, ...(typeof v.pageUrl === 'string' ? { pageUrl: v.pageUrl } : {}) };
    },
  },
};

function isMessageName(value: unknown): value is MessageName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(MESSAGES, value);
}

/**
 * Validates a message from a sender of the given kind; `undefined` for anything not understood or
 * not allowed for that sender (a content script asking for an extension page's message).
 */
export function parseRequest(value: unknown, from: SenderKind): AnyRequest | undefined {
  if (!isObject(value) || !isMessageName(value.type)) return undefined;
  const entry = MESSAGES[value.type];
  if (entry.from !== from) return undefined;
  return (entry.parse as Parser<MessageName>)(value);
}

/**
 * Asked by the popup of the content script in the current tab (tabs.sendMessage, not the router):
 * how the page's credential contexts were found.
 */
export const PAGE_STATUS_REQUEST = { type: 'credlens-page-status' } as const;

export function isPageStatusRequest(value: unknown): boolean {
  return isObject(value) && value.type === PAGE_STATUS_REQUEST.type && only(value, ['type']);
}

/** What the content script says about its page: which site, whether it should have credentials, how its contexts were found. */
export interface PageStatus {
  site: string;
  profilePage: boolean;
  contexts: 'structure' | 'meaning' | 'none';
}
