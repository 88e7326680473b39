/** What the content script finds; matches `data-credlens-kind` (docs/report.md). */
export type MarkKind = 'link' | 'qr' | 'baked' | 'text';

/** A CSS selector with the reason it exists, so a dead alternative can be found and dropped. */
export interface Selector {
  css: string;
  why: string;
}

/** A saved example page of the site and what the scanner must find on it. */
export interface SiteExample {
  /** The live URL the saved page stands for. */
  url: string;
  /** File under test/fixtures/pages/. */
  page: string;
  /** Candidates the DOM scan must find: credential links, pasted credentials, images worth probing. */
  expect: { link: number; text: number; image: number };
}

/** One supported site: where its credentials are and how it wraps outgoing links. */
export interface SiteProfile {
  id: string;
  name: string;
  /** Content-script match patterns (https only). */
  matches: string[];
  /** Sections where credentials usually appear; scanned first so marks show up early. */
  sections: Selector[];
  /** Images worth fetching for a QR code or baked badge even without a "badge"-like hint. */
  images: Selector[];
  /** The site's own link redirectors: `path` on the site's host, real URL in query `param`. */
  redirects: Array<{ path: string; param: string }>;
  examples: SiteExample[];
}
