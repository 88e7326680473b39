// Node-only network seam for `credlens/node`: DNS-pinned undici fetch that refuses private addresses.
import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { Agent as UndiciAgent, fetch as UndiciFetch } from 'undici';
import { isNonPublicAddress } from '../lib/basics.js';
import type { FetchLike, VerifyOptions } from '../lib/index.js';

/** Resolves host names so the network seam can refuse private addresses after DNS (SSRF guard). */
export async function resolveHost(hostname: string): Promise<string[]> {
  const records = await lookup(hostname, { all: true, verbatim: true });
  return records.map((r) => r.address);
}

export interface PinnedFetchOptions {
  /** Resolves a host name at connect time (default: the system resolver). */
  resolve?: (hostname: string) => Promise<string[]>;
  /** Development only: allow loopback and private addresses. */
  allowPrivateNetwork?: boolean;
}

/**
 * The CLI's fetch: every connection goes to an address judged public at the moment of connecting.
 * The seam's `resolveHost` check runs before the request, but `fetch` resolves the name again; a
 * DNS server that answers a public address first and a private one second (DNS rebinding) would
 * slip through. Here the address that is checked is the address that is used.
 */
export function pinnedFetch(options: PinnedFetchOptions = {}): FetchLike {
  // undici (about a hundred modules) loads with the first request: an offline run never pays for it.
  let client: Promise<{ agent: UndiciAgent; fetch: typeof UndiciFetch }> | undefined;
  const connect = () => (client ??= import('undici').then(({ Agent, fetch }) => ({ agent: pinnedAgent(Agent, options), fetch })));
  return async (url, init) => {
    const { agent, fetch } = await connect();
    return fetch(url, { ...(init as Record<string, unknown>), dispatcher: agent } as Parameters<typeof UndiciFetch>[1]) as unknown as Promise<Response>;
  };
}

function pinnedAgent(Agent: typeof UndiciAgent, options: PinnedFetchOptions): UndiciAgent {
  const resolveAll = options.resolve ?? resolveHost;
  return new Agent({
    connect: {
      lookup(hostname, lookupOptions, callback) {
        const done = callback as (error: Error | null, address: string | LookupAddress[], family?: number) => void;
        resolveAll(hostname).then(
          (addresses) => {
            const bad = options.allowPrivateNetwork ? undefined : addresses.find((a) => isNonPublicAddress(a));
            if (bad || addresses.length === 0) {
              done(Object.assign(new Error(bad ? `${hostname} resolves to the private address ${bad}; Credlens does not contact it` : `${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
              return;
            }
            const list = addresses.map((address) => ({ address, family: isIP(address) || 4 }));
            if ((lookupOptions as { all?: boolean }).all) done(null, list);
            else done(null, list[0]!.address, list[0]!.family);
          },
          (error: Error) => done(error, '', 0),
        );
      },
    },
  });
}

/**
 * The options a Node server passes to `verify()` so that it fetches like the CLI does: through
 * `pinnedFetch()`, with the seam's DNS check before each request and redirects handled by the seam.
 */
export function nodeNetworkOptions(options: PinnedFetchOptions = {}): Required<Pick<VerifyOptions, 'fetch' | 'network'>> {
  return {
    fetch: pinnedFetch(options),
    network: { resolveHost: options.resolve ?? resolveHost, redirect: 'manual', ...(options.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}) },
  };
}
