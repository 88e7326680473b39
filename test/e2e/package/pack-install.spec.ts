// The npm package as a job board gets it: `npm pack`, installed into an empty project from the
// tarball (offline), then used there the four ways the README shows: the command line, `credlens`
// and `credlens/node` from an ES module, the same from TypeScript checked against the shipped .d.ts,
// and the CDN widget served from the installed package to Chromium by another origin and path.
import { expect, test } from '@playwright/test';
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { packAndInstall, REPO, type InstalledPackage } from '../../support/pack-install.js';

const run = promisify(execFile);
const VC_JWT = join(REPO, 'test/vectors/waltid-cli/openbadgecredential_sample.signed.json');
const VC_JWT_TAMPERED = join(REPO, 'test/vectors/waltid-cli/openbadgecredential_sample.signed.badsignature.json');
const AT = '2026-11-28T00:00:00Z';

let installed: InstalledPackage;
const servers: Server[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  installed = packAndInstall();
  copyFileSync(VC_JWT, join(installed.project, 'badge.jwt'));
  copyFileSync(VC_JWT_TAMPERED, join(installed.project, 'tampered.jwt'));
});

test.afterAll(async () => {
  for (const server of servers) server.close();
  if (installed) rmSync(installed.project, { recursive: true, force: true });
});

async function inProject(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.FORCE_COLOR; // Playwright's runner sets it; Node warns when both are set
    delete env.CREDLENS_FROM_SOURCE;
    const { stdout, stderr } = await run(command, args, { cwd: installed.project, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test('the tarball holds the built package and nothing of the extension, the tests or the sources', () => {
  const files = installed.files;
  expect(files).toContain('bin/credlens.mjs');
  expect(files).toContain('dist/npm/lib/index.js');
  expect(files).toContain('dist/npm/node/index.js');
  expect(files).toContain('dist/types/lib/index.d.ts');
  expect(files).toContain('dist/widget/credlens-verifier.js');
  expect(files).toContain('dist/widget/integrity.json');
  const unwanted = files.filter((f) => /^(\.output|entrypoints|test|lib|node|widget|components|bench|demo|scripts)\//.test(f) || f.endsWith('.ts') && !f.endsWith('.d.ts') || f.startsWith('bin/') && f !== 'bin/credlens.mjs');
  expect(unwanted).toEqual([]);
  const pkg = JSON.parse(readFileSync(join(installed.project, 'node_modules/credlens/package.json'), 'utf8')) as { dependencies: Record<string, string> };
  expect(pkg.dependencies.tsx).toBeUndefined();
});

test('npx credlens verify runs the built CLI (no TypeScript at run time)', async () => {
  const signed = await inProject('npx', ['--no-install', 'credlens', 'verify', '--offline', '--at', AT, '--json', 'badge.jwt']);
  expect(signed.stderr).toBe('');
  const report = JSON.parse(signed.stdout) as { verdict: string; format: string; checks: { code: string; status: string }[] };
  expect(report.format).toBe('vc-jwt');
  // The signature verifies, but the signer (iss) is not the issuer the credential shows: invalid
  // by the verdict rule (docs/verdicts.md, CLAIMS_MISMATCH; test/vectors/waltid-cli/SOURCE.md).
  expect(report.checks).toContainEqual(expect.objectContaining({ code: 'PROOF_VALID', status: 'pass' }));
  expect(report.checks).toContainEqual(expect.objectContaining({ code: 'CLAIMS_MISMATCH', status: 'fail' }));
  expect(report.verdict).toBe('invalid');
  expect(signed.code).toBe(1);
  const bad = await inProject('npx', ['--no-install', 'credlens', 'verify', '--offline', '--at', AT, 'tampered.jwt']);
  expect(bad.code).toBe(1);
  expect(bad.stdout).toContain('PROOF_INVALID_SIGNATURE');
  // tsx is not installed beside the package: the command cannot have compiled TypeScript
  expect((await inProject('node', ['-e', "import('tsx').then(() => process.exit(1), () => process.exit(0))"])).code).toBe(0);
});

test('npx credlens serve starts from the installed package and verifies over HTTP', async () => {
  const port = await new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.CREDLENS_FROM_SOURCE;
  const child = spawn('npx', ['--no-install', 'credlens', 'serve', '--port', String(port), '--offline', '--log-level', 'warn'], { cwd: installed.project, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    const base = `http://127.0.0.1:${port}`;
    let health: { status?: string; version?: string } | undefined;
    for (let i = 0; i < 150 && !health && child.exitCode === null; i++) {
      health = await fetch(`${base}/healthz`).then((r) => r.json() as Promise<{ status: string; version: string }>, () => undefined);
      if (!health) await new Promise((r) => setTimeout(r, 200));
    }
    expect(health, stderr).toMatchObject({ status: 'ok', version: (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version });
    const response = await fetch(`${base}/v1/verify`, { method: 'POST', headers: { 'content-type': 'application/jwt' }, body: readFileSync(join(installed.project, 'tampered.jwt'), 'utf8').trim() });
    expect(response.status).toBe(200);
    const report = (await response.json()) as { verdict: string; checks: { code: string }[] };
    expect(report.verdict).toBe('invalid');
    expect(report.checks.map((c) => c.code)).toContain('PROOF_INVALID_SIGNATURE');
  } finally {
    child.kill('SIGTERM');
  }
});

test('an ES module imports credlens and credlens/node', async () => {
  writeFileSync(
    join(installed.project, 'check.mjs'),
    `import { verify, CODES } from 'credlens';
import { readInputBytes, verifyFile, pinnedFetch } from 'credlens/node';
const at = new Date('${AT}');
const bytes = await readInputBytes('badge.jwt', 1 << 20);
const a = await verify(bytes, { offline: true, at });
const b = await verifyFile('tampered.jwt', { offline: true, at });
const failed = (r) => r.checks.find((c) => c.status === 'fail')?.code;
console.log(JSON.stringify({ a: [a.verdict, failed(a)], b: [b.verdict, failed(b)], fetch: typeof pinnedFetch(), codes: typeof CODES.PROOF_INVALID_SIGNATURE }));
`,
  );
  const result = await inProject('node', ['check.mjs']);
  expect(result.stderr).toBe('');
  expect(JSON.parse(result.stdout)).toEqual({ a: ['invalid', 'CLAIMS_MISMATCH'], b: ['invalid', 'PROOF_INVALID_SIGNATURE'], fetch: 'function', codes: 'object' });
});

test('TypeScript type-checks against the shipped declarations (Node16 resolution through exports)', async () => {
  writeFileSync(
    join(installed.project, 'check.ts'),
    `import { verify, type VerificationReport, type Verdict, type CheckCode } from 'credlens';
import { verifyFile, nodeNetworkOptions, InputReadError } from 'credlens/node';
import type { CredlensVerifier, CredlensVerifiedEvent } from 'credlens/widget';

export async function check(path: string): Promise<Verdict> {
  const report: VerificationReport = await verifyFile(path, { offline: true });
  const codes: CheckCode[] = report.checks.map((c) => c.code);
  // @ts-expect-error a verdict is one of four strings, not a number (fails if the types were any)
  const wrong: number = report.verdict;
  void wrong;
  void codes;
  void InputReadError;
  const again = await verify('{}', { ...nodeNetworkOptions(), at: new Date() });
  return again.verdict;
}
export type Element = CredlensVerifier['report'];
export type Detail = CredlensVerifiedEvent['detail'];
`,
  );
  writeFileSync(
    join(installed.project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, module: 'node16', moduleResolution: 'node16', target: 'es2022', lib: ['es2023', 'dom'], noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(REPO, 'node_modules/@types')] },
      files: ['check.ts'],
    }),
  );
  const result = await inProject(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
  expect(result.stdout + result.stderr).toBe('');
  expect(result.code).toBe(0);
});

/** A static server for one folder under `prefix`, with CORS (a CDN), or a page server. */
async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

test('the CDN widget from the installed package works from another origin and path, with its SRI hash', async ({ page }) => {
  const widgetDir = join(installed.project, 'node_modules/credlens/dist/widget');
  const prefix = '/cdn/credlens@0/';
  const served: string[] = [];
  const cdn = await listen((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(widgetDir, path.slice(prefix.length)));
    served.push(path);
    if (!path.startsWith(prefix) || !file.startsWith(widgetDir)) return void res.writeHead(404).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': extname(file) === '.js' ? 'text/javascript' : 'application/json', 'access-control-allow-origin': '*' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  const integrity = (JSON.parse(readFileSync(join(widgetDir, 'integrity.json'), 'utf8')) as Record<string, string>)['credlens-verifier.js'];
  expect(integrity).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/);
  const credential = readFileSync(VC_JWT, 'utf8').trim();
  const board = await listen((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Board</title>
<script type="module" src="${cdn}${prefix}credlens-verifier.js" integrity="${integrity}" crossorigin="anonymous"></script></head>
<body><credlens-verifier id="c" credential="${credential}"></credlens-verifier>
<credlens-verifier id="t" credential="${readFileSync(VC_JWT_TAMPERED, 'utf8').trim()}"></credlens-verifier></body></html>`);
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${board}/jobs/42`);
  // Both invalid, for different reasons: #c's signature verifies but its signer is not the issuer it
  // shows (CLAIMS_MISMATCH), #t's signature fails: the widget really ran each verification.
  await expect(page.locator('#c')).toHaveAttribute('state', 'invalid', { timeout: 30_000 });
  await expect(page.locator('#c credlens-check-list li[data-code="PROOF_VALID"]')).toHaveCount(1);
  await expect(page.locator('#c credlens-check-list li[data-code="CLAIMS_MISMATCH"]')).toHaveCount(1);
  await expect(page.locator('#t')).toHaveAttribute('state', 'invalid', { timeout: 30_000 });
  await expect(page.locator('#t credlens-check-list li[data-code="PROOF_INVALID_SIGNATURE"]')).toHaveCount(1);
  expect(errors).toEqual([]);
  // the lazily loaded chunks came from the CDN path, resolved against the module's own URL
  expect(served.some((p) => p.startsWith(`${prefix}chunks/`))).toBe(true);

  // a wrong hash blocks the script: the element never upgrades
  const blocked = await page.context().newPage();
  const wrong = await listen((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><script type="module" src="${cdn}${prefix}credlens-verifier.js" integrity="sha384-${'A'.repeat(64)}" crossorigin="anonymous"></script><credlens-verifier id="c" credential="${credential}"></credlens-verifier>`);
  });
  await blocked.goto(wrong);
  await blocked.waitForTimeout(500);
  expect(await blocked.evaluate(() => customElements.get('credlens-verifier') === undefined)).toBe(true);
});
