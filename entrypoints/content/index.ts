import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { credentialLinkPrefilter, recogniseLink } from '../../lib/sources/index.js';
import { isPageStatusRequest, type ContentRequest, type PageStatus } from '../common/protocol.js';
import { isProfilePage } from './detect.js';
import { verifiesHere } from '../common/settings-browser.js';
import { Scanner } from './scanner.js';
import { siteFor } from './sites/index.js';
import { CONTENT_SCRIPT_MATCHES } from './sites/matches.js';

const STARTED = Symbol.for('credlens.content.started');

export default defineContentScript({
  matches: [...CONTENT_SCRIPT_MATCHES],
  runAt: 'document_idle',
  async main(ctx) {
    // Injected again on request (toolbar, context menu) where it already runs: keep the first one.
    const flags = window as unknown as Record<symbol, boolean>;
    if (flags[STARTED]) return;
    // Where the user chose "verify on click" (options page), wait for the toolbar button or the menu.
    if (!(globalThis as Record<string, unknown>).credlensScanRequested && !(await verifiesHere(location.href))) return;
    if (flags[STARTED]) return;
    flags[STARTED] = true;
    ctx.onInvalidated(() => {
      flags[STARTED] = false;
    });

    const scanner = new Scanner(
      {
        get signal() {
          return ctx.signal;
        },
        get isValid() {
          return ctx.isValid;
        },
        requestIdleCallback: (cb, options) => ctx.requestIdleCallback(cb, options),
        setTimeout: (handler, timeout) => ctx.setTimeout(handler, timeout),
        addEventListener: (target, type, handler) => ctx.addEventListener(target as Window, type as 'message', handler),
      },
      {
        doc: document,
        site: () => siteFor(location.href),
        recognise: (url) => (recogniseLink(url) ? url : undefined),
        linkPrefilter: credentialLinkPrefilter,
        send: async <T,>(request: ContentRequest) => {
          if (ctx.isInvalid) return undefined;
          try {
            return (await browser.runtime.sendMessage(request)) as T | undefined;
          } catch {
            return undefined; // extension reloaded or background busy: the mark stays pending, then unverifiable
          }
        },
      },
    );
    scanner.start();
    // The popup asks whether this page's credential contexts were found (and how), to say so when
    // a profile page shows none. Only extension pages (no tab) may ask; the answer is three words.
    const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }, sendResponse: (response: unknown) => void) => {
      if (sender.id !== browser.runtime.id || sender.tab !== undefined) return false;
      if (!isPageStatusRequest(message)) return false;
      const site = siteFor(location.href);
      const status: PageStatus = { site: site.name, profilePage: isProfilePage(site, location.href), contexts: scanner.contextsVia() };
      sendResponse(status);
      return false;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    // LinkedIn and other single-page sites change the URL without reloading the content script.
    ctx.addEventListener(window, 'wxt:locationchange', () => scanner.rescan());
  },
});
