/** Credentials inside PDF documents: CVs and certificates that carry links, attachments and QR codes. */
export { scanPdf, type PdfScanOptions } from './scan.js';
export { isCredentialLink, linksInText } from './links.js';
export type { CredentialLocation, PdfCandidate, PdfScan } from './types.js';
