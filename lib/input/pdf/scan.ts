import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { LIMITS } from '../../limits.js';
import { check, type Check } from '../../report.js';
import { sniff } from '../sniff.js';
import { embeddedFileCandidate, type EmbeddedFile } from './attachments.js';
import { isCredentialLink, linkKey, linksInText } from './links.js';
import { openPdf, type PdfEngineOptions } from './open.js';
import { scanPageForQr, type CanvasFactoryLike } from './render.js';
import type { CredentialLocation, PdfCandidate, PdfScan } from './types.js';

export interface PdfScanOptions extends PdfEngineOptions {
  /** Render pages and read QR codes (default true). Links and attachments are read either way. */
  qr?: boolean;
  signal?: AbortSignal;
}

const ANNOTATION_LINK = 2;
const ANNOTATION_FILE_ATTACHMENT = 17;

/**
 * Finds every credential candidate in a PDF: attached files (document attachments and
 * file-attachment annotations), link annotations, links in the text, and QR codes on pages that
 * carry images or drawings. Throws `ContainerError` (PDF_ENCRYPTED, PDF_MALFORMED) when the
 * document cannot be opened; everything after that is a candidate or a notice.
 */
export async function scanPdf(bytes: Uint8Array, options: PdfScanOptions = {}): Promise<PdfScan> {
  const pdf = await openPdf(bytes, options);
  try {
    return await scanOpened(pdf, options);
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

async function scanOpened(pdf: PDFDocumentProxy, options: PdfScanOptions): Promise<PdfScan> {
  const candidates: PdfCandidate[] = [];
  const notices: Check[] = [];
  const seenLinks = new Set<string>();
  const addLink = (url: string, location: CredentialLocation): void => {
    const key = linkKey(url);
    if (seenLinks.has(key)) return;
    seenLinks.add(key);
    candidates.push({ location: { ...location, url }, input: url });
  };

  const attachments = (await pdf.getAttachments().catch(() => null)) as Record<string, EmbeddedFile> | null;
  for (const file of Object.values(attachments ?? {})) {
    const candidate = embeddedFileCandidate(file, undefined);
    if (candidate) candidates.push(candidate);
  }

  const pageCount = pdf.numPages;
  const pages = Math.min(pageCount, LIMITS.maxPdfPages);
  if (pageCount > pages) {
    notices.push(
      check('input', 'PDF_PAGES_CAPPED', `The PDF has ${pageCount} pages; Credlens searched the first ${pages} for credentials`, { pages: pageCount, searched: pages }),
    );
  }
  const canvasFactory = (pdf as unknown as { canvasFactory: CanvasFactoryLike }).canvasFactory;
  let qr = options.qr !== false;
  let renderBudget = LIMITS.pdfRenderBudgetMs;
  const unscanned: Array<{ page: number; reason: string }> = [];

  for (let n = 1; n <= pages; n++) {
    if (options.signal?.aborted) break;
    let page: PDFPageProxy;
    try {
      page = await pdf.getPage(n);
    } catch (error) {
      unscanned.push({ page: n, reason: `the page cannot be read: ${(error as Error).message}` });
      continue;
    }
    try {
      const annotations = await page.getAnnotations({ intent: 'display' }).catch(() => [] as unknown[]);
      for (const a of annotations as Array<Record<string, unknown>>) {
        if (a.annotationType === ANNOTATION_LINK && typeof a.url === 'string' && isCredentialLink(a.url)) {
          addLink(a.url, { kind: 'annotation-link', page: n });
        } else if (a.annotationType === ANNOTATION_FILE_ATTACHMENT && a.file && typeof a.file === 'object') {
          const candidate = embeddedFileCandidate(a.file as EmbeddedFile, n);
          if (candidate) candidates.push(candidate);
        }
      }
      const text = await pageText(page);
      for (const url of linksInText(text)) if (isCredentialLink(url)) addLink(url, { kind: 'text-link', page: n });

      if (qr && renderBudget <= 0) {
        unscanned.push({ page: n, reason: `the time for drawing pages (${LIMITS.pdfRenderBudgetMs} ms) ran out` });
      } else if (qr) {
        const started = Date.now();
        const result = await scanPageForQr(page, canvasFactory, Math.min(LIMITS.pdfRenderTimeoutMs, renderBudget));
        renderBudget -= Date.now() - started;
        if (result.scanned) {
          for (const payload of result.texts) addQrPayload(payload, n, candidates, addLink);
        } else if (result.reason !== 'no-graphics') {
          unscanned.push({ page: n, reason: result.message });
          // Without a decoder no later page can be read either: say it once.
          if (result.reason === 'decoder-failed') qr = false;
        }
      }
    } finally {
      page.cleanup();
    }
  }
  for (const { page, reason } of unscanned) {
    notices.push(check('input', 'PDF_PAGE_NOT_SCANNED', `Page ${page} was not searched for QR codes: ${reason}`, { page }));
  }
  if (candidates.length > LIMITS.maxPdfCandidates) {
    notices.push(
      check('input', 'PDF_CANDIDATES_CAPPED', `The PDF holds ${candidates.length} possible credentials; Credlens verified the first ${LIMITS.maxPdfCandidates}`, {
        found: candidates.length,
        verified: LIMITS.maxPdfCandidates,
      }),
    );
    candidates.length = LIMITS.maxPdfCandidates;
  }
  return { candidates, notices, pageCount };
}

/** The page's text in reading order, one line per text line, so a link is never glued to the next word. */
async function pageText(page: PDFPageProxy): Promise<string> {
  const content = await page.getTextContent().catch(() => ({ items: [] as unknown[] }));
  let text = '';
  for (const item of content.items as Array<{ str?: unknown; hasEOL?: unknown }>) {
    if (typeof item.str !== 'string') continue;
    text += item.str;
    text += item.hasEOL ? '\n' : '';
  }
  return text;
}

/** A QR code holds a link (followed whatever it looks like: it was printed to be scanned) or the credential itself. */
function addQrPayload(payload: string, page: number, candidates: PdfCandidate[], addLink: (url: string, location: CredentialLocation) => void): void {
  let kind: string;
  try {
    kind = sniff(payload).kind;
  } catch {
    return;
  }
  if (kind === 'url') addLink(payload.trim(), { kind: 'qr', page });
  else if (kind === 'json' || kind === 'jws-json' || kind === 'jws-compact' || kind === 'sd-jwt') candidates.push({ location: { kind: 'qr', page }, input: payload });
}
