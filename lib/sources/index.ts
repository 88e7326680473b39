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

export function sourceById(id: string): LinkSource | undefined {
  return SOURCES.find((s) => s.id === id);
}
