import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinnedFetch } from '../../../node/fetch.js';
import { verify } from '../../../lib/index.js';
import { createIo, MemoryCache } from '../../../lib/io/index.js';
import { isNonPublicAddress, parseIpv6 } from '../../../lib/io/address.js';
import type { NetworkPolicy } from '../../../lib/io/types.js';
import { newIssuer, sampleVc, signDi } from './sign-di.js';

/**
 * The network is hostile or absent. These tests talk to REAL local servers (node:http and node:https
 * on 127.0.0.1) through the one seam, using the development setting that allows loopback.
 */

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface LocalServer {
  base: string;
  requests: IncomingMessage[];
  close(): Promise<void>;
}

async function listen(server: Server, scheme: 'http' | 'https'): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function startHttp(routes: Record<string, Handler>): Promise<LocalServer> {
  const requests: IncomingMessage[] = [];
  const server = createHttpServer((req, res) => {
    requests.push(req);
    const route = routes[(req.url ?? '/').split('?')[0] ?? '/'];
    if (route) route(req, res);
    else {
      res.statusCode = 404;
      res.end('not found');
    }
  });
  const base = await listen(server, 'http');
  return {
    base,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const DEV: Partial<NetworkPolicy> = { allowHttp: true, allowPrivateNetwork: true, redirect: 'manual' };

const credentialJson = JSON.stringify({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential'],
  issuer: 'did:example:issuer',
  credentialSubject: { id: 'did:example:learner' },
});

describe('hostile and failing servers (real local HTTP server)', () => {
  let server: LocalServer;
  let flaky = 0;
  beforeAll(async () => {
    server = await startHttp({
      '/ok': (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.setHeader('set-cookie', 'session=attacker; Path=/');
        res.end(credentialJson);
      },
      '/reset': (req) => req.socket.destroy(),
      '/500': (_req, res) => {
        res.statusCode = 500;
        res.end('internal error');
      },
      '/flaky': (_req, res) => {
        flaky++;
        if (flaky === 1) {
          res.statusCode = 503;
          res.end('try later');
          return;
        }
        res.setHeader('content-type', 'application/json');
        res.end(credentialJson);
      },
      '/slow-headers': (_req, res) => {
        setTimeout(() => res.end('{}'), 2_000).unref();
      },
      '/slow-body': (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.write('{"a":');
        const timer = setInterval(() => res.write(' '), 50);
        timer.unref();
        res.on('close', () => clearInterval(timer));
      },
      '/huge': (_req, res) => {
        // No content-length: the cap must hold while streaming.
        res.setHeader('content-type', 'application/json');
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const pump = (): void => {
          while (sent < 64 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
          res.end();
        };
        res.on('close', () => {
          sent = Number.POSITIVE_INFINITY;
        });
        pump();
      },
      '/loop': (_req, res) => {
        res.statusCode = 302;
        res.setHeader('location', `/loop?n=${Math.random()}`);
        res.end();
      },
      '/to-metadata': (_req, res) => {
        res.statusCode = 302;
        res.setHeader('location', 'http://169.254.169.254/latest/meta-data/');
        res.end();
      },
      '/to-ipv6-mapped-loopback': (_req, res) => {
        res.statusCode = 307;
        res.setHeader('location', 'https://[::ffff:127.0.0.1]/admin');
        res.end();
      },
      '/not-json': (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end('<html>definitely not json');
      },
    });
  });
  afterAll(async () => server.close());

  it('a connection reset becomes IO_NETWORK, not a crash', async () => {
    const io = createIo({ policy: DEV });
    await expect(io.get(`${server.base}/reset`, { kind: 'credential' })).rejects.toMatchObject({ code: 'IO_NETWORK' });
  });

  it('an HTTP 500 becomes IO_HTTP_STATUS with the status kept', async () => {
    const io = createIo({ policy: DEV });
    await expect(io.get(`${server.base}/500`, { kind: 'status-list' })).rejects.toMatchObject({ code: 'IO_HTTP_STATUS', httpStatus: 500 });
  });

  it('a server that never sends headers times out within the limit', async () => {
    const io = createIo({ policy: { ...DEV, timeoutMs: 300 } });
    const started = Date.now();
    await expect(io.get(`${server.base}/slow-headers`, { kind: 'credential' })).rejects.toMatchObject({ code: 'IO_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('a server that trickles its body forever times out (slowloris), the time limit covers the body too', async () => {
    const io = createIo({ policy: { ...DEV, timeoutMs: 400 } });
    const started = Date.now();
    await expect(io.get(`${server.base}/slow-body`, { kind: 'credential' })).rejects.toMatchObject({ code: 'IO_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('an endless body without content-length is cut at the response cap (memory stays bounded)', async () => {
    const io = createIo({ policy: { ...DEV, maxBytes: 256 * 1024 } });
    await expect(io.get(`${server.base}/huge`, { kind: 'credential' })).rejects.toMatchObject({ code: 'IO_TOO_LARGE' });
  });

  it('a redirect loop stops after the redirect limit', async () => {
    const before = server.requests.length;
    const io = createIo({ policy: DEV });
    await expect(io.get(`${server.base}/loop`, { kind: 'credential' })).rejects.toMatchObject({ code: 'IO_TOO_MANY_REDIRECTS' });
    expect(server.requests.length - before).toBeLessThanOrEqual(4);
  });

  it('a public server cannot redirect the verifier to the cloud metadata address or to IPv4-mapped loopback', async () => {
    // issuer.example is served by the local server through a fetch that only rewrites the host, so
    // the production policy (https only, no private addresses) judges every hop.
    const contacted: string[] = [];
    const io = createIo({
      policy: { redirect: 'manual', resolveHost: async () => ['93.184.215.14'] },
      fetch: async (url, init) => {
        contacted.push(url);
        const target = new URL(url);
        if (target.hostname !== 'issuer.example') throw new Error(`the seam must not connect to ${url}`);
        return fetch(`${server.base}${target.pathname}`, init);
      },
    });
    await expect(io.get('https://issuer.example/to-metadata', { kind: 'credential' })).rejects.toMatchObject({ code: 'IO_BLOCKED_SCHEME' });
    await expect(io.get('https://issuer.example/to-ipv6-mapped-loopback', { kind: 'credential' })).rejects.toMatchObject({ code: 'IO_BLOCKED_ADDRESS' });
    expect(contacted).toEqual(['https://issuer.example/to-metadata', 'https://issuer.example/to-ipv6-mapped-loopback']);
  });

  it('sends no cookie, no authorization and no referer header, and keeps no cookie a server sets', async () => {
    const io = createIo({ policy: DEV });
    await io.get(`${server.base}/ok`, { kind: 'credential', cacheTtlSeconds: 0 });
    await io.get(`${server.base}/ok`, { kind: 'credential', cacheTtlSeconds: 0 });
    const last = server.requests[server.requests.length - 1] as IncomingMessage;
    expect(last.headers.cookie).toBeUndefined();
    expect(last.headers.authorization).toBeUndefined();
    expect(last.headers.referer).toBeUndefined();
  });

  it('a body that is not JSON where JSON is expected becomes IO_BAD_CONTENT', async () => {
    const io = createIo({ policy: DEV });
    await expect(io.getJson(`${server.base}/not-json`, { kind: 'did-document' })).rejects.toMatchObject({ code: 'IO_BAD_CONTENT' });
  });

  it('a 503 is not cached: the same io and cache succeed on retry (no poisoned cache)', async () => {
    flaky = 0;
    const cache = new MemoryCache();
    const options = { network: DEV, cache };
    const first = await verify(`${server.base}/flaky`, options);
    expect(first.checks[0]).toMatchObject({ id: 'input', code: 'INPUT_FETCH_FAILED', status: 'warn' });
    expect(first.verdict).toBe('unverifiable');
    const second = await verify(`${server.base}/flaky`, options);
    expect(second.checks[0]).toMatchObject({ id: 'input', code: 'INPUT_READ', status: 'pass' });
    expect(flaky).toBe(2);
  });

  it('verify() on a reset, a 500 or a timeout returns a report with a reason, never throws', async () => {
    for (const path of ['/reset', '/500', '/slow-headers']) {
      const report = await verify(`${server.base}${path}`, { network: { ...DEV, timeoutMs: 300 } });
      expect(report.verdict, path).toBe('unverifiable');
      expect(report.checks[0]?.code, path).toBe('INPUT_FETCH_FAILED');
      expect(report.checks[0]?.message.length, path).toBeGreaterThan(10);
    }
  });

  it('without the development setting, the Node verifier refuses loopback servers (no SSRF from verify())', async () => {
    const before = server.requests.length;
    const report = await verify(`${server.base.replace('http:', 'https:')}/ok`);
    expect(report.checks[0]?.code).toBe('INPUT_URL_BLOCKED');
    expect(report.verdict).not.toBe('verified');
    expect(server.requests.length).toBe(before);
  });

  it('a redirect to an IPv4-mapped IPv6 loopback address is refused (the URL parser writes it in hex)', async () => {
    const calls: string[] = [];
    const io = createIo({
      policy: { redirect: 'manual' },
      fetch: async (url) => {
        calls.push(url);
        return new Response(null, { status: 307, headers: { location: 'https://[::ffff:127.0.0.1]/admin' } });
      },
    });
    await expect(io.get('https://issuer.example/cred', { kind: 'credential' })).rejects.toMatchObject({ code: 'IO_BLOCKED_ADDRESS' });
    expect(calls).toEqual(['https://issuer.example/cred']);
  });
});

describe('invalid TLS (real local HTTPS server with a self-signed certificate)', () => {
  let dir: string;
  let base: string;
  let close: () => Promise<void>;
  let hits = 0;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'credlens-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    const server = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => {
      hits++;
      res.setHeader('content-type', 'application/json');
      res.end(credentialJson);
    });
    base = await listen(server, 'https');
    close = () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
  });
  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a self-signed certificate is a network failure, the body is never read', async () => {
    const io = createIo({ policy: { allowPrivateNetwork: true, redirect: 'manual' } });
    await expect(io.get(`${base}/cred`, { kind: 'credential' })).rejects.toMatchObject({ code: 'IO_NETWORK' });
    expect(hits).toBe(0);
  });

  it('verify() reports the TLS failure as unverifiable with a reason', async () => {
    const report = await verify(`${base}/cred`, { network: { allowPrivateNetwork: true, redirect: 'manual' } });
    expect(report.verdict).toBe('unverifiable');
    expect(report.checks[0]).toMatchObject({ code: 'INPUT_FETCH_FAILED', details: { io: { code: 'IO_NETWORK' } } });
  });
});

describe('address guard: alternative spellings of private addresses', () => {
  it.each([
    ['https://[::ffff:127.0.0.1]/', 'IPv4-mapped loopback'],
    ['https://[::ffff:169.254.169.254]/', 'IPv4-mapped cloud metadata'],
    ['https://[::ffff:10.0.0.1]/', 'IPv4-mapped private'],
    ['https://[::127.0.0.1]/', 'IPv4-compatible loopback'],
    ['https://[0:0:0:0:0:0:0:1]/', 'long-form IPv6 loopback'],
    ['https://[2002:7f00:1::]/', '6to4 of loopback'],
    ['https://[2001:0:1::1]/', 'Teredo'],
    ['https://[fec0::1]/', 'site-local'],
    ['https://0x7f.1/', 'hex IPv4'],
    ['https://2130706433/', 'decimal IPv4'],
    ['https://017700000001/', 'octal IPv4'],
    ['https://127.1/', 'short IPv4'],
    ['https://0/', 'zero address'],
    ['https://localhost./', 'localhost with a trailing dot'],
    ['https://printer.local/', 'mDNS name'],
  ])('refuses %s (%s) before connecting', async (url) => {
    const calls: string[] = [];
    const io = createIo({ fetch: async (u) => (calls.push(u), new Response('{}')) });
    await expect(io.get(url, { kind: 'credential' })).rejects.toMatchObject({ code: 'IO_BLOCKED_ADDRESS' });
    expect(calls).toEqual([]);
  });

  it('refuses a public name whose DNS answer is an IPv4-mapped private address', async () => {
    const io = createIo({ fetch: async () => new Response('{}'), policy: { resolveHost: async () => ['::ffff:a9fe:a9fe'] } });
    await expect(io.get('https://rebind.example/x', { kind: 'credential' })).rejects.toMatchObject({ code: 'IO_BLOCKED_ADDRESS' });
  });

  it('refuses a name when any one of its DNS answers is private', async () => {
    const io = createIo({ fetch: async () => new Response('{}'), policy: { resolveHost: async () => ['93.184.215.14', '10.0.0.7'] } });
    await expect(io.get('https://split.example/x', { kind: 'credential' })).rejects.toMatchObject({ code: 'IO_BLOCKED_ADDRESS' });
  });

  it('refuses user names and passwords in links (no credentials sent)', async () => {
    const io = createIo({ fetch: async () => new Response('{}') });
    await expect(io.get('https://user:pass@issuer.example/x', { kind: 'credential' })).rejects.toMatchObject({ code: 'IO_BAD_URL' });
  });

  it.each(['file:///etc/passwd', 'data:application/json,{}', 'javascript:alert(1)', 'ftp://issuer.example/x', 'chrome-extension://abc/x', 'blob:https://issuer.example/x'])(
    'refuses the scheme of %s',
    async (url) => {
      const io = createIo({ fetch: async () => new Response('{}') });
      await expect(io.get(url, { kind: 'credential' })).rejects.toMatchObject({ code: 'IO_BLOCKED_SCHEME' });
    },
  );

  it('still allows ordinary public IPv6 and IPv4 addresses', () => {
    for (const a of ['2a00:1450:4001::1', '[2606:4700::6810:84e5]', '8.8.8.8', '::ffff:8.8.8.8', '2002:0808:0808::1']) expect(isNonPublicAddress(a), a).toBe(false);
  });

  it('parses IPv6 literals exactly and rejects malformed ones', () => {
    expect(parseIpv6('::ffff:7f00:1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]);
    expect(parseIpv6('::ffff:127.0.0.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]);
    expect(parseIpv6('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseIpv6('1::2::3')).toBeUndefined();
    expect(parseIpv6('12345::1')).toBeUndefined();
    expect(isNonPublicAddress('not:an:address:zz')).toBe(true);
  });
});

describe('DNS rebinding against the CLI (real local server)', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startHttp({
      '/cred': (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(credentialJson);
      },
    });
  });
  afterAll(async () => server.close());

  // The seam's own DNS check sees a public address; the connection-time lookup answers loopback.
  const rebinding = (fetchImpl: ReturnType<typeof pinnedFetch>) =>
    createIo({ fetch: fetchImpl, policy: { allowHttp: true, redirect: 'manual', resolveHost: async () => ['93.184.215.14'] } });

  it('refuses to connect when the name resolves to a private address at connect time, after passing the first check', async () => {
    const port = new URL(server.base).port;
    const before = server.requests.length;
    const io = rebinding(pinnedFetch({ resolve: async () => ['127.0.0.1'] }));
    await expect(io.get(`http://rebind.example:${port}/cred`, { kind: 'credential' })).rejects.toMatchObject({ code: 'IO_NETWORK', message: expect.stringMatching(/private address 127\.0\.0\.1/) });
    expect(server.requests.length).toBe(before);
  });

  it('the same connection succeeds when private addresses are allowed (so the refusal above is the guard, not a broken setup)', async () => {
    const port = new URL(server.base).port;
    const io = rebinding(pinnedFetch({ resolve: async () => ['127.0.0.1'], allowPrivateNetwork: true }));
    const response = await io.get(`http://rebind.example:${port}/cred`, { kind: 'credential', cacheTtlSeconds: 0 });
    expect(new TextDecoder().decode(response.body)).toBe(credentialJson);
  });
});

describe('a failing status-list server: the check warns with a reason, the rest of the report stands, a retry works', () => {
  let server: LocalServer;
  let mode: 'reset' | '500' | 'slow' | 'ok' = 'reset';
  let listJson = '';
  beforeAll(async () => {
    server = await startHttp({
      '/status/1': (req, res) => {
        if (mode === 'reset') return req.socket.destroy();
        if (mode === '500') {
          res.statusCode = 500;
          return res.end('down');
        }
        if (mode === 'slow') return void setTimeout(() => res.end(listJson), 3_000).unref();
        res.setHeader('content-type', 'application/json');
        res.end(listJson);
      },
    });
  });
  afterAll(async () => server.close());

  it('reset, 500 and timeout each give STATUS_LIST_UNAVAILABLE (warning) with the proof still valid; afterwards the same cache gives STATUS_ACTIVE', async () => {
    const issuer = newIssuer();
    const listUrl = `${server.base}/status/1`;
    listJson = JSON.stringify(
      await signDi(
        {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          id: listUrl,
          type: ['VerifiableCredential', 'BitstringStatusListCredential'],
          issuer: issuer.did,
          validFrom: '2026-01-01T00:00:00Z',
          credentialSubject: { id: `${listUrl}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: `u${Buffer.from(gzipSync(new Uint8Array(16 * 1024))).toString('base64url')}` },
        },
        issuer,
      ),
    );
    const credential = await signDi(
      { ...sampleVc(issuer.did), credentialStatus: { id: `${listUrl}#3`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '3', statusListCredential: listUrl } },
      issuer,
    );
    const cache = new MemoryCache();
    const options = { cache, at: new Date('2026-06-01T00:00:00Z'), network: { ...DEV, timeoutMs: 500 } };
    for (const failure of ['reset', '500', 'slow'] as const) {
      mode = failure;
      const report = await verify(credential, options);
      const status = report.checks.find((c) => c.id === 'status');
      expect(status?.code, failure).toBe('STATUS_LIST_UNAVAILABLE');
      expect(status?.message.length, failure).toBeGreaterThan(20);
      expect(report.checks.find((c) => c.id === 'proof')?.code, failure).toBe('DI_PROOF_VALID');
      expect(report.verdict, failure).toBe('warning');
    }
    mode = 'ok';
    const later = await verify(credential, options);
    expect(later.checks.find((c) => c.id === 'status')?.code).toBe('STATUS_ACTIVE');
  });
});
