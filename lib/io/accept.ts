/** Fetch's limit for a CORS-safelisted header value (Fetch Standard, "CORS-safelisted request-header"). */
export const SAFELISTED_MAX = 128;

/**
 * Keeps cross-origin reads "simple" so browsers send no preflight: an `Accept` longer than 128 bytes
 * makes Chromium send an OPTIONS preflight that most issuers (static hosting, CDNs answering
 * `Access-Control-Allow-Origin: *`) do not answer, and the read fails. Media types are listed in
 * order of preference, so the least preferred are dropped until the value fits.
 */
export function safelistedAccept(accept: string): string {
  if (accept.length <= SAFELISTED_MAX) return accept;
  const kept: string[] = [];
  for (const type of accept.split(',').map((t) => t.trim()).filter(Boolean)) {
    const next = [...kept, type].join(', ');
    if (next.length > SAFELISTED_MAX) break;
    kept.push(type);
  }
  return kept.join(', ') || '*/*';
}
