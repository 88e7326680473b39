import { browser, type Browser } from 'wxt/browser';
import type { StoredPdf, StoredView } from '../../common/pdf-messages.js';
import type { VerificationHub } from '../hub.js';
import type { PdfService } from '../pdf-service.js';
import type { ReportSurface } from '../surface.js';
import type { UserInputs } from '../user-inputs.js';

export const VERIFY_MENU_ID = 'credlens-verify';
export const PDF_MENU_ID = 'credlens-verify-pdf';
export const SCAN_MENU_ID = 'credlens-scan';

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
  hub: VerificationHub;
  inputs: UserInputs;
  /** Opens the extension-owned surface (while the click still counts as a user gesture) and shows reports there. */
  surface: Pick<ReportSurface, 'open' | 'openReport' | 'scanTab'>;
  pdf: PdfService;
}

/** "Verify credentials in this PDF" on a link to a PDF, or on a tab showing one. */
async function verifyPdfFromMenu(deps: ContextMenuDeps, click: MenuClick, tab: { id?: number; url?: string } | undefined): Promise<StoredPdf | undefined> {
  const tabId = tab?.id;
  if (typeof tabId === 'number') deps.surface.open(tabId); // synchronously, before any await
  const pageUrl = click.pageUrl ?? tab?.url;
  const target = click.linkUrl ?? click.frameUrl ?? pageUrl;
  if (!target || !/^https:\/\//i.test(target)) return undefined;
  const stored = await deps.pdf.verify({ kind: 'url', url: target }, 'context-menu', target === pageUrl ? undefined : pageUrl);
  if (typeof tabId === 'number') deps.surface.openReport(tabId, stored.pdfId);
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
  if (typeof tabId === 'number') deps.surface.open(tabId); // synchronously, before any await
  const pageUrl = click.pageUrl ?? tab?.url;
  const { inputs } = deps;
  let job;
  if (click.srcUrl) job = await inputs.imageJob(click.srcUrl, pageUrl);
  else if (click.linkUrl && /^https:\/\//i.test(click.linkUrl)) job = await inputs.linkJob(click.linkUrl, pageUrl);
  else if (click.selectionText && typeof tabId === 'number') job = await inputs.textJob(await fullSelection(tabId, click.frameId, click.selectionText), pageUrl);
  else if (click.selectionText) job = await inputs.textJob(click.selectionText, pageUrl);
  else if (click.linkUrl) job = await inputs.linkJob(click.linkUrl, pageUrl); // http: lib explains why it is refused
  if (!job) return undefined;
  const stored = await deps.hub.verify(job, { via: 'context-menu' });
  if (typeof tabId === 'number') deps.surface.openReport(tabId, stored.reportId);
  return stored;
}

/**
 * The context menu adapter: "Verify credential", "Verify credentials in this PDF" and "Verify
 * credentials on this page". Returns the click handler (the end-to-end tests call it: a headless
 * browser cannot click a context menu).
 */
export function registerContextMenu(deps: ContextMenuDeps): (click: MenuClick, tab?: { id?: number; url?: string }) => Promise<StoredView | undefined> {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: SCAN_MENU_ID, title: 'Verify credentials on this page with Credlens', contexts: ['page', 'link', 'image', 'selection'] });
    browser.contextMenus.create({ id: VERIFY_MENU_ID, title: 'Verify credential', contexts: ['link', 'image', 'selection'] });
    browser.contextMenus.create({ id: `${PDF_MENU_ID}-link`, title: 'Verify credentials in this PDF', contexts: ['link'], targetUrlPatterns: PDF_URL_PATTERNS });
    browser.contextMenus.create({ id: `${PDF_MENU_ID}-page`, title: 'Verify credentials in this PDF', contexts: ['page', 'frame'], documentUrlPatterns: PDF_URL_PATTERNS });
  });
  // Two menu items (a link to a PDF, a page showing one), one action.
  const handler = (click: MenuClick, tab?: { id?: number; url?: string }) =>
    verifyFromMenu(deps, String(click.menuItemId).startsWith(PDF_MENU_ID) ? { ...click, menuItemId: PDF_MENU_ID, ...(String(click.menuItemId).endsWith('-page') ? { linkUrl: undefined } : {}) } : click, tab);
  browser.contextMenus.onClicked.addListener((info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) => {
    if (info.menuItemId === SCAN_MENU_ID) {
      if (typeof tab?.id === 'number') void deps.surface.scanTab(tab.id);
      return;
    }
    void handler(info, tab).catch(() => undefined);
  });
  return handler;
}
