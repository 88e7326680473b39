import { describe, expect, it } from 'vitest';
import { cachingFetch, contentValidityLimit } from '../../../server/http-cache.js';
import { MemoryStore } from '../../../server/stores.js';
import type { FetchLike } from '../../../lib/io/types.js';

/** The network seam replaced by a scripted origin: what it answers, and what it was asked. */
function origin(answer: (init: RequestInit) => Response) {
  const seen: Array<Record<string, string>> = [];
  const fetch: FetchLike = async (_url, init) => {
    seen.push(Object.fromEntries(new Headers(init.headers).entries()));
    return answer(init);
  };
  return { fetch, seen };
}

const flush = () => new Promise((r) => setTimeout(r, 20));
const get = (fetch: FetchLike, url = 'https://issuer.example/status/1') => fetch(url, { method: 'GET', headers: { accept: 'application/json' } });

describe('the HTTP cache under the guarded fetch', () => {
  it('serves a fresh response without a request, and asks again once max-age has passed', async () => {
    let now = 1_000_000;
    const net = origin(() => new Response('{"a":1}', { headers: { 'cache-control': 'max-age=60', date: new Date(now).toUTCString() } }));
    const cached = cachingFetch(net.fetch, { store: new MemoryStore(100, () => now), maxBodyBytes: 1024, now: () => now });
    expect(await (await get(cached)).text()).toBe('{"a":1}');
    await flush();
    expect(await (await get(cached)).text()).toBe('{"a":1}');
    expect(net.seen).toHaveLength(1);
    now += 61_000;
    await get(cached);
    expect(net.seen).toHaveLength(2);
  });

  it('does not store errors, redirects, no-store, private or oversized answers', async () => {
    for (const response of [
      () => new Response('nope', { status: 500, headers: { 'cache-control': 'max-age=60' } }),
      () => new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/', 'cache-control': 'max-age=60' } }),
      () => new Response('{}', { headers: { 'cache-control': 'no-store' } }),
      () => new Response('{}', { headers: { 'cache-control': 'private, max-age=60' } }),
      () => new Response('x'.repeat(2048), { headers: { 'cache-control': 'max-age=60' } }),
    ]) {
      const net = origin(response);
      const cached = cachingFetch(net.fetch, { store: new MemoryStore(), maxBodyBytes: 1024 });
      await (await get(cached)).arrayBuffer();
      await flush();
      await (await get(cached)).arrayBuffer();
      expect(net.seen).toHaveLength(2);
    }
  });

  it('revalidates with If-None-Match and serves the stored body on 304', async () => {
    const net = origin((init) =>
      new Headers(init.headers).get('if-none-match') === '"v1"'
        ? new Response(null, { status: 304, headers: { etag: '"v1"', 'cache-control': 'no-cache' } })
        : new Response('{"list":1}', { headers: { etag: '"v1"', 'cache-control': 'no-cache' } }),
    );
    const cached = cachingFetch(net.fetch, { store: new MemoryStore(), maxBodyBytes: 1024 });
    await (await get(cached)).text();
    await flush();
    expect(await (await get(cached)).text()).toBe('{"list":1}');
    expect(net.seen[1]?.['if-none-match']).toBe('"v1"');
  });

  it('never serves a status list past its own validity, whatever max-age says', async () => {
    let now = Date.parse('2026-12-01T00:00:00Z');
    const list = { type: ['VerifiableCredential', 'BitstringStatusListCredential'], validUntil: '2026-12-01T00:00:30Z', credentialSubject: { type: 'BitstringStatusList', encodedList: 'uH4sI' } };
    const net = origin(() => new Response(JSON.stringify(list), { headers: { 'cache-control': 'max-age=86400', date: new Date(now).toUTCString() } }));
    const cached = cachingFetch(net.fetch, { store: new MemoryStore(100, () => now), maxBodyBytes: 4096, now: () => now });
    await (await get(cached)).text();
    await flush();
    await (await get(cached)).text();
    expect(net.seen).toHaveLength(1);
    now += 31_000;
    await (await get(cached)).text();
    expect(net.seen).toHaveLength(2);
  });

  it('reads a status list’s end from validUntil, expirationDate, a JWT exp and a Bitstring ttl', () => {
    const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    const at = Date.parse('2026-12-01T00:00:00Z');
    expect(contentValidityLimit(enc({ type: 'StatusList2021Credential', expirationDate: '2026-12-02T00:00:00Z' }), at)).toBe(Date.parse('2026-12-02T00:00:00Z'));
    expect(contentValidityLimit(enc({ type: ['VerifiableCredential', 'BitstringStatusListCredential'], credentialSubject: { ttl: 60_000 } }), at)).toBe(at + 60_000);
    const jwt = `e30.${Buffer.from(JSON.stringify({ exp: at / 1000 + 10, vc: { type: ['VerifiableCredential', 'BitstringStatusListCredential'] } })).toString('base64url')}.sig`;
    expect(contentValidityLimit(new TextEncoder().encode(jwt), at)).toBe(at + 10_000);
    const tokenList = `e30.${Buffer.from(JSON.stringify({ status_list: { bits: 1, lst: 'eNo' }, ttl: 300 })).toString('base64url')}.sig`;
    expect(contentValidityLimit(new TextEncoder().encode(tokenList), at)).toBe(at + 300_000);
    expect(contentValidityLimit(enc({ id: 'did:web:example.org' }), at)).toBeUndefined();
  });

  it('treats a failing store as a miss: the network answers', async () => {
    const net = origin(() => new Response('{}', { headers: { 'cache-control': 'max-age=60' } }));
    const broken = { name: 'broken', get: async () => undefined, set: async () => Promise.reject(new Error('down')) };
    const cached = cachingFetch(net.fetch, { store: broken, maxBodyBytes: 1024 });
    expect((await get(cached)).status).toBe(200);
    await flush();
    expect((await get(cached)).status).toBe(200);
    expect(net.seen).toHaveLength(2);
  });
});

describe('the HTTP cache under bursts and bad entries', () => {
  it('sends one request for a burst of lookups of the same document', async () => {
    let calls = 0;
    const fetch: FetchLike = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 50));
      return new Response('{"doc":1}', { headers: { 'cache-control': 'max-age=60' } });
    };
    const cached = cachingFetch(fetch, { store: new MemoryStore(), maxBodyBytes: 1024 });
    const bodies = await Promise.all(Array.from({ length: 10 }, async () => (await get(cached)).text()));
    expect(bodies.every((b) => b === '{"doc":1}')).toBe(true);
    expect(calls).toBe(1);
  });

  it('treats an entry whose policy cannot be read as a miss', async () => {
    const net = origin(() => new Response('{}', { headers: { 'cache-control': 'max-age=60' } }));
    const poisoned = { name: 'poisoned', get: async () => ({ policy: { v: 99 } as never, body: 'AAAA' }), set: async () => undefined };
    const cached = cachingFetch(net.fetch, { store: poisoned, maxBodyBytes: 1024 });
    expect(await (await get(cached)).text()).toBe('{}');
    expect(net.seen).toHaveLength(1);
  });
});
