/** What the content script finds; matches `data-credlens-kind` (docs/report.md). */
export type MarkKind = 'link' | 'qr' | 'baked' | 'text';

/** A CSS selector with the reason it exists, so a dead alternative can be found and dropped. */
export interface Selector {
  css: string;
  why: string;
  /** Only on pages whose path matches (a selector that means "credentials" on one page only). */
  path?: RegExp;
}

/** A saved example page of the site and what the scanner must find on it. */
export interface SiteExample {
  /** The live URL the saved page stands for. */
  url: string;
  /** File under test/fixtures/pages/. */
  page: string;
  /** Candidates the DOM scan must find: credential links, pasted credentials, images worth probing. */
  expect: { link: number; text: number; image: number; candidate?: number };
  /** Which way in found the credential contexts: the structural selectors, the meaning-based fallback, or none. */
  contexts?: 'structure' | 'meaning' | 'none';
}

/** One supported site: where its credentials are and how it wraps outgoing links. */
export interface SiteProfile {
  id: string;
  name: string;
  /** Content-script match patterns (https only). */
  matches: string[];
  /** Sections where credentials usually appear; scanned first so marks show up early. */
  sections: Selector[];
  /**
   * Credential contexts found by structure: places where a link is very likely a credential (the
   * certifications section). Any https link inside one is a candidate for discovery, even when no
   * known platform claims it.
   */
  contexts?: Selector[];
  /**
   * Pages that should have credentials (profiles, CVs), by path: where the structural contexts find
   * nothing, the meaning-based fallback (section headings, button labels, ARIA) is used, and the
   * popup says when neither found anything.
   */
  profilePages?: RegExp;
  /** Images worth fetching for a QR code or baked badge even without a "badge"-like hint. */
  images: Selector[];
  /** The site's own link redirectors: `path` on the site's host, real URL in query `param`. */
  redirects: Array<{ path: string; param: string }>;
  examples: SiteExample[];
}
