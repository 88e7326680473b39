import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WIDGET_BUILD_OPTIONS } from '../../scripts/widget-build-options.mjs';

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

export interface SizeResult {
  widget?: { first: FileSize; chunks: FileSize[] };
  widgetError?: string;
  extension?: { contentScript: FileSize; zipBytes: number; files: number };
  extensionError?: string;
  blockcerts?: { first?: FileSize; chunks?: FileSize[]; error?: string; version?: string; note?: string };
  notes: string[];
}

const root = resolve(import.meta.dirname, '../..');

export function sizeOf(file: string, base = root): FileSize {
  const bytes = readFileSync(file);
  return { file: relative(base, file), raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength };
}

function jsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(dir, f));
}

function run(command: string, args: string[]): { ok: boolean; output: string } {
  const r = spawnSync(command, args, { cwd: root, encoding: 'utf8', timeout: 240_000 });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

/**
 * Sizes as shipped: the widget's first module and its lazy chunks (`npm run build:widget`), the
 * content script and the whole extension zipped (`npm run build`), and the Blockcerts verifier
 * component bundled with the widget's own esbuild settings.
 */
export async function measureSize(options: { build: boolean }, log: (line: string) => void): Promise<SizeResult> {
  const result: SizeResult = { notes: [] };
  if (options.build) {
    log('  npm run build:widget');
    const w = run('npm', ['run', '-s', 'build:widget']);
    if (!w.ok) result.notes.push(`npm run build:widget failed: ${w.output.split('\n').slice(-3).join(' ')}`);
    log('  npm run build (extension)');
    const e = run('npm', ['run', '-s', 'build']);
    if (!e.ok) result.notes.push(`npm run build failed: ${e.output.split('\n').slice(-3).join(' ')}`);
  } else {
    result.notes.push('Sizes of the existing dist/widget and .output/chrome-mv3 (--no-build).');
  }

  const widgetDir = join(root, 'dist/widget');
  const first = join(widgetDir, 'credlens-verifier.js');
  if (existsSync(first)) {
    const chunks = jsFiles(join(widgetDir, 'chunks')).map((f) => sizeOf(f)).sort((a, b) => b.gzip - a.gzip);
    result.widget = { first: sizeOf(first), chunks };
  } else result.widgetError = 'dist/widget/credlens-verifier.js does not exist (the widget did not build)';

  const ext = join(root, '.output/chrome-mv3');
  const content = join(ext, 'content-scripts/content.js');
  if (existsSync(content)) {
    const dir = mkdtempSync(join(tmpdir(), 'credlens-zip-'));
    const zipFile = join(dir, 'chrome-mv3.zip');
    const z = spawnSync('zip', ['-r', '-9', '-X', '-q', zipFile, '.'], { cwd: ext });
    const zipBytes = z.status === 0 ? statSync(zipFile).size : Number.NaN;
    if (z.status !== 0) result.notes.push('zip failed; the extension zip size is missing');
    const files = readdirSync(ext, { recursive: true }).length;
    rmSync(dir, { recursive: true, force: true });
    result.extension = { contentScript: sizeOf(content), zipBytes, files };
  } else result.extensionError = '.output/chrome-mv3/content-scripts/content.js does not exist (the extension did not build)';

  result.blockcerts = await blockcerts(log);
  return result;
}

const BLOCKCERTS = '@blockcerts/blockcerts-verifier@1.56.0';

/**
 * The Blockcerts verifier web component. Bundled with the widget's esbuild settings when it is
 * installed; it cannot be installed here (its @blockcerts/cert-verifier-js dependency names two
 * GitHub git URLs, and only the npm registry is reachable), so the fallback measures the
 * vendor's own published production bundle, `dist/main.js`, fetched with `npm pack`.
 */
async function blockcerts(log: (line: string) => void): Promise<NonNullable<SizeResult['blockcerts']>> {
  const pkg = join(root, 'node_modules/@blockcerts/blockcerts-verifier/package.json');
  if (existsSync(pkg)) return bundleInstalled(pkg, log);
  log(`  npm pack ${BLOCKCERTS} (not installable here: git dependencies)`);
  const dir = mkdtempSync(join(tmpdir(), 'credlens-blockcerts-pack-'));
  try {
    const pack = spawnSync('npm', ['pack', BLOCKCERTS, '--silent'], { cwd: dir, encoding: 'utf8', timeout: 90_000 });
    const tgz = pack.stdout?.trim().split('\n').pop();
    if (pack.status !== 0 || !tgz) return { error: `not installable (git dependencies of @blockcerts/cert-verifier-js) and npm pack failed: ${(pack.stderr ?? '').slice(-200)}` };
    const untar = spawnSync('tar', ['xzf', tgz], { cwd: dir });
    const main = join(dir, 'package/dist/main.js');
    if (untar.status !== 0 || !existsSync(main)) return { error: 'the published package has no dist/main.js' };
    return {
      version: '1.56.0',
      note: 'Blockcerts verifier: `npm install @blockcerts/blockcerts-verifier` fails here (its @blockcerts/cert-verifier-js dependency names GitHub git URLs; only the npm registry is reachable), so it could not be re-bundled with our esbuild settings; measured instead: its own published production bundle dist/main.js (one self-contained script, no lazy chunks), fetched with npm pack.',
      first: { ...sizeOf(main, dir), file: 'dist/main.js (published, self-contained)' },
      chunks: [],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function bundleInstalled(pkg: string, log: (line: string) => void): Promise<NonNullable<SizeResult['blockcerts']>> {
  const meta = JSON.parse(readFileSync(pkg, 'utf8')) as { version: string };
  log(`  bundling @blockcerts/blockcerts-verifier ${meta.version}`);
  const { build } = await import('esbuild');
  const outdir = mkdtempSync(join(tmpdir(), 'credlens-blockcerts-'));
  try {
    await build({
      absWorkingDir: root,
      entryPoints: { 'blockcerts-verifier': '@blockcerts/blockcerts-verifier' },
      outdir,
      ...WIDGET_BUILD_OPTIONS,
      legalComments: 'none',
      logLevel: 'silent',
      // The Blockcerts component also reads Node's `global`; esbuild needs it mapped for browsers.
      define: { ...WIDGET_BUILD_OPTIONS.define, global: 'globalThis' },
    });
    return { version: meta.version, first: sizeOf(join(outdir, 'blockcerts-verifier.js'), outdir), chunks: jsFiles(join(outdir, 'chunks')).map((f) => sizeOf(f, outdir)) };
  } catch (error) {
    const message = (error as { errors?: { text: string }[] }).errors?.slice(0, 2).map((e) => e.text).join('; ') ?? String(error);
    return { version: meta.version, error: `esbuild could not bundle it: ${message}` };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
