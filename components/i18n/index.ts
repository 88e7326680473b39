import { CODES, type CheckCode } from '../../lib/codes/index.js';
import { en } from './en.js';
import { LANGS } from './langs.js';
import type { CodeMessages, Lang, Messages } from './types.js';

export type { CodeMessages, Lang, Messages } from './types.js';
export { LANGS };

/** One language: its UI strings and the plain-language meaning of each check code. */
export interface LanguagePack {
  messages: Messages;
  codes: CodeMessages;
}

/**
 * Every language but English loads on demand, each in its own chunk, so a page pays only for the
 * language it shows. English is inline: the synchronous fallback while a pack is on its way (its
 * code meanings are the registry's own summaries).
 */
const LOADERS: Record<Exclude<Lang, 'en'>, () => Promise<LanguagePack>> = {
  de: () => Promise.all([import('./de.js'), import('./codes/de.js')]).then(([m, c]) => ({ messages: m.de, codes: c.codes })),
  fr: () => Promise.all([import('./fr.js'), import('./codes/fr.js')]).then(([m, c]) => ({ messages: m.fr, codes: c.codes })),
  es: () => Promise.all([import('./es.js'), import('./codes/es.js')]).then(([m, c]) => ({ messages: m.es, codes: c.codes })),
  it: () => Promise.all([import('./it.js'), import('./codes/it.js')]).then(([m, c]) => ({ messages: m.it, codes: c.codes })),
  pl: () => Promise.all([import('./pl.js'), import('./codes/pl.js')]).then(([m, c]) => ({ messages: m.pl, codes: c.codes })),
};

const loaded = new Map<Lang, LanguagePack>([['en', { messages: en, codes: {} }]]);
const loading = new Map<Lang, Promise<boolean>>();

/** Whether a language's pack is in, so `messages` and `codeSummary` answer in it rather than in English. */
export function isLanguageLoaded(lang: Lang): boolean {
  return loaded.has(lang);
}

/**
 * Loads a language's pack once (later calls share the first load). Resolves `true` when the pack
 * is in, `false` when it could not be loaded (a blocked chunk): English stays, nothing throws.
 */
export function loadLanguage(lang: Lang): Promise<boolean> {
  if (loaded.has(lang)) return Promise.resolve(true);
  let pending = loading.get(lang);
  if (!pending) {
    pending = LOADERS[lang as Exclude<Lang, 'en'>]()
      .then((pack) => {
        loaded.set(lang, pack);
        return true;
      })
      .catch(() => false);
    loading.set(lang, pending);
  }
  return pending;
}

/** Maps a BCP 47 tag (`de-AT`, `pl`, `en_GB`) to a supported language, English otherwise. */
export function toLang(tag: string | null | undefined): Lang {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGS as string[]).includes(primary) ? (primary as Lang) : 'en';
}

/**
 * The language for an element: its own or nearest ancestor's `lang` attribute (inside the
 * light DOM), then the document's, then the browser's.
 */
export function langFor(element: Element): Lang {
  const own = element.closest('[lang]')?.getAttribute('lang');
  if (own) return toLang(own);
  const doc = element.ownerDocument?.documentElement?.getAttribute('lang');
  if (doc) return toLang(doc);
  return toLang(typeof navigator === 'undefined' ? undefined : navigator.language);
}

/** The UI strings of a language, English until its pack has loaded (see `loadLanguage`). */
export function messages(lang: Lang): Messages {
  return (loaded.get(lang) ?? loaded.get('en')!).messages;
}

/** A check's title by id, humanised when no language names it. */
/** The name of a credential format in the language (the format id itself for one not named yet). */
export function formatName(format: string, lang: Lang): string {
  return (messages(lang).formats as Record<string, string>)[format] ?? (en.formats as Record<string, string>)[format] ?? format;
}

export function checkTitle(id: string, lang: Lang): string {
  return messages(lang).checks[id] ?? en.checks[id] ?? humanise(id);
}

/** The plain-language meaning of a check code: the language's, else the registry's English, else the code itself. */
export function codeSummary(code: string, lang: Lang): string {
  const own = Object.prototype.hasOwnProperty.call(CODES, code);
  return (own ? loaded.get(lang)?.codes[code as CheckCode] : undefined) ?? (own ? CODES[code as CheckCode].summary : code);
}

/** Fills `{name}` placeholders with text (never markup). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

function humanise(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
