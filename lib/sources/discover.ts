import { ContainerError } from '../input/container-error.js';
import { parseJsonText } from '../input/json.js';
import { isRecord, typesOf } from '../util/json.js';
import type { Container } from '../input/acquire.js';
import { sniff, type Sniffed } from '../input/sniff.js';
import { recogniseLink, sourceById } from './index.js';

/**
 * Generic discovery in a web page, for platforms without a file of their own: a
 * `<link rel="alternate">` with a credential media type, or a credential embedded in a
 * `<script type="application/ld+json">` (or `application/vc+ld+json`, `application/vc+jwt`...).
 * The page is scanned as text; nothing in it is executed or rendered.
 */

/** Media types that announce a credential (VC 2.0 §6, VC-JOSE-COSE §3, Open Badges 3.0). */
export const CREDENTIAL_MEDIA_TYPES = new Set([
  'application/vc+ld+json',
  'application/vc',
  'application/vc+jwt',
  'application/vc+ld+jwt',
  'application/vc+sd-jwt',
  'application/dc+sd-jwt',
  'application/vp+ld+json',
]);
/** Embedded scripts worth reading: the credential types plus generic JSON-LD, filtered by its types. */
const SCRIPT_TYPES = new Set([...CREDENTIAL_MEDIA_TYPES, 'application/ld+json']);
const CREDENTIAL_TYPES = new Set(['VerifiableCredential', 'OpenBadgeCredential', 'AchievementCredential', 'EuropeanDigitalCredential', 'Assertion']);

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const m of tag.matchAll(/([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    attributes.set((m[1] as string).toLowerCase(), decodeHtml(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attributes;
}

function decodeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" })[e] ?? '');
}

function mediaType(value: string | undefined): string {
  return (value ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}


/** The credential in an embedded JSON-LD block: the object itself or one item of its `@graph`. */
function credentialIn(value: unknown): Record<string, unknown> | undefined {
  const candidates = isRecord(value) && Array.isArray(value['@graph']) ? value['@graph'] : Array.isArray(value) ? value : [value];
  for (const item of candidates) {
    if (!isRecord(item)) continue;
    const types = typesOf(item);
    if (types.some((t) => CREDENTIAL_TYPES.has(t)) && (item.proof !== undefined || item.credentialSubject !== undefined || ('badge' in item && 'recipient' in item))) {
      return item;
    }
  }
  return undefined;
}

export interface Discovered {
  /** Embedded credentials, in page order. */
  embedded: Sniffed[];
  /** Links to credentials, resolved against the page URL. */
  links: string[];
}

export function discoverInHtml(html: string, pageUrl: string): Discovered {
  const embedded: Sniffed[] = [];
  const links: string[] = [];
  const page = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of page.matchAll(/<link\b([^>]*)>/gi)) {
    const attributes = attributesOf(m[1] ?? '');
    const rel = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('alternate') || !CREDENTIAL_MEDIA_TYPES.has(mediaType(attributes.get('type')))) continue;
    const href = attributes.get('href');
    if (!href) continue;
    try {
      links.push(new URL(href, pageUrl).href);
    } catch {
      // an unparseable href is not a link
    }
  }
  for (const m of page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const type = mediaType(attributesOf(m[1] ?? '').get('type'));
    if (!SCRIPT_TYPES.has(type)) continue;
    const body = (m[2] ?? '').trim();
    if (!body) continue;
    if (type.endsWith('jwt')) {
      try {
        const sniffed = sniff(body);
        if (sniffed.kind === 'jws-compact' || sniffed.kind === 'sd-jwt') embedded.push(sniffed);
      } catch {
        // not a JWT: ignore, as a browser would ignore an unknown script
      }
      continue;
    }
    let value: unknown;
    try {
      value = parseJsonText(body);
    } catch {
      continue;
    }
    const credential = credentialIn(value);
    if (credential) embedded.push({ kind: 'json', value: credential });
  }
  return { embedded, links };
}

/** The `html` unwrapper of `acquire`: what the page declares, or a precise reason why nothing. */
export async function unwrapHtml(container: Container): Promise<Sniffed> {
  if (container.kind !== 'html') throw new ContainerError('SOURCE_NO_CREDENTIAL_IN_PAGE', 'Not a web page');
  const { url, html } = container;
  const known = recogniseLink(url);
  // A redirect may land on a platform page whose machine-readable side is known.
  if (known?.credentialUrl && known.credentialUrl !== url) return { kind: 'url', url: known.credentialUrl };
  const found = discoverInHtml(html, url);
  const first = found.embedded[0];
  if (first) return first;
  const link = found.links.find((l) => l !== url);
  if (link) return { kind: 'url', url: link };
  const source = known ? sourceById(known.source) : undefined;
  if (source) {
    throw new ContainerError('SOURCE_PAGE_ONLY', `${source.name} shows this credential only as a web page (${url}); it declares no machine-verifiable credential`, {
      page: url,
      source: source.id,
    });
  }
  throw new ContainerError('SOURCE_NO_CREDENTIAL_IN_PAGE', `The web page ${url} neither links to nor embeds a credential`, { page: url });
}
