/**
 * `npm start`: the Credlens demo, on loopback with no internet.
 * - a job board (port P) where an applicant attaches credentials with <credlens-verifier upload>,
 *   with a same-origin proxy and server-side re-verification of what was submitted;
 * - an examples page verifying every example of demo/examples.ts in place;
 * - a local issuer (port P+1) hosting keys, the status list and credentials signed at start-up.
 * `--smoke` (or CREDLENS_DEMO_SMOKE=1) starts on free ports, checks itself and exits.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verify, verifyAll, type TrustList, type VerificationReport, type VerifyOptions } from '../lib/index.js';
import { EXAMPLES, exampleById } from './examples.js';
import { createDemoIssuers, demoTrustList, publishedDocuments, type DemoIssuers, type Published } from './issuers/index.js';
import { buildCvPdf } from './cv.js';
import { appliedPage, examplesPage, indexPage, issuerPage, jobsPage, verifyPage } from './pages.js';
import { buildServer, type CredlensServer } from '../server/app.js';
import { DEFAULT_BODY_LIMIT } from '../server/verifier.js';
import { pinnedFetch } from '../node/fetch.js';
import { demoRegistry } from './registry.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WIDGET_DIR = join(ROOT, 'dist/widget');
const ASSETS_DIR = join(ROOT, 'demo/public');
const HOST = '127.0.0.1';
/** The applicant's CV (a PDF carrying credentials), built at start-up. */
export const CV_PATH = '/demo/anna-kowalska-cv.pdf';

/** DEMO ONLY: lets the verifier reach the local issuer over http on loopback. Never in production. */
const DEMO_NETWORK: VerifyOptions['network'] = { allowHttp: true, allowPrivateNetwork: true };

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

interface Demo {
  board: string;
  trust: TrustList;
  issuer: string;
  issuerNoCors: string;
  close(): Promise<void>;
}

export async function startDemo(port: number): Promise<Demo> {
  if (!existsSync(join(WIDGET_DIR, 'credlens-verifier.js'))) {
    throw new Error('dist/widget/credlens-verifier.js is missing: run `npm run build:widget` first (npm start does)');
  }
  const issuerServer = createServer();
  const issuerPort = await listen(issuerServer, port === 0 ? 0 : port + 1);
  const issuerOrigin = `http://${HOST}:${issuerPort}`;
  // The same issuer under a second host name that sends no CORS headers: how many real issuers behave.
  const noCorsOrigin = `http://localhost:${issuerPort}`;
  const issuers = await createDemoIssuers(issuerOrigin);
  const bodies = new Map<string, string | Uint8Array>();
  for (const example of EXAMPLES) bodies.set(example.id, await example.make(issuers));
  // Status lists and revocation lists last: the examples decide what is revoked.
  const documents = await publishedDocuments(issuers);
  issuerServer.on('request', (req, res) => void serveIssuer(req, res, issuers, bodies, documents).catch((e) => fail(res, e)));

  const boardServer = createServer();
  const boardPort = await listen(boardServer, port);
  const board = `http://${HOST}:${boardPort}`;
  const trust = demoTrustList(issuers);
  const cv = await buildCvPdf({ issuer: issuerOrigin, bodies });
  const checker = boardChecker(trust);
  boardServer.on('request', (req, res) => void serveBoard(req, res, issuerOrigin, noCorsOrigin, trust, checker, cv).catch((e) => fail(res, e)));

  return {
    board,
    trust,
    issuer: issuerOrigin,
    issuerNoCors: noCorsOrigin,
    close: async () => {
      await Promise.all([close(boardServer), close(issuerServer), checker.close()]);
    },
  };
}

async function serveIssuer(
  req: IncomingMessage,
  res: ServerResponse,
  issuers: DemoIssuers,
  bodies: Map<string, string | Uint8Array>,
  documents: Map<string, Published>,
): Promise<void> {
  const issuer = issuers.jose;
  const url = new URL(req.url ?? '/', issuer.origin);
  const cors = (req.headers.host ?? '').startsWith(HOST);
  const headers: Record<string, string> = cors ? { 'access-control-allow-origin': '*' } : {};
  const send = (status: number, type: string, body: string | Uint8Array) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    res.end(body);
  };
  if (url.pathname === '/') return send(200, TYPES['.html']!, issuerPage(issuers, EXAMPLES));
  if (url.pathname === '/demo.css') return send(200, TYPES['.css']!, await readFile(join(ASSETS_DIR, 'demo.css'), 'utf8'));
  if (url.pathname === '/did.json') {
    return send(200, 'application/did+json', JSON.stringify({
      '@context': ['https://www.w3.org/ns/did/v1'],
      id: issuer.did,
      verificationMethod: [{ id: issuer.kid, type: 'JsonWebKey2020', controller: issuer.did, publicKeyJwk: issuer.publicJwk }],
      assertionMethod: [issuer.kid],
    }, null, 2));
  }
  if (url.pathname === '/jwks.json') return send(200, TYPES['.json']!, JSON.stringify({ keys: [{ ...issuer.publicJwk, kid: issuer.kid, use: 'sig' }] }, null, 2));
  const published = documents.get(url.pathname);
  if (published) return send(200, published.type, published.body);
  const match = /^\/credentials\/([\w-]+)$/.exec(url.pathname);
  const example = match ? exampleById(match[1]!) : undefined;
  if (example) return send(200, example.contentType, bodies.get(example.id)!);
  send(404, TYPES['.txt']!, 'Not found');
}

/**
 * The board's server-side check: the `credlens serve` application, in process. `apply` calls its
 * POST /v1/verify route (Fastify's inject), so the demo and a deployed server share one handler.
 */
function boardChecker(trust: TrustList): CredlensServer {
  return buildServer({
    version: 'demo',
    fetch: pinnedFetch({ allowPrivateNetwork: true }),
    trustLists: [{ id: 'demo', list: trust }],
    trainingRegistries: [demoRegistry()],
    offline: false,
    // DEMO ONLY, as DEMO_NETWORK: the local issuer is on loopback over http.
    allowHttp: true,
    allowPrivateNetwork: true,
    redisTimeoutMs: 50,
    cache: true,
    corsOrigins: [],
    bodyLimit: DEFAULT_BODY_LIMIT,
    batchBodyLimit: DEFAULT_BODY_LIMIT,
    batchMaxLines: 64,
    batchConcurrency: 4,
    deadlineMs: 20_000,
    outboundConcurrency: 16,
    perOriginConcurrency: 4,
    logLevel: 'silent',
  });
}

async function serveBoard(req: IncomingMessage, res: ServerResponse, issuer: string, issuerNoCors: string, trust: TrustList, checker: CredlensServer, cv: Uint8Array): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://board.invalid');
  const page = (status: number, html: string) => {
    res.writeHead(status, {
      'content-type': TYPES['.html']!,
      'cache-control': 'no-store',
      // The strict policy a careful job board would use: no inline script, no eval.
      'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data: ${issuer}; connect-src 'self' ${issuer} ${issuerNoCors}; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
      'x-content-type-options': 'nosniff',
    });
    res.end(html);
  };
  if (req.method === 'POST' && url.pathname === '/jobs/apply') return page(200, await apply(req, checker));
  if (url.pathname === '/demo/registry.json') {
    res.writeHead(200, { 'content-type': TYPES['.json']!, 'cache-control': 'no-store' }).end(JSON.stringify(demoRegistry(), null, 2));
    return;
  }
  if (url.pathname === '/demo/trust.json') {
    res.writeHead(200, { 'content-type': TYPES['.json']!, 'cache-control': 'no-store' }).end(JSON.stringify(trust));
    return;
  }
  if (url.pathname === CV_PATH) {
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-disposition': 'inline; filename="anna-kowalska-cv.pdf"', 'cache-control': 'no-store' }).end(cv);
    return;
  }
  if (url.pathname === '/') return page(200, indexPage(`http://${req.headers.host ?? ''}`, issuer, EXAMPLES));
  if (url.pathname === '/jobs') return page(200, jobsPage(issuer, EXAMPLES, CV_PATH));
  if (url.pathname === '/examples') return page(200, examplesPage(issuer, issuerNoCors, EXAMPLES));
  if (url.pathname === '/verify') {
    const theme = url.searchParams.get('theme');
    const lang = url.searchParams.get('lang');
    return page(200, verifyPage(url.searchParams.get('src') ?? '', {
      ...(theme === 'light' || theme === 'dark' ? { theme } : {}),
      ...(lang && /^[a-z]{2}$/.test(lang) ? { lang } : {}),
      compact: url.searchParams.has('compact'),
    }));
  }
  if (url.pathname === '/proxy') return proxy(url, res, [issuer, issuerNoCors]);
  if (url.pathname.startsWith('/widget/')) return serveFile(res, WIDGET_DIR, url.pathname.slice('/widget/'.length));
  if (url.pathname.startsWith('/assets/')) return serveFile(res, ASSETS_DIR, url.pathname.slice('/assets/'.length));
  res.writeHead(404, { 'content-type': TYPES['.txt']! }).end('Not found');
}

/**
 * The job board's proxy for issuers that block cross-origin reads. It only fetches what a verifier
 * needs, from origins it is configured for (here: the local issuer): an open proxy is a liability.
 */
async function proxy(url: URL, res: ServerResponse, allowedOrigins: string[]): Promise<void> {
  const target = url.searchParams.get('url') ?? '';
  let parsed: URL;
  try {
    parsed = new URL(target);
  } catch {
    res.writeHead(400, { 'content-type': TYPES['.txt']! }).end('url must be an absolute URL');
    return;
  }
  if (!allowedOrigins.includes(parsed.origin)) {
    res.writeHead(403, { 'content-type': TYPES['.txt']! }).end('This proxy only reads from the demo issuer');
    return;
  }
  const upstream = await fetch(parsed, { redirect: 'follow', signal: AbortSignal.timeout(10_000) });
  const body = Buffer.from(await upstream.arrayBuffer());
  res.writeHead(upstream.status, {
    'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream',
    'x-final-url': upstream.url,
    'cache-control': 'no-store',
  });
  res.end(body);
}

async function apply(req: IncomingMessage, checker: CredlensServer): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 12 * 1024 * 1024) throw new Error('Application too large');
    chunks.push(chunk as Buffer);
  }
  const form = await new Request('http://board.invalid/jobs/apply', {
    method: 'POST',
    headers: { 'content-type': req.headers['content-type'] ?? '' },
    body: Buffer.concat(chunks),
  }).formData();
  const results: Array<{ field: string; submitted: string; report: VerificationReport }> = [];
  for (const field of ['credential', 'credential2']) {
    // A field may carry several credentials (those the applicant chose from a PDF): one entry each.
    for (const value of form.getAll(field).slice(0, 32)) {
      if (value === '') continue;
      // Re-verify on the server with the same library: the browser's verdict is the applicant's claim.
      const response = await checker.app.inject({
        method: 'POST',
        url: '/v1/verify',
        headers: { 'content-type': typeof value === 'string' ? 'text/plain' : 'application/octet-stream' },
        payload: typeof value === 'string' ? value : Buffer.from(await value.arrayBuffer()),
      });
      const submitted = typeof value === 'string' ? value : `(file ${value.name}, ${value.size} bytes)`;
      if (response.statusCode !== 200) throw new Error(`The board's check refused ${submitted}: ${response.body}`);
      const body = response.json() as VerificationReport | Array<{ report: VerificationReport }>;
      for (const report of Array.isArray(body) ? body.map((r) => r.report) : [body]) results.push({ field, submitted, report });
    }
  }
  return appliedPage(String(form.get('applicant') ?? ''), results);
}

async function serveFile(res: ServerResponse, dir: string, relative: string): Promise<void> {
  const path = normalize(join(dir, decodeURIComponent(relative)));
  if (!path.startsWith(dir + sep) || !existsSync(path)) {
    res.writeHead(404, { 'content-type': TYPES['.txt']! }).end('Not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
  res.end(await readFile(path));
}

function fail(res: ServerResponse, error: unknown): void {
  console.error(error);
  if (!res.headersSent) res.writeHead(500, { 'content-type': TYPES['.txt']! });
  res.end('Internal error');
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** Verifies every example from the issuer, in Node, and compares with what the example expects. */
async function smoke(demo: Demo): Promise<boolean> {
  let ok = true;
  for (const path of ['/', '/jobs', '/examples', '/demo/registry.json', '/widget/credlens-verifier.js', '/widget/pdf.worker.js', '/assets/examples.js', CV_PATH]) {
    const response = await fetch(demo.board + path);
    console.log(`${response.ok ? 'ok  ' : 'FAIL'} GET ${path} ${response.status}`);
    ok &&= response.ok;
  }
  for (const example of EXAMPLES) {
    const expected = example.expectServer ?? example.expect;
    const report = await verify(`${demo.issuer}/credentials/${example.id}`, { network: DEMO_NETWORK, trust: [demo.trust], ...(example.registry ? { trainingRegistries: [demoRegistry()] } : {}) });
    const reason = demonstrates(example, report) ?? (example.registry && report.registry?.outcome !== example.registry ? `registry ${report.registry?.outcome ?? 'none'}, expected ${example.registry}: ` : undefined);
    const pass = report.verdict === expected && reason === undefined;
    ok &&= pass;
    const failing = report.checks.filter((c) => c.status !== 'pass').map((c) => c.code).join(', ');
    console.log(`${pass ? 'ok  ' : 'FAIL'} ${example.id.padEnd(20)} ${report.verdict.padEnd(12)} (expected ${expected}) ${reason ?? ''}${failing}`);
  }
  // The CV: every credential it carries is found (QR reading off, as in the widget) with the verdict of its example.
  const cv = new Uint8Array(await (await fetch(demo.board + CV_PATH)).arrayBuffer());
  const found = await verifyAll(cv, { network: DEMO_NETWORK, trust: [demo.trust], pdfQr: false });
  const expectedCv = ['text-link verified', 'annotation-link verified', 'text-link invalid', 'embedded-file verified', 'embedded-file verified'];
  const got = found.map((f) => `${f.location.kind} ${f.report.verdict}`);
  const cvOk = [...got].sort().join() === [...expectedCv].sort().join();
  ok &&= cvOk;
  console.log(`${cvOk ? 'ok  ' : 'FAIL'} CV PDF: ${got.join(', ')}${cvOk ? '' : ` (expected ${expectedCv.join(', ')})`}`);
  return ok;
}

/**
 * An invalid example must be invalid for the reason it demonstrates (a revoked one for its
 * revocation, not for a broken signature). Returns what is wrong, or undefined.
 */
function demonstrates(example: (typeof EXAMPLES)[number], report: VerificationReport): string | undefined {
  const failed = report.checks.filter((c) => c.status === 'fail');
  const reasons: Partial<Record<typeof example.variant, (code: string, id: string) => boolean>> = {
    tampered: (code, id) => ['proof', 'seal-integrity', 'hosted-origin', 'disclosures'].includes(id) || /SIGNATURE|COPY_MISMATCH|DISCLOSURE/.test(code),
    revoked: (code) => /REVOKED/.test(code),
    expired: (code) => code === 'VALIDITY_EXPIRED',
  };
  const codes = new Set<string>(report.checks.map((c) => c.code));
  const missing = (example.codes ?? []).filter((code) => !codes.has(code));
  if (missing.length > 0) return `missing ${missing.join(', ')}: `;
  if (example.presents !== undefined) {
    const nested = report.presentation?.credentials ?? [];
    const wrong = nested.filter((c) => c.report.verdict !== example.expect || c.subjectIsHolder !== true);
    if (nested.length !== example.presents || wrong.length > 0) return `presents ${nested.length} credentials (${nested.map((c) => `${c.report.verdict}${c.subjectIsHolder ? '' : ', not about the holder'}`).join('; ')}), expected ${example.presents}: `;
  }
  const reason = example.expect === 'invalid' ? reasons[example.variant] : undefined;
  if (!reason) return undefined;
  return failed.some((c) => reason(c.code, c.id)) ? undefined : `not ${example.variant} for the expected reason: `;
}

async function main(): Promise<void> {
  const smokeMode = process.argv.includes('--smoke') || process.env.CREDLENS_DEMO_SMOKE === '1';
  const port = smokeMode ? 0 : Number(process.env.PORT ?? process.env.CREDLENS_DEMO_PORT ?? 8737);
  const demo = await startDemo(port);
  if (smokeMode) {
    const ok = await smoke(demo);
    await demo.close();
    console.log(ok ? 'demo smoke test passed' : 'demo smoke test FAILED');
    process.exit(ok ? 0 : 1);
  }
  console.log(`
Credlens demo (local only, no internet needed)

  Job board:            ${demo.board}/jobs
  Example credentials:  ${demo.board}/examples
  Local issuer:         ${demo.issuer}/   (keys, status list, credentials signed at start-up)

Load the browser extension against these pages:
  npm run build, then in Chromium open chrome://extensions, switch on Developer mode,
  choose "Load unpacked" and select .output/chrome-mv3 in this checkout.

Demo only: the verifier here may read http:// and loopback addresses. Press Ctrl-C to stop.
`);
  const stop = () => {
    void demo.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
