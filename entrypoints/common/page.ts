import { LANGS, loadLanguage, toLang } from '../../components/index.js';
import { readSettings } from './settings-browser.js';
import { bytesToBase64 } from './wallet.js';

type Child = Node | string | undefined | false;

/** Builds DOM from text only (nothing from a credential or a page is ever parsed as HTML). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (key === 'text') node.textContent = String(value);
    else if (key === 'className') node.className = String(value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children) if (child !== undefined && child !== false) node.append(child);
  return node;
}

/** The report language chosen in the settings, on the page's root (the components follow `lang`). */
export async function applyLanguage(): Promise<void> {
  const settings = await readSettings().catch(() => undefined);
  const chosen = settings && settings.language !== 'auto' ? settings.language : navigator.language.split('-')[0];
  document.documentElement.lang = (LANGS as string[]).includes(chosen ?? '') ? (chosen as string) : 'en';
  // Fetch the language's pack now, so the report components render in it at once.
  await loadLanguage(toLang(document.documentElement.lang));
}

/** Offers a file to save (exports). */
export function download(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function fileBase64(file: File): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

export function formatWhen(ms: number): string {
  return new Date(ms).toLocaleString(document.documentElement.lang || undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function hostOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** A long identifier (a did:jwk is hundreds of characters) shortened for display; the full one stays in the title. */
export function shortId(id: string, max = 48): string {
  return id.length <= max ? id : `${id.slice(0, max - 12)}…${id.slice(-8)}`;
}

/** Plain words for a verdict, in the extension's own lists (the badge component shows the rest). */
export const VERDICT_WORDS: Record<string, string> = {
  verified: 'Verified',
  warning: 'Verified, with warnings',
  invalid: 'Not valid',
  unverifiable: 'Could not be checked',
  pending: 'Checking',
};
