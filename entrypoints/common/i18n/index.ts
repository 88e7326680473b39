import { fill, toLang, type Lang } from '../../../components/index.js';
import { de } from './de.js';
import { en, type LearnerMessages } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { pl } from './pl.js';

export type { LearnerMessages };

/** Every language the reports speak, for the extension's own registry and wallet strings (a missing key is a type error). */
export const PACKS: Record<Lang, LearnerMessages> = { en, de, fr, es, it, pl };

/** The strings in the page's language (`<html lang>`, set from the settings by applyLanguage). */
export function strings(lang: string = typeof document === 'undefined' ? 'en' : document.documentElement.lang): LearnerMessages {
  return PACKS[toLang(lang)];
}

export { fill };
