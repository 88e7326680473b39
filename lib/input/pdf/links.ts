import { recogniseLink } from '../../sources/index.js';

/** Path segments and host labels that mark a credential or verification endpoint. */
const CREDENTIAL_WORD = /^(credentials?|badges?|assertions?|certificates?|certs?|verify|verification|verifiable-credentials?|vcs?|achievements?|diplomas?|micro-?credentials?|open-?badges?|edci?)$/i;
const CREDENTIAL_FILE = /\.(jsonld|jwt|vc)$/i;
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`{}|\\^]+/gi;
/** Links written without a scheme ("credly.com/badges/…"), taken only when a known platform claims them. */
const BARE_LINK_IN_TEXT = /(?<![\w@/.-])(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/[^\s<>"'`{}|\\^]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"»›]+$/;

/**
 * A link worth verifying: one a known platform claims (`lib/sources`), or one whose address says it
 * is a credential or a verification page. A personal homepage, a GitHub or LinkedIn profile is not.
 */
export function isCredentialLink(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (recogniseLink(url.href)) return true;
  if (CREDENTIAL_FILE.test(url.pathname)) return true;
  const segments = url.pathname.split('/').filter(Boolean).map(safeDecode);
  if (segments.some((s) => CREDENTIAL_WORD.test(s))) return true;
  const labels = url.hostname.toLowerCase().split('.');
  return labels.length > 2 && CREDENTIAL_WORD.test(labels[0] ?? '');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The links written in a page's text, with and without a scheme, in reading order and without duplicates. */
export function linksInText(text: string): string[] {
  const found: string[] = [];
  const add = (raw: string): void => {
    const url = raw.replace(TRAILING_PUNCTUATION, '');
    if (!found.includes(url)) found.push(url);
  };
  const withScheme = text.match(URL_IN_TEXT) ?? [];
  for (const raw of withScheme) add(raw);
  const rest = text.replace(URL_IN_TEXT, ' ');
  for (const raw of rest.match(BARE_LINK_IN_TEXT) ?? []) {
    const url = `https://${raw.replace(TRAILING_PUNCTUATION, '')}`;
    if (recogniseLink(url)) add(url);
  }
  return found;
}

/** Canonical form used to find the same link reached twice (annotation and text, or two pages). */
export function linkKey(raw: string): string {
  try {
    const url = new URL(raw);
    url.hash = '';
    return url.href.replace(/\/$/, '');
  } catch {
    return raw;
  }
}
