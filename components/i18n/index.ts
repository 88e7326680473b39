import { CODES, type CheckCode } from '../../lib/codes/index.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { pl } from './pl.js';
import { LANGS } from './langs.js';
import type { Lang, Messages } from './types.js';

export type { Lang, Messages } from './types.js';

export const MESSAGES: Record<Lang, Messages> = { en, de, fr, es, it, pl };
export { LANGS };

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

export function messages(lang: Lang): Messages {
  return MESSAGES[lang];
}

/** A check's title by id, humanised when no language names it. */
export function checkTitle(id: string, lang: Lang): string {
  return MESSAGES[lang].checks[id] ?? en.checks[id] ?? humanise(id);
}

/** The plain-language meaning of a check code: the language's, else English, else the code registry. */
export function codeSummary(code: string, lang: Lang): string {
  const registry = Object.prototype.hasOwnProperty.call(CODES, code) ? CODES[code as CheckCode].summary : undefined;
  return MESSAGES[lang].codes[code] ?? en.codes[code] ?? registry ?? code;
}

/** Fills `{name}` placeholders with text (never markup). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

function humanise(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
