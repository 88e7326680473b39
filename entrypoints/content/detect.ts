import { isCredentialJson, isCredentialJwt } from '../common/credential-text.js';
import { isCredentialSectionHeading, isShowCredentialLabel, mayBeLabel } from './sites/labels.js';
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
  | { kind: 'canvas'; element: HTMLCanvasElement }
  /** A link no platform claims, in a credential context: the background's discovery decides. */
  | { kind: 'candidate'; element: Element; url: string };

/** How the credential contexts of a page were found. */
export type ContextsVia = 'structure' | 'meaning' | 'none';

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
  const leaves = leavesSite(root.ownerDocument, site, pageHost);
  // Whether a link in `root` may lead off the site to no platform: only such a link can be a
  // discovery candidate, so without one the context search below has nothing to find.
  let offSite = false;
  const elements = root.querySelectorAll('a[href], img, canvas, pre, code, textarea');
  for (let i = -1; i < elements.length; i++) {
    if (i % PROGRESS_EVERY === PROGRESS_EVERY - 1) yield undefined;
    const element = i < 0 ? root : (elements[i] as Element);
    const tag = element.localName;
    if (tag === 'a') {
      const raw = element.getAttribute('href') ?? '';
      if (worthParsing && !worthParsing(raw)) {
        offSite ||= leaves(raw);
        continue;
      }
      const href = (element as HTMLAnchorElement).href || raw;
      const url = recognise(unwrapRedirect(href, site, pageHost));
      if (url) yield { kind: 'link', element, url };
      else offSite ||= leaves(raw);
    } else if (tag === 'img') {
      const img = element as HTMLImageElement;
      const src = img.currentSrc || img.src;
      if (!src || !/^https:/i.test(src) || isHidden(img)) continue;
      const { w, h } = sizeOf(img);
      if (!plausibleCodeSize(w, h)) continue;
      const hinted = imageHint(img);
      if (hinted || inSiteSelector(img, site)) yield { kind: 'image', element: img, src };
      // A link wrapping a badge image, or right beside it, is a credential context of its own.
      if (hinted) {
        const link = img.closest('a[href]') ?? img.parentElement?.querySelector(':scope > a[href]');
        const url = link ? candidateUrl(link, site, pageHost, recognise) : undefined;
        if (link && url) yield { kind: 'candidate', element: link, url };
      }
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
  const contextLinks = new Set<Element>();
  const meaning = offSite ? yield* scanContexts(root, site, recognise, pageUrl, pageHost, contextLinks) : false;
  // The meaning-based fallback finds "Show credential" buttons and section headings by their text in
  // the text-node walk below (it visits every text node anyway): no second pass over a big page.
  yield* scanTextNodes(root, meaning ? { site, recognise, pageHost, seen: contextLinks } : undefined);
}

const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
const SECTION_OF_HEADING = 'section, [role="region"], article, [role="listitem"], li';

function safeQueryAll(root: Element | Document, css: string): Element[] {
  try {
    return [...root.querySelectorAll(css)];
  } catch {
    return [];
  }
}

/**
 * A cheap test on a link's raw `href`: `false` only when the link certainly stays on the page's host
 * (a relative link, no `<base>` elsewhere, none of the site's redirectors), so it is no candidate.
 */
export function leavesSite(doc: Document, site: SiteProfile, pageHost: string): (rawHref: string) => boolean {
  if (safeHost(doc.baseURI) !== pageHost) return () => true;
  const redirectors = (site.redirects ?? []).map((r) => r.path);
  return (raw) => {
    const href = raw.trimStart();
    const c = href.charCodeAt(0);
    // Protocol-relative: "//", or a backslash in place of either slash (browsers read it the same);
    // "h"/"H": http(s) (no other scheme is https).
    const second = href.charCodeAt(1);
    if ((c === 47 && (second === 47 || second === 92)) || c === 92 || c === 104 || c === 72) return true;
    return redirectors.some((path) => href.startsWith(path));
  };
}

/** The site's structural credential contexts touching `root`: around it or inside it. */
function structuralContexts(root: Element, site: SiteProfile, pageUrl: string): Element[] {
  const selectors = (site.contexts ?? []).filter(({ path }) => !path || path.test(pathOf(pageUrl))).map(({ css }) => css);
  if (selectors.length === 0) return [];
  // All selectors in one list: one walk over a big page instead of one per selector.
  const combined = selectors.join(', ');
  try {
    return root.closest(combined) ? [root] : [...root.querySelectorAll(combined)];
  } catch {
    // One selector this browser cannot parse (e.g. `:has()`) spoils the list: each on its own then.
    return selectors.flatMap((css) => {
      try {
        return root.closest(css) ? [root] : [...root.querySelectorAll(css)];
      } catch {
        return [];
      }
    });
  }
}

/** A page that should show credentials (a profile, a CV) by the site's `profilePages`. */
export function isProfilePage(site: SiteProfile, pageUrl: string): boolean {
  return site.profilePages ? site.profilePages.test(pathOf(pageUrl)) : false;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/**
 * The meaning-based way in: sections whose heading (or accessible name) names certifications in
 * one of the UI languages, and links labelled "Show credential" (text or `aria-label`).
 */
function meaningContexts(root: Element, by: 'everything' | 'attributes' = 'everything'): { sections: Element[]; buttons: Element[] } {
  if (by === 'attributes') return meaningByAttributes(root);
  const sections = new Set<Element>();
  for (const heading of safeQueryAll(root, HEADINGS)) {
    if (!isCredentialSectionHeading(heading.textContent)) continue;
    sections.add(heading.closest(SECTION_OF_HEADING) ?? heading.parentElement ?? heading);
  }
  for (const region of safeQueryAll(root, 'section[aria-label], [role="region"][aria-label], section[aria-labelledby]')) {
    const labelledBy = region.getAttribute('aria-labelledby');
    const name = region.getAttribute('aria-label') ?? (labelledBy ? region.ownerDocument.getElementById(labelledBy)?.textContent : undefined);
    if (isCredentialSectionHeading(name)) sections.add(region);
  }
  const buttons: Element[] = [];
  for (const link of safeQueryAll(root, 'a[href]')) {
    if (isShowCredentialLabel(link.getAttribute('aria-label')) || isShowCredentialLabel(link.textContent)) buttons.push(link);
  }
  return { sections: [...sections], buttons };
}

const NAMED = 'section[aria-label], section[aria-labelledby], [role="region"][aria-label], a[href][aria-label]';

/** The meaning-based contexts named by attributes (ARIA region names, links' `aria-label`), in one query. */
function meaningByAttributes(root: Element): { sections: Element[]; buttons: Element[] } {
  const sections: Element[] = [];
  const buttons: Element[] = [];
  for (const element of safeQueryAll(root, NAMED)) {
    if (element.localName === 'a') {
      if (isShowCredentialLabel(element.getAttribute('aria-label'))) buttons.push(element);
      continue;
    }
    const labelledBy = element.getAttribute('aria-labelledby');
    const name = element.getAttribute('aria-label') ?? (labelledBy ? element.ownerDocument.getElementById(labelledBy)?.textContent : undefined);
    if (isCredentialSectionHeading(name)) sections.push(element);
  }
  return { sections, buttons };
}

/**
 * Which way in finds credential contexts on the whole page: the structural selectors, else (on a
 * page that should have credentials) the meaning-based fallback, else none. The popup reports it.
 */
export function credentialContextsVia(doc: Document, site: SiteProfile, pageUrl: string): ContextsVia {
  if (!doc.body) return 'none';
  if (structuralContexts(doc.body, site, pageUrl).length > 0) return 'structure';
  const meaning = meaningContexts(doc.body);
  return meaning.sections.length > 0 || meaning.buttons.length > 0 ? 'meaning' : 'none';
}

/** The URL a context link points to, when it is worth discovery: https, off the site itself, no platform's. */
function candidateUrl(link: Element, site: SiteProfile, pageHost: string, recognise: RecogniseLink): string | undefined {
  const href = (link as HTMLAnchorElement).href || link.getAttribute('href') || '';
  const target = unwrapRedirect(href, site, pageHost);
  if (!/^https:\/\//i.test(target) || target.length > 4096) return undefined;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return undefined;
  }
  // The site's own navigation (company pages, other profiles) is no issuer.
  if (url.hostname === pageHost || recognise(url.href)) return undefined;
  return url.href;
}

/** Whether the whole page has structural contexts, remembered briefly: re-rendered subtrees arrive in bursts. */
const pageHasStructure = new WeakMap<Document, { at: number; has: boolean }>();
const STRUCTURE_MEMO_MS = 1000;

function documentHasStructure(doc: Document, site: SiteProfile, pageUrl: string): boolean {
  const memo = pageHasStructure.get(doc);
  const now = Date.now();
  if (memo && now - memo.at < STRUCTURE_MEMO_MS) return memo.has;
  const has = !!doc.body && structuralContexts(doc.body, site, pageUrl).length > 0;
  pageHasStructure.set(doc, { at: now, has });
  return has;
}

/**
 * Links in credential contexts that no platform claims: candidates for discovery. Structural
 * contexts first; on a page that should have credentials and where they find nothing, the
 * meaning-based fallback (headings, ARIA region names, `aria-label`s here; button texts in the
 * text-node walk). Returns whether the fallback is on for this root. Off profile pages without
 * structural contexts this costs one selector query per context selector.
 */
function* scanContexts(root: Element, site: SiteProfile, recognise: RecogniseLink, pageUrl: string, pageHost: string, seen: Set<Element>): Generator<Candidate | undefined, boolean> {
  let contexts = structuralContexts(root, site, pageUrl);
  let buttons: Element[] = [];
  let meaning = false;
  if (contexts.length === 0 && isProfilePage(site, pageUrl)) {
    // Only when the whole page has no structural context: a redesign, not a partial re-render.
    const doc = root.ownerDocument;
    if (root === doc.body ? true : !documentHasStructure(doc, site, pageUrl)) {
      meaning = true;
      ({ sections: contexts, buttons } = meaningContexts(root, 'attributes'));
    }
  }
  if (contexts.length === 0 && buttons.length === 0) return meaning;
  const links = [...buttons, ...contexts.flatMap((c) => safeQueryAll(c, 'a[href]'))];
  for (const [i, link] of links.entries()) {
    if (i % PROGRESS_EVERY === PROGRESS_EVERY - 1) yield undefined;
    if (seen.has(link)) continue;
    seen.add(link);
    const url = candidateUrl(link, site, pageHost, recognise);
    if (url) yield { kind: 'candidate', element: link, url };
  }
  return meaning;
}

interface ButtonSearch {
  site: SiteProfile;
  recognise: RecogniseLink;
  pageHost: string;
  /** Context links already yielded by this scan. */
  seen: Set<Element>;
}

/** JWTs and SD-JWTs pasted in running text. */
/** Candidates among links of a context the text-node walk found, each link once per scan. */
function* contextCandidates(links: Element[], search: ButtonSearch): Generator<Candidate> {
  for (const link of links) {
    if (search.seen.has(link)) continue;
    search.seen.add(link);
    const url = candidateUrl(link, search.site, search.pageHost, search.recognise);
    if (url) yield { kind: 'candidate', element: link, url };
  }
}

function* scanTextNodes(root: Element, buttons?: ButtonSearch): Generator<Candidate | undefined> {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++seen % PROGRESS_EVERY === 0) yield undefined;
    const value = node.nodeValue ?? '';
    if (buttons && mayBeLabel(value)) {
      if (isShowCredentialLabel(value)) {
        const link = node.parentElement?.closest('a[href]');
        if (link) yield* contextCandidates([link], buttons);
        continue;
      }
      const heading = isCredentialSectionHeading(value) ? node.parentElement?.closest(HEADINGS) : undefined;
      if (heading) yield* contextCandidates(safeQueryAll(heading.closest(SECTION_OF_HEADING) ?? heading.parentElement ?? heading, 'a[href]'), buttons);
      if (heading) continue;
    }
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
