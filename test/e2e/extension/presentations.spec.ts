import { expect as baseExpect, test, type BrowserContext, type Worker } from '@playwright/test';
import { SignJWT } from 'jose';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { assertExtensionBuilt } from '../../support/chromium-launch.js';
import { didJwkIssuer, type DidJwkIssuer } from '../../support/did-jwk-issuer.js';
import { launchExtension, type ExtensionBrowser } from '../../support/extension-browser.js';
import { html, HttpsHosts } from '../../support/https-hosts.js';
import { SCREENSHOTS_DIR } from '../../support/screenshots.js';

/**
 * A recruiter meets a learner's presentation (a VP-JWT pasted into a profile) with the built
 * extension: the mark gives its verdict, and the side panel shows the holder and each credential it
 * carries with its own verdict (docs/presentations.md "Display").
 */
const PROFILE = 'https://www.linkedin.com/in/anna-kowalska-example/';

declare const chrome: { tabs: { query(query: { url: string }): Promise<Array<{ id?: number }>> } };

async function vcJwt(issuer: DidJwkIssuer, subject: string, achievement: string): Promise<string> {
  return new SignJWT({ vc: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'], name: achievement, credentialSubject: { id: subject, name: 'Anna Kowalska' } } })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: issuer.kid })
    .setIssuer(issuer.did)
    .setSubject(subject)
    .setNotBefore(Math.floor(Date.now() / 1000) - 86_400)
    .sign(issuer.privateKey);
}

let hosts: HttpsHosts;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let browser: ExtensionBrowser;
let holder: DidJwkIssuer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  assertExtensionBuilt();
  const issuer = await didJwkIssuer();
  holder = await didJwkIssuer();
  const credentials = [await vcJwt(issuer, holder.did, 'Data Analysis (6 ECTS)'), await vcJwt(issuer, holder.did, 'Statistics for Social Sciences (4 ECTS)')];
  const vp = await new SignJWT({ vp: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiablePresentation'], verifiableCredential: credentials } })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: holder.kid })
    .setIssuer(holder.did)
    .sign(holder.privateKey);
  hosts = new HttpsHosts();
  hosts.routes.set(
    PROFILE,
    html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Anna Kowalska | LinkedIn</title>
<style>body{font:14px system-ui,sans-serif;margin:20px} .jwt{font-family:monospace;font-size:11px;word-break:break-all}</style></head>
<body><main><h1>Anna Kowalska</h1><section><h2>About</h2><p>My credentials, as a presentation from my wallet:</p>
<p class="jwt" id="vp">${vp}</p></section></main></body></html>`),
  );
  const port = await hosts.start();
  browser = await launchExtension({ port, profilePrefix: 'credlens-ext-vp-', viewport: { width: 1100, height: 900 } });
  ({ context, worker, extensionId } = browser);
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
});

test.afterAll(async () => {
  await browser?.close();
  await hosts?.stop();
});

// The first verification after the service worker starts loads lib's format handlers (slow on a loaded machine).
const expect = baseExpect.configure({ timeout: 45_000 });

test('a pasted presentation is marked, and the side panel shows the holder and each credential’s verdict', async () => {
  const page = await context.newPage();
  await page.goto(PROFILE);
  const mark = page.locator('#vp + credlens-mark, #vp credlens-mark').first();
  // Both credentials come from an issuer on no trust list: authentic, with a warning.
  await expect(mark).toHaveAttribute('data-credlens-state', 'warning');
  await mark.click();
  const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, PROFILE);
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 1100 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  const view = panel.locator('credlens-presentation-view');
  await expect(view.locator('[part=holder]')).toContainText(holder.did.slice(0, 32));
  await expect(view.locator('[part=holder]')).toContainText('Signed by the holder');
  const items = view.locator('[part=credential]');
  await expect(items).toHaveCount(2);
  for (const item of await items.all()) {
    await expect(item.locator('credlens-verdict-badge')).toHaveAttribute('state', 'warning');
    await expect(item).toContainText('About the holder');
  }
  await expect(items.nth(1)).toContainText('Statistics for Social Sciences');
  await items.nth(0).locator('summary').first().click();
  await expect(items.nth(0).locator('credlens-check-list li').first()).toBeVisible();
  await panel.screenshot({ path: join(SCREENSHOTS_DIR, 'sidepanel-presentation-light.png'), fullPage: true });
  await panel.emulateMedia({ colorScheme: 'dark' });
  await panel.screenshot({ path: join(SCREENSHOTS_DIR, 'sidepanel-presentation-dark.png'), fullPage: true });
  await panel.close();
  await page.close();
});
