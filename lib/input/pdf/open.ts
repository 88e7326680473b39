import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { ContainerError } from '../container-error.js';

type Pdfjs = typeof PdfjsModule;

/**
 * How the PDF engine runs. In Node, pdfjs runs in-process (its "fake worker") and draws on
 * @napi-rs/canvas, which it loads itself. In a browser, give it a worker so parsing does not block
 * the page: `workerPort` (a `Worker` running pdfjs-dist's `pdf.worker.mjs`), or run the whole of
 * `verifyAll` inside a Worker, where pages are drawn on `OffscreenCanvas`.
 */
export interface PdfEngineOptions {
  workerPort?: Worker;
}

let loading: Promise<Pdfjs> | undefined;

/** pdfjs is loaded on first use only: a JSON credential never pulls in the PDF engine. */
export function loadPdfjs(): Promise<Pdfjs> {
  // The legacy build runs on Node 20 and in every browser Credlens supports; the modern build needs Node 22.
  loading ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return loading;
}

/** A canvas factory for workers (no `document`): pdfjs's own draws on DOM canvases or, in Node, @napi-rs/canvas. */
class OffscreenCanvasFactory {
  create(width: number, height: number): { canvas: OffscreenCanvas; context: OffscreenCanvasRenderingContext2D } {
    const canvas = new OffscreenCanvas(Math.max(1, width), Math.max(1, height));
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('OffscreenCanvas has no 2D context');
    return { canvas, context };
  }
  reset(pair: { canvas: OffscreenCanvas }, width: number, height: number): void {
    pair.canvas.width = Math.max(1, width);
    pair.canvas.height = Math.max(1, height);
  }
  destroy(pair: { canvas: OffscreenCanvas }): void {
    pair.canvas.width = 0;
    pair.canvas.height = 0;
  }
}

/**
 * Opens a PDF without ever running what it carries: no PDF JavaScript (no scripting), no XFA
 * forms, no `eval` of fonts, no fetching of anything (the bytes are all it gets).
 */
export async function openPdf(bytes: Uint8Array, options: PdfEngineOptions = {}): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfjs();
  const hasDom = (globalThis as { document?: unknown }).document !== undefined;
  const inWorkerWithoutDom = !hasDom && typeof OffscreenCanvas !== 'undefined' && !isNode();
  const params: Parameters<Pdfjs['getDocument']>[0] = {
    // pdfjs transfers (detaches) the buffer it is given: hand it a copy, the caller keeps the original.
    data: bytes.slice(),
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    disableAutoFetch: true,
    disableStream: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  };
  if (inWorkerWithoutDom) params.CanvasFactory = OffscreenCanvasFactory;
  if (options.workerPort) {
    // pdfjs documents `port` as a Worker; its generated typings say `null`.
    const PdfWorker = pdfjs.PDFWorker as unknown as new (init: { port: Worker }) => InstanceType<Pdfjs['PDFWorker']>;
    params.worker = new PdfWorker({ port: options.workerPort });
  }
  const task = pdfjs.getDocument(params);
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw pdfOpenError(error);
  }
}

function isNode(): boolean {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof proc?.versions?.node === 'string';
}

function pdfOpenError(error: unknown): ContainerError {
  const name = (error as { name?: unknown } | null)?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') {
    return new ContainerError('PDF_ENCRYPTED', 'The PDF is protected by a password; open it, save an unprotected copy and verify that', { reason: message });
  }
  return new ContainerError('PDF_MALFORMED', `The PDF cannot be read (damaged or incomplete): ${message}`);
}
