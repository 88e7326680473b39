import type { Lang } from './i18n/index.js';

/** A date as the reader's language writes it; the raw text when it is not a date. */
export function formatDate(value: string | undefined, lang: Lang): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

export function formatDateTime(value: string | undefined, lang: Lang): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  } catch {
    return date.toISOString();
  }
}

const LABEL_KEYS = ['name', 'title', 'prefLabel', 'label', '@value', 'value', 'description', 'id'];
const MAX_TEXT = 400;

/**
 * A credential value (string, number, language map, object, list) as one line of plain text for
 * display. Never markup: the result goes into text nodes only.
 */
export function valueText(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return clip(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (depth > 3) return '…';
  if (Array.isArray(value)) return clip(value.map((v) => valueText(v, depth + 1)).filter(Boolean).join('; '));
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of LABEL_KEYS) {
      if (record[key] !== undefined) {
        const text = valueText(record[key], depth + 1);
        if (text) return text;
      }
    }
    const languages = Object.keys(record).filter((k) => /^[a-z]{2}(-[A-Za-z]{2})?$/.test(k));
    if (languages.length) return valueText(record[languages.includes('en') ? 'en' : languages[0]!], depth + 1);
    const pairs = Object.entries(record)
      .filter(([k, v]) => !k.startsWith('@') && v !== null && typeof v !== 'object')
      .map(([k, v]) => `${k}: ${String(v)}`);
    return clip(pairs.join(', '));
  }
  return '';
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat;
}

/** The country as the reader's language names it, with the code; the code when unknown. */
export function countryName(code: string | undefined, lang: Lang): string | undefined {
  if (!code) return undefined;
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper)) return code;
  try {
    const name = new Intl.DisplayNames([lang], { type: 'region' }).of(upper);
    return name && name !== upper ? `${name} (${upper})` : upper;
  } catch {
    return upper;
  }
}

/** Long unbroken tokens (DIDs, keys, URLs) shortened in the middle so messages stay readable. */
export function shortenTokens(text: string, max = 56): string {
  return text.replace(/\S{57,}/g, (token) => (token.length > max ? `${token.slice(0, 32)}…${token.slice(-12)}` : token));
}
