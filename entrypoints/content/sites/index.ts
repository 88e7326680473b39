import { eures } from './eures.js';
import { europass } from './europass.js';
import { glassdoor } from './glassdoor.js';
import { indeed } from './indeed.js';
import { linkedin } from './linkedin.js';
import { monster } from './monster.js';
import { stepstone } from './stepstone.js';
import type { SiteProfile } from './types.js';
import { welcomeToTheJungle } from './welcometothejungle.js';
import { xing } from './xing.js';

export type { MarkKind, Selector, SiteExample, SiteProfile } from './types.js';

/** Every supported site, one file each. */
export const SITES: readonly SiteProfile[] = [linkedin, indeed, stepstone, xing, welcomeToTheJungle, glassdoor, monster, eures, europass];

/** Any other page (credential platforms, pages the user asked to scan): generic detection only. */
export const GENERIC_SITE: SiteProfile = {
  id: 'generic',
  name: 'Any page',
  matches: [],
  sections: [],
  images: [],
  redirects: [],
  examples: [],
};

/** True when `url` matches a `https://host/*` or `https://*.host/*` pattern. */
export function matchesPattern(url: URL, pattern: string): boolean {
  const m = /^(https?|\*):\/\/(\*\.)?([^/]+)\/(.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, wildcard, host] = m;
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  if (!host) return false;
  return url.hostname === host || (wildcard !== undefined && url.hostname.endsWith(`.${host}`));
}

export function siteFor(href: string): SiteProfile {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return GENERIC_SITE;
  }
  return SITES.find((s) => s.matches.some((p) => matchesPattern(url, p))) ?? GENERIC_SITE;
}
