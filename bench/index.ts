// `npm run bench [-- --json FILE] [--quick] [--only SECTION,...] [--no-build]`
// Speed and size of Credlens side by side with the verifiers people use today, in one run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCredlensBundle } from './build-lib.js';
import { makeFixtures } from './fixtures.js';
import { renderReport, type BenchReport } from './render.js';
import { percentile } from './table.js';
import { measureCold, measureWarm } from './sections/verification.js';

const SECTIONS = ['verification', 'jsonld', 'throughput', 'content-script', 'size', 'qr', 'cold-start', 'server', 'registry'] as const;
type Section = (typeof SECTIONS)[number];

function parseArgs(argv: string[]): { json?: string; quick: boolean; only: Set<Section>; build: boolean } {
  const out: { json?: string; quick: boolean; only: Set<Section>; build: boolean } = { quick: false, only: new Set(SECTIONS), build: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') out.json = argv[++i];
    else if (arg === '--quick') out.quick = true;
    else if (arg === '--no-build') out.build = false;
    else if (arg === '--only') out.only = new Set((argv[++i] ?? '').split(',').filter((s): s is Section => (SECTIONS as readonly string[]).includes(s)));
    else {
      console.error(`unknown argument ${arg}\nusage: npm run bench -- [--json FILE] [--quick] [--only ${SECTIONS.join(',')}] [--no-build]`);
      process.exit(2);
    }
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
const log = (line: string) => process.stderr.write(`${line}\n`);
const started = Date.now();
const report: BenchReport = {
  machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))), date: new Date().toISOString() },
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  notes: [],
};

if (args.only.has('verification') || args.only.has('throughput')) {
  const url = await buildCredlensBundle(log);
  if (url) process.env.CREDLENS_BENCH_LIB = url;
  report.notes.push(url ? 'Credlens is timed as shipped JavaScript: lib/index.ts bundled with esbuild (lazy chunks kept), npm packages from node_modules like the peers.' : 'Credlens is timed from its TypeScript sources through tsx (the esbuild bundle failed), which inflates its cold figures.');
}

if (args.only.has('verification')) {
  log('verification: signing inputs');
  const fixtures = await makeFixtures();
  const dir = mkdtempSync(join(tmpdir(), 'credlens-bench-'));
  const fixturesFile = join(dir, 'fixtures.json');
  writeFileSync(fixturesFile, JSON.stringify(fixtures));
  log('verification: warm, interleaved');
  const results = await measureWarm(fixtures, args.quick ? { warmup: 2, maxRounds: 15, budgetMs: 1500 } : { warmup: 5, maxRounds: 80, budgetMs: 6000 }, log);
  log('verification: cold, one fresh process per measurement');
  await measureCold(results, fixturesFile, args.quick ? 1 : 3, log);
  report.verification = results;
}

if (args.only.has('jsonld')) {
  const { measureJsonLd } = await import('./sections/jsonld.js');
  log('jsonld: the engine alone');
  report.jsonld = await measureJsonLd(args.quick ? 40 : 200, log);
}

if (args.only.has('throughput')) {
  const { measureThroughput } = await import('./sections/throughput.js');
  log('throughput: 1,000 credentials');
  report.throughput = await measureThroughput(args.quick ? 200 : 1000, log);
}

if (args.only.has('size')) {
  const { measureSize } = await import('./sections/size.js');
  log('size');
  report.size = await measureSize({ build: args.build }, log);
}

if (args.only.has('content-script')) {
  const { measureContentScript } = await import('./sections/content-script.js');
  log('content script: Chromium');
  // The size section builds the extension; alone, this one must, or it would time a stale build.
  if (args.build && !args.only.has('size')) {
    log('  npm run build (extension)');
    const built = spawnSync('npm', ['run', '-s', 'build'], { encoding: 'utf8', timeout: 300_000 });
    if (built.status !== 0) log(`  npm run build failed: ${`${built.stdout ?? ''}${built.stderr ?? ''}`.trim().split('\n').slice(-3).join(' ')}`);
  }
  report.contentScript = await measureContentScript({ quick: args.quick }, log);
}

if (args.only.has('qr')) {
  const { measureQr } = await import('./sections/qr.js');
  log('qr decoding');
  report.qr = await measureQr(args.quick ? 5 : 15, log);
}

let coldStartLines: string[] = [];
if (args.only.has('cold-start')) {
  const { measureColdStart, renderColdStart } = await import('./sections/cold-start.js');
  log('cold-start: signing inputs');
  const fixtures = await makeFixtures();
  const dir = mkdtempSync(join(tmpdir(), 'credlens-bench-'));
  const fixturesFile = join(dir, 'fixtures.json');
  writeFileSync(fixturesFile, JSON.stringify(fixtures));
  const coldStart = await measureColdStart(fixtures, fixturesFile, { runs: args.quick ? 3 : 7 }, log);
  (report as BenchReport & { coldStart?: unknown }).coldStart = coldStart;
  coldStartLines = renderColdStart(coldStart);
}

if (args.only.has('server')) {
  const { measureServerLoad } = await import('./sections/server.js');
  log('server load: credlens serve under autocannon');
  report.server = await measureServerLoad({ quick: args.quick }, log);
}

let registryLines: string[] = [];
if (args.only.has('registry')) {
  const { measureRegistry, renderRegistry } = await import('./sections/registry.js');
  log('registry: 200,000 entries, import, file index, lookups');
  const registry = await measureRegistry({ quick: args.quick, ...(process.env.CREDLENS_BENCH_REGISTRY_ENTRIES ? { entries: Number(process.env.CREDLENS_BENCH_REGISTRY_ENTRIES) } : {}) }, log);
  (report as BenchReport & { registry?: unknown }).registry = {
    ...registry,
    indexedLookupUs: undefined,
    memoryLookupUs: undefined,
    lookupUs: {
      indexed: { p50: percentile(registry.indexedLookupUs, 50), p99: percentile(registry.indexedLookupUs, 99), max: Math.max(...registry.indexedLookupUs) },
      memory: { p50: percentile(registry.memoryLookupUs, 50), p99: percentile(registry.memoryLookupUs, 99) },
    },
  };
  registryLines = renderRegistry(registry);
}

report.machine.loadAverageAtEnd = loadavg().map((l) => Number(l.toFixed(2)));
report.durationSeconds = Math.round((Date.now() - started) / 1000);
const text = [renderReport(report), ...(coldStartLines.length ? ['', ...coldStartLines] : []), ...(registryLines.length ? ['', ...registryLines] : [])].join('\n');
process.stdout.write(`${text}\n`);
if (args.json) {
  writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${args.json}`);
}
