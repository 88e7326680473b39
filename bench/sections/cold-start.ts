// `npm run bench -- --only cold-start`: the first verdict, as a user meets it (issue #15).
//   1. `credlens verify FILE` as a fresh process (the built CLI, bin/credlens.mjs → dist/npm/cli),
//      wall clock, interleaved with a bare `node -e ''` started the same way; the figure is the difference.
//   2. The library's first call in a warm process (module imported, nothing verified yet), the
//      built dist/npm/lib beside @digitalbazaar/vc (Data Integrity) and bare jose (VC-JWT).
//   3. The widget in Chromium: from connectedCallback (the element appended) to the verdict event,
//      module already loaded, for an inline VC-JWT and an Open Badges 3.0 credential.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Fixtures } from '../fixtures.js';
import { formatMs, judge, median, renderTable } from '../table.js';

const root = resolve(import.meta.dirname, '../..');
const CLI_TARGET_JWT_MS = 150;
const CLI_TARGET_DI_MS = 350;
const FIRST_TARGET_JWT_MS = 50;
const FIRST_TARGET_DI_MS = 120;

export interface ColdStartResult {
  runs: number;
  cli?: { bareNodeMs: number; vcJwtMs: number; diMs: number; vcJwtVerdict: string; diVerdict: string };
  firstCall?: { credlensJwtMs: number; joseMs: number; credlensDiMs: number; dbvcMs: number; credlensLoadMs: number };
  widget?: { vcJwtMs: number; ob3Ms: number; vcJwtState: string; ob3State: string } | { unavailable: string };
  notes: string[];
}

function wallClock(args: string[]): Promise<{ ms: number; stdout: string }> {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    child.on('close', () => resolvePromise({ ms: performance.now() - t0, stdout }));
  });
}

function childJson(args: string[], env: Record<string, string> = {}): Promise<Record<string, unknown>> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      try {
        resolvePromise(JSON.parse(out.trim().split('\n').pop() ?? '') as Record<string, unknown>);
      } catch {
        reject(new Error(`child exited ${code}: ${err.slice(-400)}`));
      }
    });
  });
}

export async function measureColdStart(fixtures: Fixtures, fixturesFile: string, options: { runs: number }, log: (line: string) => void): Promise<ColdStartResult> {
  const result: ColdStartResult = { runs: options.runs, notes: [] };
  const jwt = fixtures.jose.find((f) => f.kind === 'vc-jwt');
  const ob3 = fixtures.di.find((f) => f.shape === 'ob3' && f.suite === 'eddsa-rdfc-2022') ?? fixtures.di.find((f) => f.shape === 'ob3');
  if (!jwt || !ob3) throw new Error('cold-start: the fixtures hold no VC-JWT or no Open Badges 3.0 credential');
  if (!existsSync(join(root, 'dist/npm/cli/cli.js'))) {
    result.notes.push('dist/npm is missing: run npm run build:package (the bench measures the built package)');
    return result;
  }
  const dir = mkdtempSync(join(tmpdir(), 'credlens-cold-'));
  const jwtFile = join(dir, 'badge.jwt');
  const diFile = join(dir, 'ob3.json');
  writeFileSync(jwtFile, jwt.token);
  writeFileSync(diFile, JSON.stringify(ob3.credential));

  log('cold-start: credlens verify vs node -e "" (interleaved)');
  const bin = join(root, 'bin/credlens.mjs');
  const bare: number[] = [];
  const jwtRuns: number[] = [];
  const diRuns: number[] = [];
  let jwtVerdict = '';
  let diVerdict = '';
  for (let i = 0; i < options.runs + 1; i++) {
    const b = await wallClock(['-e', '']);
    const j = await wallClock([bin, 'verify', '--offline', '--json', jwtFile]);
    const d = await wallClock([bin, 'verify', '--offline', '--json', diFile]);
    if (i === 0) continue; // the first round warms the file system cache
    bare.push(b.ms);
    jwtRuns.push(j.ms);
    diRuns.push(d.ms);
    jwtVerdict = (JSON.parse(j.stdout) as { verdict: string }).verdict;
    diVerdict = (JSON.parse(d.stdout) as { verdict: string }).verdict;
  }
  result.cli = { bareNodeMs: median(bare), vcJwtMs: median(jwtRuns), diMs: median(diRuns), vcJwtVerdict: jwtVerdict, diVerdict };

  log('cold-start: library first call (fresh process each, module loaded first)');
  const lib = pathToFileURL(join(root, 'dist/npm/lib/index.js')).href;
  const coldChild = [join(root, 'bin/run-ts.mjs'), join(root, 'bench/cold-child.ts'), fixturesFile];
  const samples = { credlensJwt: [] as number[], jose: [] as number[], credlensDi: [] as number[], dbvc: [] as number[], load: [] as number[] };
  for (let i = 0; i < options.runs; i++) {
    const cj = await childJson([...coldChild, jwt.id, 'credlens'], { CREDLENS_BENCH_LIB: lib });
    const jo = await childJson([...coldChild, jwt.id, 'jose']);
    const cd = await childJson([...coldChild, ob3.id, 'credlens'], { CREDLENS_BENCH_LIB: lib });
    const db = await childJson([...coldChild, ob3.id, 'dbvc']);
    for (const [r, name] of [[cj, 'credlens VC-JWT'], [jo, 'jose'], [cd, 'credlens DI'], [db, '@digitalbazaar/vc']] as const) {
      if (r.ok !== true) result.notes.push(`${name} first call did not verify: ${String(r.detail)}`);
    }
    samples.credlensJwt.push(cj.firstMs as number);
    samples.jose.push(jo.firstMs as number);
    samples.credlensDi.push(cd.firstMs as number);
    samples.dbvc.push(db.firstMs as number);
    samples.load.push(cj.loadMs as number);
  }
  result.firstCall = { credlensJwtMs: median(samples.credlensJwt), joseMs: median(samples.jose), credlensDiMs: median(samples.credlensDi), dbvcMs: median(samples.dbvc), credlensLoadMs: median(samples.load) };

  log('cold-start: widget in Chromium');
  result.widget = await measureWidget(jwt.token, ob3.credential, options.runs);
  return result;
}

async function measureWidget(token: string, credential: Record<string, unknown>, runs: number): Promise<ColdStartResult['widget']> {
  const widgetDir = join(root, 'dist/widget');
  if (!existsSync('/usr/bin/chromium')) return { unavailable: '/usr/bin/chromium is not installed' };
  if (!existsSync(join(widgetDir, 'credlens-verifier.js'))) return { unavailable: 'dist/widget is missing (npm run build:package)' };
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_FLAGS } = await import('../../test/support/chromium-launch.js');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: [...CHROMIUM_FLAGS] });
  try {
    const one = async (text: string): Promise<{ ms: number; state: string }> => {
      const page = await browser.newPage();
      await page.route('https://board.test/**', async (route) => {
        const path = new URL(route.request().url()).pathname;
        if (path === '/') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><head><script type="module" src="/w/credlens-verifier.js"></script></head><body></body></html>' });
        const file = join(widgetDir, path.slice('/w/'.length));
        if (!path.startsWith('/w/') || !file.startsWith(widgetDir) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
        return route.fulfill({ contentType: file.endsWith('.js') ? 'text/javascript' : 'application/json', body: readFileSync(file) });
      });
      await page.goto('https://board.test/');
      await page.waitForFunction(() => customElements.get('credlens-verifier') !== undefined);
      const out = await page.evaluate(
        (credentialText) =>
          new Promise<{ ms: number; state: string }>((resolvePromise) => {
            const el = document.createElement('credlens-verifier');
            el.setAttribute('credential', credentialText);
            el.addEventListener('credlens-verified', (event) => resolvePromise({ ms: performance.now() - t0, state: String((event as CustomEvent<{ verdict?: string }>).detail?.verdict ?? '') }), { once: true });
            const t0 = performance.now();
            document.body.append(el); // connectedCallback runs here
          }),
        text,
      );
      await page.close();
      return out;
    };
    const jwtMs: number[] = [];
    const ob3Ms: number[] = [];
    let vcJwtState = '';
    let ob3State = '';
    for (let i = 0; i < runs; i++) {
      const a = await one(token);
      const b = await one(JSON.stringify(credential));
      jwtMs.push(a.ms);
      ob3Ms.push(b.ms);
      vcJwtState = a.state;
      ob3State = b.state;
    }
    return { vcJwtMs: median(jwtMs), ob3Ms: median(ob3Ms), vcJwtState, ob3State };
  } finally {
    await browser.close();
  }
}

export function renderColdStart(r: ColdStartResult): string[] {
  const out = ['### First verdict: cold start (issue #15; median of ' + r.runs + ' fresh processes per row)', ''];
  const rows: string[][] = [];
  if (r.cli) {
    const jwtOver = r.cli.vcJwtMs - r.cli.bareNodeMs;
    const diOver = r.cli.diMs - r.cli.bareNodeMs;
    rows.push(['`node -e \'\'` (bare Node start)', formatMs(r.cli.bareNodeMs), '-', '-']);
    rows.push([`\`credlens verify\` VC-JWT (${r.cli.vcJwtVerdict})`, formatMs(r.cli.vcJwtMs), `+${formatMs(jwtOver)} over bare Node`, `≤ +${CLI_TARGET_JWT_MS} ms: ${judge(jwtOver, CLI_TARGET_JWT_MS, 'lower')}`]);
    rows.push([`\`credlens verify\` OB 3.0 Data Integrity (${r.cli.diVerdict})`, formatMs(r.cli.diMs), `+${formatMs(diOver)} over bare Node`, `≤ +${CLI_TARGET_DI_MS} ms: ${judge(diOver, CLI_TARGET_DI_MS, 'lower')}`]);
  }
  if (r.firstCall) {
    const f = r.firstCall;
    rows.push(['library first call, VC-JWT (module loaded)', formatMs(f.credlensJwtMs), `bare jose ${formatMs(f.joseMs)}`, `≤ ${FIRST_TARGET_JWT_MS} ms: ${judge(f.credlensJwtMs, FIRST_TARGET_JWT_MS, 'lower')}`]);
    rows.push(['library first call, OB 3.0 Data Integrity', formatMs(f.credlensDiMs), `@digitalbazaar/vc ${formatMs(f.dbvcMs)} (${(f.dbvcMs / f.credlensDiMs).toFixed(2)}×)`, `≤ ${FIRST_TARGET_DI_MS} ms: ${judge(f.credlensDiMs, FIRST_TARGET_DI_MS, 'lower')}`]);
    rows.push(['library import (dist/npm/lib, before the first call)', formatMs(f.credlensLoadMs), '-', '-']);
  }
  if (r.widget && 'unavailable' in r.widget) rows.push(['widget connectedCallback → verdict', 'not measured', r.widget.unavailable, 'reported']);
  else if (r.widget) {
    rows.push([`widget connectedCallback → verdict, inline VC-JWT (${r.widget.vcJwtState})`, formatMs(r.widget.vcJwtMs), 'Chromium, module loaded', 'reported']);
    rows.push([`widget connectedCallback → verdict, inline OB 3.0 (${r.widget.ob3State})`, formatMs(r.widget.ob3Ms), 'Chromium, module loaded', 'reported']);
  }
  out.push(renderTable(['what', 'Credlens', 'beside it', 'target'], rows));
  for (const note of r.notes) out.push('', `- ${note}`);
  return out;
}
