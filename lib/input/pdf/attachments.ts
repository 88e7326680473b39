import { LIMITS } from '../../limits.js';
import { check } from '../../report.js';
import { sniff } from '../sniff.js';
import type { CredentialLocation, PdfCandidate } from './types.js';

/** An embedded file as pdfjs serialises it (document attachments and file-attachment annotations). */
export interface EmbeddedFile {
  filename?: unknown;
  content?: unknown;
}

/** File names that announce a credential, so an unreadable or oversized one is worth reporting. */
const CREDENTIAL_FILE = /\.(json|jsonld|jwt|sd-jwt|vc|xml|png|svg|txt)$/i;
const XML_CREDENTIAL = /europass|verifiablecredential|credential|openbadges|assertion|learningachievement/i;

/**
 * Turns an embedded file into a credential candidate, or nothing when it is plainly something else
 * (a photo, a nested PDF, an invoice's XML). Files whose content is a credential container (JSON,
 * JWT, SD-JWT, a link, a baked badge image) go through the normal pipeline.
 */
export function embeddedFileCandidate(file: EmbeddedFile, page: number | undefined): PdfCandidate | undefined {
  const name = typeof file.filename === 'string' && file.filename ? file.filename : 'unnamed';
  const location: CredentialLocation = { kind: 'embedded-file', name };
  if (page !== undefined) location.page = page;
  const looksLikeCredential = CREDENTIAL_FILE.test(name);
  if (!(file.content instanceof Uint8Array) || file.content.byteLength === 0) {
    if (!looksLikeCredential) return undefined;
    return { location, check: check('input', 'PDF_EMBEDDED_FILE_UNREADABLE', `The attached file "${name}" has no readable content`) };
  }
  const bytes = file.content;
  if (bytes.byteLength > LIMITS.maxPdfEmbeddedFileBytes) {
    if (!looksLikeCredential) return undefined;
    return {
      location,
      check: check('input', 'PDF_EMBEDDED_FILE_TOO_LARGE', `The attached file "${name}" is ${bytes.byteLength} bytes, more than the ${LIMITS.maxPdfEmbeddedFileBytes} bytes Credlens reads`, {
        bytes: bytes.byteLength,
        limit: LIMITS.maxPdfEmbeddedFileBytes,
      }),
    };
  }
  let kind: string;
  try {
    kind = sniff(bytes).kind;
  } catch {
    return xmlCandidate(bytes, name, location);
  }
  if (kind === 'pdf') return undefined;
  return { location, input: bytes };
}

function xmlCandidate(bytes: Uint8Array, name: string, location: CredentialLocation): PdfCandidate | undefined {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart();
  if (!head.startsWith('<') || !XML_CREDENTIAL.test(head)) return undefined;
  return {
    location,
    check: check('format', 'PDF_EMBEDDED_XML_UNSUPPORTED', `The attached file "${name}" is an XML credential; Credlens verifies credentials as JSON or JWT`),
  };
}
