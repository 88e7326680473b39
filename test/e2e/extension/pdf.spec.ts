import { SCREENSHOTS_DIR } from '../../support/screenshots.js';
import { expect, test, type BrowserContext, type Worker } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { badgePage, createExtensionIssuers, IDS } from '../../support/extension-issuers.js';
import { assertExtensionBuilt } from '../../support/chromium-launch.js';
import { launchExtension, type ExtensionBrowser } from '../../support/extension-browser.js';
import { bytes, html, HttpsHosts } from '../../support/https-hosts.js';
import { encryptedPdf, linkAnnotation, qrPng } from '../../support/pdf-fixtures.js';

/**
 * A recruiter receives a CV as PDF: it links two Credly badges (one revoked), carries a QR code
 * on its certificate page and has a credential file attached. "Verify credentials in this PDF"
 * (context menu on the PDF link, or a PDF dropped on the popup) lists each credential with its
 * verdict and where it was found; each opens into the full report. All hosts are one local
 * HTTPS server.
 */
declare const chrome: { tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>> } };

const SHOTS = SCREENSHOTS_DIR;
const PROFILE = 'https://www.linkedin.com/in/jane-pdf/';
const CV_URL = 'https://www.linkedin.com/in/jane-pdf/files/jane-doe-cv.pdf';

let hosts: HttpsHosts;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let browser: ExtensionBrowser;
let cvPdf: Uint8Array;

const ext = (path: string) => `chrome-extension://${extensionId}/${path}`;

/** Two pages: links (an annotation and one written out), a 4 cm QR code on page 2, a VC-JWT attached. */
async function buildCv(vcJwt: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const one = doc.addPage([595.28, 841.89]);
  one.drawText('Jane Doe - Curriculum Vitae', { x: 50, y: 780, size: 18, font });
  one.drawText('Badge: Data Analysis with Python (click here)', { x: 50, y: 700, size: 10, font });
  linkAnnotation(doc, one, badgePage(IDS.good), [50, 698, 400, 712]);
  one.drawText(`Also: ${badgePage(IDS.revoked)}`, { x: 50, y: 680, size: 9, font });
  one.drawText('My homepage: https://jane-doe.example/', { x: 50, y: 660, size: 9, font });
  const two = doc.addPage([595.28, 841.89]);
  two.drawText('Certificate of Achievement - scan to verify', { x: 50, y: 780, size: 16, font });
  const qr = await doc.embedPng(await qrPng(badgePage(IDS.qr), 4));
  two.drawImage(qr, { x: 60, y: 520, width: 113, height: 113 });
  await doc.attach(new TextEncoder().encode(vcJwt), 'data-analysis.jwt', { mimeType: 'application/jwt', description: 'Digital credential' });
  return doc.save();
}

async function tabIdOf(url: string): Promise<number> {
  return worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, url);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  assertExtensionBuilt();
  const issuers = await createExtensionIssuers();
  cvPdf = await buildCv(issuers.vcJwt);
  hosts = new HttpsHosts();
  for (const [url, handler] of issuers.routes) hosts.routes.set(url, handler);
  hosts.routes.set(PROFILE, html(`<!doctype html><title>Jane Doe | LinkedIn</title><main><h1>Jane Doe</h1><p><a id="cv" href="${CV_URL}">Download my CV (PDF)</a></p></main>`));
  hosts.routes.set(CV_URL, bytes(cvPdf, 'application/pdf'));
  const port = await hosts.start();

  browser = await launchExtension({ port, profilePrefix: 'credlens-pdf-', viewport: { width: 1100, height: 900 } });
  ({ context, worker, extensionId } = browser);
  mkdirSync(SHOTS, { recursive: true });
});

test.afterAll(async () => {
  await browser?.close();
  await hosts?.stop();
});

test('context menu "Verify credentials in this PDF" on a CV link: the side panel lists every credential with its verdict and where it was found', async () => {
  test.setTimeout(120_000);
  const p = await context.newPage();
  await p.goto(PROFILE);
  const tabId = await tabIdOf(PROFILE);
  // A headless browser cannot open a context menu: this calls the very handler `contextMenus.onClicked` calls.
  const stored = await worker.evaluate(
    ([link, id, page]) =>
      (globalThis as unknown as { credlensContextMenuClick: (c: unknown, t: unknown) => Promise<{ kind: string; items: Array<{ location: { kind: string; page?: number }; report: { verdict: string } }> }> }).credlensContextMenuClick(
        { menuItemId: 'credlens-verify-pdf-link', linkUrl: link, pageUrl: page },
        { id, url: page },
      ),
    [CV_URL, tabId, PROFILE] as const,
  );
  expect(stored.kind).toBe('pdf');
  const found = stored.items.map((i) => `${i.location.kind}@${i.location.page ?? '-'}:${i.report.verdict}`).sort();
  // Without a trust list an authentic credential is "verified, with warnings"; the revoked badge is not valid.
  expect(found).toEqual(['annotation-link@1:warning', 'embedded-file@-:warning', 'qr@2:warning', 'text-link@1:invalid']);
  // The PDF was read by the offscreen document, never by the service worker: pdf.js is not loaded there.
  expect(await worker.evaluate(() => typeof (globalThis as { pdfjsLib?: unknown; pdfjsWorker?: unknown }).pdfjsWorker)).toBe('undefined');

  const panel = await context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(ext(`sidepanel.html?tab=${tabId}`));
  await expect(panel.locator('.pdf-head h2')).toHaveText('Credentials in this PDF');
  await expect(panel.locator('.pdf-summary')).toHaveText('4 credentials found: 3 verified with warnings, 1 not valid.');
  const items = panel.locator('.pdf-item');
  await expect(items).toHaveCount(4);
  await expect(panel.locator('.pdf-item[data-location=qr] .pdf-item-where')).toHaveText('Page 2 · QR code');
  await expect(panel.locator('.pdf-item[data-location=embedded-file] .pdf-item-where')).toHaveText('File attached to the PDF: data-analysis.jwt');
  await expect(panel.locator('.pdf-item[data-location=text-link] credlens-verdict-badge')).toHaveAttribute('state', 'invalid');
  // The homepage written in the CV is no credential: it is neither followed nor listed.
  expect(hosts.seen.some((u) => u.includes('jane-doe.example'))).toBe(false);

  // Each credential opens into the full report, drawn by the shared components.
  const revoked = panel.locator('.pdf-item[data-location=text-link]');
  await revoked.locator(':scope > summary').click();
  await expect(revoked.locator('credlens-check-list')).toContainText(/revoked/i);
  await expect(revoked.locator('.where')).toContainText('Page 1 · Link written in the PDF');
  const qr = panel.locator('.pdf-item[data-location=qr]');
  await qr.locator(':scope > summary').click();
  await expect(qr.locator('credlens-credential-card')).toContainText('Data Analysis with Python');
  await revoked.locator(':scope > summary').click();
  for (const scheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme: scheme });
    await panel.screenshot({ path: join(SHOTS, `sidepanel-pdf-${scheme}.png`), fullPage: true });
  }

  // The history has each credential of the PDF, with where it was found.
  const history = await context.newPage();
  await history.goto(ext('verifications.html'));
  await expect(history.locator('#history-rows')).toContainText('Page 2 · QR code');
  await expect(history.locator('#history-rows > tr:not(.report-row)')).toHaveCount(4);
  await Promise.all([history.close(), panel.close(), p.close()]);
});

test('popup: a dropped PDF lists its credentials; a password-protected PDF is explained in plain words', async () => {
  test.setTimeout(120_000);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 800 });
  await popup.goto(ext('popup.html'));
  const transfer = await popup.evaluateHandle((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], 'jane-doe-cv.pdf', { type: 'application/pdf' }));
    return dt;
  }, [...cvPdf]);
  await popup.locator('#drop').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(popup.locator('#result .pdf-summary')).toHaveText('4 credentials found: 3 verified with warnings, 1 not valid.', { timeout: 60_000 });
  await expect(popup.locator('#result .where').first()).toContainText('jane-doe-cv.pdf');
  const attached = popup.locator('.pdf-item[data-location=embedded-file]');
  await attached.locator(':scope > summary').click();
  await expect(attached.locator('credlens-verdict-badge[detailed]')).toHaveAttribute('state', 'warning');
  for (const scheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.screenshot({ path: join(SHOTS, `popup-pdf-${scheme}.png`), fullPage: true });
  }
  await popup.emulateMedia({ colorScheme: 'light' });

  await popup.setInputFiles('#file', { name: 'locked.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await encryptedPdf()) });
  await expect(popup.locator('#result .pdf-summary')).toHaveText('No credential found.');
  await expect(popup.locator('#result .finding[data-code=PDF_ENCRYPTED]')).toContainText('This PDF is protected by a password, so Credlens cannot look inside it.');
  await expect(popup.locator('#result .pdf-item')).toHaveCount(0);
  await popup.close();
});
