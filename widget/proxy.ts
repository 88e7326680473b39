import type { FetchLike } from '../lib/index.js';

/**
 * Wraps fetch so that every remote read goes through the host site's own proxy, for issuers that
 * send no CORS headers. `template` is a URL with `{url}` where the encoded target goes, e.g.
 * `/proxy?url={url}`. lib's guard still checks the target URL (https, public address) before this
 * is called. The response claims the target's URL (or the proxy's `X-Final-Url` after redirects),
 * so origin checks (OB 2.0 hosted assertions) compare against the issuer, not the proxy.
 */
export function proxiedFetch(template: string, base: FetchLike, baseUrl: string): FetchLike {
  if (!template.includes('{url}')) throw new TypeError('proxy: the template must contain {url}');
  return async (url, init) => {
    const target = new URL(template.replace('{url}', encodeURIComponent(url)), baseUrl).href;
    const response = await base(target, init);
    const reported = response.headers.get('x-final-url');
    const finalUrl = reported && isHttpUrl(reported) ? reported : url;
    const body = [204, 205, 304].includes(response.status) ? null : response.body;
    const wrapped = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    Object.defineProperty(wrapped, 'url', { value: finalUrl });
    Object.defineProperty(wrapped, 'redirected', { value: finalUrl !== url });
    return wrapped;
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}
