/**
 * An HTTP cache in front of the outbound fetch, shared by every verification of a process (and, with
 * a Redis store, by every replica of a fleet). Freshness and revalidation follow HTTP caching rules as
 * `http-cache-semantics` implements them (Cache-Control, Expires, ETag / Last-Modified revalidation, as
 * a shared cache: `private` and `no-store` responses are never kept). On top of HTTP:
 * - a status list is never served past its own validity (`validUntil`, `expirationDate`, JWT `exp`,
 *   and a Bitstring Status List's `ttl`), whatever its headers say;
 * - only complete `200` responses within the size cap are stored, so a failure, a truncated body or a
 *   redirect is never replayed (nothing poisoned);
 * - a store that fails or is slow is a miss, never an error: the network answers instead.
 *
 * It sits below the guarded fetch of lib/io (which checks every URL and hop against the SSRF rules and
 * caps what it reads) and above the outbound limiter, so a cache hit is no outbound fetch at all.
 */
import CachePolicy from 'http-cache-semantics';
import type { FetchLike } from '../lib/index.js';

/** What a store keeps for one URL: the policy (request + response headers), the body and its validity cap. */
export interface StoredResponse {
  policy: CachePolicy.CachePolicyObject;
  /** The body, base64. */
  body: string;
  /** Epoch ms after which the entry may not be served even if HTTP says it is fresh (status lists). */
  notAfter?: number;
}

/** Where entries live: in process memory, in Redis, or both (see TieredStore). */
export interface ResponseStore {
  readonly name: string;
  get(key: string): Promise<StoredResponse | undefined>;
  /** `ttlSeconds` is how long the store may keep the entry at all (fresh life plus time to revalidate). */
  set(key: string, value: StoredResponse, ttlSeconds: number): Promise<void>;
}

export type CacheOutcome = 'hit' | 'miss' | 'revalidated' | 'stale-expired' | 'not-stored';

export interface HttpCacheOptions {
  store: ResponseStore;
  /** Largest body kept, bytes. */
  maxBodyBytes: number;
  /** How long a stale entry with a validator (ETag, Last-Modified) is kept for revalidation, seconds. */
  revalidationWindowSeconds?: number;
  onOutcome?: (outcome: CacheOutcome, url: string) => void;
  now?: () => number;
}

const DEFAULT_REVALIDATION_WINDOW = 86_400;

export function cachingFetch(next: FetchLike, options: HttpCacheOptions): FetchLike {
  const now = options.now ?? Date.now;
  const window = options.revalidationWindowSeconds ?? DEFAULT_REVALIDATION_WINDOW;
  const report = options.onOutcome ?? (() => undefined);

  /** Network fetches in flight by key: a burst of requests for one document sends one request. */
  const inflight = new Map<string, Promise<void>>();

  return async (url, init) => {
    const method = (init.method ?? 'GET').toUpperCase();
    if (method !== 'GET') return next(url, init);
    const requestHeaders = plainHeaders(init.headers);
    const request: CachePolicy.Request = { url: pathOf(url), method, headers: { ...requestHeaders, host: new URL(url).host } };
    const key = cacheKey(url, requestHeaders);
    let entry = await options.store.get(key);
    const pending = inflight.get(key);
    if (pending && !init.signal?.aborted) {
      // Another request is fetching this document: wait for it to be stored, then look again.
      await abortable(pending, init.signal);
      entry = (await options.store.get(key)) ?? entry;
    }

    let revalidating: { policy: CachePolicy; stored: StoredResponse } | undefined;
    const policy = entry ? readPolicy(entry) : undefined;
    if (entry && policy) {
      const expiredByContent = entry.notAfter !== undefined && entry.notAfter <= now();
      if (!expiredByContent) {
        const evaluation = policy.evaluateRequest(request);
        if (evaluation.response && !evaluation.revalidation) {
          report('hit', url);
          return cachedResponse(entry, evaluation.response.headers as Record<string, string>);
        }
        if (hasValidator(policy)) revalidating = { policy, stored: entry };
      } else {
        report('stale-expired', url);
      }
    }

    let settle!: () => void;
    const done = new Promise<void>((resolve) => (settle = resolve));
    const release = () => {
      if (inflight.get(key) === done) inflight.delete(key);
      settle();
    };
    if (!inflight.has(key)) inflight.set(key, done);
    try {
      if (revalidating) {
        const { host: _host, ...conditional } = revalidating.policy.revalidationHeaders(request) as Record<string, string>;
        const response = await next(url, { ...init, headers: conditional });
        if (response.status === 304) {
          const { policy, modified } = revalidating.policy.revalidatedPolicy(request, { status: 304, headers: plainHeaders(response.headers) });
          await response.body?.cancel().catch(() => undefined);
          if (!modified) {
            report('revalidated', url);
            const stored: StoredResponse = { ...revalidating.stored, policy: policy.toObject() };
            void keep(key, stored, policy).finally(release);
            return cachedResponse(stored, policy.responseHeaders() as Record<string, string>);
          }
          // A 304 that does not match what is stored: ask again without conditions.
          return storeFrom(await next(url, init), request, key, url, release);
        }
        return storeFrom(response, request, key, url, release);
      }
      return storeFrom(await next(url, init), request, key, url, release);
    } catch (error) {
      release();
      throw error;
    }
  };

  /**
   * Returns the response to the caller unchanged in content, and stores a copy once its body has been
   * read in full and within the cap. The guarded fetch reads its own branch with its own cap.
   */
  function storeFrom(response: Response, request: CachePolicy.Request, key: string, url: string, release: () => void): Response {
    if (response.status !== 200 || !response.body) {
      report('not-stored', url);
      release();
      return response;
    }
    const policy = new CachePolicy(request, { status: 200, headers: plainHeaders(response.headers) }, { shared: true });
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (!policy.storable() || (Number.isFinite(declared) && declared > options.maxBodyBytes)) {
      report('not-stored', url);
      release();
      return response;
    }
    report('miss', url);
    const [forCaller, forStore] = response.body.tee();
    void readAll(forStore, options.maxBodyBytes)
      .then((body) => {
        if (!body) return;
        const notAfter = contentValidityLimit(body, now());
        const stored: StoredResponse = { policy: policy.toObject(), body: Buffer.from(body).toString('base64'), ...(notAfter !== undefined ? { notAfter } : {}) };
        return keep(key, stored, policy);
      })
      .finally(release);
    return new Response(forCaller, { status: response.status, statusText: response.statusText, headers: response.headers });
  }

  async function keep(key: string, stored: StoredResponse, policy: CachePolicy): Promise<void> {
    const freshSeconds = Math.max(0, Math.floor(policy.timeToLive() / 1000));
    let ttl = freshSeconds + (hasValidator(policy) ? window : 0);
    if (stored.notAfter !== undefined) ttl = Math.min(ttl, Math.floor((stored.notAfter - now()) / 1000));
    if (ttl <= 0) return;
    await options.store.set(key, stored, ttl).catch(() => undefined);
  }
}

/** One entry per URL and `accept` (the lib asks for different representations by kind). */
export function cacheKey(url: string, requestHeaders: Record<string, string>): string {
  return `${url} ${requestHeaders.accept ?? '*/*'}`;
}

/** Waits for `promise`, or until `signal` aborts (then returns, and the caller goes its own way). */
function abortable(promise: Promise<void>, signal: AbortSignal | null | undefined): Promise<void> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const onAbort = () => resolve();
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.finally(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}

/** A stored policy that cannot be read (another version, a poisoned entry) is a miss. */
function readPolicy(entry: StoredResponse): CachePolicy | undefined {
  try {
    return CachePolicy.fromObject(entry.policy);
  } catch {
    return undefined;
  }
}

function hasValidator(policy: CachePolicy): boolean {
  const headers = policy.responseHeaders() as Record<string, string | undefined>;
  return Boolean(headers.etag || headers['last-modified']);
}

function cachedResponse(stored: StoredResponse, headers: Record<string, string>): Response {
  const body = Buffer.from(stored.body, 'base64');
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (typeof value === 'string' && name !== 'content-length') clean[name] = value;
  clean['x-credlens-cache'] = 'hit';
  return new Response(body, { status: 200, headers: clean });
}

function plainHeaders(headers: HeadersInit | Headers | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  new Headers(headers).forEach((value, name) => (out[name] = value));
  return out;
}

function pathOf(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}${u.search}`;
}

async function readAll(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | undefined> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return undefined;
      }
      chunks.push(value);
    }
  } catch {
    // The caller's branch was aborted or the connection failed: nothing complete to keep.
    return undefined;
  }
  return Buffer.concat(chunks);
}

const STATUS_LIST_TYPES = new Set([
  'BitstringStatusListCredential',
  'StatusList2021Credential',
  'RevocationList2020Credential',
  'RevocationList',
  '1EdTechRevocationList',
]);

/**
 * The instant after which a status list may no longer be served from the cache: its own expiry, and
 * for a Bitstring Status List its `ttl` (milliseconds) counted from when it was fetched. Undefined for
 * anything that is not a status list, or a status list without an end.
 */
export function contentValidityLimit(body: Uint8Array, fetchedAt: number): number | undefined {
  const document = readDocument(body);
  if (!document || !isStatusList(document)) return undefined;
  const limits: number[] = [];
  for (const field of ['validUntil', 'expirationDate']) {
    const value = document[field];
    if (typeof value === 'string') {
      const time = Date.parse(value);
      if (Number.isFinite(time)) limits.push(time);
    }
  }
  if (typeof document.exp === 'number') limits.push(document.exp * 1000);
  const subject = document.credentialSubject;
  if (subject && typeof subject === 'object' && !Array.isArray(subject)) {
    const ttl = (subject as Record<string, unknown>).ttl;
    if (typeof ttl === 'number' && ttl >= 0) limits.push(fetchedAt + ttl);
  }
  // A JWT status list (draft-ietf-oauth-status-list) carries its own `ttl` in seconds.
  if (typeof document.ttl === 'number' && document.ttl >= 0 && document.status_list !== undefined) limits.push(fetchedAt + document.ttl * 1000);
  return limits.length ? Math.min(...limits) : undefined;
}

function isStatusList(document: Record<string, unknown>): boolean {
  if (document.status_list !== undefined) return true;
  const types = Array.isArray(document.type) ? document.type : [document.type];
  if (types.some((t) => typeof t === 'string' && STATUS_LIST_TYPES.has(t))) return true;
  const vc = document.vc;
  return Boolean(vc && typeof vc === 'object' && isStatusList(vc as Record<string, unknown>));
}

/** A JSON document, or the payload of a compact JWT (merged with its `vc` claim's dates). */
function readDocument(body: Uint8Array): Record<string, unknown> | undefined {
  const text = Buffer.from(body).toString('utf8').trim();
  try {
    if (text.startsWith('{')) {
      const value = JSON.parse(text) as unknown;
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    }
    const parts = text.split('.');
    if (parts.length === 3 && parts[1]) {
      const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
      const vc = payload.vc && typeof payload.vc === 'object' ? (payload.vc as Record<string, unknown>) : {};
      return { ...vc, ...payload };
    }
  } catch {
    return undefined;
  }
  return undefined;
}
