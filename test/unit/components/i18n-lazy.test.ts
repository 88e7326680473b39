// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CredlensCheckList } from '../../../components/check-list.js';
import '../../../components/verdict-badge.js';
import { isLanguageLoaded, loadLanguage } from '../../../components/i18n/index.js';
import { LANGUAGE_WAIT_MS } from '../../../components/localized-element.js';
import { CODES, type Check } from '../../../lib/index.js';

// The Polish explanations arrive only when the test says so: a pack on a slow connection.
const polish = vi.hoisted(() => {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { gate, release: () => release() };
});
vi.mock('../../../components/i18n/codes/pl.js', async (importOriginal) => {
  await polish.gate;
  return importOriginal();
});

type CheckList = CredlensCheckList & { updateComplete: Promise<unknown> };
const revoked: Check = { id: 'status', status: 'fail', code: 'STATUS_REVOKED', message: 'Bit 7 of the list is set' };
const why = (el: Element) => el.shadowRoot?.querySelector('[part=why]')?.textContent ?? '';

function place(lang: string, checks: Check[]): CheckList {
  const el = document.createElement('credlens-check-list') as CheckList;
  el.checks = checks;
  el.setAttribute('lang', lang);
  document.body.append(el);
  return el;
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('language packs load on demand', () => {
  it('keeps every language but English out until asked for', () => {
    expect(isLanguageLoaded('en')).toBe(true);
    for (const lang of ['de', 'fr', 'es', 'it', 'pl'] as const) expect(isLanguageLoaded(lang), lang).toBe(false);
  });

  it('never renders a German check list in English first: the first render waits for the pack', async () => {
    const render = CredlensCheckList.prototype.render;
    const packInAtRender: boolean[] = [];
    vi.spyOn(CredlensCheckList.prototype, 'render').mockImplementation(function (this: CredlensCheckList) {
      packInAtRender.push(isLanguageLoaded('de'));
      return render.call(this);
    });
    const el = place('de', [revoked]);
    await el.updateComplete;
    expect(packInAtRender.length).toBeGreaterThan(0);
    expect(packInAtRender.every(Boolean)).toBe(true);
    expect(why(el)).toBe('Die Statusliste, die der Nachweis nennt, führt ihn als widerrufen (das gilt auch, wenn die Liste selbst nicht authentifiziert werden konnte).');
    expect(el.shadowRoot!.querySelector('[part=title]')!.textContent).toBe('Widerrufsstatus');
  });

  it('shows English when the pack is slow, then the same list in Polish once it arrives', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const el = place('pl', [revoked]);
    await vi.advanceTimersByTimeAsync(LANGUAGE_WAIT_MS);
    await el.updateComplete;
    expect(why(el)).toBe(CODES.STATUS_REVOKED.summary);
    expect(isLanguageLoaded('pl')).toBe(false);

    polish.release();
    expect(await loadLanguage('pl')).toBe(true);
    await el.updateComplete;
    expect(why(el)).toBe('Lista statusów wskazana przez poświadczenie oznacza je jako unieważnione (uwzględniane także wtedy, gdy samej listy nie udało się uwierzytelnić).');
    expect(el.shadowRoot!.querySelector('[part=status]')!.textContent).toBe('Niezaliczona');
  });

  it('switches language when lang changes, loading the new pack first', async () => {
    const el = place('de', [revoked]);
    await el.updateComplete;
    el.setAttribute('lang', 'fr');
    await el.updateComplete;
    expect(why(el)).toBe('La liste de statut que nomme le justificatif le marque comme révoqué (pris en compte même si la liste elle-même n’a pas pu être authentifiée).');
  });

  it('speaks English for an unsupported language without loading anything', async () => {
    const el = place('xx', [revoked]);
    await el.updateComplete;
    expect(why(el)).toBe(CODES.STATUS_REVOKED.summary);
  });
});
