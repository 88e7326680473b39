import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES } from '../../../demo/examples.js';
import { codes as deCodes } from '../../../components/i18n/codes/de.js';
import type { CheckCode } from '../../../lib/codes/index.js';
import { ROOT, expect, expectedVerdict, hostPage, hostPageWithCredential, settledState, test, widgetLoaded } from './fixtures.js';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

test.describe('a recruiter looks at the example credentials', () => {
  test('each example shows the verdict its credential deserves', async ({ page, demo, csp }) => {
    await page.goto(`${demo.board}/examples`);
    for (const example of EXAMPLES) {
      const selector = `li[data-example="${example.id}"] credlens-verifier`;
      const state = await settledState(page, selector);
      expect(state, example.id).toBe(await expectedVerdict(example));
      // The verdict is in words, not colour alone.
      // The element's own badge (a presentation also has one per credential it carries).
      const label = page.locator(selector).locator('credlens-verdict-badge [part=label]').first();
      await expect(label).not.toHaveText('');
    }
    expect(csp).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
  });

  test('an issuer that blocks cross-origin reads is explained, not called fake', async ({ page, demo }) => {
    await page.goto(`${demo.board}/examples`);
    const el = page.locator('li[data-example="vc-jwt-no-cors"] credlens-verifier');
    expect(await settledState(page, 'li[data-example="vc-jwt-no-cors"] credlens-verifier')).toBe('unverifiable');
    await expect(el.locator('[part=notice]')).toContainText('does not let other websites read it');
  });
});

test.describe('a job board embeds the element', () => {
  test('credlens-verified fires with the report and state is reflected', async ({ page, demo, csp }) => {
    await hostPage(page, '<p>Host</p>');
    await widgetLoaded(page);
    const result = await page.evaluate(async (src) => {
      const el = document.createElement('credlens-verifier');
      const event = new Promise<CustomEvent>((resolve) => document.body.addEventListener('credlens-verified', (e) => resolve(e as CustomEvent), { once: true }));
      el.setAttribute('src', src);
      document.querySelector('main')!.append(el);
      const e = await event;
      const report = (el as unknown as { report: { verdict: string; checks: unknown[] } }).report;
      return { detailVerdict: e.detail.verdict, checks: e.detail.checks.length, same: e.detail === report, state: el.getAttribute('state'), composed: e.composed, bubbles: e.bubbles };
    }, `${demo.issuer}/credentials/vc-jwt-valid`);
    expect(result.same).toBe(true);
    expect(result.composed && result.bubbles).toBe(true);
    expect(result.state).toBe(result.detailVerdict);
    expect(result.checks).toBeGreaterThan(0);
    expect(csp).toEqual([]);
  });

  test('works on a host page with a strict CSP (no inline script, no eval, no inline style)', async ({ page, demo, csp }) => {
    await hostPage(page, `<credlens-verifier src="${demo.issuer}/credentials/vc-jwt-tampered"></credlens-verifier>`);
    const state = await settledState(page, 'credlens-verifier');
    expect(['invalid', 'unverifiable']).toContain(state);
    await expect(page.locator('credlens-verifier credlens-check-list li').first()).toBeVisible();
    expect(csp).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
  });

  test('two copies of the script on one page do not break each other', async ({ page, demo, csp }) => {
    await hostPage(page, `<credlens-verifier src="${demo.issuer}/credentials/vc-jwt-valid"></credlens-verifier>`, [
      '/host.js',
      '/widget/credlens-verifier.js?copy=2',
    ]);
    await settledState(page, 'credlens-verifier');
    expect(await page.evaluate(() => customElements.get('credlens-verifier') !== undefined)).toBe(true);
    expect(csp).toEqual([]);
  });

  test('markup inside a credential is shown as text and runs nothing', async ({ page, csp }) => {
    const hostile = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential'],
      issuer: { id: 'did:example:issuer', name: 'Evil <img src=x onerror="window.__pwned=1">' },
      name: 'Certificate <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>',
      description: '<a href="javascript:window.__pwned=3">click</a>',
      image: 'javascript:window.__pwned=4',
      validFrom: '2024-01-01T00:00:00Z',
      credentialSubject: { id: 'did:example:learner', name: '<svg onload="window.__pwned=5">' },
    };
    await hostPageWithCredential(page, JSON.stringify(hostile));
    await settledState(page, 'credlens-verifier');
    const facts = await page.evaluate(() => {
      const el = document.querySelector('credlens-verifier')!;
      const roots: ShadowRoot[] = [];
      const walk = (root: ShadowRoot | Document) => {
        root.querySelectorAll('*').forEach((n) => {
          if (n.shadowRoot) {
            roots.push(n.shadowRoot);
            walk(n.shadowRoot);
          }
        });
      };
      walk(el.shadowRoot!);
      roots.unshift(el.shadowRoot!);
      const count = (sel: string) => roots.reduce((sum, r) => sum + r.querySelectorAll(sel).length, 0);
      const text = roots.map((r) => r.textContent ?? '').join(' ');
      return {
        pwned: (window as unknown as { __pwned?: number }).__pwned,
        scripts: count('script'),
        imgs: count('img'),
        javascriptLinks: count('a[href^="javascript"]'),
        hasTitleAsText: text.includes('<script>window.__pwned=2</script>'),
      };
    });
    expect(facts.pwned).toBeUndefined();
    expect(facts.scripts).toBe(0);
    expect(facts.imgs).toBe(0);
    expect(facts.javascriptLinks).toBe(0);
    const hasCard = await page.locator('credlens-verifier credlens-credential-card').count();
    if (hasCard) expect(facts.hasTitleAsText).toBe(true);
    expect(csp).toEqual([]);
  });
});

test.describe('a German job board', () => {
  test('lang="de" explains every check in German, loading the German pack and no other', async ({ page, demo }) => {
    const packs = new Set<string>();
    page.on('request', (request) => {
      const pack = /\/chunks\/(de|fr|es|it|pl)-[A-Z0-9]+\.js$/.exec(request.url());
      if (pack) packs.add(pack[1]!);
    });
    await page.goto(`${demo.board}/verify?lang=de&src=${encodeURIComponent(`${demo.issuer}/credentials/vc-jwt-revoked`)}`);
    expect(await settledState(page, 'credlens-verifier')).toBe(await expectedVerdict(EXAMPLES.find((e) => e.id === 'vc-jwt-revoked')!));
    const revoked = page.locator('credlens-verifier credlens-check-list li[data-code="STATUS_REVOKED"]');
    await expect(revoked.locator('[part=title]')).toHaveText('Widerrufsstatus');
    await expect(revoked.locator('[part=why]')).toHaveText('Die Statusliste, die der Nachweis nennt, führt ihn als widerrufen (das gilt auch, wenn die Liste selbst nicht authentifiziert werden konnte).');
    await expect(page.locator('credlens-verifier credlens-verdict-badge [part=label]').first()).toHaveText('Ungültig');
    const rows = await page.locator('credlens-verifier credlens-check-list li[data-code]').all();
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      const code = (await row.getAttribute('data-code')) as CheckCode;
      await expect(row.locator('[part=why]'), code).toHaveText(deCodes[code]!);
    }
    expect([...packs]).toEqual(['de']);
  });
});

test.describe('an applicant attaches a credential', () => {
  test('by picking a file', async ({ page, demo }) => {
    await page.goto(`${demo.board}/jobs`);
    const body = await (await fetch(`${demo.issuer}/credentials/vc-jwt-expired`)).text();
    const el = page.locator('credlens-verifier[name=credential]');
    await el.locator('input[type=file]').setInputFiles({ name: 'certificate.jwt', mimeType: 'application/jwt', buffer: Buffer.from(body) });
    const state = await settledState(page, 'credlens-verifier[name=credential]');
    expect(state).toBe(await expectedVerdict(EXAMPLES.find((e) => e.id === 'vc-jwt-expired')!));
    await expect(el).toContainText('certificate.jwt');
  });

  test('by pasting the credential text', async ({ page, demo }) => {
    await page.goto(`${demo.board}/jobs`);
    const body = await (await fetch(`${demo.issuer}/credentials/ob3-jose-valid`)).text();
    const el = page.locator('credlens-verifier[name=credential]');
    await el.locator('textarea').fill(body);
    await el.getByRole('button', { name: 'Verify' }).click();
    const state = await settledState(page, 'credlens-verifier[name=credential]');
    expect(state).toBe(await expectedVerdict(EXAMPLES.find((e) => e.id === 'ob3-jose-valid')!));
  });

  test('by a link, with the keyboard only', async ({ page, demo }) => {
    await page.goto(`${demo.board}/jobs`);
    const el = page.locator('credlens-verifier[name=credential]');
    await expect(el.getByRole('button', { name: 'Choose a file' })).toBeVisible();
    await page.locator('#email').focus();
    await page.keyboard.press('Tab');
    await expect(el.getByRole('button', { name: 'Choose a file' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(el.getByRole('textbox')).toBeFocused();
    await page.keyboard.type(`${demo.issuer}/credentials/vc-jwt-revoked`);
    await page.keyboard.press('Tab'); // "Verify"
    await page.keyboard.press('Enter');
    const state = await settledState(page, 'credlens-verifier[name=credential]');
    expect(state).toBe(await expectedVerdict(EXAMPLES.find((e) => e.id === 'vc-jwt-revoked')!));
    // The verdict is announced through a live region.
    await expect(page.locator('credlens-verifier[name=credential] [role=status]')).not.toHaveText('');
    // Focus moves to "Remove", which brings the upload back.
    await expect(page.locator('credlens-verifier[name=credential]').getByRole('button', { name: 'Remove' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('credlens-verifier[name=credential]')).not.toHaveAttribute('state');
    await expect(page.locator('credlens-verifier[name=credential]').getByRole('button', { name: 'Choose a file' })).toBeFocused();
  });

  test('the details of a compact result open with the keyboard', async ({ page, demo }) => {
    await page.goto(`${demo.board}/examples`);
    const selector = 'li[data-example="vc-jwt-valid"] credlens-verifier';
    await settledState(page, selector);
    const toggle = page.locator(selector).locator('[part~=toggle]');
    await toggle.focus();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator(selector).locator('credlens-check-list')).toBeVisible();
  });

  test('required blocks submission until a credential is attached', async ({ page, demo }) => {
    await page.goto(`${demo.board}/jobs`);
    await page.fill('#applicant', 'Anna Kowalska');
    await page.fill('#email', 'anna@example.org');
    await page.getByRole('button', { name: 'Send application' }).click();
    await expect(page).toHaveURL(/\/jobs$/);
    const missing = await page.locator('credlens-verifier[name=credential]').evaluate((el) => (el as unknown as { validity: ValidityState }).validity.valueMissing);
    expect(missing).toBe(true);
  });

  test('the form submits the credential and the board re-verifies it on its server', async ({ page, demo }) => {
    await page.goto(`${demo.board}/jobs`);
    await page.fill('#applicant', 'Anna Kowalska');
    await page.fill('#email', 'anna@example.org');
    const link = `${demo.issuer}/credentials/vc-jwt-valid`;
    const el = page.locator('credlens-verifier[name=credential]');
    await el.locator('textarea').fill(link);
    await el.getByRole('button', { name: 'Verify' }).click();
    await settledState(page, 'credlens-verifier[name=credential]');
    await page.getByRole('button', { name: 'Send application' }).click();
    await expect(page).toHaveURL(/\/jobs\/apply$/);
    await expect(page.locator('h1')).toContainText('Anna Kowalska');
    await expect(page.locator('main')).toContainText('the server verified it again');
    expect(await page.locator('credlens-verifier').first().getAttribute('credential')).toBe(link);
  });
});

test.describe('accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe-core finds no violations on the job board and the examples (${scheme})`, async ({ browser, demo }) => {
      const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
      const page = await context.newPage();
      for (const path of ['/examples', '/jobs']) {
        await page.goto(`${demo.board}${path}`);
        if (path === '/examples') {
          for (const example of EXAMPLES) await settledState(page, `li[data-example="${example.id}"] credlens-verifier`);
          // Open some details so the card, the EU table and the check list are audited too.
          for (const id of ['vc-jwt-valid', 'ob3-jose-valid', 'vc-jwt-tampered']) await page.locator(`li[data-example="${id}"] [part~=toggle]`).click();
        } else {
          const el = page.locator('credlens-verifier[name=credential]');
          await el.locator('textarea').fill(`${demo.issuer}/credentials/vc-jwt-valid`);
          await el.getByRole('button', { name: 'Verify' }).click();
          await settledState(page, 'credlens-verifier[name=credential]');
        }
        await page.evaluate(AXE);
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
        });
        expect(violations, path).toEqual([]);
      }
      await context.close();
    });
  }
});
