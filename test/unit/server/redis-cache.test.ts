import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CredlensServer } from '../../../server/app.js';
import { startFleetIssuer, type FleetIssuer } from '../../support/fleet-issuer.js';
import { startRedis, type RedisProcess } from '../../support/redis.js';
import { testServer } from '../../support/serve.js';

/** A real redis-server (Debian's) on a free loopback port, shared by two server replicas. */
let redis: RedisProcess;
let issuer: FleetIssuer;
const servers: CredlensServer[] = [];

function replica(): CredlensServer {
  const server = testServer({ redisUrl: redis.url, redisTimeoutMs: 100, trustLists: [{ id: 'demo', list: issuer.trust }] });
  servers.push(server);
  return server;
}

async function ready(server: CredlensServer): Promise<void> {
  for (let i = 0; i < 100 && !server.redis?.ready; i++) await new Promise((r) => setTimeout(r, 20));
  expect(server.redis?.ready).toBe(true);
}

async function verifyUrl(server: CredlensServer, id: string): Promise<{ verdict: string }> {
  const response = await server.app.inject({ method: 'POST', url: '/v1/verify', payload: { url: `${issuer.origin}/credentials/${id}` } });
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function verifyToken(server: CredlensServer, id: string): Promise<{ verdict: string }> {
  const response = await server.app.inject({ method: 'POST', url: '/v1/verify', headers: { 'content-type': 'application/jwt' }, payload: issuer.credentials.get(id) as string });
  return response.json();
}

const statusFetches = () => issuer.requests.filter((r) => r.path.startsWith('/status')).length;
const flush = () => new Promise((r) => setTimeout(r, 100));

beforeAll(async () => {
  redis = await startRedis();
  issuer = await startFleetIssuer();
});

afterAll(async () => {
  for (const server of servers) await server.close();
  await issuer?.close();
  await redis?.stop();
});

describe('the shared cache (Redis)', () => {
  it('lets a second replica verify without contacting the issuer again', async () => {
    const a = replica();
    const b = replica();
    await Promise.all([ready(a), ready(b)]);
    expect((await verifyToken(a, 'vc-jwt-valid')).verdict).toBe('verified');
    expect((await verifyUrl(a, 'ob3-di-valid')).verdict).toBe('verified');
    await flush(); // the store write follows the response
    const before = issuer.requests.length;
    expect(before).toBeGreaterThan(0);
    expect((await verifyToken(b, 'vc-jwt-valid')).verdict).toBe('verified');
    expect((await verifyUrl(b, 'ob3-di-valid')).verdict).toBe('verified');
    expect(issuer.requests.length).toBe(before);
    const metrics = (await b.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/credlens_cache_requests_total\{store="redis",result="hit"\} [1-9]/);
    expect(metrics).not.toContain('credlens_outbound_fetches_total{origin=');
    expect((await b.app.inject({ method: 'GET', url: '/healthz' })).json().cache).toBe('redis-connected');
  });

  it('revalidates a stale entry with If-None-Match and keeps the body on 304', async () => {
    issuer.cacheControl = 'max-age=0, must-revalidate';
    try {
      const a = replica();
      await ready(a);
      await verifyToken(a, 'sd-jwt-valid');
      await flush();
      const start = issuer.requests.length;
      expect((await verifyToken(a, 'sd-jwt-valid')).verdict).toBe('verified');
      const again = issuer.requests.slice(start);
      expect(again.length).toBeGreaterThan(0);
      expect(again.every((r) => r.conditional && r.status === 304)).toBe(true);
    } finally {
      issuer.cacheControl = 'max-age=300';
    }
  });

  it('never stores a no-store answer', async () => {
    issuer.cacheControl = 'no-store';
    const fresh = testServer({ trustLists: [{ id: 'demo', list: issuer.trust }] });
    servers.push(fresh);
    try {
      const before = statusFetches();
      expect((await verifyToken(fresh, 'vc-jwt-valid')).verdict).toBe('verified');
      await flush();
      const mid = statusFetches();
      expect(mid - before).toBeGreaterThan(0);
      await verifyToken(fresh, 'vc-jwt-valid');
      expect(statusFetches() - mid).toBe(mid - before);
    } finally {
      issuer.cacheControl = 'max-age=300';
    }
  });

  it('ignores a poisoned or unreadable Redis entry and verifies from the network', async () => {
    const a = replica();
    await ready(a);
    const client = createClient({ url: redis.url });
    await client.connect();
    const keys = await client.keys('credlens:http:v1:*');
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) await client.set(key, '{"policy": 1, "body": "not base64 of anything"', { expiration: { type: 'EX', value: 60 } });
    await client.close();
    expect((await verifyToken(a, 'vc-jwt-valid')).verdict).toBe('verified');
    expect((await verifyToken(a, 'vc-jwt-revoked')).verdict).toBe('invalid');
  });

  it('keeps verifying when Redis stops mid-run, within a bounded wait, and uses it again when it is back', async () => {
    const a = replica();
    await ready(a);
    await redis.stop();
    a.memoryStore?.clear();
    const started = Date.now();
    const results = await Promise.all([verifyToken(a, 'vc-jwt-valid'), verifyUrl(a, 'ob3-di-valid'), verifyToken(a, 'vc-jwt-revoked')]);
    expect(results.map((r) => r.verdict)).toEqual(['verified', 'verified', 'invalid']);
    expect(Date.now() - started).toBeLessThan(8000);
    expect((await a.app.inject({ method: 'GET', url: '/healthz' })).json().cache).toBe('redis-disconnected');

    await redis.restart();
    await ready(a);
    a.memoryStore?.clear();
    expect((await verifyToken(a, 'vc-jwt-valid')).verdict).toBe('verified');
    await flush();
    const before = issuer.requests.length;
    a.memoryStore?.clear();
    expect((await verifyToken(a, 'vc-jwt-valid')).verdict).toBe('verified');
    expect(issuer.requests.length).toBe(before);
  });

  it('answers within the bound when Redis is unreachable from the start', async () => {
    const lonely = testServer({ redisUrl: 'redis://127.0.0.1:1', redisTimeoutMs: 50, trustLists: [{ id: 'demo', list: issuer.trust }] });
    servers.push(lonely);
    const report = await verifyToken(lonely, 'vc-jwt-valid');
    expect(report.verdict).toBe('verified');
    expect((await lonely.app.inject({ method: 'GET', url: '/healthz' })).json().cache).toBe('redis-disconnected');
  });
});
