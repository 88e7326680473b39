import { gzipSync } from 'node:zlib';
import { peerContexts, signDi, unsignedCredential } from '../fixtures.js';

export interface ThroughputRun {
  name: string;
  totalMs: number;
  requests: number;
  verified: number;
}

export interface ThroughputResult {
  credentials: number;
  issuers: number;
  latencyMs: number;
  runs: ThroughputRun[];
  notes: string[];
}

const ISSUERS = 5;

interface Issuer {
  did: string;
  host: string;
  statusUrl: string;
  key: { id: string; controller: string; signer(): unknown; export(o: object): Promise<Record<string, unknown>> };
}

/**
 * 1,000 distinct Data Integrity credentials (VC 2.0 and Open Badges 3.0, eddsa-rdfc-2022) from five
 * did:web issuers, each credential with a Bitstring Status List entry on its issuer's one shared,
 * signed status list. The network is an in-process fetch that answers from memory at once and
 * counts requests, so the figures are CPU cost; the request counts say what a real network adds.
 */
export async function measureThroughput(count: number, log: (line: string) => void): Promise<ThroughputResult> {
  const Ed25519Multikey = await import('@digitalbazaar/ed25519-multikey');
  const documents = await peerContexts();
  const served = new Map<string, string>();
  const issuers: Issuer[] = [];
  for (let i = 0; i < ISSUERS; i++) {
    const host = `issuer${i + 1}.credlens-bench.eu`;
    const did = `did:web:${host}`;
    const key = await Ed25519Multikey.generate();
    key.id = `${did}#key-1`;
    key.controller = did;
    const vm = await key.export({ publicKey: true, includeContext: false });
    served.set(`https://${host}/.well-known/did.json`, JSON.stringify({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: [vm],
      assertionMethod: [key.id],
    }));
    const statusUrl = `https://${host}/status/1`;
    const bits = new Uint8Array(16 * 1024); // 131,072 entries, none revoked
    const encodedList = `u${Buffer.from(gzipSync(bits)).toString('base64url')}`;
    const list = await signDi(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: statusUrl,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: did,
        validFrom: '2026-01-01T00:00:00Z',
        credentialSubject: { id: `${statusUrl}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList },
      },
      'eddsa-rdfc-2022',
      { did, key: key as never, didDocument: {} },
      documents,
    );
    served.set(statusUrl, JSON.stringify(list));
    issuers.push({ did, host, statusUrl, key });
  }

  log(`  signing ${count} credentials`);
  const credentials: Record<string, unknown>[] = [];
  for (let n = 0; n < count; n++) {
    const issuer = issuers[n % ISSUERS] as Issuer;
    const status = {
      credentialStatus: {
        id: `${issuer.statusUrl}#${n}`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: String(n),
        statusListCredential: issuer.statusUrl,
      },
    };
    const unsigned = unsignedCredential(n % 2 === 0 ? 'vc2' : 'ob3', issuer.did, `did:example:learner-${n}`, status);
    credentials.push(await signDi(unsigned, 'eddsa-rdfc-2022', { did: issuer.did, key: issuer.key as never, didDocument: {} }, documents));
  }

  const { loadCredlens } = await import('../build-lib.js');
  const { verify, MemoryCache } = await loadCredlens();
  let requests = 0;
  const fetch = async (url: string): Promise<Response> => {
    requests += 1;
    const body = served.get(url);
    return body === undefined ? new Response('not found', { status: 404 }) : new Response(body, { headers: { 'content-type': 'application/json' } });
  };

  // Warm the process first (contexts, modules), so the two runs differ by the cache alone.
  for (const credential of credentials.slice(0, 10)) await verify(credential, { fetch });
  // Interleaved in batches of 50, alternating which goes first, so machine noise falls on both alike.
  const cache = new MemoryCache();
  const runs: ThroughputRun[] = [
    { name: 'no cache (fresh io per verify)', totalMs: 0, requests: 0, verified: 0 },
    { name: 'shared MemoryCache', totalMs: 0, requests: 0, verified: 0 },
  ];
  const batch = async (slice: Record<string, unknown>[], target: ThroughputRun, shared: boolean) => {
    const before = requests;
    const t0 = performance.now();
    for (const credential of slice) {
      const report = await verify(credential, { fetch, ...(shared ? { cache } : {}) });
      const status = report.checks.find((c) => c.id === 'status');
      if ((report.verdict === 'verified' || report.verdict === 'warning') && status?.status === 'pass') target.verified += 1;
      else log(`  not verified: ${report.verdict} ${JSON.stringify(report.checks.filter((c) => c.status !== 'pass').map((c) => c.code))}`);
    }
    target.totalMs += performance.now() - t0;
    target.requests += requests - before;
  };
  for (let start = 0, k = 0; start < credentials.length; start += 50, k++) {
    const slice = credentials.slice(start, start + 50);
    if (k % 2 === 0) {
      await batch(slice, runs[0] as ThroughputRun, false);
      await batch(slice, runs[1] as ThroughputRun, true);
    } else {
      await batch(slice, runs[1] as ThroughputRun, true);
      await batch(slice, runs[0] as ThroughputRun, false);
    }
  }
  for (const r of runs) log(`  ${r.name}: ${(r.totalMs / 1000).toFixed(1)} s, ${r.requests} requests, ${r.verified} verified`);

  const [plain, cached] = runs as [ThroughputRun, ThroughputRun];
  const notes = [
    `The shared cache saves ${plain.requests - cached.requests} of ${plain.requests} network requests; at a 50 ms round trip (sequential) that is ${((plain.requests - cached.requests) * 0.05).toFixed(0)} s of waiting the figures above do not include.`,
    `CPU: without the cache, ${(plain.totalMs / cached.totalMs).toFixed(2)}× the time with it (reading and parsing DID documents and status lists again). Either way a status list credential is verified once per process for the same bytes (lib/status/list-memo.ts), not once per credential; with the shared cache each status list and DID document is also parsed, hashed and decoded once per cached copy (lib/status/list-cache.ts, lib/io/parsed-once.ts).`,
  ];
  return { credentials: count, issuers: ISSUERS, latencyMs: 0, runs, notes };
}
