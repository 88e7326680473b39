import { test as base, type Page } from '@playwright/test';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemo } from '../../../demo/server.js';
import { loadHandler } from '../../../lib/formats/index.js';
import type { Example } from '../../../demo/examples.js';
import type { Verdict } from '../../../lib/index.js';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const WIDGET = join(ROOT, 'dist/widget');

export interface Demo {
  board: string;
  issuer: string;
  issuerNoCors: string;
}

/** The verdict the built widget should reach for an example: unverifiable until lib supports its format. */
export async function expectedVerdict(example: Example): Promise<Verdict> {
  return (await loadHandler(example.format)) ? example.expect : 'unverifiable';
}

export const STRICT_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; connect-src 'self' http://127.0.0.1:* http://localhost:*; base-uri 'none'; form-action 'self'";

/**
 * Serves a host page at https://host.test/ (intercepted, no DNS; a secure context like a real board,
 * since browsers offer Web Crypto only there) under a strict CSP: the built
 * widget at /widget/*, `scripts` as module script tags, `body` as the page body, and `files`
 * (path → JSON text) as the board's own files.
 */
export async function hostPage(page: Page, body: string, scripts: string[] = ['/host.js'], csp = STRICT_CSP, files: Record<string, string> = {}): Promise<void> {
  if (!existsSync(join(WIDGET, 'credlens-verifier.js'))) throw new Error('Build the widget first: npm run build:widget');
  await page.route('https://host.test/**', async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/') {
      const tags = scripts.map((s) => `<script type="module" src="${s}"></script>`).join('');
      return route.fulfill({
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': csp },
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title>${tags}</head><body><main>${body}</main></body></html>`,
      });
    }
    if (url.pathname === '/host.js') {
      return route.fulfill({
        contentType: 'text/javascript',
        body: "import { CredlensVerifier } from '/widget/credlens-verifier.js';\nCredlensVerifier.defaultOptions = { network: { allowHttp: true, allowPrivateNetwork: true } };\nwindow.__hostReady = true;\n",
      });
    }
    const file = files[url.pathname];
    if (file !== undefined) return route.fulfill({ contentType: 'application/json', body: file });
    if (url.pathname.startsWith('/widget/')) {
      const file = join(WIDGET, url.pathname.slice('/widget/'.length));
      if (!file.startsWith(WIDGET) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ contentType: file.endsWith('.js') ? 'text/javascript' : 'application/json', body: readFileSync(file) });
    }
    return route.fulfill({ status: 404, body: 'not found' });
  });
  await page.goto('https://host.test/');
}

/** Waits until the host page's own script has loaded the widget (`window.__hostReady`). */
export async function widgetLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __hostReady?: boolean }).__hostReady === true);
}

/** A host page to which, once the widget has loaded, a script adds one `<credlens-verifier credential="…">`. */
export async function hostPageWithCredential(page: Page, credential: string): Promise<void> {
  await hostPage(page, '<p>Host</p>');
  await widgetLoaded(page);
  await page.evaluate((text) => {
    const el = document.createElement('credlens-verifier');
    el.setAttribute('credential', text);
    document.querySelector('main')!.append(el);
  }, credential);
}

/** Waits until the element's state is a verdict (not pending) and returns it. */
export async function settledState(page: Page, selector: string): Promise<string> {
  const handle = page.locator(selector).first();
  await page.waitForFunction(
    (el) => {
      const state = el?.getAttribute('state');
      return state !== null && state !== undefined && state !== 'pending';
    },
    await handle.elementHandle(),
    { timeout: 20_000 },
  );
  return (await handle.getAttribute('state')) ?? '';
}

export const test = base.extend<{ csp: string[] }, { demo: Demo }>({
  demo: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
    async ({}, use) => {
      const demo = await startDemo(0);
      await use(demo);
      await demo.close();
    },
    { scope: 'worker' },
  ],
  // Every CSP violation and page error the test saw; tests assert it stays empty.
  csp: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __csp: string[] }).__csp ??= [];
        (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await use(problems);
  },
});

export { expect } from '@playwright/test';
