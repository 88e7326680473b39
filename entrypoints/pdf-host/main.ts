import pdfWorkerUrl from 'pdfjs-dist/legacy/build/pdf.worker.mjs?url';
import { browser } from 'wxt/browser';
import type { FetchLike } from '../../lib/index.js';
import { configureQrDecoder } from '../../lib/qr.js';
import { IdbCache } from '../../lib/browser.js';
import { verifyAll } from '../../lib/index.js';
import { PDF_HOST_PORT, type FromHost, type ProxiedRequest, type ProxiedResponse, type ToHost } from '../common/pdf-messages.js';
import { base64ToBytes } from '../common/wallet.js';

/**
 * The extension's PDF reader. The background opens this page only to verify a PDF (Chrome: an
 * offscreen document, since a service worker can neither start a Worker nor import pdf.js on
 * demand; Firefox: a frame of the background page). pdf.js parses in a real Worker; pages are
 * drawn here for QR codes, never on a web page's thread. Every network read goes back to the
 * background's fetch (the user's network settings, the per-server limit, host permissions).
 */

function extensionUrl(path: string): string {
  return (browser.runtime as unknown as { getURL(path: string): string }).getURL(path);
}

// A hidden document never paints, so animation frames never come: pdf.js draws a page in steps
// scheduled with requestAnimationFrame, and would wait forever. Run the steps as tasks instead.
globalThis.requestAnimationFrame = (callback: FrameRequestCallback): number => setTimeout(() => callback(performance.now()), 0) as unknown as number;
globalThis.cancelAnimationFrame = (handle: number): void => clearTimeout(handle);

configureQrDecoder({ locateFile: (path) => extensionUrl(`/${path.split('/').pop()}`) });
const cache = new IdbCache('credlens-resources');
const port = browser.runtime.connect({ name: PDF_HOST_PORT });
const fetches = new Map<number, { resolve: (response: Response) => void; reject: (error: Error) => void }>();
let nextFetch = 1;

function post(message: FromHost): void {
  port.postMessage(message);
}

function plainInit(init: RequestInit): ProxiedRequest {
  const out: ProxiedRequest = { headers: Object.fromEntries(new Headers(init.headers).entries()) };
  if (init.method) out.method = init.method;
  if (init.redirect) out.redirect = init.redirect;
  if (init.credentials) out.credentials = init.credentials;
  if (init.referrerPolicy !== undefined) out.referrerPolicy = init.referrerPolicy;
  if (init.cache) out.cache = init.cache;
  return out;
}

const NULL_BODY = new Set([101, 204, 205, 304]);

function toResponse(r: ProxiedResponse): Response {
  const body = NULL_BODY.has(r.status) ? null : (base64ToBytes(r.base64) as BlobPart);
  const response = new Response(body, { status: r.status, statusText: r.statusText, headers: r.headers });
  // lib reads where the bytes came from after redirects (the background's fetch followed them).
  Object.defineProperty(response, 'url', { value: r.url });
  Object.defineProperty(response, 'redirected', { value: r.redirected });
  return response;
}

function proxiedFetch(id: number): FetchLike {
  return (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const fetchId = nextFetch++;
      fetches.set(fetchId, { resolve, reject });
      init.signal?.addEventListener('abort', () => {
        if (fetches.delete(fetchId)) reject(new DOMException('The read was cancelled', 'AbortError'));
      });
      post({ type: 'fetch', id, fetchId, url, init: plainInit(init) });
    });
}

async function scan(message: Extract<ToHost, { type: 'scan' }>): Promise<void> {
  const input = message.input.kind === 'url' ? message.input.url : base64ToBytes(message.input.base64);
  // One pdf.js worker per document: pdf.js allows one PDFWorker per port, and a finished worker frees its memory.
  const worker = new Worker(pdfWorkerUrl, { type: 'module', name: 'pdf.js' });
  try {
    const results = await verifyAll(input, { fetch: proxiedFetch(message.id), cache, trust: message.trust, offline: message.offline, pdfWorker: worker });
    post({ type: 'scanned', id: message.id, results });
  } catch (error) {
    post({ type: 'scan-failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
  } finally {
    worker.terminate();
  }
}

port.onMessage.addListener((value: unknown) => {
  const message = value as ToHost;
  switch (message?.type) {
    case 'scan':
      void scan(message);
      break;
    case 'fetch-done':
      fetches.get(message.fetchId)?.resolve(toResponse(message.response));
      fetches.delete(message.fetchId);
      break;
    case 'fetch-failed':
      fetches.get(message.fetchId)?.reject(new TypeError(message.message));
      fetches.delete(message.fetchId);
      break;
  }
});
// The background went away (service worker restarted): this page has nothing left to do.
port.onDisconnect.addListener(() => globalThis.close());
