import type { FetchLike } from '../../lib/index.js';

/**
 * `source.fetch`, noting the origin of every read that throws, so that a report can say which
 * origins the extension may not contact (no host permission) rather than only "unverifiable".
 */
export function recordFailedOrigins(source: { fetch: FetchLike }): { fetch: FetchLike; failedOrigins: Set<string> } {
  const failedOrigins = new Set<string>();
  const fetch: FetchLike = async (url, init) => {
    try {
      return await source.fetch(url, init);
    } catch (error) {
      failedOrigins.add(new URL(url).origin);
      throw error;
    }
  };
  return { fetch, failedOrigins };
}
