import { SCREENSHOTS_DIR } from '../../support/screenshots.js';
import { expect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bakedBadge, badgePage, createExtensionIssuers, CREDLY, IDS } from '../../support/extension-issuers.js';
import { assertExtensionBuilt } from '../../support/chromium-launch.js';
import { launchExtension, type ExtensionBrowser } from '../../support/extension-browser.js';
import { extensionPage, qrCodePng } from '../../support/extension-pages.js';
import { bytes, html, HttpsHosts } from '../../support/https-hosts.js';

/**
 * Everyday use of the built extension: a recruiter verifies anything (context menu, popup), looks
 * back at the history and configures Credlens; a learner keeps credentials in the wallet and
 * attaches one to an application form. All hosts are one local HTTPS server.
 */
/** The extension APIs used inside `worker.evaluate` (run in the service worker, not here). */
declare const chrome: {
  tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>> };
  storage: { sync: { set(o: object): Promise<void> }; local: { set(o: object): Promise<void> } };
};

const SHOTS = SCREENSHOTS_DIR;
const PROFILE = 'https://www.linkedin.com/in/jane-everyday/';
const FORM = 'https://www.stepstone.de/bewerbung/data-analyst-1234567';
const BADGE_PNG = 'https://www.credly.com/images/data-analysis-badge.png';
const TRUST_URL = 'https://hr.acme-hiring.eu/trusted-issuers.json';
const ISSUER_ID = `${CREDLY}/issuer.json`;

let hosts: HttpsHosts;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let browser: ExtensionBrowser;
let vcJwt: string;
let qrImage: Uint8Array;

const ext = (path: string) => `chrome-extension://${extensionId}/${path}`;

async function tabIdOf(url: string): Promise<number> {
  return worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, url);
}

async function setSettings(settings: Record<string, unknown>): Promise<void> {
  await worker.evaluate((s) => chrome.storage.sync.set({ settings: { ...s, savedAt: Date.now() } }).then(() => chrome.storage.local.set({ settings: { ...s, savedAt: Date.now() } })), settings);
}

async function shoot(p: Page, name: string, widths: Array<[string, number]>): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await p.emulateMedia({ colorScheme: scheme });
    for (const [label, width] of widths) {
      await p.setViewportSize({ width, height: 900 });
      await p.screenshot({ path: join(SHOTS, `${name}-${label}-${scheme}.png`), fullPage: true });
    }
  }
  await p.emulateMedia({ colorScheme: 'light' });
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  assertExtensionBuilt();
  const issuers = await createExtensionIssuers();
  vcJwt = issuers.vcJwt;
  qrImage = await qrCodePng(badgePage(IDS.qr));
  hosts = new HttpsHosts();
  for (const [url, handler] of issuers.routes) hosts.routes.set(url, handler);
  hosts.routes.set(PROFILE, html(extensionPage('everyday-profile.html', { GOOD: badgePage(IDS.good), REVOKED: badgePage(IDS.revoked), JWT: vcJwt })));
  hosts.routes.set(FORM, html(extensionPage('application-form.html')));
  hosts.routes.set(BADGE_PNG, bytes(bakedBadge(`${CREDLY}/v1/obi/v2/badge_assertions/${IDS.good}`), 'image/png'));
  // An employer's trust list, served with CORS as a published list would be.
  const trust = { name: 'Acme hiring: accepted issuers', issuers: [{ id: ISSUER_ID, name: 'Northwind Academy', country: 'DE' }, { origin: 'https://diploma-mill.example', tier: 'untrusted' }] };
  hosts.routes.set(TRUST_URL, bytes(new TextEncoder().encode(JSON.stringify(trust)), 'application/json', { 'access-control-allow-origin': '*' }));
  const port = await hosts.start();

  browser = await launchExtension({ port, profilePrefix: 'credlens-everyday-', viewport: { width: 1100, height: 900 }, acceptDownloads: true });
  ({ context, worker, extensionId } = browser);
  mkdirSync(SHOTS, { recursive: true });
});

test.afterAll(async () => {
  await browser?.close();
  await hosts?.stop();
});

test('options: a trust list added by address and from a file shows whom it vouches for, and is used at the next verification', async () => {
  const p = await context.newPage();
  await p.goto(ext('options.html'));
  await expect(p.locator('#trust-lists')).toContainText('No trust lists yet');
  // Before any list: the issuer is unknown, so an intact badge is "verified with warnings".
  const before = await worker.evaluate((url) => (globalThis as unknown as { credlensContextMenuClick: (c: unknown) => Promise<{ report: { verdict: string } }> }).credlensContextMenuClick({ menuItemId: 'credlens-verify', linkUrl: url }).then((s) => s.report.verdict), badgePage(IDS.later));
  expect(before).toBe('warning');

  await p.fill('#trust-url', TRUST_URL);
  await p.getByRole('button', { name: 'Add from address' }).click();
  await expect(p.locator('#trust-status')).toContainText('Added "Acme hiring: accepted issuers" with 2 issuers');
  await p.locator('.trust-list summary').first().click();
  await expect(p.locator('.trust-list').first()).toContainText('Northwind Academy (DE) - trusted');
  await expect(p.locator('.trust-list').first()).toContainText('https://diploma-mill.example - untrusted');

  // A malformed file is refused with the place of the problem; nothing is stored.
  await p.setInputFiles('#trust-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"name":"Broken","issuers":[{"name":"no id"}]}') });
  await expect(p.locator('#trust-status')).toContainText('broken.json: issuers[0] needs an id, an origin or a legalIdentifier');
  await p.setInputFiles('#trust-file', { name: 'partners.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ name: 'Partner schools', issuers: [{ id: 'did:web:partner.example', name: 'Partner School' }] })) });
  await expect(p.locator('.trust-list')).toHaveCount(2);

  // The background reads the lists for the next verification (the cache is 0 minutes here).
  await setSettings({ cacheMinutes: 0 });
  const after = await worker.evaluate((url) => (globalThis as unknown as { credlensContextMenuClick: (c: unknown) => Promise<{ report: { verdict: string } }> }).credlensContextMenuClick({ menuItemId: 'credlens-verify', linkUrl: url }).then((s) => s.report.verdict), badgePage(IDS.later));
  expect(after).toBe('verified');

  await p.getByRole('button', { name: 'Remove the trust list Partner schools' }).click();
  await expect(p.locator('.trust-list')).toHaveCount(1);
  await p.reload();
  await shoot(p, 'options', [
    ['wide', 1100],
    ['narrow', 400],
  ]);
  await p.close();
});

test('options: "only when I click" stops automatic marks; opening Credlens on the page starts them; a blocked server is never contacted', async () => {
  const p = await context.newPage();
  await p.goto(ext('options.html'));
  await p.getByLabel('Only when I click Credlens').check();
  await expect(p.locator('#saved')).toContainText('Saved');
  const page = await context.newPage();
  await page.goto(PROFILE);
  await page.waitForTimeout(2500);
  await expect(page.locator('credlens-mark')).toHaveCount(0);
  // Opening the popup for this tab is the click.
  const tabId = await tabIdOf(PROFILE);
  const popup = await context.newPage();
  await popup.goto(ext(`popup.html?tab=${tabId}`));
  await expect(page.locator('#good + credlens-mark')).toHaveAttribute('data-credlens-state', 'verified');

  await p.fill('#block-origin', CREDLY);
  await p.getByRole('button', { name: 'Never contact' }).click();
  await expect(p.locator('#blocked-origins')).toContainText(CREDLY);
  // A badge not read before (what was read earlier is reused from the cache without contacting anyone).
  await popup.fill('#paste', badgePage(IDS.qr));
  await popup.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(popup.locator('#result credlens-verdict-badge')).toHaveAttribute('state', 'unverifiable');
  await expect(popup.locator('#result credlens-check-list')).toContainText(/api\.credly\.com/);

  await p.getByRole('button', { name: `Allow ${CREDLY} again` }).click();
  await p.getByRole('radio', { name: /^Automatically/ }).check();
  await expect(p.locator('#blocked-origins')).toContainText('None.');
  await popup.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(popup.locator('#result credlens-verdict-badge')).toHaveAttribute('state', 'verified');
  await Promise.all([popup.close(), page.close(), p.close()]);
});

test('context menu "Verify credential" on a link, an image and selected text (the menu handler, called through the service worker)', async () => {
  // A headless browser cannot open a context menu: this calls the very handler `contextMenus.onClicked` calls.
  const p = await context.newPage();
  await p.goto(PROFILE);
  const tabId = await tabIdOf(PROFILE);
  const click = (info: Record<string, unknown>) =>
    worker.evaluate(
      ([i, id, url]) => (globalThis as unknown as { credlensContextMenuClick: (c: unknown, t: unknown) => Promise<{ kind: string; source: string; report: { verdict: string } }> }).credlensContextMenuClick({ menuItemId: 'credlens-verify', pageUrl: url, ...(i as object) }, { id, url }),
      [info, tabId, PROFILE] as const,
    );
  const link = await click({ linkUrl: badgePage(IDS.revoked) });
  expect(link).toMatchObject({ kind: 'link', report: { verdict: 'invalid' } });
  const image = await click({ srcUrl: BADGE_PNG });
  expect(image).toMatchObject({ kind: 'baked', report: { verdict: 'verified' } });
  await p.evaluate(() => getSelection()?.selectAllChildren(document.getElementById('jwt') as Node));
  const text = await click({ selectionText: vcJwt.slice(0, 40) });
  expect(text).toMatchObject({ kind: 'text', source: 'Text selected on the page', report: { verdict: 'warning' } });

  // The result is in extension-owned UI: the side panel of that tab shows the last one.
  const panel = await context.newPage();
  await panel.goto(ext(`sidepanel.html?tab=${tabId}`));
  await expect(panel.locator('credlens-verdict-badge')).toHaveAttribute('state', 'warning');
  await expect(panel.locator('.where')).toContainText('Text selected on the page');
  await Promise.all([panel.close(), p.close()]);
});

test('popup: the tab’s verdicts at a glance, paste and drop a credential', async () => {
  const p = await context.newPage();
  await p.goto(PROFILE);
  await expect(p.locator('#good + credlens-mark')).toHaveAttribute('data-credlens-state', 'verified');
  await expect(p.locator('#revoked + credlens-mark')).toHaveAttribute('data-credlens-state', 'invalid');
  const tabId = await tabIdOf(PROFILE);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 700 });
  await popup.goto(ext(`popup.html?tab=${tabId}`));
  await expect(popup.locator('.chip[data-state=verified] b')).not.toHaveText('0');
  await expect(popup.locator('.chip[data-state=invalid] b')).toHaveText('1');
  // A page that paints a fake mark adds nothing: the counts come from the background.
  await p.evaluate(() => document.body.append(Object.assign(document.createElement('credlens-mark'), { id: 'fake' })));
  await expect(popup.locator('.chip[data-state=invalid] b')).toHaveText('1');
  await popup.screenshot({ path: join(SHOTS, 'popup-counts-light.png'), fullPage: true });

  await popup.fill('#paste', vcJwt);
  await popup.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(popup.locator('#result credlens-verdict-badge')).toHaveAttribute('state', 'warning');
  await expect(popup.locator('#result .where')).toContainText('Credential pasted as text');

  // Drop a baked badge image onto the popup.
  const badge = [...bakedBadge(`${CREDLY}/v1/obi/v2/badge_assertions/${IDS.good}`)];
  const transfer = await popup.evaluateHandle((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], 'data-analysis-badge.png', { type: 'image/png' }));
    return dt;
  }, badge);
  await popup.locator('#drop').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(popup.locator('#result credlens-verdict-badge')).toHaveAttribute('state', 'verified');
  await expect(popup.locator('#result .where')).toContainText('Badge image with an embedded credential');
  await expect(popup.locator('#result credlens-credential-card')).toContainText('Data Analysis with Python');
  await popup.screenshot({ path: join(SHOTS, 'popup-light.png'), fullPage: true });
  await popup.emulateMedia({ colorScheme: 'dark' });
  await popup.screenshot({ path: join(SHOTS, 'popup-dark.png'), fullPage: true });
  await Promise.all([popup.close(), p.close()]);
});

test('history: records what was verified where, searches, exports, deletes one entry and everything', async () => {
  const p = await context.newPage();
  await p.goto(ext('verifications.html'));
  const rows = p.locator('#history-rows > tr:not(.report-row)');
  await expect(rows.first()).toBeVisible();
  await expect(p.locator('#history-rows')).toContainText('Data Analysis with Python');
  await expect(p.locator('#history-rows')).toContainText('www.linkedin.com');
  await expect(p.locator('#history-rows')).toContainText('Verify credential (menu)');
  const total = await rows.count();
  expect(total).toBeGreaterThanOrEqual(4);
  await p.fill('#history-search', 'not valid');
  await expect(rows.first()).toHaveAttribute('data-verdict', 'invalid');
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-verdict')))).toEqual(Array((await rows.count()) as number).fill('invalid'));
  await rows.first().getByRole('button', { name: 'Report' }).click();
  await expect(p.locator('.report-row credlens-check-list')).toContainText(/revoked/i);
  await p.fill('#history-search', '');
  await expect(rows).toHaveCount(total);
  await shoot(p, 'history', [
    ['wide', 1100],
    ['narrow', 400],
  ]);

  const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Export as JSON' }).click()]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as { entries: Array<{ verdict: string; source: string }> };
  expect(exported.entries).toHaveLength(total);
  expect(exported.entries.some((e) => e.verdict === 'invalid' && e.source === badgePage(IDS.revoked))).toBe(true);

  await rows.first().getByRole('button', { name: /^Delete the entry/ }).click();
  await expect(rows).toHaveCount(total - 1);
  p.once('dialog', (d) => void d.accept());
  await p.getByRole('button', { name: 'Delete all' }).click();
  await expect(p.locator('#history-empty')).toContainText('Nothing checked yet');
  await p.reload();
  await expect(p.locator('#history-empty')).toContainText('Nothing checked yet');
  await p.close();
});

test('wallet: import from a link, a file, a QR code and a badge image; each verified on import; the stack', async () => {
  const p = await context.newPage();
  await p.goto(ext('wallet.html'));
  await expect(p.locator('#wallet-items')).toContainText('Your wallet is empty');
  await p.fill('#wallet-link', badgePage(IDS.good));
  await p.getByRole('button', { name: 'Import link' }).click();
  await expect(p.locator('.wallet-item')).toHaveCount(1);
  await expect(p.locator('.wallet-item').first()).toHaveAttribute('data-verdict', 'verified');
  await p.setInputFiles('#wallet-file', { name: 'data-analysis.jwt', mimeType: 'application/jwt', buffer: Buffer.from(vcJwt) });
  await expect(p.locator('.wallet-item')).toHaveCount(2);
  await p.setInputFiles('#wallet-file', { name: 'certificate-qr.png', mimeType: 'image/png', buffer: Buffer.from(qrImage) });
  await expect(p.locator('.wallet-item')).toHaveCount(3);
  await expect(p.locator('.wallet-item').first()).toContainText('Imported from a QR code');
  await p.setInputFiles('#wallet-file', { name: 'badge.png', mimeType: 'image/png', buffer: Buffer.from(bakedBadge(`${CREDLY}/v1/obi/v2/badge_assertions/${IDS.revoked}`)) });
  await expect(p.locator('.wallet-item')).toHaveCount(4);
  await expect(p.locator('.wallet-item').first()).toHaveAttribute('data-verdict', 'invalid');
  await expect(p.locator('#stack-total .n')).toHaveText('4');
  await expect(p.locator('#stack-authentic .n')).toHaveText('3');
  await expect(p.locator('#stack-issuers')).toContainText('Northwind Academy');

  // What an employer sees, and a fresh check on demand.
  const link = p.locator('.wallet-item', { hasText: 'Imported from a link' });
  await link.locator('summary').click();
  await expect(link.locator('credlens-credential-card')).toContainText('Data Analysis with Python');
  await link.getByRole('button', { name: 'Check again' }).click();
  await expect(p.locator('#wallet-status')).toContainText('Checked "Data Analysis with Python" again: verified');
  await shoot(p, 'wallet', [
    ['wide', 1100],
    ['narrow', 400],
  ]);
  await p.close();
});

test('attach: the learner attaches a credential file and a link to an application form; the form is never sent', async () => {
  const form = await context.newPage();
  await form.goto(FORM);
  const tabId = await tabIdOf(FORM);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 700 });
  await popup.goto(ext(`popup.html?tab=${tabId}`));
  await expect(popup.locator('#attach-h')).toHaveText('Attach a credential');
  const fields = await popup.locator('#attach-field option').allTextContents();
  expect(fields).toEqual(['File: CV (PDF)', 'File: Certificate or credential', 'Link: Link to a certificate']);

  // The JWT file into the certificate field.
  const options = await popup.locator('#attach-credential option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
  const jwtOption = options.find((o) => o.text.includes('warnings'));
  expect(jwtOption).toBeDefined();
  await popup.selectOption('#attach-credential', jwtOption!.value);
  await popup.selectOption('#attach-field', { label: 'File: CV (PDF)' });
  await popup.getByRole('button', { name: 'Attach' }).click();
  await expect(popup.locator('#attach-h ~ .status')).toContainText('This field only accepts .pdf');
  await popup.selectOption('#attach-field', { label: 'File: Certificate or credential' });
  await popup.getByRole('button', { name: 'Attach' }).click();
  await expect(popup.locator('#attach-h ~ .status')).toContainText('Check the form, then send it yourself');
  await expect(form.locator('#received')).toContainText('Received');
  const received = await form.evaluate(() => (window as unknown as { __form: { submitted: number; files: Array<{ name: string; text: string; type: string }> } }).__form);
  expect(received.files).toHaveLength(1);
  expect(received.files[0]?.text).toBe(vcJwt);
  expect(received.files[0]?.name).toMatch(/\.jwt$/);
  expect(received.files[0]?.type).toBe('application/jwt');

  // The badge imported from its link into the link field.
  const linkOption = options.find((o) => o.text.startsWith('Data Analysis with Python (Verified)'));
  await popup.selectOption('#attach-credential', linkOption!.value);
  await popup.selectOption('#attach-field', { label: 'Link: Link to a certificate' });
  await popup.getByRole('button', { name: 'Attach' }).click();
  await expect(form.locator('#credential-link')).toHaveValue(/credly\.com\/badges\//);
  const after = await form.evaluate(() => (window as unknown as { __form: { submitted: number; link: string } }).__form);
  expect(after.submitted).toBe(0);
  // Fields it was not asked to fill are untouched.
  await expect(form.locator('#name')).toHaveValue('Jane Doe');
  await popup.screenshot({ path: join(SHOTS, 'popup-attach-light.png'), fullPage: true });
  await form.screenshot({ path: join(SHOTS, 'application-form-attached.png') });
  await Promise.all([popup.close(), form.close()]);
});

test('wallet: export everything, then delete everything', async () => {
  const p = await context.newPage();
  await p.goto(ext('wallet.html'));
  await expect(p.locator('.wallet-item')).toHaveCount(4);
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Export everything (JSON)' }).click()]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as { credentials: Array<{ credential: { text?: string; base64?: string }; importedVia: string }> };
  expect(exported.credentials).toHaveLength(4);
  expect(exported.credentials.some((c) => c.credential.text === vcJwt)).toBe(true);
  p.once('dialog', (d) => void d.accept());
  await p.getByRole('button', { name: 'Delete everything' }).click();
  await expect(p.locator('#wallet-items')).toContainText('Your wallet is empty');
  await p.reload();
  await expect(p.locator('.wallet-item')).toHaveCount(0);
  await p.close();
});
