import { browser } from 'wxt/browser';
import type { Job } from '../hub.js';
import type { VerificationHub } from '../hub.js';
import { frameOpener, offscreenOpener, PdfEngine, type PdfHostOpener } from '../pdf-engine.js';
import { PdfService } from '../pdf-service.js';
import type { PortLike, Router } from '../router.js';

/** Where PDFs are read: Chrome's offscreen document, else (Firefox's background page) a frame. */
function pdfHostOpener(extensionOrigin: string): PdfHostOpener {
  const offscreen = (browser as unknown as { offscreen?: Parameters<typeof offscreenOpener>[0] }).offscreen;
  if (offscreen) return offscreenOpener(offscreen);
  const doc = (globalThis as { document?: Document }).document;
  if (doc) return frameOpener(doc, `${extensionOrigin}/pdf-host.html`);
  return { open: () => Promise.reject(new Error('This browser gives Credlens no place to read PDFs.')), close: async () => undefined };
}

/**
 * PDFs: "verify credentials in this PDF" (popup, context menu). The PDF is read in the PDF reader
 * page, whose network reads come back here through the hub's fetch; returns the service (for the
 * context menu) and the reader page's port handler (for the router).
 */
export function registerPdf(router: Router, hub: VerificationHub, extensionOrigin: string): { pdf: PdfService; hostPort: (port: PortLike) => void } {
  const engine = new PdfEngine(pdfHostOpener(extensionOrigin));
  const pdf = new PdfService({
    scan: (input, trust, offline, fetchImpl) => engine.scan(input, trust, offline, fetchImpl),
    fetch: hub.fetch,
    isOriginAllowed: async (origin) => !(await hub.blockedOrigins([origin])).length,
    trustLists: hub.trustLists,
    reports: hub.reports,
    offline: async () => (await hub.gate.refresh()).offline,
    record: async (stored, via) => {
      const job: Job = { reportId: stored.reportId, kind: stored.kind, input: stored.source, source: stored.source, ...(stored.pageUrl ? { pageUrl: stored.pageUrl } : {}) };
      await hub.publish({ type: 'finished', job, context: { via }, stored });
    },
  });
  router.on('verify-pdf', ({ input, via, pageUrl }) => pdf.verify(input.kind === 'url' ? input : { kind: 'bytes', base64: input.base64, name: input.name }, via, pageUrl));
  const hostPort = (port: PortLike): void => {
    // The PDF reader page (offscreen document / frame of the background page), and nothing else, on its own port.
    const sender = port.sender;
    if (sender?.id === browser.runtime.id && (sender.url ?? '').split(/[?#]/)[0] === `${extensionOrigin}/pdf-host.html`) engine.accept(port as never);
    else port.disconnect();
  };
  return { pdf, hostPort };
}
