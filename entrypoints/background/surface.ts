import { browser } from 'wxt/browser';
import type { SelectedEvent } from '../common/protocol.js';

/** runtime.getURL without WXT's generated path types (tsc runs without `.wxt/`). */
export function extensionUrl(path: string): string {
  return (browser.runtime as unknown as { getURL(path: string): string }).getURL(path);
}

/**
 * The extension-owned place where a report is shown (the side panel on Chrome, the popup on
 * Firefox), and which report each tab's side panel shows: the last one opened from that tab.
 */
export class ReportSurface {
  private readonly selected = new Map<number, string>();

  constructor(readonly isChrome: boolean) {}

  /** Opens the surface; must run synchronously inside the user's click (before any await). */
  open(tabId: number): void {
    if (this.isChrome) void browser.sidePanel.open({ tabId }).catch(() => undefined);
    else void (browser.action ?? browser.browserAction).openPopup().catch(() => undefined);
  }

  /** Shows a report for a tab: remembers it, opens the surface, and tells open extension pages. */
  openReport(tabId: number, reportId: string): void {
    this.selected.set(tabId, reportId);
    void browser.storage.session?.set({ [`selected:${tabId}`]: reportId }).catch(() => undefined);
    if (this.isChrome) {
      void browser.sidePanel.open({ tabId }).catch(() => undefined);
    } else {
      void (browser.action ?? browser.browserAction)
        .openPopup()
        .catch(() => browser.tabs.create({ url: extensionUrl(`/popup.html?report=${reportId}`) }));
    }
    const event: SelectedEvent = { type: 'report-selected', tabId, reportId };
    setTimeout(() => void browser.runtime.sendMessage(event).catch(() => undefined), 150);
  }

  async selectedFor(tabId: number): Promise<string | undefined> {
    const known = this.selected.get(tabId);
    if (known) return known;
    const stored = await browser.storage.session?.get(`selected:${tabId}`).catch(() => undefined);
    const value = stored?.[`selected:${tabId}`];
    return typeof value === 'string' ? value : undefined;
  }

  forget(tabId: number): void {
    this.selected.delete(tabId);
    void browser.storage.session?.remove(`selected:${tabId}`).catch(() => undefined);
  }

  /** Asked for by the user: the content script runs even where the settings say "only on click". */
  async scanTab(tabId: number): Promise<void> {
    await browser.scripting.executeScript({ target: { tabId }, func: () => void ((globalThis as Record<string, unknown>).credlensScanRequested = true) }).catch(() => undefined);
    await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] }).catch(() => undefined);
  }
}
