import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { SCREENSHOTS_DIR } from '../../support/screenshots.js';
import { expect, settledState, test } from './fixtures.js';

/**
 * A recruiter opens a learner's presentation in the widget (docs/presentations.md "Display"): the
 * holder, whether the holder signed it, and each credential it carries with its own verdict, about
 * the holder, with its card and checks on demand. The presentations are the demo's (demo/rule-examples.ts).
 */

/** The holder the served presentation names (DI: `holder`; VP-JWT: `iss`), read from the raw file. */
async function holderOf(url: string): Promise<string> {
  const text = (await (await fetch(url)).text()).trim();
  if (text.startsWith('{')) return (JSON.parse(text) as { holder: string }).holder;
  return (JSON.parse(Buffer.from(text.split('.')[1] as string, 'base64url').toString('utf8')) as { iss: string }).iss;
}

/** What a person sees of the holder: the view shortens long identifiers to their start and end. */
function shown(did: string): string {
  return did.length > 56 ? did.slice(0, 32) : did;
}

async function openPresentation(page: Page, src: string): Promise<Locator> {
  await page.goto(src);
  expect(await settledState(page, 'credlens-verifier')).toBe('verified');
  return page.locator('credlens-verifier credlens-presentation-view');
}

test.describe('a recruiter opens a learner’s presentation', () => {
  test('a presentation with a Data Integrity proof shows the holder and each credential’s verdict', async ({ page, demo, csp }) => {
    const src = `${demo.issuer}/credentials/vp-di`;
    const view = await openPresentation(page, `${demo.board}/verify?src=${encodeURIComponent(src)}`);
    const holder = view.locator('[part=holder]');
    await expect(holder).toContainText('Holder');
    await expect(holder).toContainText(shown(await holderOf(src)));
    await expect(holder).toContainText('Signed by the holder');
    await expect(holder).toContainText('demo-jobs-application-7f3a');
    await expect(view.getByRole('heading', { name: 'Credentials (2)' })).toBeVisible();
    const items = view.locator('[part=credential]');
    await expect(items).toHaveCount(2);
    for (const item of await items.all()) {
      await expect(item.locator('credlens-verdict-badge')).toHaveAttribute('state', 'verified');
      await expect(item).toContainText('About the holder');
    }
    await expect(items.nth(0)).toContainText('Agile Team Leadership');
    // Opening one credential shows its own checks, with its own proof.
    await items.nth(0).locator('summary').first().click();
    await expect(items.nth(0).locator('credlens-check-list li').first()).toBeVisible();
    await expect(items.nth(0).locator('credlens-check-list')).toContainText(/signature|proof/i);
    expect(csp).toEqual([]);
  });

  test('a VP-JWT shows the holder and its credential’s verdict', async ({ page, demo, csp }) => {
    const src = `${demo.issuer}/credentials/vp-jwt`;
    const view = await openPresentation(page, `${demo.board}/verify?src=${encodeURIComponent(src)}`);
    await expect(view.locator('[part=holder]')).toContainText(shown(await holderOf(src)));
    await expect(view.locator('[part=holder]')).toContainText('Signed by the holder');
    const items = view.locator('[part=credential]');
    await expect(items).toHaveCount(1);
    await expect(items.first().locator('credlens-verdict-badge')).toHaveAttribute('state', 'verified');
    await expect(items.first()).toContainText('Certificate in Project Management Basics');
    await expect(items.first()).toContainText('About the holder');
    expect(csp).toEqual([]);
  });

  test('an enveloped credential is opened and says how it was enveloped', async ({ page, demo }) => {
    const view = await openPresentation(page, `${demo.board}/verify?src=${encodeURIComponent(`${demo.issuer}/credentials/vp-enveloped`)}`);
    const item = view.locator('[part=credential]').first();
    await expect(item.locator('credlens-verdict-badge')).toHaveAttribute('state', 'verified');
    await expect(item).toContainText('enveloped as application/vc+jwt');
  });

  test('a VP-JWT pasted by an applicant shows the same, and one whose holder was changed is invalid', async ({ page, demo }) => {
    // The job board's attach field (a secure context: Web Crypto needs one).
    const token = (await (await fetch(`${demo.issuer}/credentials/vp-jwt`)).text()).trim();
    const paste = async (text: string): Promise<Locator> => {
      await page.goto(`${demo.board}/jobs`);
      const el = page.locator('credlens-verifier[name=credential]');
      await el.locator('textarea').fill(text);
      await el.getByRole('button', { name: 'Verify' }).click();
      return el;
    };
    let el = await paste(token);
    expect(await settledState(page, 'credlens-verifier[name=credential]')).toBe('verified');
    await expect(el.locator('credlens-presentation-view [part=credential]')).toHaveCount(1);

    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { vp: { holder: string } };
    claims.vp.holder = 'did:example:someone-else';
    el = await paste(`${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`);
    expect(await settledState(page, 'credlens-verifier[name=credential]')).toBe('invalid');
    await expect(el.locator('credlens-presentation-view [part=holder]')).not.toContainText('Signed by the holder');
  });
});

/**
 * Screenshots for people to judge, like screenshots.spec.ts: into test-results/screenshots, or
 * docs/screenshots with CREDLENS_SCREENSHOTS=1. Each is taken once the view shows a verified presentation.
 */
test('presentation view screenshots: light and dark, 360 and 1200 px', async ({ browser, demo }) => {
  test.setTimeout(200_000);
  const out = SCREENSHOTS_DIR;
  mkdirSync(out, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [1200, 360]) {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
      const page = await context.newPage();
      for (const id of ['vp-di', 'vp-jwt']) {
        const view = await openPresentation(page, `${demo.board}/verify?src=${encodeURIComponent(`${demo.issuer}/credentials/${id}`)}`);
        await expect(view.locator('[part=holder]')).toBeVisible();
        if (id === 'vp-di') await view.locator('[part=credential] summary').first().click();
        await page.locator('credlens-verifier').screenshot({ path: join(out, `widget-presentation-${id}-${scheme}-${width}.png`) });
      }
      // The examples page sections this issue added: the hard cases and the presentations.
      await page.goto(`${demo.board}/examples`);
      for (const section of ['rules', 'presentations']) {
        for (const id of await page.locator(`section#${section} li[data-example]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-example')))) {
          await settledState(page, `li[data-example="${id}"] credlens-verifier`);
        }
        await page.locator(`section#${section}`).screenshot({ path: join(out, `demo-examples-${section}-${scheme}-${width}.png`) });
      }
      await context.close();
    }
  }
});
