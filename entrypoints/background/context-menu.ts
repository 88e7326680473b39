import { browser, type Browser } from 'wxt/browser';
import type { StoredPdf, StoredView } from '../shared/pdf-messages.js';
import type { EverydayService } from './everyday.js';
import type { PdfService } from './pdf-service.js';

export const VERIFY_MENU_ID = 'credlens-verify';
export const PDF_MENU_ID = 'credlens-verify-pdf';

/** Links and pages that name a PDF (a link without `.pdf` can still be verified from the popup). */
const PDF_URL_PATTERNS = ['*://*/*.pdf', '*://*/*.pdf?*', '*://*/*.pdf#*', '*://*/*.PDF', '*://*/*.PDF?*'];

/** What the menu click hands over (the fields of `contextMenus.OnClickData` used here). */
export interface MenuClick {
  menuItemId: string | number;
  linkUrl?: string;
  srcUrl?: string;
  selectionText?: string;
  frameId?: number;
  pageUrl?: string;
  frameUrl?: string;
}

export interface ContextMenuDeps {
  everyday: EverydayService;
  /** Shows a report in the tab's side panel (or popup): the page-marking code's `openReport`. */
  openReport: (tabId: number, reportId: string) => void;
  /** Opens the extension-owned surface while the click still counts as a user gesture. */
  openSurface: (tabId: number) => void;
  pdf: PdfService;
}

/** "Verify credentials in this PDF" on a link to a PDF, or on a tab showing one. */
async function verifyPdfFromMenu(deps: ContextMenuDeps, click: MenuClick, tab: { id?: number; url?: string } | undefined): Promise<StoredPdf | undefined> {
  const tabId = tab?.id;
  if (typeof tabId === 'number') deps.openSurface(tabId); // synchronously, before any await
  const pageUrl = click.pageUrl ?? tab?.url;
  const target = click.linkUrl ?? click.frameUrl ?? pageUrl;
  if (!target || !/^https:\/\//i.test(target)) return undefined;
  const stored = await deps.pdf.verify({ kind: 'url', url: target }, 'context-menu', target === pageUrl ? undefined : pageUrl);
  if (typeof tabId === 'number') deps.openReport(tabId, stored.pdfId);
  return stored;
}

/** The whole selection (the menu's `selectionText` is shortened and whitespace-folded by some browsers). */
async function fullSelection(tabId: number, frameId: number | undefined, fallback: string): Promise<string> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId, ...(frameId !== undefined ? { frameIds: [frameId] } : {}) },
      func: () => String(globalThis.getSelection?.() ?? ''),
    });
    const text = typeof result?.result === 'string' ? result.result : '';
    return text.trim().length >= fallback.trim().length ? text : fallback;
  } catch {
    return fallback; // no access to the frame (activeTab covers the top page)
  }
}

/**
 * "Verify credential" on a link, an image or selected text. It runs with `activeTab` (the click
 * grants it for this page only): no standing permission is needed.
 */
export async function verifyFromMenu(deps: ContextMenuDeps, click: MenuClick, tab: { id?: number; url?: string } | undefined): Promise<StoredView | undefined> {
  if (click.menuItemId === PDF_MENU_ID) return verifyPdfFromMenu(deps, click, tab);
  if (click.menuItemId !== VERIFY_MENU_ID) return undefined;
  const tabId = tab?.id;
  if (typeof tabId === 'number') deps.openSurface(tabId); // synchronously, before any await
  const pageUrl = click.pageUrl ?? tab?.url;
  const { everyday } = deps;
  let job;
  if (click.srcUrl) job = await everyday.imageJob(click.srcUrl, pageUrl);
  else if (click.linkUrl && /^https:\/\//i.test(click.linkUrl)) job = everyday.linkJob(click.linkUrl, 'context-menu', pageUrl);
  else if (click.selectionText && typeof tabId === 'number') job = everyday.textJob(await fullSelection(tabId, click.frameId, click.selectionText), 'context-menu', pageUrl);
  else if (click.selectionText) job = everyday.textJob(click.selectionText, 'context-menu', pageUrl);
  else if (click.linkUrl) job = everyday.linkJob(click.linkUrl, 'context-menu', pageUrl); // http: lib explains why it is refused
  if (!job) return undefined;
  const stored = await everyday.run(job);
  if (typeof tabId === 'number') deps.openReport(tabId, stored.reportId);
  return stored;
}

export function registerContextMenu(deps: ContextMenuDeps): (click: MenuClick, tab?: { id?: number; url?: string }) => Promise<StoredView | undefined> {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: VERIFY_MENU_ID, title: 'Verify credential', contexts: ['link', 'image', 'selection'] });
    browser.contextMenus.create({ id: `${PDF_MENU_ID}-link`, title: 'Verify credentials in this PDF', contexts: ['link'], targetUrlPatterns: PDF_URL_PATTERNS });
    browser.contextMenus.create({ id: `${PDF_MENU_ID}-page`, title: 'Verify credentials in this PDF', contexts: ['page', 'frame'], documentUrlPatterns: PDF_URL_PATTERNS });
  });
  // Two menu items (a link to a PDF, a page showing one), one action.
  const handler = (click: MenuClick, tab?: { id?: number; url?: string }) =>
    verifyFromMenu(deps, String(click.menuItemId).startsWith(PDF_MENU_ID) ? { ...click, menuItemId: PDF_MENU_ID, ...(String(click.menuItemId).endsWith('-page') ? { linkUrl: undefined } : {}) } : click, tab);
  browser.contextMenus.onClicked.addListener((info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) => {
    void handler(info, tab).catch(() => undefined);
  });
  return handler;
}
