import { ContainerError } from './container-error.js';
import { decodeJwsPart } from './jws-parts.js';
import { parseJsonText } from '../util/strict-json.js';
import { isRecord, typesOf } from '../util/json.js';
import type { Container } from './container.js';
import { sniff, type Sniffed } from './sniff.js';
import type { Io } from '../io/types.js';
import { recogniseLink, sourceById } from '../sources/index.js';
import { readSourceResponse } from './source-response.js';

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

/** Credential media types asked for when following a link (most preferred first). */
export const CREDENTIAL_ACCEPT =
  'application/vc+ld+json, application/vc+jwt, application/vc+sd-jwt, application/dc+sd-jwt, application/vc, application/ld+json;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.1';

function isHtml(contentType: string | undefined, body: Uint8Array): boolean {
  if (contentType && /text\/html|application\/xhtml/i.test(contentType)) return true;
  const head = new TextDecoder().decode(body.subarray(0, 512)).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}

export interface LinkHop {
  /** What the link led to: a credential, a container (image, PDF) or the next link to follow. */
  sniffed: Sniffed;
  /** The URL the bytes came from after redirects. */
  finalUrl: string;
}

/**
 * One hop of following a shared link, the one implementation behind `verify(url)` (CLI, widget
 * `src`) and the extension's discovery: a platform link is read at its machine-readable endpoint
 * (and its envelope unwrapped); anything else is fetched with the credential media types in
 * `Accept`, through the guarded seam; a web page is read for what it declares
 * (`<link rel="alternate">`, embedded credentials). Throws `ContainerError` / `IoError`.
 */
export async function followLink(url: string, io: Io): Promise<LinkHop> {
  const link = recogniseLink(url);
  const response = await io.get(link?.credentialUrl ?? url, { kind: 'credential', accept: CREDENTIAL_ACCEPT });
  if (isHtml(response.contentType, response.body)) {
    const sniffed = await unwrapHtml({ kind: 'html', url: response.finalUrl, html: new TextDecoder().decode(response.body) });
    return { sniffed, finalUrl: response.finalUrl };
  }
  return { sniffed: readSourceResponse(link, response.body, response.finalUrl), finalUrl: response.finalUrl };
}

const PNG = [0x89, 0x50, 0x4e, 0x47];
const BAKED_KEYWORDS = new Set(['openbadges', 'openbadgecredential']);

/**
 * True when an image carries Open Badges data (the full read and checks happen in `verify()`).
 * The baked-image reader is loaded only for PNGs, as `verify()` loads it.
 */
export async function looksBaked(bytes: Uint8Array): Promise<boolean> {
  if (PNG.every((b, i) => bytes[i] === b)) {
    try {
      const { pngChunks } = await import('./baked.js');
      for (const chunk of pngChunks(bytes)) {
        if (chunk.type !== 'iTXt' && chunk.type !== 'tEXt') continue;
        const nul = chunk.data.indexOf(0);
        if (nul > 0 && BAKED_KEYWORDS.has(new TextDecoder('latin1').decode(chunk.data.subarray(0, nul)))) return true;
      }
    } catch {
      return false;
    }
    return false;
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 64 * 1024));
  return /<svg[\s>]/i.test(head) && /<openbadges:(assertion|credential)[\s>]/i.test(head);
}

function jwtClaims(token: string): Record<string, unknown> | undefined {
  const [h, p] = token.split('~')[0]!.split('.');
  try {
    const header = decodeJwsPart(h ?? '');
    const payload = decodeJwsPart(p ?? '');
    return isRecord(header) && typeof header.alg === 'string' && isRecord(payload) ? payload : undefined;
  } catch {
    return undefined;
  }
}

/** A JSON value that is a credential (W3C VC, Open Badges 3.0 / 2.0 assertion, ELM), not some other JSON. */
function isCredentialValue(value: unknown): boolean {
  if (!isRecord(value)) return false;
  if (value.credentialSubject !== undefined) return true;
  if ('badge' in value && 'recipient' in value) return true; // Open Badges 2.0 assertion
  return typesOf(value).some((t) => CREDENTIAL_TYPES.has(t) || t === 'VerifiablePresentation');
}

/** Whether what a link led to is a credential (or a container carrying one), as opposed to any other document. */
export async function isCredential(sniffed: Sniffed): Promise<boolean> {
  switch (sniffed.kind) {
    case 'json':
      return isCredentialValue(sniffed.value);
    case 'jws-json': {
      // A JAdES-sealed Europass credential: the payload is the credential (b64 or detached-unencoded).
      const payload = sniffed.value.payload;
      if (typeof payload !== 'string') return false;
      try {
        return isCredentialValue(JSON.parse(payload));
      } catch {
        const claims = jwtClaims(`e30.${payload}.x`);
        return claims !== undefined && isCredentialValue(claims);
      }
    }
    case 'jws-compact':
    case 'sd-jwt': {
      const claims = jwtClaims(sniffed.text);
      return claims !== undefined && ('vc' in claims || 'vct' in claims || '_sd' in claims || 'vp' in claims || isCredentialValue(claims));
    }
    case 'png':
      return looksBaked(sniffed.bytes);
    case 'svg':
      return looksBaked(new TextEncoder().encode(sniffed.text.slice(0, 64 * 1024)));
    case 'pdf':
    case 'url':
      return false;
  }
}

/** What discovery concluded for a link no platform claims. */
export type Discovery =
  | { found: 'credential'; url: string; retrievedFrom: string; path: string[] }
  | { found: 'nothing'; url: string; reason: 'not-a-credential' | 'page-without-credential' | 'unreachable'; message: string };

/**
 * Discovery for a link that may lead to a credential (a "Show credential" button to an issuer's own
 * server, a URL in a QR code): follows it (at most four hops, the guarded seam's caps and policy)
 * and decides whether a credential is there. Only `credential` is worth a verdict; the reads are
 * cached by `io` under the same keys `verify(url)` uses, so verifying afterwards costs no new fetch.
 */
export async function discoverCredential(url: string, io: Io): Promise<Discovery> {
  const path: string[] = [];
  let next = url;
  try {
    for (let hop = 0; hop < 4; hop++) {
      const { sniffed, finalUrl } = await followLink(next, io);
      path.push(finalUrl);
      if (sniffed.kind === 'url') {
        next = sniffed.url;
        continue;
      }
      if (await isCredential(sniffed)) return { found: 'credential', url, retrievedFrom: finalUrl, path };
      return { found: 'nothing', url, reason: 'not-a-credential', message: `${finalUrl} is not a credential Credlens recognises` };
    }
    return { found: 'nothing', url, reason: 'not-a-credential', message: `${url} leads through too many links` };
  } catch (error) {
    if (error instanceof ContainerError) return { found: 'nothing', url, reason: 'page-without-credential', message: error.message };
    return { found: 'nothing', url, reason: 'unreachable', message: error instanceof Error ? error.message : String(error) };
  }
}
