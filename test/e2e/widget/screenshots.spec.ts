import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CV_PATH } from '../../../demo/server.js';
import { EXAMPLES } from '../../../demo/examples.js';
import { ROOT, expect, settledState, test } from './fixtures.js';

/** Screenshots for people to judge (docs/screenshots). Run with CREDLENS_SCREENSHOTS=1. */
const OUT = join(ROOT, 'docs/screenshots');
test.skip(!process.env.CREDLENS_SCREENSHOTS, 'set CREDLENS_SCREENSHOTS=1 to write docs/screenshots');

const VERDICTS: Array<[string, string]> = [
  ['verified', 'vc-jwt-valid'],
  ['warning', 'ob3-jose-valid'],
  ['invalid-tampered', 'vc-jwt-tampered'],
  ['invalid-revoked', 'vc-jwt-revoked'],
  ['invalid-expired', 'ob3-jose-expired'],
  ['unverifiable-cors', 'vc-jwt-no-cors'],
  ['hostile-text', 'vc-jwt-hostile'],
];

test('widget screenshots: every verdict, compact, upload, light and dark, 360 and 1200 px', async ({ browser, demo }) => {
  test.setTimeout(400_000);
  mkdirSync(OUT, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [1200, 360]) {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
      const page = await context.newPage();
      for (const [name, id] of VERDICTS) {
        if (width === 360 && !['verified', 'invalid-tampered', 'warning'].includes(name)) continue;
        const origin = id === 'vc-jwt-no-cors' ? demo.issuerNoCors : demo.issuer;
        await page.goto(`${demo.board}/verify?src=${encodeURIComponent(`${origin}/credentials/${id}`)}`);
        await settledState(page, 'credlens-verifier');
        await page.locator('credlens-verifier').screenshot({ path: join(OUT, `widget-${name}-${scheme}-${width}.png`) });
      }
      await page.goto(`${demo.board}/verify?compact&src=${encodeURIComponent(`${demo.issuer}/credentials/vc-jwt-valid`)}`);
      await settledState(page, 'credlens-verifier');
      await page.locator('credlens-verifier').screenshot({ path: join(OUT, `widget-compact-${scheme}-${width}.png`) });
      await page.goto(`${demo.board}/jobs`);
      await page.screenshot({ path: join(OUT, `demo-jobs-${scheme}-${width}.png`), fullPage: true });
      const el = page.locator('credlens-verifier[name=credential]');
      await el.locator('textarea').fill(`${demo.issuer}/credentials/ob3-jose-valid`);
      await el.getByRole('button', { name: 'Verify' }).click();
      await settledState(page, 'credlens-verifier[name=credential]');
      await el.screenshot({ path: join(OUT, `widget-upload-attached-${scheme}-${width}.png`) });
      await page.goto(`${demo.board}/examples`);
      for (const example of EXAMPLES) await settledState(page, `li[data-example="${example.id}"] credlens-verifier`);
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(OUT, `demo-examples-${scheme}-${width}.png`), fullPage: true });
      await context.close();
    }
  }
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${demo.board}/verify?lang=de&theme=dark&src=${encodeURIComponent(`${demo.issuer}/credentials/vc-jwt-revoked`)}`);
  await settledState(page, 'credlens-verifier');
  await page.locator('credlens-verifier').screenshot({ path: join(OUT, 'widget-invalid-revoked-de-theme-dark.png') });
  await context.close();
});

test('examples page sections and the PDF list: light and dark, 360 and 1200 px', async ({ browser, demo }) => {
  test.setTimeout(300_000);
  mkdirSync(OUT, { recursive: true });
  const cv = Buffer.from(await (await fetch(demo.board + CV_PATH)).arrayBuffer());
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [1200, 360]) {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
      const page = await context.newPage();
      // One format group with a credential opened: the Europass micro-credential and its eleven EU elements.
      await page.goto(`${demo.board}/examples`);
      for (const id of ['edc-valid', 'edc-tampered', 'edc-revoked', 'edc-expired']) await settledState(page, `li[data-example="${id}"] credlens-verifier`);
      await page.locator('li[data-example="edc-valid"] [part~=toggle]').click();
      await page.locator('section#edc').screenshot({ path: join(OUT, `demo-examples-edc-${scheme}-${width}.png`) });
      await page.locator('section#baked').screenshot({ path: join(OUT, `demo-examples-baked-${scheme}-${width}.png`) });

      // The applicant drops a CV: the credentials found, two chosen, one opened.
      await page.goto(`${demo.board}/jobs`);
      const el = page.locator('credlens-verifier[name=credential]');
      await el.locator('input[type=file]').setInputFiles({ name: 'anna-kowalska-cv.pdf', mimeType: 'application/pdf', buffer: cv });
      const items = el.locator('li.found-item');
      await expect(items).toHaveCount(5, { timeout: 30_000 });
      await items.filter({ hasText: 'Agile Team Leadership' }).getByRole('checkbox').check();
      await items.filter({ hasText: 'Data Visualisation' }).getByRole('checkbox').check();
      await el.screenshot({ path: join(OUT, `widget-pdf-list-${scheme}-${width}.png`) });
      await items.filter({ hasText: 'English for Professional Purposes' }).locator('button.toggle').click();
      await items.filter({ hasText: 'English for Professional Purposes' }).screenshot({ path: join(OUT, `widget-pdf-invalid-open-${scheme}-${width}.png`) });
      await context.close();
    }
  }
});
