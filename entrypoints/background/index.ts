import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { verify } from '../../lib/index.js';
import { MAX_IMAGE_PIXELS, readImageSize } from '../../lib/input/image-size.js';
import { configureQrDecoder, decodeQrCodes } from '../../lib/input/qr.js';
import { IdbCache } from '../../lib/io/idb-cache.js';
import { parseTrustList } from '../../lib/trust/list.js';
import type { TrustList } from '../../lib/index.js';
import { parseContentRequest, parsePanelRequest, type SelectedEvent } from '../shared/messages.js';
import { limitPerOrigin } from './limit.js';
import { dataUrlBytes } from './probe.js';
import { VerificationService } from './service.js';
import { DiscoveryService } from './discovery.js';
import { mayDiscover } from '../shared/settings.js';
import { createEveryday } from './everyday-wiring.js';

type Sender = Browser.runtime.MessageSender;

/** runtime.getURL without WXT's generated path types (tsc runs without `.wxt/`). */
function extensionUrl(path: string): string {
  return (browser.runtime as unknown as { getURL(path: string): string }).getURL(path);
}

/** Raster formats zxing cannot read from bytes are drawn first (WebP, AVIF). */
async function decodeQr(bytes: Uint8Array): Promise<string[]> {
  const direct = await decodeQrCodes(bytes).catch(() => [] as string[]);
  // A format zxing reads itself was judged there (a declared gigapixel image is refused): never redraw it.
  if (direct.length || readImageSize(bytes) || typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') return direct;
  try {
    const bitmap = await createImageBitmap(new Blob([bytes as BlobPart]));
    if (bitmap.width * bitmap.height > MAX_IMAGE_PIXELS) {
      bitmap.close();
      return [];
    }
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = canvas.getContext('2d');
    if (!g) return [];
    g.drawImage(bitmap, 0, 0);
    return await decodeQrCodes(g.getImageData(0, 0, bitmap.width, bitmap.height));
  } catch {
    return [];
  }
}

export default defineBackground(() => {
  configureQrDecoder({ locateFile: (path) => extensionUrl(`/${path.split('/').pop()}`) });
  const extensionOrigin = new URL(extensionUrl('/')).origin;
  // The user's settings (options page) apply to every verification: network use, result cache, history.
  const everyday = createEveryday();
  const guardedFetch = limitPerOrigin(everyday.gate.fetch((url, init) => fetch(url, init)), 4);
  const resourceCache = new IdbCache('credlens-resources');
  // Links no platform claims (issue #20): one discovery per URL, as the user's settings allow.
  const discovery = new DiscoveryService({
    fetch: guardedFetch,
    cache: resourceCache,
    mayDiscover: async (url) => mayDiscover(await everyday.gate.refresh(), url),
    ttlSeconds: () => everyday.gate.reportTtlSeconds || 60,
  });
  const service = new VerificationService({
    discovery,
    verify: everyday.gate.verify(verify),
    fetch: guardedFetch,
    get reportTtlSeconds() {
      return everyday.gate.reportTtlSeconds;
    },
    cache: resourceCache,
    reports: new IdbCache('credlens-reports', 500),
    decodeQr,
    isOriginAllowed: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
    trustLists: async () => {
      // The user's (or their organisation's) trust lists, set on the options page or by policy.
      const { trustLists } = await browser.storage.local.get('trustLists');
      if (!Array.isArray(trustLists)) return [];
      return trustLists.flatMap((value: unknown, i: number): TrustList[] => {
        try {
          return [parseTrustList(value, `Credlens settings, list ${i + 1}`)];
        } catch {
          return [];
        }
      });
    },
  });
  /** The report each tab's side panel shows (the last mark activated in it). */
  const selected = new Map<number, string>();

  const isChrome = typeof (browser as { sidePanel?: unknown }).sidePanel === 'object';
  everyday.start({ openReport, decodeQr, isChrome, extensionOrigin });

  function fromContentScript(sender: Sender): sender is Sender & { tab: Browser.tabs.Tab & { id: number } } {
    return sender.id === browser.runtime.id && typeof sender.tab?.id === 'number' && !(sender.url ?? '').startsWith(`${extensionOrigin}/`);
  }

  function fromExtensionPage(sender: Sender): boolean {
    return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(`${extensionOrigin}/`);
  }

  async function scanTab(tabId: number): Promise<void> {
    // Asked for by the user: the content script runs even where the settings say "only on click".
    await browser.scripting.executeScript({ target: { tabId }, func: () => void ((globalThis as Record<string, unknown>).credlensScanRequested = true) }).catch(() => undefined);
    await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] }).catch(() => undefined);
  }

  function openReport(tabId: number, reportId: string): void {
    selected.set(tabId, reportId);
    void browser.storage.session?.set({ [`selected:${tabId}`]: reportId }).catch(() => undefined);
    if (isChrome) {
      // Must run synchronously inside the user's click (forwarded by the message), before any await.
      void browser.sidePanel.open({ tabId }).catch(() => undefined);
    } else {
      void (browser.action ?? browser.browserAction)
        .openPopup()
        .catch(() => browser.tabs.create({ url: extensionUrl(`/popup.html?report=${reportId}`) }));
    }
    const event: SelectedEvent = { type: 'report-selected', tabId, reportId };
    setTimeout(() => void browser.runtime.sendMessage(event).catch(() => undefined), 150);
  }

  async function selectedFor(tabId: number): Promise<string | undefined> {
    const known = selected.get(tabId);
    if (known) return known;
    const stored = await browser.storage.session?.get(`selected:${tabId}`).catch(() => undefined);
    const value = stored?.[`selected:${tabId}`];
    return typeof value === 'string' ? value : undefined;
  }

  async function handleContent(message: unknown, sender: Sender & { tab: { id: number } }): Promise<unknown> {
    const request = parseContentRequest(message);
    if (!request) return undefined;
    switch (request.type) {
      case 'verify':
        return everyday.trackFind(sender.tab.id, request.find, sender.tab.url ?? sender.url, () => service.verifyFind(request.find, sender.tab.url ?? sender.url), (id) => service.getReport(id));
      case 'discover': {
        const pageUrl = sender.tab.url ?? sender.url;
        return discovery.discover(request.url, (url) =>
          everyday.trackFind(sender.tab.id, { kind: 'link', url }, pageUrl, () => service.verifyFind({ kind: 'link', url }, pageUrl), (id) => service.getReport(id)),
        );
      }
      case 'probe-image':
        return service.probeImage(request.src);
      case 'probe-canvas': {
        const bytes = dataUrlBytes(request.dataUrl);
        return bytes ? service.probeBytes(bytes, `Image drawn on ${sender.url ?? 'the page'}`) : { finds: [] };
      }
      case 'open-report':
        return undefined; // handled synchronously in the listener
    }
  }

  async function handlePanel(message: unknown): Promise<unknown> {
    const request = parsePanelRequest(message);
    if (!request) return undefined;
    switch (request.type) {
      case 'get-selected': {
        const reportId = await selectedFor(request.tabId);
        return reportId ? service.getReport(reportId) : undefined;
      }
      case 'get-report':
        return service.getReport(request.reportId);
      case 'reverify':
        return service.reverify(request.reportId);
      case 'scan-tab':
        await scanTab(request.tabId);
        return true;
    }
  }

  browser.runtime.onMessage.addListener((message: unknown, sender: Sender, sendResponse: (response: unknown) => void) => {
    let work: Promise<unknown>;
    if (fromContentScript(sender)) {
      const request = parseContentRequest(message);
      if (request?.type === 'open-report') {
        openReport(sender.tab.id, request.reportId);
        return false;
      }
      work = handleContent(message, sender);
    } else if (fromExtensionPage(sender)) {
      work = handlePanel(message);
    } else {
      return false; // other extensions, web pages: nothing is offered
    }
    work.then(sendResponse, () => sendResponse(undefined));
    return true;
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: 'credlens-scan', title: 'Verify credentials on this page with Credlens', contexts: ['page', 'link', 'image', 'selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'credlens-scan' && typeof tab?.id === 'number') void scanTab(tab.id);
  });

  if (isChrome) {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
    browser.action.onClicked.addListener((tab) => {
      if (typeof tab.id !== 'number') return;
      void browser.sidePanel.open({ tabId: tab.id }).catch(() => undefined);
      void scanTab(tab.id);
    });
  }

  browser.tabs.onRemoved.addListener((tabId) => {
    selected.delete(tabId);
    void browser.storage.session?.remove(`selected:${tabId}`).catch(() => undefined);
  });
});
