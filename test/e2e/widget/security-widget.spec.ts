import type { Page } from '@playwright/test';
import { expect, hostPage, hostPageWithCredential, settledState, test } from './fixtures.js';

/**
 * The widget on a hostile credential: every URL-shaped field holds `javascript:` or `data:text/html`,
 * every text field holds markup. Nothing runs, nothing becomes a live link or image, and a `src`
 * that points into the visitor's network is refused by the widget's own network policy.
 */

const PWN = 'window.__pwned=(window.__pwned||0)+1';

const hostile = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: `javascript:${PWN}`,
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: {
    id: 'did:example:issuer',
    type: ['Profile'],
    name: `Issuer <iframe src="javascript:${PWN}"></iframe>`,
    url: `javascript:${PWN}`,
    image: { id: `data:text/html,<script>${PWN}</script>`, type: 'Image' },
    email: `"><img src=x onerror="${PWN}">@example.org`,
  },
  name: `Badge <img src=x onerror="${PWN}"><script>${PWN}</script>`,
  description: `<a href="data:text/html,<script>${PWN}</script>">details</a>`,
  image: { id: `data:text/html;base64,${Buffer.from(`<script>${PWN}</script>`).toString('base64')}`, type: 'Image' },
  validFrom: '2024-01-01T00:00:00Z',
  credentialSubject: {
    id: 'did:example:learner',
    type: ['AchievementSubject'],
    name: `<svg onload="${PWN}"></svg>`,
    achievement: {
      id: `javascript:${PWN}`,
      type: ['Achievement'],
      name: `<object data="javascript:${PWN}"></object>`,
      description: '<style>*{display:none}</style>',
      criteria: { id: `data:text/html,<script>${PWN}</script>`, narrative: `<embed src="javascript:${PWN}">` },
      image: { id: `javascript:${PWN}`, type: 'Image' },
    },
  },
  evidence: [{ id: `javascript:${PWN}`, type: ['Evidence'], name: `<a href="javascript:${PWN}">evidence</a>`, description: '<img src=x>' }],
};

async function renderedFacts(page: Page) {
  return page.evaluate(() => {
    const el = document.querySelector('credlens-verifier')!;
    const roots: ShadowRoot[] = [el.shadowRoot!];
    const walk = (root: ShadowRoot) =>
      root.querySelectorAll('*').forEach((n) => {
        if (n.shadowRoot) {
          roots.push(n.shadowRoot);
          walk(n.shadowRoot);
        }
      });
    walk(el.shadowRoot!);
    const all = roots.flatMap((r) => Array.from(r.querySelectorAll('*')));
    const urls = all.flatMap((n) => ['href', 'src', 'data', 'action', 'formaction', 'xlink:href'].map((a) => n.getAttribute(a)).filter((v): v is string => v !== null));
    return {
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      dangerousElements: all.filter((n) => ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'STYLE'].includes(n.tagName) && !n.closest('[data-credlens-own]')).map((n) => n.tagName),
      unsafeUrls: urls.filter((u) => /^\s*(javascript|data:text\/html|data:image\/svg|vbscript):/i.test(u) || /^\s*data:text\/html/i.test(u)),
      eventHandlers: all.flatMap((n) => Array.from(n.attributes).filter((a) => a.name.startsWith('on')).map((a) => `${n.tagName}@${a.name}`)),
      text: roots.map((r) => r.textContent ?? '').join(' '),
    };
  });
}

test.describe('a hostile credential in the widget', () => {
  test('javascript: and data:text/html links in every URL field render as inert text, markup in every text field as text', async ({ page, csp }) => {
    await hostPageWithCredential(page, JSON.stringify(hostile));
    const state = await settledState(page, 'credlens-verifier');
    expect(['invalid', 'unverifiable']).toContain(state);
    // Open every details section the widget has, so that everything it can render is rendered.
    for (const toggle of await page.locator('credlens-verifier').locator('button, summary').all()) await toggle.click({ trial: false }).catch(() => undefined);
    await page.waitForTimeout(300);
    const facts = await renderedFacts(page);
    expect(facts.pwned).toBeUndefined();
    expect(facts.unsafeUrls).toEqual([]);
    expect(facts.eventHandlers).toEqual([]);
    // Lit may keep its own <style> in shadow roots; what matters is none came from the credential.
    expect(facts.dangerousElements.filter((t) => t !== 'STYLE')).toEqual([]);
    // The content was rendered (as text), so the checks above looked at something.
    expect(facts.text).toContain('Badge <img src=x onerror=');
    expect(csp).toEqual([]);
  });

  test('a src pointing into the visitor\'s network is refused by the widget, no request leaves the page for it', async ({ page }) => {
    const contacted: string[] = [];
    page.on('request', (r) => {
      if (/169\.254\.169\.254|127\.0\.0\.1:9|192\.168\./.test(r.url())) contacted.push(r.url());
    });
    // The widget's own defaults (no development network setting).
    await hostPage(page, '<credlens-verifier src="https://169.254.169.254/latest/meta-data/"></credlens-verifier><credlens-verifier id="b" src="https://192.168.1.1/credential.json"></credlens-verifier>', ['/widget/credlens-verifier.js']);
    expect(await settledState(page, 'credlens-verifier')).toBe('invalid');
    expect(await settledState(page, '#b')).toBe('invalid');
    expect(contacted).toEqual([]);
  });
});
