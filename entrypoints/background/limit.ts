import pLimit, { type LimitFunction } from 'p-limit';
import type { FetchLike } from '../../lib/index.js';

/**
 * At most `perOrigin` requests in flight to one origin, across every verification running in the
 * background: a page with forty Credly links must not hammer api.credly.com. One limiter per origin
 * (p-limit), dropped when the origin has nothing running or waiting.
 */
export function limitPerOrigin(fetchImpl: FetchLike, perOrigin = 4): FetchLike {
  const limits = new Map<string, LimitFunction>();
  return (url, init) => {
    const origin = new URL(url).origin;
    let limit = limits.get(origin);
    if (!limit) {
      limit = pLimit(perOrigin);
      limits.set(origin, limit);
    }
    const own = limit;
    return own(async () => {
      try {
        return await fetchImpl(url, init);
      } finally {
        if (own.activeCount <= 1 && own.pendingCount === 0 && limits.get(origin) === own) limits.delete(origin);
      }
    });
  };
}
