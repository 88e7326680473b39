/**
 * The server's outbound fetch, below the cache: a global and a per-origin concurrency bound (p-limit)
 * and a count of every request that actually leaves the process. The SSRF rules are not here: the
 * guarded fetch of lib/io checks every URL and redirect hop before this runs, and the pinned fetch
 * (node/fetch.ts) checks the address again at connect time.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import type { FetchLike } from '../lib/index.js';

export interface OutboundOptions {
  globalConcurrency: number;
  perOriginConcurrency: number;
  onFetch?: (origin: string, outcome: string) => void;
}

export function limitedFetch(next: FetchLike, options: OutboundOptions): FetchLike {
  const global = pLimit(options.globalConcurrency);
  const perOrigin = new Map<string, LimitFunction>();
  const limiterFor = (origin: string): LimitFunction => {
    let limit = perOrigin.get(origin);
    if (!limit) {
      limit = pLimit(options.perOriginConcurrency);
      perOrigin.set(origin, limit);
    }
    // Drop idle limiters so a stream of one-off origins does not grow the map without bound.
    if (perOrigin.size > 1000) for (const [key, l] of perOrigin) if (l.activeCount === 0 && l.pendingCount === 0) perOrigin.delete(key);
    return limit;
  };
  return (url, init) => {
    const origin = new URL(url).origin;
    // The slot is held until the response headers arrive; bodies are capped and short-lived.
    return limiterFor(origin)(() =>
      global(async () => {
        try {
          const response = await next(url, init);
          options.onFetch?.(origin, String(response.status));
          return response;
        } catch (error) {
          options.onFetch?.(origin, 'error');
          throw error;
        }
      }),
    );
  };
}
