import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Credlens from '../lib/index.js';

const root = resolve(import.meta.dirname, '..');

/**
 * Credlens as shipped JavaScript: lib/index.ts bundled by esbuild (ES modules, lazy chunks kept
 * lazy, npm packages left to node_modules as for the peers). Timing the TypeScript sources through
 * tsx would charge Credlens, and only Credlens, for compiling TypeScript on its first (cold) call.
 * Returns the module URL, or undefined when the bundle cannot be built (the sources are used then).
 */
export async function buildCredlensBundle(log: (line: string) => void): Promise<string | undefined> {
  const outdir = join(root, 'node_modules/.cache/credlens-bench/lib');
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  try {
    const { build } = await import('esbuild');
    await build({
      absWorkingDir: root,
      entryPoints: { credlens: 'lib/index.ts' },
      outdir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
    });
    return pathToFileURL(join(outdir, 'credlens.js')).href;
  } catch (error) {
    log(`  could not bundle lib/ (${String(error).slice(0, 200)}); timing the TypeScript sources through tsx instead`);
    return undefined;
  }
}

/** Credlens's public API: the bundle named by CREDLENS_BENCH_LIB, else the sources. */
export async function loadCredlens(): Promise<typeof Credlens> {
  const url = process.env.CREDLENS_BENCH_LIB;
  return url ? ((await import(url)) as typeof Credlens) : import('../lib/index.js');
}
