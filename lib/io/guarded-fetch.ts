import { readCapped } from '../util/stream.js';
import { IoError } from '../errors.js';
import { safelistedAccept } from './accept.js';
import type { FetchLike, NetworkPolicy } from './types.js';

export interface FetchedBytes {
  finalUrl: string;
  contentType?: string;
  body: Uint8Array;
}

/** A parsed URL's host that is an IP address (the URL parser has normalised every IPv4 spelling to dotted decimal). */
const IP_LITERAL = /^[\d.]+$|:/;
/** The address ranges (ipaddr.js) are loaded only for an IP literal or a resolved name: the widget's first module stays small. */
const addressPolicy = () => import('./address.js');

/** True for names that always mean this machine or the local network. */
export function isLocalHostname(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal') || host.endsWith('.home.arpa');
}

/** Checks a URL against the policy before any connection is made. */
export async function assertAllowedUrl(raw: string, policy: NetworkPolicy): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new IoError('IO_BAD_URL', raw, `Not a valid URL: ${truncate(raw)}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp)) {
    throw new IoError('IO_BLOCKED_SCHEME', raw, `Only https: links are followed, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new IoError('IO_BAD_URL', raw, 'Links with embedded user names or passwords are not followed');
  }
  if (!policy.allowPrivateNetwork) {
    const host = url.hostname;
    if (isLocalHostname(host) || (IP_LITERAL.test(host) && (await addressPolicy()).isNonPublicAddress(host))) {
      throw new IoError('IO_BLOCKED_ADDRESS', raw, `${host} is a private or local address; Credlens does not contact it`);
    }
    if (policy.resolveHost && !IP_LITERAL.test(host)) {
      let addresses: string[];
      try {
        addresses = await policy.resolveHost(host);
      } catch (cause) {
        throw new IoError('IO_NETWORK', raw, `Could not resolve ${host}`, { cause });
      }
      const { isNonPublicAddress } = await addressPolicy();
      const bad = addresses.find((a) => isNonPublicAddress(a));
      if (bad) throw new IoError('IO_BLOCKED_ADDRESS', raw, `${host} resolves to the private address ${bad}; Credlens does not contact it`);
    }
  }
  return url;
}

/**
 * The only place that calls fetch: no cookies or credentials, no referrer, a time limit, a size
 * limit read from the stream (not trusted from headers), and every redirect hop re-checked.
 */
export async function guardedFetch(
  fetchImpl: FetchLike,
  rawUrl: string,
  policy: NetworkPolicy,
  init: { accept?: string; maxBytes?: number; signal?: AbortSignal },
): Promise<FetchedBytes> {
  const maxBytes = init.maxBytes ?? policy.maxBytes;
  const timeout = AbortSignal.timeout(policy.timeoutMs);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  let current = rawUrl;
  for (let hop = 0; ; hop++) {
    const url = await assertAllowedUrl(current, policy);
    let response: Response;
    try {
      response = await fetchImpl(url.href, {
        method: 'GET',
        headers: init.accept ? { accept: safelistedAccept(init.accept) } : {},
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        redirect: policy.redirect,
        signal,
      });
    } catch (cause) {
      throw abortOrNetwork(cause, url.href, init.signal, timeout, policy.timeoutMs);
    }
    if (policy.redirect === 'manual' && response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location');
      await response.body?.cancel().catch(() => undefined);
      if (!location) throw new IoError('IO_HTTP_STATUS', url.href, `Redirect without a Location from ${url.host}`, { httpStatus: response.status });
      if (hop + 1 > policy.maxRedirects) throw new IoError('IO_TOO_MANY_REDIRECTS', rawUrl, `More than ${policy.maxRedirects} redirects from ${rawUrl}`);
      current = new URL(location, url).href;
      continue;
    }
    const finalUrl = response.url || url.href;
    if (policy.redirect === 'follow' && response.redirected) await assertAllowedUrl(finalUrl, policy);
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new IoError('IO_HTTP_STATUS', url.href, `${url.host} answered HTTP ${response.status}`, { httpStatus: response.status });
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new IoError('IO_TOO_LARGE', url.href, `The response from ${url.host} is larger than ${maxBytes} bytes`);
    }
    let body: Uint8Array;
    try {
      body = await readBody(response, maxBytes, url.href);
    } catch (cause) {
      if (cause instanceof IoError) throw cause;
      throw abortOrNetwork(cause, url.href, init.signal, timeout, policy.timeoutMs);
    }
    const contentType = response.headers.get('content-type') ?? undefined;
    return contentType === undefined ? { finalUrl, body } : { finalUrl, contentType, body };
  }
}

async function readBody(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const read = await readCapped(response.body, maxBytes);
  if (!read.complete) throw new IoError('IO_TOO_LARGE', url, `The response from ${new URL(url).host} is larger than ${maxBytes} bytes`);
  return read.bytes;
}

function abortOrNetwork(cause: unknown, url: string, caller: AbortSignal | undefined, timeout: AbortSignal, ms: number): IoError {
  if (caller?.aborted) return new IoError('IO_ABORTED', url, 'Cancelled', { cause });
  if (timeout.aborted) return new IoError('IO_TIMEOUT', url, `${new URL(url).host} did not answer within ${Math.round(ms / 1000)} s`, { cause });
  const reason = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
  return new IoError('IO_NETWORK', url, `Could not reach ${new URL(url).host}: ${reason}`, { cause });
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
