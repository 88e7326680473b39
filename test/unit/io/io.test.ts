import { describe, expect, it } from 'vitest';
import { createIo, memoryBundle, MemoryCache } from '../../../lib/io/index.js';
import type { FetchLike } from '../../../lib/io/types.js';

function seam(handler: (url: string, init: RequestInit) => Response | Promise<Response>): FetchLike & { calls: Array<{ url: string; init: RequestInit }> } {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fn = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return handler(url, init);
  }) as FetchLike & { calls: typeof calls };
  fn.calls = calls;
  return fn;
}

const json = (value: unknown, init: ResponseInit = {}) => new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' }, ...init });

describe('the network seam', () => {
  it('consults the resource bundle before the network', async () => {
    const fetch = seam(() => json({ from: 'network' }));
    const io = createIo({ fetch, bundle: memoryBundle({ 'https://issuer.example/did.json': { from: 'bundle' } }) });
    expect((await io.getJson('https://issuer.example/did.json', { kind: 'did-document' })).value).toEqual({ from: 'bundle' });
    expect(fetch.calls).toHaveLength(0);
  });

  it('sends no cookies, no credentials and no referrer', async () => {
    const fetch = seam(() => json({}));
    await createIo({ fetch }).get('https://issuer.example/x', { kind: 'credential' });
    expect(fetch.calls[0]?.init.credentials).toBe('omit');
    expect(fetch.calls[0]?.init.referrerPolicy).toBe('no-referrer');
  });

  it('refuses http: unless the development setting allows it', async () => {
    const fetch = seam(() => json({}));
    await expect(createIo({ fetch }).get('http://issuer.example/x', { kind: 'credential' })).rejects.toMatchObject({ code: 'IO_BLOCKED_SCHEME' });
    await expect(createIo({ fetch, policy: { allowHttp: true } }).get('http://issuer.example/x', { kind: 'credential' })).resolves.toMatchObject({ finalUrl: 'http://issuer.example/x', from: 'network' });
    expect(fetch.calls).toHaveLength(1);
  });

  it('refuses private and loopback addresses, literal or after DNS', async () => {
    const fetch = seam(() => json({}));
    await expect(createIo({ fetch }).get('https://192.168.0.10/x', { kind: 'credential' })).rejects.toMatchObject({ code: 'IO_BLOCKED_ADDRESS' });
    await expect(createIo({ fetch }).get('https://localhost/x', { kind: 'credential' })).rejects.toMatchObject({ code: 'IO_BLOCKED_ADDRESS' });
    const io = createIo({ fetch, policy: { resolveHost: async () => ['10.0.0.5'] } });
    await expect(io.get('https://intranet.example/x', { kind: 'credential' })).rejects.toMatchObject({ code: 'IO_BLOCKED_ADDRESS' });
    expect(fetch.calls).toHaveLength(0);
  });

  it('re-checks every redirect hop: a redirect to a private address is refused', async () => {
    const fetch = seam((url) => (url.startsWith('https://issuer.example') ? new Response(null, { status: 302, headers: { location: 'https://169.254.169.254/latest' } }) : json({})));
    await expect(createIo({ fetch, policy: { redirect: 'manual' } }).get('https://issuer.example/x', { kind: 'credential' })).rejects.toMatchObject({ code: 'IO_BLOCKED_ADDRESS' });
    expect(fetch.calls).toHaveLength(1);
  });

  it('stops after too many redirects', async () => {
    let n = 0;
    const fetch = seam(() => new Response(null, { status: 301, headers: { location: `https://issuer.example/${++n}` } }));
    await expect(createIo({ fetch, policy: { redirect: 'manual' } }).get('https://issuer.example/0', { kind: 'credential' })).rejects.toMatchObject({ code: 'IO_TOO_MANY_REDIRECTS' });
  });

  it('caps the response size while reading, whatever the headers say', async () => {
    const big = new Uint8Array(4096);
    const stream = new ReadableStream({ start(c) { for (let i = 0; i < 10; i++) c.enqueue(big); c.close(); } });
    const fetch = seam(() => new Response(stream));
    await expect(createIo({ fetch, policy: { maxBytes: 10_000 } }).get('https://issuer.example/x', { kind: 'credential' })).rejects.toMatchObject({ code: 'IO_TOO_LARGE' });
  });

  it('times out a slow server', async () => {
    const fetch = seam((_url, init) => new Promise<Response>((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))));
    await expect(createIo({ fetch, policy: { timeoutMs: 50 } }).get('https://issuer.example/x', { kind: 'credential' })).rejects.toMatchObject({ code: 'IO_TIMEOUT' });
  });

  it('never caches a failure, so a later retry can succeed (no poisoned cache)', async () => {
    let fail = true;
    const fetch = seam(() => (fail ? new Response('down', { status: 503 }) : json({ ok: true })));
    const io = createIo({ fetch, cache: new MemoryCache() });
    await expect(io.get('https://issuer.example/x', { kind: 'did-document' })).rejects.toMatchObject({ code: 'IO_HTTP_STATUS', httpStatus: 503 });
    fail = false;
    expect((await io.getJson('https://issuer.example/x', { kind: 'did-document' })).value).toEqual({ ok: true });
    await io.get('https://issuer.example/x', { kind: 'did-document' });
    expect(fetch.calls).toHaveLength(2);
  });

  it('keeps Accept within the 128 bytes browsers send without a CORS preflight', async () => {
    const fetch = seam(() => json({}));
    const long = Array.from({ length: 12 }, (_, i) => `application/x-type-${i}+json`).join(', ');
    await createIo({ fetch }).get('https://issuer.example/x', { kind: 'credential', accept: long });
    const sent = new Headers(fetch.calls[0]?.init.headers).get('accept') ?? '';
    expect(sent.length).toBeLessThanOrEqual(128);
    expect(sent.startsWith('application/x-type-0+json')).toBe(true);
  });

  it('offline: never calls fetch and says what was missing', async () => {
    const fetch = seam(() => json({}));
    let lookups = 0;
    const io = createIo({ fetch, offline: true, policy: { resolveHost: async () => (lookups++, ['93.184.215.14']) } });
    await expect(io.get('https://issuer.example/x', { kind: 'credential' })).rejects.toMatchObject({ code: 'IO_OFFLINE' });
    expect(fetch.calls).toHaveLength(0);
    expect(lookups).toBe(0); // offline means no DNS either
  });
});
