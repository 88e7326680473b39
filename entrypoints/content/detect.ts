import { isCredentialJson, isCredentialJwt } from '../shared/credential-text.js';
import type { SiteProfile } from './sites/index.js';

/** Maps a page link to the URL to verify, or `undefined` when it is not a credential link. */
export type RecogniseLink = (url: string) => string | undefined;

/**
 * Given the document's base URL, a cheap test on a link's raw `href`: `false` only for links that
 * `RecogniseLink` is certain to refuse, so that most links of a page are never parsed.
 */
export type LinkPrefilter = (base: string) => (rawHref: string) => boolean;

export type Candidate =
  | { kind: 'link'; element: Element; url: string }
  | { kind: 'text'; element: Element; text: string }
  | { kind: 'image'; element: HTMLImageElement; src: string }
  | { kind: 'canvas'; element: HTMLCanvasElement };

const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}(?:~[A-Za-z0-9_.-]*)*/g;
const IMAGE_HINT = /qr|badge|certif|credential|zertifikat|diplom|award|verif|micro-?cred|edc/i;
const MAX_TEXT = 256 * 1024;
const MIN_SIDE = 48;
const MAX_SIDE = 2000;
/** Elements or text nodes looked at between two chances for the caller to check its time budget. */
export const PROGRESS_EVERY = 200;

/** Follows the site's own redirector (`/redir/redirect?url=...`) to the real target. */
export function unwrapRedirect(href: string, site: SiteProfile, pageHost: string): string {
  try {
    const url = new URL(href);
    if (url.hostname !== pageHost) return href;
    for (const r of site.redirects) {
      if (url.pathname === r.path) {
        const target = url.searchParams.get(r.param);
        if (target) return target;
      }
    }
  } catch {
    // not a URL: left as is, recognition will refuse it
  }
  return href;
}

function sizeOf(element: Element): { w: number; h: number } {
  const rect = element.getBoundingClientRect();
  if (rect.width > 0 && rect.height > 0) return { w: rect.width, h: rect.height };
  // Not laid out (yet): fall back to declared dimensions.
  return { w: Number(element.getAttribute('width')) || 0, h: Number(element.getAttribute('height')) || 0 };
}

/** Square-ish and between thumbnail and poster size: where QR codes and badges are. */
export function plausibleCodeSize(w: number, h: number): boolean {
  if (w < MIN_SIDE || h < MIN_SIDE || w > MAX_SIDE || h > MAX_SIDE) return false;
  const ratio = w / h;
  return ratio > 0.75 && ratio < 1.34;
}

function isHidden(element: Element): boolean {
  const check = (element as Element & { checkVisibility?: () => boolean }).checkVisibility;
  return typeof check === 'function' && !check.call(element);
}

function inSiteSelector(element: Element, site: SiteProfile): boolean {
  return site.images.some((s) => {
    try {
      return element.matches(s.css);
    } catch {
      return false;
    }
  });
}

function imageHint(img: HTMLImageElement): boolean {
  return IMAGE_HINT.test(`${img.getAttribute('src') ?? ''} ${img.alt} ${img.title} ${img.className} ${img.id}`);
}

/**
 * Walks `root` and yields what may be a credential, lazily so that the caller can stop at a frame
 * deadline and resume later (no long tasks on big pages). Between finds it yields `undefined` every
 * `PROGRESS_EVERY` elements or text nodes, so a page without credentials is cut into slices too.
 * Pure DOM: no network, no decoding.
 */
export function* scanCandidates(
  root: Element,
  site: SiteProfile,
  recognise: RecogniseLink,
  pageUrl: string,
  prefilter?: LinkPrefilter,
): Generator<Candidate | undefined> {
  const pageHost = safeHost(pageUrl);
  const worthParsing = prefilter?.(root.ownerDocument.baseURI ?? pageUrl);
  const elements = root.querySelectorAll('a[href], img, canvas, pre, code, textarea');
  for (let i = -1; i < elements.length; i++) {
    if (i % PROGRESS_EVERY === PROGRESS_EVERY - 1) yield undefined;
    const element = i < 0 ? root : (elements[i] as Element);
    const tag = element.localName;
    if (tag === 'a') {
      if (worthParsing && !worthParsing(element.getAttribute('href') ?? '')) continue;
      const href = (element as HTMLAnchorElement).href || element.getAttribute('href') || '';
      const url = recognise(unwrapRedirect(href, site, pageHost));
      if (url) yield { kind: 'link', element, url };
    } else if (tag === 'img') {
      const img = element as HTMLImageElement;
      const src = img.currentSrc || img.src;
      if (!src || !/^https:/i.test(src) || isHidden(img)) continue;
      const { w, h } = sizeOf(img);
      if (plausibleCodeSize(w, h) && (inSiteSelector(img, site) || imageHint(img))) yield { kind: 'image', element: img, src };
    } else if (tag === 'canvas') {
      const { w, h } = sizeOf(element);
      if (plausibleCodeSize(w, h) && !isHidden(element)) yield { kind: 'canvas', element: element as HTMLCanvasElement };
    } else if (tag === 'pre' || tag === 'code' || tag === 'textarea') {
      if (tag === 'code' && element.parentElement?.localName === 'pre') continue;
      const text = tag === 'textarea' ? (element as HTMLTextAreaElement).value : (element.textContent ?? '');
      if (text.length > MAX_TEXT) continue;
      if (isCredentialJson(text)) yield { kind: 'text', element, text: text.trim() };
      // Text nodes inside a textarea are its default value only; what is shown is `value`.
      else if (tag === 'textarea') for (const token of credentialJwts(text)) yield { kind: 'text', element, text: token };
    }
  }
  yield* scanTextNodes(root);
}

/** JWTs and SD-JWTs pasted in running text. */
function* scanTextNodes(root: Element): Generator<Candidate | undefined> {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++seen % PROGRESS_EVERY === 0) yield undefined;
    const value = node.nodeValue ?? '';
    if (value.length < 60 || !value.includes('eyJ')) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, noscript, credlens-mark, textarea')) continue;
    for (const token of credentialJwts(value)) yield { kind: 'text', element: parent, text: token };
  }
}

function credentialJwts(text: string): string[] {
  if (!text.includes('eyJ')) return [];
  return [...text.matchAll(JWT)].map((m) => m[0]).filter((t) => t.length <= MAX_TEXT && isCredentialJwt(t));
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
