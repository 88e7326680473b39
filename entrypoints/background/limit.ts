import type { FetchLike } from '../../lib/index.js';

/**
 * At most `perOrigin` requests in flight to one origin, across every verification running in the
 * background: a page with forty Credly links must not hammer api.credly.com.
 */
export function limitPerOrigin(fetchImpl: FetchLike, perOrigin = 4): FetchLike {
  const active = new Map<string, number>();
  const waiting = new Map<string, Array<() => void>>();

  async function acquire(origin: string): Promise<void> {
    const n = active.get(origin) ?? 0;
    if (n < perOrigin) {
      active.set(origin, n + 1);
      return;
    }
    await new Promise<void>((resolve) => {
      const queue = waiting.get(origin) ?? [];
      queue.push(resolve);
      waiting.set(origin, queue);
    });
  }

  function release(origin: string): void {
    const next = waiting.get(origin)?.shift();
    if (next) return next(); // the slot passes straight to the next request
    const n = (active.get(origin) ?? 1) - 1;
    if (n <= 0) active.delete(origin);
    else active.set(origin, n);
  }

  return async (url, init) => {
    const origin = new URL(url).origin;
    await acquire(origin);
    try {
      return await fetchImpl(url, init);
    } finally {
      release(origin);
    }
  };
}
