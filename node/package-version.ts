import { readFile } from 'node:fs/promises';

/**
 * Credlens's version, from its package.json: one folder up from the sources (bin/, server/, node/),
 * three up from the built files (dist/npm/cli/, dist/npm/chunks/), wherever the bundler put this code.
 */
export async function packageVersion(): Promise<string> {
  for (const path of ['../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(await readFile(new URL(path, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'credlens' && pkg.version) return pkg.version;
    } catch {
      // not this folder
    }
  }
  return 'unknown';
}
