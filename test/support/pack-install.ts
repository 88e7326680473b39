import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

interface LockEntry {
  dev?: boolean;
  link?: boolean;
  bin?: string | Record<string, string>;
}

export interface InstalledPackage {
  /** The temporary project; `node_modules/credlens` is the package installed from the tarball. */
  project: string;
  tarball: string;
  /** The paths inside the tarball (package/…). */
  files: string[];
}

/**
 * `npm pack` (the build must exist: `npm run build:package`), then an empty project that installs the
 * tarball with `npm install --offline`. No registry: the runtime dependencies the lockfile names
 * (entries not marked dev) are placed in the project's node_modules first, hard-linked from this
 * repository's node_modules with their .bin links, so npm finds every dependency of the tarball
 * already satisfied and installs only credlens itself. Nothing is written into this repository.
 */
export function packAndInstall(): InstalledPackage {
  if (!existsSync(join(REPO, 'dist/npm/cli/cli.js')) || !existsSync(join(REPO, 'dist/widget/credlens-verifier.js'))) {
    throw new Error('Build the package first: npm run build:package');
  }
  const project = mkdtempSync(join(tmpdir(), 'credlens-pack-'));
  const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', project], { cwd: REPO, encoding: 'utf8' })) as [{ filename: string; files: { path: string }[] }];
  const tarball = join(project, basename(packed[0].filename));
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'credlens-pack-test', private: true, type: 'module' }, null, 2)}\n`);

  const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  mkdirSync(join(project, 'node_modules/.bin'), { recursive: true });
  for (const [path, entry] of Object.entries(lock.packages)) {
    // top-level runtime packages only (nested ones travel inside them)
    if (!path || entry.dev || entry.link || path.split('node_modules/').length !== 2) continue;
    const source = join(REPO, path);
    if (!existsSync(source)) continue; // an optional package for another platform
    const target = join(project, path);
    mkdirSync(dirname(target), { recursive: true });
    copyTree(source, target);
    const bins = typeof entry.bin === 'string' ? [basename(path)] : Object.keys(entry.bin ?? {});
    for (const name of bins) {
      const link = join(REPO, 'node_modules/.bin', name);
      if (existsSync(link)) symlinkSync(readlinkSync(link), join(project, 'node_modules/.bin', name));
    }
  }
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: project, stdio: ['ignore', 'ignore', 'pipe'] });
  return { project, tarball, files: packed[0].files.map((f) => f.path) };
}

/** Hard links when the temporary folder shares the file system, copies otherwise. */
function copyTree(source: string, target: string): void {
  try {
    execFileSync('cp', ['-al', source, target]);
  } catch {
    cpSync(source, target, { recursive: true, dereference: false });
  }
}

