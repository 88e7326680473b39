import { IoError } from '../errors.js';
import { LIMITS } from '../limits.js';
import { parseJsonText } from '../util/strict-json.js';
import { assertAllowedUrl, guardedFetch } from './guarded-fetch.js';
import type { FetchLike, GetOptions, Io, IoResponse, NetworkPolicy, ResourceBundle, ResourceCache, ResourceKind } from './types.js';

export * from './types.js';
export { MemoryCache } from './memory-cache.js';
export { memoryBundle, chainBundles } from './bundle.js';
export { assertAllowedUrl } from './guarded-fetch.js';

/** Default cache lifetimes, seconds. */
const TTL: Record<ResourceKind, number> = {
  credential: 300,
  'did-document': 3600,
  'controller-document': 3600,
  'status-list': 300,
  schema: 86_400,
  'issuer-profile': 3600,
  'badge-class': 3600,
  'public-key': 3600,
  'trust-list': 86_400,
  image: 300,
  metadata: 3600,
  page: 300,
};

export interface IoOptions {
  fetch?: FetchLike;
  cache?: ResourceCache;
  bundle?: ResourceBundle;
  offline?: boolean;
  signal?: AbortSignal;
  policy?: Partial<NetworkPolicy>;
}

function isBrowserLike(): boolean {
  const g = globalThis as Record<string, unknown>;
  return typeof g.document !== 'undefined' || typeof g.ServiceWorkerGlobalScope !== 'undefined' || typeof g.WorkerGlobalScope !== 'undefined';
}

export function defaultPolicy(overrides: Partial<NetworkPolicy> = {}): NetworkPolicy {
  return {
    allowHttp: false,
    allowPrivateNetwork: false,
    redirect: isBrowserLike() ? 'follow' : 'manual',
    timeoutMs: LIMITS.fetchTimeoutMs,
    maxBytes: LIMITS.maxResponseBytes,
    maxRedirects: LIMITS.maxRedirects,
    ...overrides,
  };
}

/** The one network seam: resource bundle first, then the cache, then a guarded fetch. */
export function createIo(options: IoOptions = {}): Io {
  const policy = defaultPolicy(options.policy);
  const offline = options.offline === true;
  const fetchImpl: FetchLike | undefined = options.fetch ?? (typeof fetch === 'function' ? (url, init) => fetch(url, init) : undefined);

  async function fromBundle(id: string): Promise<Uint8Array | undefined> {
    if (!options.bundle) return undefined;
    const exact = await options.bundle.get(id);
    if (exact) return exact;
    const hash = id.indexOf('#');
    return hash > 0 ? options.bundle.get(id.slice(0, hash)) : undefined;
  }

  async function get(url: string, opts: GetOptions): Promise<IoResponse> {
    const bundled = await fromBundle(url);
    if (bundled) return { url, finalUrl: url, body: bundled, from: 'bundle' };
    const key = `${opts.kind} ${url}`;
    const ttl = opts.cacheTtlSeconds ?? TTL[opts.kind];
    const cached = ttl > 0 ? await options.cache?.get(key) : undefined;
    if (cached) return { ...cached, from: 'cache' };
    if (offline) {
      // Still refuse what would never be fetched (a private address is a fail, not "offline"), but
      // without name resolution: offline means no network at all, DNS included.
      await assertAllowedUrl(url, { ...policy, resolveHost: undefined });
      throw new IoError('IO_OFFLINE', url, `Offline: ${url} is neither built in nor in the resource bundle`);
    }
    if (!fetchImpl) throw new IoError('IO_NETWORK', url, 'No fetch function is available here');
    const init: { accept?: string; maxBytes?: number; signal?: AbortSignal } = {};
    if (opts.accept) init.accept = opts.accept;
    if (opts.maxBytes) init.maxBytes = opts.maxBytes;
    if (options.signal) init.signal = options.signal;
    const fetched = await guardedFetch(fetchImpl, url, policy, init);
    const response: IoResponse = { url, ...fetched, from: 'network' };
    if (ttl > 0 && options.cache) {
      const stored = { url, finalUrl: fetched.finalUrl, body: fetched.body, ...(fetched.contentType ? { contentType: fetched.contentType } : {}) };
      await options.cache.set(key, stored, ttl).catch(() => undefined);
    }
    return response;
  }

  async function getJson(url: string, opts: GetOptions): Promise<{ value: unknown; response: IoResponse }> {
    const response = await get(url, { accept: 'application/json, application/ld+json;q=0.9, */*;q=0.1', ...opts });
    let value: unknown;
    try {
      value = parseJsonText(new TextDecoder('utf-8', { fatal: true }).decode(response.body));
    } catch (cause) {
      throw new IoError('IO_BAD_CONTENT', url, `${url} did not return valid JSON`, { cause });
    }
    return { value, response };
  }

  return { offline, get, getJson, fromBundle };
}
