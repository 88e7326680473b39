import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { startFleetIssuer, type FleetIssuer } from '../../test/support/fleet-issuer.js';
import { startRedis, type RedisProcess } from '../../test/support/redis.js';

/**
 * `npm run bench -- --only server`: `credlens serve` under load on loopback (autocannon), one process
 * and two processes sharing Redis. The issuer is a real local HTTP server (the demo's issuers: did:jwk
 * and did:key credentials whose Bitstring Status Lists it hosts with `Cache-Control: max-age=300`), so
 * the first verification of each list is an outbound fetch and the rest are cache hits.
 */

export interface LoadRow {
  scenario: string;
  workload: 'VC-JWT' | 'OB 3.0 DI';
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  targetRps: number;
}

export interface ServerLoadResult {
  seconds: number;
  connections: number;
  rows: LoadRow[];
  outbound: { firstReplica: number; secondReplica: number };
  notes: string[];
}

const ROOT = resolve(import.meta.dirname, '../..');
const TARGET = { 'VC-JWT': 500, 'OB 3.0 DI': 150 } as const;
const P99_TARGET_MS = 100;

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => done(port));
    });
  });
}

interface Replica {
  url: string;
  child: ChildProcess;
}

async function startReplica(redisUrl: string, trustFile: string): Promise<Replica> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/credlens.mjs'), 'serve', '--port', String(port), '--redis', redisUrl, '--trust', trustFile, '--allow-http', '--allow-private-network', '--log-level', 'warn'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      const health = (await (await fetch(`${url}/healthz`)).json()) as { cache: string };
      if (health.cache === 'redis-connected') return { url, child };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('credlens serve did not start within 30 s');
}

async function stopReplica(replica: Replica): Promise<void> {
  if (replica.child.exitCode !== null) return;
  await new Promise<void>((done) => {
    replica.child.once('exit', () => done());
    replica.child.kill('SIGTERM');
  });
}

/** Outbound requests this replica sent (its own /metrics). */
async function outboundOf(replica: Replica): Promise<number> {
  const text = await (await fetch(`${replica.url}/metrics`)).text();
  let total = 0;
  for (const match of text.matchAll(/^credlens_outbound_fetches_total\{[^}]*\} (\d+)/gm)) total += Number(match[1]);
  return total;
}

function load(url: string, body: string, contentType: string, seconds: number, connections: number): Promise<autocannon.Result> {
  return new Promise((done, fail) => {
    autocannon({ url: `${url}/v1/verify`, method: 'POST', headers: { 'content-type': contentType }, body, duration: seconds, connections }, (error, result) => (error ? fail(error) : done(result)));
  });
}

function row(scenario: string, workload: LoadRow['workload'], results: autocannon.Result[]): LoadRow {
  const rps = results.reduce((sum, r) => sum + r.requests.average, 0);
  return {
    scenario,
    workload,
    requestsPerSecond: rps,
    // Several replicas: the worst replica's percentiles.
    p50Ms: Math.max(...results.map((r) => r.latency.p50)),
    p99Ms: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((sum, r) => sum + r.errors + r.non2xx + r.timeouts, 0),
    targetRps: TARGET[workload] * results.length,
  };
}

export async function measureServerLoad(options: { quick: boolean }, log: (line: string) => void): Promise<ServerLoadResult> {
  const seconds = options.quick ? 3 : 8;
  const connections = 10;
  let redis: RedisProcess | undefined;
  let issuer: FleetIssuer | undefined;
  const replicas: Replica[] = [];
  try {
    redis = await startRedis();
    issuer = await startFleetIssuer();
    const dir = mkdtempSync(join(tmpdir(), 'credlens-bench-serve-'));
    const trustFile = join(dir, 'demo.json');
    writeFileSync(trustFile, JSON.stringify(issuer.trust));
    const workloads: Array<{ name: LoadRow['workload']; body: string; type: string }> = [
      { name: 'VC-JWT', body: issuer.credentials.get('vc-jwt-valid') as string, type: 'application/jwt' },
      { name: 'OB 3.0 DI', body: issuer.credentials.get('ob3-di-valid') as string, type: 'application/ld+json' },
    ];

    log('server: one process (Redis shared cache)');
    const first = await startReplica(redis.url, trustFile);
    replicas.push(first);
    for (const w of workloads) {
      // Warm-up: JIT, lazy format handlers, the status lists into the cache; and the verdict must be right.
      const check = (await (await fetch(`${first.url}/v1/verify`, { method: 'POST', headers: { 'content-type': w.type }, body: w.body })).json()) as { verdict: string };
      if (check.verdict !== 'verified') throw new Error(`${w.name}: the bench credential is ${check.verdict}, not verified`);
      await load(first.url, w.body, w.type, 1, connections);
    }
    const rows: LoadRow[] = [];
    for (const w of workloads) {
      log(`  ${w.name}: ${seconds} s`);
      rows.push(row('1 process', w.name, [await load(first.url, w.body, w.type, seconds, connections)]));
    }
    const firstOutbound = await outboundOf(first);

    log('server: a second process sharing the Redis cache');
    const second = await startReplica(redis.url, trustFile);
    replicas.push(second);
    for (const w of workloads) await load(second.url, w.body, w.type, 1, connections);
    for (const w of workloads) {
      log(`  ${w.name}: ${seconds} s on both at once`);
      rows.push(row('2 processes', w.name, await Promise.all([load(first.url, w.body, w.type, seconds, connections), load(second.url, w.body, w.type, seconds, connections)])));
    }
    const secondOutbound = await outboundOf(second);
    return {
      seconds,
      connections,
      rows,
      outbound: { firstReplica: firstOutbound, secondReplica: secondOutbound },
      notes: [
        `autocannon, ${connections} connections per process, ${seconds} s per row after a 1 s warm-up; POST /v1/verify on loopback; the issuer is a local HTTP server hosting the status lists (Cache-Control: max-age=300, ETag).`,
        'Two processes share this machine\'s cores, so their combined rate is bounded by the same CPUs as one process; the row shows what a second replica costs, not what a second machine adds.',
      ],
    };
  } finally {
    for (const replica of replicas) await stopReplica(replica);
    await issuer?.close();
    await redis?.stop();
  }
}

export function serverLoadTable(result: ServerLoadResult): string[] {
  const out = [
    `### Server load (credlens serve, ${result.seconds} s per row, ${result.connections} connections per process)`,
    '',
    '| scenario | workload | requests/s | target | p50 | p99 (target < 100 ms) | errors | met |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of result.rows) {
    const met = r.requestsPerSecond >= r.targetRps && r.p99Ms < P99_TARGET_MS && r.errors === 0;
    out.push(`| ${r.scenario} | ${r.workload} | ${r.requestsPerSecond.toFixed(0)} | ≥ ${r.targetRps} | ${r.p50Ms} ms | ${r.p99Ms} ms | ${r.errors} | ${met ? 'yes' : 'NO'} |`);
  }
  out.push('');
  out.push(
    `Outbound fetches to the issuer: first replica ${result.outbound.firstReplica} (each status list once), second replica ${result.outbound.secondReplica} (target ≈ 0: it read the lists from Redis)${result.outbound.secondReplica === 0 ? '' : ' — NOT met'}.`,
  );
  for (const note of result.notes) out.push(`- ${note}`);
  return out;
}
