import { createIo } from '../../lib/io/index.js';
import { memoryBundle } from '../../lib/io/bundle.js';
import type { FetchLike } from '../../lib/io/types.js';
import type { VerifyContext } from '../../lib/pipeline/types.js';

export interface TestContextOptions {
  fetch?: FetchLike;
  resources?: Record<string, Uint8Array | string | object>;
  offline?: boolean;
  now?: Date;
  keyBinding?: VerifyContext['keyBinding'];
  ebsiApiBase?: string;
}

/** A VerifyContext for unit tests: the network is the given `fetch` (or none), never the internet. */
export function testContext(options: TestContextOptions = {}): VerifyContext {
  const fetchImpl: FetchLike =
    options.fetch ??
    (async (url) => {
      throw new TypeError(`test: no network for ${url}`);
    });
  const io = createIo({
    fetch: fetchImpl,
    ...(options.resources ? { bundle: memoryBundle(options.resources) } : {}),
    offline: options.offline === true,
    // Public names are not resolved in tests; the guard still checks literal addresses.
    policy: { resolveHost: async () => ['93.184.215.14'] },
  });
  return {
    io,
    now: options.now ?? new Date(),
    clockSkewSeconds: 60,
    trustLists: [],
    profile: undefined,
    recipient: undefined,
    keyBinding: options.keyBinding,
    ebsiApiBase: options.ebsiApiBase ?? 'https://api-pilot.ebsi.eu',
    signal: undefined,
    retrievedFrom: undefined,
    depth: 0,
    verifyNested: async () => {
      throw new Error('test: nested verification not expected');
    },
  };
}

/** A fetch seam serving JSON documents by URL (a string as it is, anything else as JSON); other URLs are 404. Records the URLs asked for. */
export function jsonServer(documents: Record<string, unknown> = {}): FetchLike & { calls: string[] } {
  const calls: string[] = [];
  const fn = (async (url: string) => {
    calls.push(url);
    const doc = documents[url];
    if (doc === undefined) return new Response('not found', { status: 404 });
    return new Response(typeof doc === 'string' ? doc : JSON.stringify(doc), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as unknown as FetchLike & { calls: string[] };
  fn.calls = calls;
  return fn;
}
