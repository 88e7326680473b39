import { SCREENSHOTS_DIR } from '../../support/screenshots.js';
import { expect as baseExpect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { bakedBadge, badgePage, badgeSvg, createExtensionIssuers, CREDLY, IDS, JWT_URL } from '../../support/extension-issuers.js';
import { assertExtensionBuilt } from '../../support/chromium-launch.js';
import { launchExtension, type ExtensionBrowser } from '../../support/extension-browser.js';
import { extensionPage, qrCodePng } from '../../support/extension-pages.js';
import { bytes, html, HttpsHosts } from '../../support/https-hosts.js';
import { png } from '../../support/ob2-issuer.js';

/**
 * A recruiter with the built Credlens extension browses a LinkedIn-like profile, a StepStone-like
 * job ad with QR codes and badge images, and a hostile page. All hosts are one local HTTPS server.
 */
const SHOTS = SCREENSHOTS_DIR;
const PROFILE = 'https://www.linkedin.com/in/jane-doe-example/';
const JOB = 'https://www.stepstone.de/stellenangebote--Data-Analyst-Berlin--1234567-inline.html';
const HOSTILE = 'https://www.xing.com/profile/Jane_Doe0123';

/** The two extension APIs the tests call inside the service worker. */
declare const chrome: {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
  tabs: { query(query: { url: string }): Promise<Array<{ id?: number }>> };
};

let hosts: HttpsHosts;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let browser: ExtensionBrowser;
let releaseSlow: () => void = () => undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  assertExtensionBuilt();
  const issuers = await createExtensionIssuers();
  hosts = new HttpsHosts();
  for (const [url, handler] of issuers.routes) hosts.routes.set(url, handler);
  // A platform that answers slowly: its mark stays `pending` until the test lets it answer.
  const slowGate = new Promise<void>((r) => (releaseSlow = r));
  hosts.routes.set(`${CREDLY}/v1/obi/v2/badge_assertions/${IDS.slow}`, async () => {
    await slowGate;
    return new Response('not found', { status: 404 });
  });
  const values = {
    GOOD: badgePage(IDS.good),
    REVOKED: badgePage(IDS.revoked),
    GONE: badgePage(IDS.gone),
    SLOW: badgePage(IDS.slow),
    LATER: badgePage(IDS.later),
    JWT: issuers.vcJwt,
    JWT_URL_ENC: encodeURIComponent(JWT_URL),
  };
  hosts.routes.set(PROFILE, html(extensionPage('linkedin-profile.html', values)));
  hosts.routes.set('https://www.linkedin.com/in/jane-doe-example/details/certifications/', html(extensionPage('linkedin-profile.html', values)));
  hosts.routes.set(JOB, html(extensionPage('stepstone-job.html', values)));
  hosts.routes.set(HOSTILE, html(extensionPage('hostile.html', values)));
  hosts.routes.set('https://www.stepstone.de/media/certificate-qr.png', bytes(await qrCodePng(badgePage(IDS.qr)), 'image/png'));
  hosts.routes.set('https://www.stepstone.de/media/canvas-qr.png', bytes(await qrCodePng(badgePage(IDS.later)), 'image/png'));
  hosts.routes.set('https://www.stepstone.de/media/award-ceremony.png', bytes(png(), 'image/png'));
  hosts.routes.set('https://www.credly.com/images/data-analysis-badge.png', bytes(bakedBadge(`${CREDLY}/v1/obi/v2/badge_assertions/${IDS.good}`), 'image/png'));
  hosts.routes.set('https://www.credly.com/images/data-analysis-badge.svg', bytes(new TextEncoder().encode(badgeSvg(`${CREDLY}/v1/obi/v2/badge_assertions/${IDS.later}`)), 'image/svg+xml'));
  // Another origin, no host permission: readable because it allows CORS, as image CDNs often do.
  hosts.routes.set('https://cdn.talent-media.eu/qr/diploma.png', bytes(await qrCodePng(badgePage(IDS.good)), 'image/png', { 'access-control-allow-origin': '*' }));
  const port = await hosts.start();

  browser = await launchExtension({ port, profilePrefix: 'credlens-ext-', viewport: { width: 1100, height: 900 } });
  ({ context, worker, extensionId } = browser);
  // The recruiter's organisation trusts Northwind Academy's badge issuer (Credlens settings).
  await worker.evaluate(
    (issuerId) => chrome.storage.local.set({ trustLists: [{ name: 'Our trusted issuers', issuers: [{ id: issuerId, name: 'Northwind Academy', tier: 'trusted' }] }] }),
    `${CREDLY}/issuer.json`,
  );
  mkdirSync(SHOTS, { recursive: true });
});

test.afterAll(async () => {
  releaseSlow();
  await browser?.close();
  await hosts?.stop();
});

// The first verification after the service worker starts loads lib's format handlers; on a loaded
// two-core CI machine that alone can take longer than the default 15 s.
const expect = baseExpect.configure({ timeout: 45_000 });
const markAfter = (p: Page, selector: string) => p.locator(`${selector} + credlens-mark`);

async function tabIdOf(url: string): Promise<number> {
  return worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, url.split('#')[0]!);
}

test('marks every credential on a LinkedIn profile with its verdict', async () => {
  const p = await context.newPage();
  await p.goto(PROFILE);
  await expect(markAfter(p, '#good')).toHaveAttribute('data-credlens-state', 'verified');
  await expect(markAfter(p, '#good')).toHaveAttribute('data-credlens-kind', 'link');
  // The issuer's own server is not a known platform and sends no CORS headers: without the user's
  // permission for that origin the extension cannot read it, and says so.
  await expect(markAfter(p, '#jwt-link')).toHaveAttribute('data-credlens-state', 'unverifiable');
  await expect(markAfter(p, '#revoked')).toHaveAttribute('data-credlens-state', 'invalid');
  await expect(markAfter(p, '#gone')).toHaveAttribute('data-credlens-state', 'unverifiable');
  await expect(markAfter(p, '#slow')).toHaveAttribute('data-credlens-state', 'pending');
  await expect(markAfter(p, '#pasted')).toHaveAttribute('data-credlens-kind', 'text');
  await expect(markAfter(p, '#pasted')).toHaveAttribute('data-credlens-state', 'warning');
  // The company link is not a credential.
  await expect(p.locator('a[href*="/company/"] + credlens-mark')).toHaveCount(0);
  await expect(p.locator('credlens-mark')).toHaveCount(6);

  await p.locator('#licenses_and_certifications').scrollIntoViewIfNeeded();
  await p.locator('#licenses_and_certifications').locator('..').screenshot({ path: join(SHOTS, 'marks-light.png') });
  await p.emulateMedia({ colorScheme: 'dark' });
  await p.locator('#licenses_and_certifications').locator('..').screenshot({ path: join(SHOTS, 'marks-dark.png') });
  await p.emulateMedia({ colorScheme: 'light' });

  releaseSlow();
  await expect(markAfter(p, '#slow')).toHaveAttribute('data-credlens-state', 'unverifiable');
  await p.close();
});

test('marks are keyboard-focusable, named, and out of reach of page styles and scripts', async () => {
  const p = await context.newPage();
  await p.goto(PROFILE);
  const mark = markAfter(p, '#good');
  await expect(mark).toHaveAttribute('data-credlens-state', 'verified');
  expect(await mark.evaluate((m) => m.shadowRoot)).toBeNull();
  await p.locator('#good').focus();
  await p.keyboard.press('Tab');
  const name = await p.evaluate(() => document.activeElement?.localName);
  expect(name).toBe('credlens-mark');
  // Closed shadow roots are invisible to Playwright's locators; the browser's accessibility tree is not.
  const cdp = await context.newCDPSession(p);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Array<{ role?: { value?: string }; name?: { value?: string } }> };
  const names = nodes.filter((n) => n.role?.value === 'button').map((n) => n.name?.value ?? '');
  expect(names).toContain('Credlens: credential link "Data Analysis with Python": Verified. Open the verification report.');
  expect(names).toContain('Credlens: credential link "Data Analysis with Python": Not valid. Open the verification report.');
  expect(names).toContain('Credlens: pasted credential: Verified, with warnings. Open the verification report.');
  // `credlens-mark { opacity: .2 }` on the page does not reach inside; the host itself keeps `all: initial`.
  expect(Number(await mark.evaluate((m) => getComputedStyle(m).opacity))).toBe(1);
  await p.close();
});

test('follows single-page navigation, content added later and re-renders without duplicates', async () => {
  const p = await context.newPage();
  await p.goto(PROFILE);
  await expect(markAfter(p, '#good')).toHaveAttribute('data-credlens-state', 'verified');
  await p.click('#rerender');
  await expect(markAfter(p, '#good')).toHaveCount(1);
  await expect(p.locator('#certs credlens-mark')).toHaveCount(5);
  await p.click('#more');
  await expect(markAfter(p, '#later')).toHaveAttribute('data-credlens-state', 'verified');
  await p.click('#show-all');
  await expect(p).toHaveURL(/details\/certifications/);
  await expect(markAfter(p, '#spa')).toHaveAttribute('data-credlens-state', 'verified');
  await expect(p.locator('credlens-mark')).toHaveCount(1);
  await p.close();
});

test('finds QR codes and baked badges in same-origin, cross-origin and canvas images', async () => {
  const p = await context.newPage();
  await p.goto(JOB);
  await expect(markAfter(p, '#qr-same')).toHaveAttribute('data-credlens-kind', 'qr');
  await expect(markAfter(p, '#qr-same')).toHaveAttribute('data-credlens-state', 'verified');
  await expect(markAfter(p, '#baked')).toHaveAttribute('data-credlens-kind', 'baked');
  await expect(markAfter(p, '#baked')).toHaveAttribute('data-credlens-state', 'verified');
  await expect(markAfter(p, '#baked-svg')).toHaveAttribute('data-credlens-kind', 'baked');
  await expect(markAfter(p, '#baked-svg')).toHaveAttribute('data-credlens-state', 'verified');
  await expect(markAfter(p, '#qr-cross')).toHaveAttribute('data-credlens-state', 'verified');
  await expect(markAfter(p, '#canvas')).toHaveAttribute('data-credlens-kind', 'qr');
  await expect(markAfter(p, '#canvas')).toHaveAttribute('data-credlens-state', 'verified');
  await expect(markAfter(p, '#photo')).toHaveCount(0);
  await p.locator('article').screenshot({ path: join(SHOTS, 'job-board-marks.png') });
  await p.close();
});

test('activating a mark shows the full report in extension-owned UI', async () => {
  const p = await context.newPage();
  await p.goto(PROFILE);
  await expect(markAfter(p, '#good')).toHaveAttribute('data-credlens-state', 'verified');
  await markAfter(p, '#good').click();
  const tabId = await tabIdOf(PROFILE);
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 1100 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  await expect(panel.locator('credlens-verdict-badge')).toHaveAttribute('state', 'verified');
  await expect(panel.locator('credlens-credential-card')).toContainText('Data Analysis with Python');
  await expect(panel.locator('credlens-check-list')).toContainText(/hosted|origin/i);
  await expect(panel.locator('.where')).toContainText(badgePage(IDS.good));
  await panel.screenshot({ path: join(SHOTS, 'sidepanel-light.png'), fullPage: true });
  await panel.emulateMedia({ colorScheme: 'dark' });
  await panel.screenshot({ path: join(SHOTS, 'sidepanel-dark.png'), fullPage: true });

  await markAfter(p, '#jwt-link').click();
  await expect(panel.locator('credlens-verdict-badge')).toHaveAttribute('state', 'unverifiable');
  await expect(panel.locator('.permission')).toContainText('certs.northwind-academy.eu');
  await expect(panel.locator('button.grant')).toHaveText('Allow Credlens to contact certs.northwind-academy.eu');
  await panel.screenshot({ path: join(SHOTS, 'sidepanel-permission.png'), fullPage: true });

  await markAfter(p, '#revoked').click();
  await expect(panel.locator('credlens-verdict-badge')).toHaveAttribute('state', 'invalid');
  await expect(panel.locator('credlens-check-list')).toContainText(/revoked/i);
  await panel.emulateMedia({ colorScheme: 'light' });
  await panel.screenshot({ path: join(SHOTS, 'sidepanel-invalid.png'), fullPage: true });
  await panel.close();
  await p.close();
});

test('a hostile page that copies a mark or attacks the real one gains nothing', async () => {
  const p = await context.newPage();
  await p.goto(HOSTILE);
  const marks = p.locator('#revoked ~ credlens-mark');
  await expect(marks).toHaveCount(2);
  const real = p.locator('#revoked + credlens-mark');
  await expect(real).not.toHaveAttribute('id', 'fake');
  await expect.poll(() => p.evaluate(() => (window as unknown as { __hostile: Record<string, unknown> }).__hostile.rewrote)).toBe(true);
  await expect(real).toHaveAttribute('data-credlens-state', 'invalid');
  const hostile = await p.evaluate(() => (window as unknown as { __hostile: Record<string, unknown> }).__hostile);
  expect(hostile.shadow).toBe('null');
  expect(hostile.attach).toBe('NotSupportedError');
  // Clicking the fake opens nothing: the side panel for this tab has no report.
  await p.click('#fake');
  const tabId = await tabIdOf(HOSTILE);
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  await expect(panel.locator('.empty')).toContainText('No credential selected');
  // A page cannot talk to the background directly.
  const reply = await p.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage);
  expect(reply).toBe('undefined');
  await panel.close();
  await p.close();
});
