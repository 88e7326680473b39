import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { verify } from '../../lib/index.js';
import { configureQrDecoder } from '../../lib/qr.js';
import { IdbCache } from '../../lib/browser.js';
import { PDF_HOST_PORT, type StoredView } from '../common/pdf-messages.js';
import { HistoryStore } from '../common/history.js';
import { browserSettingsStorage } from '../common/settings-browser.js';
import { registerContextMenu, type MenuClick } from './adapters/context-menu.js';
import { createDiscovery, registerDiscovery } from './adapters/discovery.js';
import { registerExtensionPages } from './adapters/extension-pages.js';
import { registerPageMarks } from './adapters/page-marks.js';
import { registerPdf } from './adapters/pdf.js';
import { decodeQr } from './decode-qr.js';
import { FindResolver } from './finds.js';
import { historyObserver } from './history-observer.js';
import { VerificationHub } from './hub.js';
import { idbReportPersistence, ReportStore } from './report-store.js';
import { listen, Router, type RuntimeLike } from './router.js';
import { SettingsGate } from './settings-gate.js';
import { extensionUrl, ReportSurface } from './surface.js';
import { TabTally, tallyObserver } from './tab-tally.js';
import { trustListSource } from './trust-lists.js';
import { trainingRegistrySource } from './training-registries.js';
import { RegistryStore } from '../common/registry-store.js';
import { UserInputs } from './user-inputs.js';

/**
 * The background: one verification hub, created once, with its observers (history, per-tab tally)
 * and one adapter per way in (page marks, extension pages, PDFs, context menu) behind one router.
 * A new capability is a message in ../common/protocol.ts and an adapter in ./adapters/ (see
 * docs/architecture.md, "The extension background").
 */
export default defineBackground(() => {
  configureQrDecoder({ locateFile: (path) => extensionUrl(`/${path.split('/').pop()}`) });
  const extensionOrigin = new URL(extensionUrl('/')).origin;
  const gate = new SettingsGate(browserSettingsStorage());
  void gate.refresh();

  const hub = new VerificationHub({
    verify,
    fetch: (url, init) => fetch(url, init),
    cache: new IdbCache('credlens-resources'),
    reports: new ReportStore(idbReportPersistence()),
    trustLists: trustListSource(browser.storage.local),
    trainingRegistries: trainingRegistrySource(new RegistryStore(), browser.storage.local),
    gate,
    isOriginAllowed: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
    decodeQr,
  });
  const tally = new TabTally(browser.storage.session as unknown as ConstructorParameters<typeof TabTally>[0]);
  hub.observe(tallyObserver(tally));
  hub.observe(historyObserver(new HistoryStore(), () => gate.settings));

  const surface = new ReportSurface(typeof (browser as { sidePanel?: unknown }).sidePanel === 'object');
  const inputs = new UserInputs({ fetch: hub.fetch, cache: hub.cache, decodeQr, offline: () => gate.settings.offline });
  const router = new Router();
  const discovery = createDiscovery(hub);
  const finds = new FindResolver({ fetch: hub.fetch, cache: hub.cache, decodeQr }, discovery);
  registerPageMarks(router, hub, finds, surface);
  registerDiscovery(router, hub, finds, discovery);
  registerExtensionPages(router, hub, inputs, surface, tally);
  const { pdf, hostPort } = registerPdf(router, hub, extensionOrigin);
  const menuClick = registerContextMenu({ hub, inputs, surface, pdf });
  (globalThis as { credlensContextMenuClick?: (click: MenuClick, tab?: { id?: number; url?: string }) => Promise<StoredView | undefined> }).credlensContextMenuClick = menuClick;
  listen(router, browser.runtime as unknown as RuntimeLike, extensionOrigin, { [PDF_HOST_PORT]: hostPort });

  if (surface.isChrome) {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
    browser.action.onClicked.addListener((tab: Browser.tabs.Tab) => {
      if (typeof tab.id !== 'number') return;
      surface.open(tab.id);
      void surface.scanTab(tab.id);
    });
  }
  browser.tabs.onUpdated.addListener((tabId: number, change: { status?: string }) => {
    if (change.status === 'loading') void tally.reset(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId: number) => {
    surface.forget(tabId);
    void tally.reset(tabId);
  });
});
