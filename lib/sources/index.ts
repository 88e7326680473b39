import { accredible } from './accredible.js';
import { badgr } from './badgr.js';
import { blockcerts } from './blockcerts.js';
import { credly } from './credly.js';
import { europass } from './europass.js';
import { openBadgeFactory } from './open-badge-factory.js';
import type { LinkSource, RecognisedLink } from './types.js';
import { verifierPlus } from './verifier-plus.js';

export type { LinkKind, LinkSource, RecognisedLink, SourceExample } from './types.js';

/** Every supported platform, most specific first. Generic discovery handles all other links. */
export const SOURCES: readonly LinkSource[] = [credly, badgr, openBadgeFactory, europass, verifierPlus, accredible, blockcerts];

/** Link shims that wrap the real target (LinkedIn's outbound redirect). */
function unwrapRedirect(url: URL): URL | undefined {
  const host = url.hostname.toLowerCase();
  if ((host === 'www.linkedin.com' || host === 'linkedin.com') && url.pathname === '/redir/redirect') {
    const target = url.searchParams.get('url');
    return target ? parse(target) : undefined;
  }
  return undefined;
}

function parse(raw: string): URL | undefined {
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Recognises a link to a credential on a known platform: pure, synchronous, no I/O (the content
 * script runs it on every link of a page). `undefined` for links no platform claims.
 */
export function recogniseLink(url: string): RecognisedLink | undefined {
  let parsed = parse(url);
  if (!parsed) return undefined;
  const inner = unwrapRedirect(parsed);
  if (inner) parsed = inner;
  for (const source of SOURCES) {
    const hit = source.recognise(parsed);
    if (hit) {
      const result: RecognisedLink = { source: source.id, kind: hit.kind };
      if (hit.credentialUrl) result.credentialUrl = hit.credentialUrl;
      else if (inner && hit.kind === 'direct') result.credentialUrl = parsed.href;
      return result;
    }
  }
  return undefined;
}

/**
 * Parsing a URL rewrites it: it drops tabs and newlines, decodes percent-escapes and maps
 * non-ASCII characters in the host, turns backslashes into slashes. A raw link with any of these
 * cannot be judged by its text alone.
 */
const REWRITTEN_BY_PARSING = /[%\\\t\n\r\u0080-\uffff]/;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LINK_MARKERS = new RegExp(SOURCES.flatMap((s) => s.linkMarkers).map(escapeRegExp).join('|'), 'i');

const mayHold = (text: string) => LINK_MARKERS.test(text) || REWRITTEN_BY_PARSING.test(text);
const everyLink = () => true;

/**
 * A cheap test on a link's raw `href` text, before any URL parsing, for a document whose base URL
 * is `base`: `false` only when `recogniseLink` is certain to refuse the link once resolved. Where
 * the base itself holds a marker (a platform's own page), a relative link may resolve to a
 * credential, so every link passes.
 */
export function credentialLinkPrefilter(base: string): (rawHref: string) => boolean {
  return base === '' || mayHold(base) ? everyLink : mayHold;
}

export function sourceById(id: string): LinkSource | undefined {
  return SOURCES.find((s) => s.id === id);
}
