import type { Check } from '../../report.js';

/** Where in a document a credential was found. `document` is the PDF itself (encrypted, malformed, nothing found, not fully searched). */
export interface CredentialLocation {
  kind: 'embedded-file' | 'annotation-link' | 'text-link' | 'qr' | 'document';
  /** 1-based page number (annotations, text, QR codes, file-attachment annotations). */
  page?: number;
  /** The embedded file's name. */
  name?: string;
  /** The link or QR payload when it is a URL. */
  url?: string;
}

/**
 * Something in a PDF that may be a credential. `input` goes through the normal pipeline; `check` is
 * a finding decided while reading the PDF (an attachment too large, an XML credential).
 */
export type PdfCandidate =
  | { location: CredentialLocation; input: Uint8Array | string }
  | { location: CredentialLocation; check: Check };

export interface PdfScan {
  candidates: PdfCandidate[];
  /** Findings about the document as a whole: pages not searched, candidates over the cap. */
  notices: Check[];
  pageCount: number;
}
