import type { CodeTable } from './types.js';

/** Credentials inside PDF documents (CVs, certificates): the document-level findings. */
export const PDF_CODES = {
  PDF_ENCRYPTED: {
    effect: 'unverifiable',
    summary: 'The PDF is protected by a password, so Credlens cannot look inside it for credentials.',
  },
  PDF_MALFORMED: { effect: 'fail', summary: 'The file says it is a PDF but is damaged or not a readable PDF.' },
  PDF_NO_CREDENTIAL: {
    effect: 'unverifiable',
    summary: 'The PDF holds no credential Credlens can find: no credential link, attached credential file or QR code.',
  },
  PDF_PAGES_CAPPED: {
    effect: 'unverifiable',
    summary: 'The PDF has more pages than Credlens searches; credentials on the later pages were not looked for.',
  },
  PDF_PAGE_NOT_SCANNED: {
    effect: 'unverifiable',
    summary: 'A PDF page could not be searched for QR codes (too large, too slow to draw, or no renderer available).',
  },
  PDF_CANDIDATES_CAPPED: {
    effect: 'unverifiable',
    summary: 'The PDF holds more possible credentials than Credlens verifies from one document; the rest were not checked.',
  },
  PDF_EMBEDDED_FILE_TOO_LARGE: {
    effect: 'fail',
    summary: 'A file attached to the PDF is larger than any credential needs, so it was not read.',
  },
  PDF_EMBEDDED_FILE_UNREADABLE: {
    effect: 'fail',
    summary: 'A file attached to the PDF could not be read (its data is damaged).',
  },
  PDF_EMBEDDED_XML_UNSUPPORTED: {
    effect: 'unverifiable',
    summary: 'The PDF carries an XML credential; Credlens verifies credentials as JSON or JWT, not in their XML form.',
  },
} as const satisfies CodeTable;
