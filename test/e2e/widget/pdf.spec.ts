import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CV_PATH } from '../../../demo/server.js';
import { ROOT, expect, settledState, test } from './fixtures.js';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** The demo CV (built at start-up): two links in its text, a clickable link, two credential files attached to the PDF. */
async function cvBytes(board: string): Promise<Buffer> {
  return Buffer.from(await (await fetch(board + CV_PATH)).arrayBuffer());
}

test.describe('an applicant attaches credentials from a CV (PDF)', () => {
  test('dropping a CV PDF lists every credential in it with its verdict and where it was found', async ({ page, demo, csp }) => {
    await page.goto(`${demo.board}/jobs`);
    const el = page.locator('credlens-verifier[name=credential]');
    const pdf = await cvBytes(demo.board);
    // A real drop: a DataTransfer holding the file, dropped on the drop zone.
    const transfer = await page.evaluateHandle((bytes) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], 'anna-kowalska-cv.pdf', { type: 'application/pdf' }));
      return data;
    }, [...pdf]);
    await el.locator('[part=dropzone]').dispatchEvent('drop', { dataTransfer: transfer });

    const items = el.locator('li.found-item');
    await expect(items).toHaveCount(5, { timeout: 30_000 });
    await expect(el.locator('.pdf-summary')).toContainText('5 credentials found in anna-kowalska-cv.pdf');
    const rows = await items.evaluateAll((lis) =>
      lis.map((li) => ({
        verdict: li.getAttribute('data-verdict'),
        kind: li.getAttribute('data-kind'),
        title: li.querySelector('.found-title')?.textContent?.trim(),
        where: li.querySelector('.found-where')?.textContent?.trim(),
        disabled: (li.querySelector('input[type=checkbox]') as HTMLInputElement).disabled,
      })),
    );
    const byTitle = (text: string) => rows.find((r) => r.title?.includes(text));
    expect(byTitle('Data Analysis with Python')).toMatchObject({ verdict: 'verified', kind: 'text-link', disabled: false });
    expect(byTitle('Data Analysis with Python')?.where).toMatch(/^page 1 · link in the text · http:\/\/127\.0\.0\.1:\d+\/credentials\/vc-jwt-valid$/);
    expect(byTitle('Agile Team Leadership')).toMatchObject({ verdict: 'verified', kind: 'annotation-link' });
    expect(byTitle('Data Visualisation')).toMatchObject({ verdict: 'verified', kind: 'embedded-file', where: 'file attached to the PDF · europass-data-visualisation.json' });
    expect(byTitle('Statistics')).toMatchObject({ verdict: 'verified', kind: 'embedded-file' });
    // The revoked certificate is listed, with its verdict, and cannot be attached.
    expect(byTitle('English for Professional Purposes')).toMatchObject({ verdict: 'invalid', kind: 'text-link', disabled: true });
    await expect(items.filter({ hasText: 'English for Professional Purposes' })).toContainText('Cannot be attached');
    // The personal website in the CV is not a credential and is never listed.
    expect(rows.some((r) => r.where?.includes('anna-kowalska.example'))).toBe(false);
    // Each verdict is in words.
    for (const label of await items.locator('credlens-verdict-badge [part=label]').allTextContents()) expect(label.trim()).not.toBe('');
    // The details of one credential open with every check.
    const toggle = items.filter({ hasText: 'Data Visualisation' }).locator('button.toggle');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(items.filter({ hasText: 'Data Visualisation' }).locator('credlens-check-list li').first()).toBeVisible();
    expect(csp).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
  });

  test('choosing two credentials from the CV submits both, and the board re-verifies each', async ({ page, demo }) => {
    await page.goto(`${demo.board}/jobs`);
    await page.fill('#applicant', 'Anna Kowalska');
    await page.fill('#email', 'anna@example.org');
    const el = page.locator('credlens-verifier[name=credential]');
    await el.locator('input[type=file]').setInputFiles({ name: 'anna-kowalska-cv.pdf', mimeType: 'application/pdf', buffer: await cvBytes(demo.board) });
    const items = el.locator('li.found-item');
    await expect(items).toHaveCount(5, { timeout: 30_000 });

    // Nothing is chosen yet: a required field is not satisfied and the form does not submit.
    const formEntries = () => page.evaluate(() => new FormData(document.querySelector('form.apply') as HTMLFormElement).getAll('credential').map((v) => (typeof v === 'string' ? v.slice(0, 60) : `file:${v.name}`)));
    expect(await formEntries()).toEqual([]);
    expect(await el.evaluate((node) => (node as unknown as { validity: ValidityState }).validity.valueMissing)).toBe(true);
    await expect(el).not.toHaveAttribute('state');

    await items.filter({ hasText: 'Agile Team Leadership' }).getByRole('checkbox').check();
    await items.filter({ hasText: 'Data Visualisation' }).getByRole('checkbox').check();
    await expect(el).toHaveAttribute('state', 'verified');
    await expect(el.locator('.pdf')).toContainText('2 of 5 attached');
    const entries = await formEntries();
    expect(entries).toHaveLength(2);
    // In document order: the link to the badge, and the Europass seal as attached to the PDF (its text).
    expect(entries.some((v) => /^http:\/\/127\.0\.0\.1:\d+\/credentials\/ob3-di-valid$/.test(v))).toBe(true);
    expect(entries.some((v) => /^\{\s*"payload"/.test(v))).toBe(true);

    await page.getByRole('button', { name: 'Send application' }).click();
    await expect(page).toHaveURL(/\/jobs\/apply$/);
    const verdicts = page.locator('main .verdict');
    await expect(verdicts).toHaveCount(2);
    expect(await verdicts.allTextContents()).toEqual(['verified', 'verified']);
    expect(await settledState(page, 'main li:nth-child(2) credlens-verifier')).toBe('verified');
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe-core finds no violations in the list of credentials found in a CV (${scheme})`, async ({ browser, demo }) => {
      const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${demo.board}/jobs`);
      const el = page.locator('credlens-verifier[name=credential]');
      await el.locator('input[type=file]').setInputFiles({ name: 'anna-kowalska-cv.pdf', mimeType: 'application/pdf', buffer: await cvBytes(demo.board) });
      const items = el.locator('li.found-item');
      await expect(items).toHaveCount(5, { timeout: 30_000 });
      await items.filter({ hasText: 'Agile Team Leadership' }).getByRole('checkbox').check();
      await items.filter({ hasText: 'English for Professional Purposes' }).locator('button.toggle').click();
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
      });
      expect(violations).toEqual([]);
      await context.close();
    });
  }
});
