import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CV_PATH } from '../../../demo/server.js';
import { EXAMPLES } from '../../../demo/examples.js';
import { SCREENSHOTS_DIR } from '../../support/screenshots.js';
import { expect, expectedVerdict, settledState, test } from './fixtures.js';

/**
 * Screenshots for people to judge: test-results/screenshots, or docs/screenshots with
 * CREDLENS_SCREENSHOTS=1. Each is taken only once the widget shows what it should (the verdict the
 * example deserves, in words, with its checks), so a broken widget fails here instead of being
 * photographed.
 */
const OUT = SCREENSHOTS_DIR;
const example = (id: string) => EXAMPLES.find((e) => e.id === id)!;

/** The element settled on the verdict `id` deserves, says it in words and lists its checks. */
async function shows(page: Page, selector: string, id: string): Promise<void> {
  expect(await settledState(page, selector), id).toBe(await expectedVerdict(example(id)));
  const el = page.locator(selector);
  await expect(el.locator('credlens-verdict-badge [part=label]').first()).not.toHaveText('');
  await expect(el.locator('credlens-check-list li[data-code]').first()).toBeAttached();
}

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
        await shows(page, 'credlens-verifier', id);
        if (id === 'vc-jwt-no-cors') await expect(page.locator('credlens-verifier [part=notice]')).toContainText('does not let other websites read it');
        await page.locator('credlens-verifier').screenshot({ path: join(OUT, `widget-${name}-${scheme}-${width}.png`) });
      }
      await page.goto(`${demo.board}/verify?compact&src=${encodeURIComponent(`${demo.issuer}/credentials/vc-jwt-valid`)}`);
      expect(await settledState(page, 'credlens-verifier')).toBe(await expectedVerdict(example('vc-jwt-valid')));
      await expect(page.locator('credlens-verifier [part~=toggle]')).toHaveAttribute('aria-expanded', 'false');
      await page.locator('credlens-verifier').screenshot({ path: join(OUT, `widget-compact-${scheme}-${width}.png`) });
      await page.goto(`${demo.board}/jobs`);
      const el = page.locator('credlens-verifier[name=credential]');
      await expect(el.getByRole('button', { name: 'Choose a file' })).toBeVisible();
      await page.screenshot({ path: join(OUT, `demo-jobs-${scheme}-${width}.png`), fullPage: true });
      await el.locator('textarea').fill(`${demo.issuer}/credentials/ob3-jose-valid`);
      await el.getByRole('button', { name: 'Verify' }).click();
      await shows(page, 'credlens-verifier[name=credential]', 'ob3-jose-valid');
      await expect(el).toContainText(`Attached: ${demo.issuer}/credentials/ob3-jose-valid`);
      await el.screenshot({ path: join(OUT, `widget-upload-attached-${scheme}-${width}.png`) });
      await page.goto(`${demo.board}/examples`);
      for (const each of EXAMPLES) expect(await settledState(page, `li[data-example="${each.id}"] credlens-verifier`), each.id).toBe(await expectedVerdict(each));
      await page.screenshot({ path: join(OUT, `demo-examples-${scheme}-${width}.png`), fullPage: true });
      await context.close();
    }
  }
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${demo.board}/verify?lang=de&theme=dark&src=${encodeURIComponent(`${demo.issuer}/credentials/vc-jwt-revoked`)}`);
  await shows(page, 'credlens-verifier', 'vc-jwt-revoked');
  await expect(page.locator('credlens-verifier credlens-verdict-badge [part=label]').first()).toHaveText('Ungültig');
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
      for (const id of ['edc-valid', 'edc-tampered', 'edc-revoked', 'edc-expired']) expect(await settledState(page, `li[data-example="${id}"] credlens-verifier`), id).toBe(await expectedVerdict(example(id)));
      await page.locator('li[data-example="edc-valid"] [part~=toggle]').click();
      await expect(page.locator('li[data-example="edc-valid"] credlens-credential-card')).toBeVisible();
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
      await expect(el.locator('.meta', { hasText: 'attached' })).toContainText('2 of 5 attached');
      await el.screenshot({ path: join(OUT, `widget-pdf-list-${scheme}-${width}.png`) });
      await items.filter({ hasText: 'English for Professional Purposes' }).locator('button.toggle').click();
      await expect(items.filter({ hasText: 'English for Professional Purposes' })).toHaveAttribute('data-verdict', 'invalid');
      await expect(items.filter({ hasText: 'English for Professional Purposes' }).locator('credlens-check-list li.fail').first()).toBeVisible();
      await items.filter({ hasText: 'English for Professional Purposes' }).screenshot({ path: join(OUT, `widget-pdf-invalid-open-${scheme}-${width}.png`) });
      await context.close();
    }
  }
});
