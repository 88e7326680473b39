import type { CredentialLocation, Verdict, VerificationReport, VerificationState } from '../../lib/index.js';

/**
 * The only requests the background answers. Content scripts are unprivileged: every request they
 * send is re-validated here (shape, lengths, schemes) before anything is done with it.
 */
export type FindRef =
  | { kind: 'link'; url: string }
  | { kind: 'text'; text: string }
  | { kind: 'qr' | 'baked'; id: string };

export type ContentRequest =
  | { type: 'verify'; find: FindRef }
  | { type: 'probe-image'; src: string }
  | { type: 'probe-canvas'; dataUrl: string }
  | { type: 'open-report'; reportId: string }
  /** A link in a credential context that no platform claims: is there a credential behind it? */
  | { type: 'discover'; url: string };

export type PanelRequest =
  | { type: 'get-selected'; tabId: number }
  | { type: 'get-report'; reportId: string }
  | { type: 'reverify'; reportId: string }
  | { type: 'scan-tab'; tabId: number };

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
 * verdict (`reason` says why; the mark stays neutral), or discovery was not allowed for this host.
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

/** Pushed from the background to extension pages. */
export interface SelectedEvent {
  type: 'report-selected';
  tabId: number;
  reportId: string;
}

/** A verdict, or `none`: a candidate link that leads to no credential (a quiet, neutral mark). */
export type MarkState = VerificationState | 'none';

export const LIMITS_MSG = {
  urlLength: 4096,
  textLength: 256 * 1024,
  idLength: 128,
  dataUrlLength: 4 * 1024 * 1024,
} as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(value).every((k) => keys.includes(k));
}

function isString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

function isHttpsUrl(value: unknown): value is string {
  if (!isString(value, LIMITS_MSG.urlLength)) return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

const ID = /^[a-z0-9-]{1,128}$/;

function parseFind(value: unknown): FindRef | undefined {
  if (!isObject(value)) return undefined;
  if (value.kind === 'link' && hasOnlyKeys(value, ['kind', 'url']) && isHttpsUrl(value.url)) return { kind: 'link', url: value.url };
  if (value.kind === 'text' && hasOnlyKeys(value, ['kind', 'text']) && isString(value.text, LIMITS_MSG.textLength)) return { kind: 'text', text: value.text };
  if ((value.kind === 'qr' || value.kind === 'baked') && hasOnlyKeys(value, ['kind', 'id']) && typeof value.id === 'string' && ID.test(value.id)) {
    return { kind: value.kind, id: value.id };
  }
  return undefined;
}

/** Validates a message from a content script; anything else is `undefined` and is ignored. */
export function parseContentRequest(value: unknown): ContentRequest | undefined {
  if (!isObject(value)) return undefined;
  switch (value.type) {
    case 'verify': {
      if (!hasOnlyKeys(value, ['type', 'find'])) return undefined;
      const find = parseFind(value.find);
      return find ? { type: 'verify', find } : undefined;
    }
    case 'probe-image':
      return hasOnlyKeys(value, ['type', 'src']) && isHttpsUrl(value.src) ? { type: 'probe-image', src: value.src } : undefined;
    case 'probe-canvas':
      return hasOnlyKeys(value, ['type', 'dataUrl']) && isString(value.dataUrl, LIMITS_MSG.dataUrlLength) && value.dataUrl.startsWith('data:image/')
        ? { type: 'probe-canvas', dataUrl: value.dataUrl }
        : undefined;
    case 'discover':
      return hasOnlyKeys(value, ['type', 'url']) && isHttpsUrl(value.url) ? { type: 'discover', url: value.url } : undefined;
    case 'open-report':
      return hasOnlyKeys(value, ['type', 'reportId']) && typeof value.reportId === 'string' && ID.test(value.reportId)
        ? { type: 'open-report', reportId: value.reportId }
        : undefined;
    default:
      return undefined;
  }
}

/** Validates a message from an extension page (side panel, popup). */
export function parsePanelRequest(value: unknown): PanelRequest | undefined {
  if (!isObject(value)) return undefined;
  const tabId = value.tabId;
  const reportId = value.reportId;
  switch (value.type) {
    case 'get-selected':
    case 'scan-tab':
      return hasOnlyKeys(value, ['type', 'tabId']) && Number.isInteger(tabId) && (tabId as number) >= 0 ? { type: value.type, tabId: tabId as number } : undefined;
    case 'get-report':
    case 'reverify':
      return hasOnlyKeys(value, ['type', 'reportId']) && typeof reportId === 'string' && ID.test(reportId) ? { type: value.type, reportId } : undefined;
    default:
      return undefined;
  }
}

/** Asked by the popup of the content script in the current tab. */
export const PAGE_STATUS_REQUEST = { type: 'credlens-page-status' } as const;

export function isPageStatusRequest(value: unknown): boolean {
  return isObject(value) && value.type === PAGE_STATUS_REQUEST.type && hasOnlyKeys(value, ['type']);
}

/** What the content script says about its page: which site, whether it should have credentials, how its contexts were found. */
export interface PageStatus {
  site: string;
  profilePage: boolean;
  contexts: 'structure' | 'meaning' | 'none';
}
