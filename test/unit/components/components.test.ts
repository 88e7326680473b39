// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import '../../../components/check-list.js';
import '../../../components/credential-card.js';
import '../../../components/verdict-badge.js';
import { define } from '../../../components/define.js';
import { codeSummary, toLang, LANGS, type Lang, type Messages } from '../../../components/i18n/index.js';
import { de } from '../../../components/i18n/de.js';
import { en } from '../../../components/i18n/en.js';
import { es } from '../../../components/i18n/es.js';
import { fr } from '../../../components/i18n/fr.js';
import { it as itMessages } from '../../../components/i18n/it.js';
import { pl } from '../../../components/i18n/pl.js';
import { safeImage, safeLink } from '../../../components/safe.js';
import { valueText } from '../../../components/format.js';
import { blockedByNetwork, trustTierOf } from '../../../components/report-facts.js';
import { CODES, MICROCREDENTIAL_ELEMENTS, type Check, type VerificationReport } from '../../../lib/index.js';

async function mount<T extends HTMLElement>(tag: string, props: Record<string, unknown> = {}, attrs: Record<string, string> = {}): Promise<T> {
  const el = document.createElement(tag) as T & { updateComplete: Promise<unknown> };
  Object.assign(el, props);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const text = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

describe('verdict badge', () => {
  it('never shows a state by colour alone: each state has its own words and icon', async () => {
    const seen = new Set<string>();
    for (const state of ['verified', 'warning', 'invalid', 'unverifiable', 'pending']) {
      const el = await mount('credlens-verdict-badge', {}, { state });
      const label = el.shadowRoot!.querySelector('[part=label]')!.textContent!;
      expect(label.length).toBeGreaterThan(3);
      seen.add(label + el.shadowRoot!.querySelector('[part=icon]')!.innerHTML.replace(/<!--.*?-->/g, ''));
    }
    expect(seen.size).toBe(5);
  });

  it('speaks the language of its lang attribute and falls back to English', async () => {
    expect(text(await mount('credlens-verdict-badge', {}, { state: 'invalid', lang: 'de' }))).toContain('Ungültig');
    expect(text(await mount('credlens-verdict-badge', {}, { state: 'invalid', lang: 'pl-PL' }))).toContain('Nieważne');
    expect(text(await mount('credlens-verdict-badge', {}, { state: 'invalid', lang: 'xx' }))).toContain('Invalid');
  });
});

describe('check list', () => {
  it('shows the whole plan at once and fills in checks as they finish', async () => {
    const el = await mount<HTMLElement & { checks: Array<Check | undefined>; updateComplete: Promise<unknown> }>('credlens-check-list', {
      planned: [{ id: 'input' }, { id: 'proof' }, { id: 'status' }],
    });
    expect(el.shadowRoot!.querySelectorAll('li').length).toBe(3);
    expect(el.shadowRoot!.querySelectorAll('li.pending').length).toBe(3);
    el.checks = [{ id: 'input', status: 'pass', code: 'INPUT_READ', message: 'Read a JWT' }];
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('li.pending').length).toBe(2);
    expect(el.shadowRoot!.querySelector('li.pass [part=why]')!.textContent).toBe(CODES.INPUT_READ.summary);
  });

  it('explains a failed check with the code summary and its message, as text', async () => {
    const el = await mount('credlens-check-list', {
      checks: [{ id: 'status', status: 'fail', code: 'TRUST_UNTRUSTED', message: '<img src=x onerror=alert(1)> revoked' }],
    });
    const li = el.shadowRoot!.querySelector('li.fail')!;
    expect(li.querySelector('[part=title]')!.textContent).toBe('Revocation status');
    expect(li.querySelector('[part=message]')!.textContent).toBe('<img src=x onerror=alert(1)> revoked');
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
  });
});

describe('credential card', () => {
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const profile = {
    complete: false,
    claimsMicrocredential: true,
    elements: Object.fromEntries(MICROCREDENTIAL_ELEMENTS.map((e) => [e, { present: e !== 'workload', value: e === 'title' ? 'Cloud security' : e === 'workload' ? null : 'x' }])),
    missing: ['workload'],
  } as unknown as NonNullable<VerificationReport['microcredential']>;

  it('renders markup from a credential as text and loads no unsafe image or link', async () => {
    const el = await mount('credlens-credential-card', {
      credential: {
        types: ['VerifiableCredential'],
        title: hostile,
        description: hostile,
        image: 'javascript:alert(1)',
        issuer: { name: hostile, url: 'javascript:alert(1)', country: 'DE' },
        subject: { name: hostile },
      },
    });
    expect(el.shadowRoot!.querySelector('script')).toBeNull();
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    expect(el.shadowRoot!.querySelector('a')).toBeNull();
    expect(el.shadowRoot!.querySelector('[part=title]')!.textContent).toBe(hostile);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('shows issuer trust tier and country, and the eleven EU elements with what is missing', async () => {
    const el = await mount(
      'credlens-credential-card',
      {
        credential: { types: [], title: 'Cloud security', image: 'https://issuer.example/badge.png', issuer: { name: 'Uni', country: 'FR', url: 'https://uni.example' } },
        microcredential: profile,
        trustTier: 'trusted',
      },
      { lang: 'en' },
    );
    const root = el.shadowRoot!;
    expect(root.querySelector('img')!.getAttribute('src')).toBe('https://issuer.example/badge.png');
    expect(root.querySelector('a')!.getAttribute('href')).toBe('https://uni.example/');
    expect(root.querySelector('[part=tier]')!.textContent).toBe('On a trust list');
    expect(text(el)).toContain('(FR)');
    expect(root.querySelectorAll('tbody tr').length).toBe(11);
    expect(root.querySelector('tr[data-element=workload] td')!.textContent).toContain('Missing');
    expect(text(el)).toContain('Missing: Workload (ECTS)');
  });
});

describe('safety and helpers', () => {
  it('allows only https links and https or inline PNG/JPEG/SVG images', () => {
    expect(safeLink('https://a.example/x')).toBe('https://a.example/x');
    expect(safeLink('http://a.example/x')).toBeUndefined();
    expect(safeLink('javascript:alert(1)')).toBeUndefined();
    expect(safeImage('data:image/png;base64,AAAA')).toBe('data:image/png;base64,AAAA');
    expect(safeImage('data:image/svg+xml;base64,AAAA')).toBe('data:image/svg+xml;base64,AAAA');
    expect(safeImage('data:text/html;base64,AAAA')).toBeUndefined();
    expect(safeImage('data:image/gif;base64,AAAA')).toBeUndefined();
  });

  it('tolerates a second registration of the same element (two scripts on one page)', () => {
    const first = customElements.get('credlens-verdict-badge');
    expect(first).toBeDefined();
    const second = class extends HTMLElement {};
    expect(() => define('credlens-verdict-badge', second)).not.toThrow();
    // The first registration wins; the second class is not registered under the name.
    expect(customElements.get('credlens-verdict-badge')).toBe(first);
    expect(customElements.get('credlens-verdict-badge')).not.toBe(second);
  });

  it('has every UI string in every language and falls back to the registry for code summaries', () => {
    const packs: Record<Lang, Messages> = { en, de, fr, es, it: itMessages, pl };
    const keys = (o: object): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v).map((s) => `${k}.${s}`) : [k]));
    const english = keys(en).sort();
    for (const lang of LANGS) expect(keys(packs[lang]).sort(), lang).toEqual(english);
    expect(codeSummary('PROOF_VALID', 'en')).toBe(CODES.PROOF_VALID.summary);
    expect(codeSummary('NOT_A_CODE', 'de')).toBe('NOT_A_CODE');
    expect(toLang('es-MX')).toBe('es');
  });

  it('reduces structured credential values to one line of text', () => {
    expect(valueText({ en: 'Five ECTS', de: 'Fünf ECTS' })).toBe('Five ECTS');
    expect(valueText([{ name: 'a' }, { name: 'b' }])).toBe('a; b');
  });

  it('reads the trust tier from the trust check and recognises a browser-blocked read', () => {
    const report: VerificationReport = {
      verdict: 'unverifiable',
      format: 'unknown',
      verifiedAt: '2026-01-01T00:00:00Z',
      checks: [{ id: 'input', status: 'warn', code: 'INPUT_FETCH_FAILED', message: 'Could not reach x: Failed to fetch', details: { io: { code: 'IO_NETWORK', url: 'https://issuer.example/badge' } } }],
    };
    expect(blockedByNetwork(report)).toBe(true);
    expect(blockedByNetwork({ ...report, checks: [{ id: 'input', status: 'warn', code: 'INPUT_FETCH_FAILED', message: 'x answered HTTP 404', details: { io: { code: 'IO_HTTP_STATUS', url: 'https://issuer.example/badge', httpStatus: 404 } } }] })).toBe(false);
    expect(trustTierOf({ ...report, checks: [{ id: 'trust', status: 'pass', code: 'TRUST_LISTED', message: '', details: { tier: 'trusted', consulted: [] } }] })).toBe('trusted');
    // The English message alone decides nothing: only the recorded I/O code does.
    expect(blockedByNetwork({ ...report, checks: [{ id: 'input', status: 'warn', code: 'INPUT_FETCH_FAILED', message: 'Could not reach x: Failed to fetch' }] })).toBe(false);
  });
});
