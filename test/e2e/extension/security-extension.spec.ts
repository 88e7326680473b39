import { SignJWT } from 'jose';
import { expect, test, type BrowserContext } from '@playwright/test';
import { didJwkIssuer } from '../../support/did-jwk-issuer.js';
import { badgePage, createExtensionIssuers, CREDLY, IDS } from '../../support/extension-issuers.js';
import { MAX_PROBES_PER_MINUTE, MAX_VERIFICATIONS_PER_MINUTE } from '../../../entrypoints/content/scanner.js';
import { assertExtensionBuilt } from '../../support/chromium-launch.js';
import { launchExtension, type ExtensionBrowser } from '../../support/extension-browser.js';
import { bytes, html, HttpsHosts } from '../../support/https-hosts.js';
import { png } from '../../support/ob2-issuer.js';

/**
 * The page is hostile: it floods the DOM with fake credential links, forges messages to the content
 * script, and the MV3 service worker is stopped while a verification is running. The built
 * extension (.output/chrome-mv3) runs in Chromium against one local HTTPS server.
 */
const FLOOD = 'https://www.linkedin.com/in/flood-example/';
const FORGED = 'https://www.linkedin.com/in/forged-messages-example/';
const STOPPED = 'https://www.linkedin.com/in/worker-stopped-example/';
const FLOOD_LINKS = 2_000;
const IMAGES = 'https://www.linkedin.com/in/image-flood-example/';
const FLOOD_IMAGES = 400;
const MARKUP = 'https://www.linkedin.com/in/markup-example/';
const PWN = 'window.__pwned=(window.__pwned||0)+1';

declare const chrome: { tabs: { query(query: { url: string }): Promise<Array<{ id?: number }>> } };

let hosts: HttpsHosts;
let context: BrowserContext;
let extensionId: string;
let browser: ExtensionBrowser;
let releaseSlow: () => void = () => undefined;
const SLOW_ID = '77777777-8888-4999-8aaa-bbbbbbbbbbbb';

const whitePng = png();
const assertionPath = (id: string) => `${CREDLY}/v1/obi/v2/badge_assertions/${id}`;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  assertExtensionBuilt();
  const issuers = await createExtensionIssuers();
  hosts = new HttpsHosts();
  for (const [url, handler] of issuers.routes) hosts.routes.set(url, handler);

  const floodLinks = Array.from({ length: FLOOD_LINKS }, (_, i) => `<li><a href="${badgePage(`f100d000-0000-4000-8000-${String(i).padStart(12, '0')}`)}">Certificate ${i}</a></li>`).join('');
  hosts.routes.set(FLOOD, html(`<!doctype html><html><body><h1>Jane Doe</h1><p><a id="good" href="${badgePage(IDS.good)}">Data Analysis</a></p><ul>${floodLinks}</ul></body></html>`));

  hosts.routes.set(
    FORGED,
    html(`<!doctype html><html><body><h1>Jane Doe</h1><p><a id="good" href="${badgePage(IDS.good)}">Data Analysis</a></p>
<script>
  // Everything a page can do to talk to Credlens without the user.
  const forged = { type: 'verify', find: { kind: 'link', url: '${badgePage('f0f0f0f0-0000-4000-8000-000000000001')}' } };
  window.__forgery = { sent: 0, runtime: typeof (window.chrome && window.chrome.runtime && window.chrome.runtime.sendMessage) };
  setInterval(() => {
    window.postMessage(forged, '*');
    window.postMessage({ source: 'credlens', ...forged }, '*');
    document.dispatchEvent(new CustomEvent('credlens-verify', { detail: forged }));
    window.dispatchEvent(new MessageEvent('message', { data: { type: 'open-report', reportId: 'forged' } }));
    window.__forgery.sent++;
  }, 50);
</script></body></html>`),
  );

  const imgs = Array.from({ length: FLOOD_IMAGES }, (_, i) => `<img width="120" height="120" alt="certificate QR code ${i}" src="https://media.example.eu/qr/certificate-${i}.png">`).join('');
  hosts.routes.set(IMAGES, html(`<!doctype html><html><body><h1>Jane Doe</h1>${imgs}</body></html>`));
  for (let i = 0; i < FLOOD_IMAGES; i++) hosts.routes.set(`https://media.example.eu/qr/certificate-${i}.png`, bytes(whitePng, 'image/png', { 'access-control-allow-origin': '*' }));

  // A genuine (did:jwk-signed) VC-JWT whose every field holds markup or a script URL, pasted as text.
  const { did, kid, privateKey } = await didJwkIssuer();
  const markupJwt = await new SignJWT({
    vc: {
      '@context': ['https://www.w3.org/2018/credentials/v1'],
      type: ['VerifiableCredential'],
      name: `Degree <img src=x onerror="${PWN}"><script>${PWN}</script>`,
      description: `<a href="javascript:${PWN}">more</a>`,
      image: `data:text/html,<script>${PWN}</script>`,
      issuer: { id: did, name: `<iframe src="javascript:${PWN}"></iframe>University`, url: `javascript:${PWN}` },
      credentialSubject: { id: 'did:example:jane', name: `<svg onload="${PWN}"></svg>Jane` },
      evidence: [{ id: `javascript:${PWN}`, name: '<b>bold</b>' }],
    },
  })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid })
    .setIssuer(did)
    .setIssuedAt()
    .sign(privateKey);
  hosts.routes.set(MARKUP, html(`<!doctype html><html><body><h1>Jane Doe</h1><p id="pasted">My diploma: <code>${markupJwt}</code></p></body></html>`));

  const slowGate = new Promise<void>((r) => (releaseSlow = r));
  hosts.routes.set(assertionPath(SLOW_ID), async () => {
    await slowGate;
    return new Response('not found', { status: 404 });
  });
  hosts.routes.set(STOPPED, html(`<!doctype html><html><body><h1>Jane Doe</h1><p><a id="slow" href="${badgePage(SLOW_ID)}">Slow certificate</a></p></body></html>`));

  const port = await hosts.start();
  browser = await launchExtension({ port, profilePrefix: 'credlens-sec-' });
  ({ context, extensionId } = browser);
});

test.afterAll(async () => {
  releaseSlow();
  await browser?.close();
  await hosts?.stop();
});

async function tabIdOf(url: string): Promise<number> {
  return (await context.serviceWorkers()[0]?.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, url)) ?? -1;
}

test('a page flooded with thousands of fake credential links stays responsive and never shows a forged verdict', async () => {
  const p = await context.newPage();
  await p.goto(FLOOD);
  await expect(p.locator('#good + credlens-mark')).toHaveAttribute('data-credlens-state', /^(verified|warning)$/, { timeout: 30_000 });
  // The page's own script still runs promptly while Credlens works through the flood.
  const started = Date.now();
  await p.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  expect(Date.now() - started).toBeLessThan(2_000);
  // None of the fake links (which the platform does not know: 404) is ever shown as genuine.
  await p.waitForTimeout(5_000);
  const states = await p.locator('ul credlens-mark').evaluateAll((marks) => marks.map((m) => m.getAttribute('data-credlens-state')));
  expect(states.filter((s) => s === 'verified' || s === 'warning')).toEqual([]);
  const fetched = hosts.seen.filter((u) => u.includes('/badge_assertions/f100d000')).length;
  // The page cannot make the extension fetch thousands of links: the per-page budget holds.
  expect(fetched).toBeLessThanOrEqual(MAX_VERIFICATIONS_PER_MINUTE);
  expect(states.filter((s) => s === 'unverifiable').length).toBeGreaterThan(0);
  await p.close();
});

test('a page flooded with hundreds of code-like images cannot make the extension fetch and decode them all', async () => {
  const p = await context.newPage();
  await p.goto(IMAGES);
  await p.waitForTimeout(6_000);
  // The page loads each image once itself; a second request for the same image is the extension's.
  const counts = new Map<string, number>();
  for (const u of hosts.seen.filter((x) => x.startsWith('https://media.example.eu/qr/'))) counts.set(u, (counts.get(u) ?? 0) + 1);
  const fetchedByExtension = [...counts.values()].filter((n) => n > 1).length;
  expect(counts.size).toBeGreaterThan(MAX_PROBES_PER_MINUTE);
  expect(fetchedByExtension).toBeLessThanOrEqual(MAX_PROBES_PER_MINUTE);
  await p.close();
});

test('messages forged by the page are ignored: nothing is verified or opened on their behalf', async () => {
  const before = hosts.seen.length;
  const p = await context.newPage();
  await p.goto(FORGED);
  await expect(p.locator('#good + credlens-mark')).toHaveAttribute('data-credlens-state', /^(verified|warning)$/, { timeout: 30_000 });
  await expect.poll(() => p.evaluate(() => (window as unknown as { __forgery: { sent: number } }).__forgery.sent)).toBeGreaterThan(40);
  const forgedFetches = hosts.seen.slice(before).filter((u) => u.includes('f0f0f0f0'));
  expect(forgedFetches).toEqual([]);
  // The page has no channel to the extension's background.
  expect(await p.evaluate(() => (window as unknown as { __forgery: { runtime: string } }).__forgery.runtime)).toBe('undefined');
  // Exactly one mark: the forged requests created none.
  await expect(p.locator('credlens-mark')).toHaveCount(1);
  // The side panel shows no report the page asked for.
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${await tabIdOf(FORGED)}`, { waitUntil: 'domcontentloaded' });
  await expect(panel.locator('credlens-verdict-badge[state="verified"], credlens-verdict-badge[state="warning"]')).toHaveCount(0);
  await panel.close();
  await p.close();
});

test('a credential whose fields hold HTML, script, javascript: and data:text/html renders as inert text in the side panel', async () => {
  const p = await context.newPage();
  await p.goto(MARKUP);
  const mark = p.locator('credlens-mark').first();
  await expect(mark).toHaveAttribute('data-credlens-state', /^(verified|warning)$/, { timeout: 30_000 });
  await mark.click();
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${await tabIdOf(MARKUP)}`, { waitUntil: 'domcontentloaded' });
  await expect(panel.locator('credlens-verdict-badge')).toHaveAttribute('state', /^(verified|warning)$/);
  for (const toggle of await panel.locator('button, summary').all()) await toggle.click().catch(() => undefined);
  await panel.waitForTimeout(300);
  const facts = await panel.evaluate(() => {
    const roots: Array<Document | ShadowRoot> = [document];
    const walk = (root: Document | ShadowRoot) =>
      root.querySelectorAll('*').forEach((n) => {
        if (n.shadowRoot) {
          roots.push(n.shadowRoot);
          walk(n.shadowRoot);
        }
      });
    walk(document);
    const all = roots.flatMap((r) => Array.from(r.querySelectorAll('*')));
    const urls = all.flatMap((n) => ['href', 'src', 'data', 'action'].map((a) => n.getAttribute(a)).filter((v): v is string => v !== null));
    return {
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      unsafeUrls: urls.filter((u) => /^\s*(javascript|vbscript):|^\s*data:text\/html/i.test(u)),
      injected: all.filter((n) => ['IFRAME', 'OBJECT', 'EMBED'].includes(n.tagName) || (n.tagName === 'IMG' && n.getAttribute('src') === 'x')).map((n) => n.tagName),
      handlers: all.flatMap((n) => Array.from(n.attributes).filter((a) => a.name.startsWith('on')).map((a) => `${n.tagName}@${a.name}`)),
      text: roots.map((r) => (r instanceof Document ? r.body.textContent : r.textContent) ?? '').join(' '),
    };
  });
  expect(facts.pwned).toBeUndefined();
  expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(facts.unsafeUrls).toEqual([]);
  expect(facts.injected).toEqual([]);
  expect(facts.handlers).toEqual([]);
  expect(facts.text).toContain('Degree <img src=x onerror=');
  await panel.close();
  await p.close();
});

test('the MV3 service worker stopped mid-verification: the mark ends in a verdict, never stuck at pending', async () => {
  test.setTimeout(90_000);
  const p = await context.newPage();
  await p.goto(STOPPED);
  const mark = p.locator('#slow + credlens-mark');
  await expect(mark).toHaveAttribute('data-credlens-state', 'pending');
  await expect.poll(() => hosts.seen.some((u) => u.includes(SLOW_ID))).toBe(true);
  const cdp = await context.newCDPSession(p);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  releaseSlow();
  await expect(mark).not.toHaveAttribute('data-credlens-state', 'pending', { timeout: 45_000 });
  expect(['verified', 'warning', 'invalid', 'unverifiable']).toContain(await mark.getAttribute('data-credlens-state'));
  await p.close();
});
