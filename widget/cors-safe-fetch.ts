import type { FetchLike } from '../lib/index.js';

/** Fetch's limit for a CORS-safelisted header value (Fetch Standard, "CORS-safelisted request-header"). */
const SAFELISTED_MAX = 128;

/**
 * Keeps cross-origin reads "simple" so the browser sends no preflight: an `Accept` longer than 128
 * bytes makes Chromium send an OPTIONS preflight that most issuers (static hosting, CDNs sending
 * `Access-Control-Allow-Origin: *`) do not answer, and the read fails. The media types are in
 * order of preference, so the least preferred are dropped until the value fits.
 */
export function corsSafeFetch(base: FetchLike): FetchLike {
  return (url, init) => {
    const headers = new Headers(init.headers);
    const accept = headers.get('accept');
    if (accept && accept.length > SAFELISTED_MAX) headers.set('accept', shorten(accept));
    return base(url, { ...init, headers });
  };
}

export function shorten(accept: string): string {
  const kept: string[] = [];
  for (const type of accept.split(',').map((t) => t.trim()).filter(Boolean)) {
    const next = [...kept, type].join(', ');
    if (next.length > SAFELISTED_MAX) break;
    kept.push(type);
  }
  return kept.join(', ') || '*/*';
}
