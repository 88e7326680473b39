import type { CredentialLocation, LocatedReport } from '../../lib/index.js';
import type { TrustList, Verdict } from '../../lib/index.js';
import { worstVerdict } from '../../lib/report.js';
import type { StoredReport } from './protocol.js';

/**
 * Credentials found in a PDF, each with where it was found. The background keeps this under its
 * own id in the report store (like a single report), so the side panel and the popup show it the
 * same way; each item is also stored alone under its `reportId`.
 */
export interface StoredPdf {
  pdfId: string;
  kind: 'pdf';
  /** The PDF's link, or the name of the dropped file. */
  source: string;
  pageUrl?: string;
  /** Every entry verifyAll returned, in its order: credentials first, the document's findings last. */
  items: StoredReport[];
  /** Origins Credlens could not read for lack of permission (the PDF's own server, an issuer's). */
  blockedOrigins: string[];
  checkedAt: string;
}

export type StoredView = StoredReport | StoredPdf;

export function isStoredPdf(value: StoredView | undefined): value is StoredPdf {
  return value !== undefined && (value as StoredPdf).kind === 'pdf' && Array.isArray((value as StoredPdf).items);
}

/** The worst verdict of the credentials found (the document's own findings count only when nothing was found). */
export function pdfVerdict(pdf: StoredPdf): Verdict {
  const credentials = pdf.items.filter((i) => i.location?.kind !== 'document');
  const judged = credentials.length ? credentials : pdf.items;
  return judged.length ? worstVerdict(judged.map((i) => i.report.verdict)) : 'unverifiable';
}

/** The port the PDF host page (offscreen document / hidden frame) opens to the background. */
export const PDF_HOST_PORT = 'credlens-pdf-host';

/** A fetch the host asks the background to make (the background's gated, per-origin-limited fetch). */
export interface ProxiedRequest {
  method?: string;
  headers?: Record<string, string>;
  redirect?: RequestRedirect;
  credentials?: RequestCredentials;
  referrerPolicy?: ReferrerPolicy;
  cache?: RequestCache;
}

export interface ProxiedResponse {
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  url: string;
  redirected: boolean;
  base64: string;
}

/** Background → host. */
export type ToHost =
  | { type: 'scan'; id: number; input: { kind: 'url'; url: string } | { kind: 'bytes'; base64: string }; trust: TrustList[]; offline: boolean }
  | { type: 'fetch-done'; id: number; fetchId: number; response: ProxiedResponse }
  | { type: 'fetch-failed'; id: number; fetchId: number; message: string };

/** Host → background. */
export type FromHost =
  | { type: 'fetch'; id: number; fetchId: number; url: string; init: ProxiedRequest }
  | { type: 'scanned'; id: number; results: LocatedReport[] }
  | { type: 'scan-failed'; id: number; message: string };

export type { CredentialLocation };

const LOCATION_WORDS: Record<CredentialLocation['kind'], string> = {
  'embedded-file': 'File attached to the PDF',
  'annotation-link': 'Link in the PDF',
  'text-link': 'Link written in the PDF',
  qr: 'QR code',
  document: 'The PDF itself',
};

/** "Page 2 · QR code", "File attached to the PDF: badge.json". */
export function describeLocation(location: CredentialLocation): string {
  const parts: string[] = [];
  if (location.page) parts.push(`Page ${location.page}`);
  parts.push(location.name ? `${LOCATION_WORDS[location.kind]}: ${location.name}` : LOCATION_WORDS[location.kind]);
  return parts.join(' · ');
}
