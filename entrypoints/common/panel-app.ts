import { browser } from 'wxt/browser';
import type { PageRequest, SelectedEvent, StoredReport } from './protocol.js';
import { callBackground } from './background-client.js';
import { el } from './element.js';
import { isStoredPdf, type StoredPdf, type StoredView } from './pdf-messages.js';
import { renderPdf } from './pdf-listing.js';
import { renderReport } from './report-view.js';

async function ask<T>(request: PageRequest): Promise<T | undefined> {
  try {
    return (await browser.runtime.sendMessage(request)) as T | undefined;
  } catch {
    return undefined;
  }
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function renderEmpty(root: HTMLElement, tabId: number | undefined): void {
  const button = el('button', { className: 'scan', text: 'Look for credentials on this page' });
  button.addEventListener('click', () => {
    if (tabId !== undefined) void ask({ type: 'scan-tab', tabId });
  });
  root.replaceChildren(
    el('section', { className: 'empty' }, el('h2', { text: 'No credential selected' }), el('p', { text: 'Activate a Credlens mark next to a credential on the page to see here whether it is genuine, and why.' }), button),
  );
}

/** Checks a PDF again (after a permission grant): from its link; a dropped file cannot be read again here. */
export async function retryPdf(pdf: StoredPdf): Promise<StoredPdf | undefined> {
  if (!/^https:\/\//.test(pdf.source)) return undefined;
  return callBackground({ type: 'verify-pdf', input: { kind: 'url', url: pdf.source }, via: 'context-menu', ...(pdf.pageUrl ? { pageUrl: pdf.pageUrl } : {}) }).catch(() => undefined);
}

/** Side panel (Chrome) and popup (Firefox) share this: show the tab's selected report, follow changes. */
export async function startPanel(root: HTMLElement): Promise<void> {
  // `?tab=` when opened as a page for a given tab (Firefox fallback, tests); else the active tab.
  const tabParam = Number(new URLSearchParams(location.search).get('tab'));
  const tabId = Number.isInteger(tabParam) && tabParam > 0 ? tabParam : await activeTabId();
  const fromUrl = new URLSearchParams(location.search).get('report');
  let currentId: string | undefined;

  async function show(stored: StoredView | undefined): Promise<void> {
    if (!stored) return renderEmpty(root, tabId);
    if (isStoredPdf(stored)) {
      currentId = stored.pdfId;
      return renderPdf(root, stored, () => {
        root.setAttribute('aria-busy', 'true');
        void retryPdf(stored).then((next) => {
          root.removeAttribute('aria-busy');
          void show(next ?? stored);
        });
      });
    }
    currentId = stored.reportId;
    renderReport(root, stored, () => {
      root.setAttribute('aria-busy', 'true');
      void ask<StoredReport>({ type: 'reverify', reportId: stored.reportId }).then((next) => {
        root.removeAttribute('aria-busy');
        void show(next ?? stored);
      });
    });
  }

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return;
    const event = message as Partial<SelectedEvent>;
    if (event?.type === 'report-selected' && event.tabId === tabId && typeof event.reportId === 'string' && event.reportId !== currentId) {
      void ask<StoredView>({ type: 'get-report', reportId: event.reportId }).then(show);
    }
  });

  if (fromUrl && /^[a-z0-9]{1,128}$/.test(fromUrl)) await show(await ask<StoredView>({ type: 'get-report', reportId: fromUrl }));
  else if (tabId !== undefined) await show(await ask<StoredView>({ type: 'get-selected', tabId }));
  else renderEmpty(root, tabId);
}
