import { browser, type Browser } from 'wxt/browser';
import { verify } from '../../lib/index.js';
import { IdbCache } from '../../lib/io/idb-cache.js';
import { EVERYDAY_PORT, parseEverydayRequest, type EverydayRequest } from '../shared/everyday-messages.js';
import { HistoryStore } from '../shared/history.js';
import type { FindRef, StoredReport, VerifyResult } from '../shared/messages.js';
import { PDF_HOST_PORT, type StoredView } from '../shared/pdf-messages.js';
import { browserSettingsStorage } from '../shared/settings-browser.js';
import { parseStoredTrustLists, readStoredTrustLists } from '../shared/trust-lists.js';
import { base64ToBytes } from '../shared/wallet.js';
import { registerContextMenu, type MenuClick } from './context-menu.js';
import { EverydayService } from './everyday.js';
import { limitPerOrigin } from './limit.js';
import { frameOpener, offscreenOpener, PdfEngine, type PdfHostOpener } from './pdf-engine.js';
import { PdfService } from './pdf-service.js';
import { SettingsGate } from './settings-gate.js';
import { TabTally } from './tab-tally.js';

export interface EverydayStart {
  /** The page-marking code's report opener (side panel on Chrome, popup on Firefox). */
  openReport: (tabId: number, reportId: string) => void;
  decodeQr: (bytes: Uint8Array) => Promise<string[]>;
  isChrome: boolean;
  extensionOrigin: string;
}

/** Where PDFs are read: Chrome's offscreen document, else (Firefox's background page) a frame. */
function pdfHostOpener(extensionOrigin: string): PdfHostOpener {
  const offscreen = (browser as unknown as { offscreen?: Parameters<typeof offscreenOpener>[0] }).offscreen;
  if (offscreen) return offscreenOpener(offscreen);
  const doc = (globalThis as { document?: Document }).document;
  if (doc) return frameOpener(doc, `${extensionOrigin}/pdf-host.html`);
  return { open: () => Promise.reject(new Error('This browser gives Credlens no place to read PDFs.')), close: async () => undefined };
}

/**
 * The everyday features in the background: settings applied to every verification, the context
 * menu, history, the per-tab tally and the extension pages' port. `gate` is created first because
 * the page-marking service is built with it.
 */
export function createEveryday() {
  const gate = new SettingsGate(browserSettingsStorage());
  void gate.refresh();
  const history = new HistoryStore();
  const tally = new TabTally(browser.storage.session as unknown as ConstructorParameters<typeof TabTally>[0]);
  let service: EverydayService | undefined;

  function start(deps: EverydayStart): void {
    const everydayFetch = limitPerOrigin(gate.fetch((url, init) => fetch(url, init)), 4);
    const everyday = new EverydayService({
      verify: gate.verify(verify),
      fetch: everydayFetch,
      cache: new IdbCache('credlens-resources'),
      reports: new IdbCache('credlens-reports', 500),
      decodeQr: deps.decodeQr,
      isOriginAllowed: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
      trustLists: async () => parseStoredTrustLists(await readStoredTrustLists(browser.storage.local)).map((v) => v.list),
      history,
      tally,
      settings: () => gate.settings,
      reportTtlSeconds: () => gate.reportTtlSeconds,
    });
    service = everyday;

    const openSurface = (tabId: number): void => {
      if (deps.isChrome) void browser.sidePanel.open({ tabId }).catch(() => undefined);
      else void (browser.action ?? browser.browserAction).openPopup().catch(() => undefined);
    };
    const pdfEngine = new PdfEngine(pdfHostOpener(deps.extensionOrigin));
    const pdf = new PdfService({
      scan: (input, trust, offline, fetchImpl) => pdfEngine.scan(input, trust, offline, fetchImpl),
      fetch: everydayFetch,
      isOriginAllowed: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
      trustLists: async () => parseStoredTrustLists(await readStoredTrustLists(browser.storage.local)).map((v) => v.list),
      reports: new IdbCache('credlens-reports', 500),
      offline: async () => (await gate.refresh()).offline,
      record: (stored, via) => everyday.record(stored, via),
      reportTtlSeconds: () => gate.reportTtlSeconds,
    });
    const menu = registerContextMenu({ everyday, openReport: deps.openReport, openSurface, pdf });
    // The same handler the menu calls, for the end-to-end tests: a headless browser cannot click a context menu.
    (globalThis as { credlensContextMenuClick?: (click: MenuClick, tab?: { id?: number; url?: string }) => Promise<StoredView | undefined> }).credlensContextMenuClick = menu;

    async function answer(request: EverydayRequest): Promise<unknown> {
      switch (request.type) {
        case 'verify-input':
          return everyday.run(await everyday.jobFor(request.input, request.via));
        case 'decode-qr':
          return { texts: await deps.decodeQr(base64ToBytes(request.base64)).catch(() => [] as string[]) };
        case 'fetch-credential':
          return everyday.fetchCredential(request.url);
        case 'tab-summary':
          return tally.summary(request.tabId);
        case 'verify-pdf':
          return pdf.verify(request.input.kind === 'url' ? request.input : { kind: 'bytes', base64: request.input.base64, name: request.input.name }, request.via, request.pageUrl);
      }
    }

    browser.runtime.onConnect.addListener((port: Browser.runtime.Port) => {
      const sender = port.sender;
      // The PDF reader page (offscreen document / frame of the background page), and nothing else, on its own port.
      if (port.name === PDF_HOST_PORT) {
        if (sender?.id === browser.runtime.id && (sender.url ?? '').split(/[?#]/)[0] === `${deps.extensionOrigin}/pdf-host.html`) pdfEngine.accept(port);
        else port.disconnect();
        return;
      }
      // Only the extension's own pages: content scripts and other extensions get nothing here.
      if (port.name !== EVERYDAY_PORT || sender?.id !== browser.runtime.id || !(sender.url ?? '').startsWith(`${deps.extensionOrigin}/`)) {
        port.disconnect();
        return;
      }
      port.onMessage.addListener((message: unknown) => {
        const { id, request } = (message ?? {}) as { id?: unknown; request?: unknown };
        if (typeof id !== 'number') return;
        const parsed = parseEverydayRequest(request);
        if (!parsed) {
          port.postMessage({ id, ok: false, error: 'Credlens does not understand this request.' });
          return;
        }
        answer(parsed).then(
          (result) => port.postMessage({ id, ok: true, result }),
          (error: unknown) => port.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) }),
        );
      });
    });

    browser.tabs.onUpdated.addListener((tabId: number, change: { status?: string }) => {
      if (change.status === 'loading') void tally.reset(tabId);
    });
    browser.tabs.onRemoved.addListener((tabId: number) => void tally.reset(tabId));
  }

  /** Wraps the page-marking service's verification of a find (tally and history). */
  function trackFind(tabId: number, find: FindRef, pageUrl: string | undefined, run: () => Promise<VerifyResult | undefined>, getReport: (id: string) => Promise<StoredReport | undefined>): Promise<VerifyResult | undefined> {
    return service ? service.trackFind(tabId, find, pageUrl, run, getReport) : run();
  }

  return { gate, start, trackFind };
}
