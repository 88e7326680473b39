#!/usr/bin/env node
// `npm run build:package`: everything the npm package ships, under dist/, in one command.
//   dist/npm/    the library as ES modules (credlens, credlens/node, credlens/components, the CLI):
//                esbuild with code splitting, so every dynamic import stays a lazily loaded chunk;
//                npm packages stay imports (resolved from the installer's node_modules)
//   dist/types/  .d.ts declarations (tsc, with declaration maps) for every public entry
//   dist/widget/ the CDN widget (scripts/build-widget.mjs), with Subresource Integrity hashes
// The browser extension (.output/, `npm run build`) is not part of the package.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const step = (label) => console.log(`\n▶ ${label}`);

step('library (dist/npm)');
rmSync(join(root, 'dist/npm'), { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: {
    'lib/index': 'lib/index.ts',
    'node/index': 'node/index.ts',
    'components/index': 'components/index.ts',
    'cli/cli': 'bin/cli.ts',
  },
  outdir: join(root, 'dist/npm'),
  bundle: true,
  splitting: true,
  format: 'esm',
  // neutral: the core runs in browsers, Node and edge runtimes alike; node: builtins only in node/ and cli/
  platform: 'neutral',
  external: ['node:*'],
  packages: 'external',
  target: 'es2022',
  sourcemap: true,
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
});
const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
const lazy = outputs.filter(([file]) => file.includes('/chunks/')).length;
for (const [file, meta] of outputs.filter(([file]) => !file.includes('/chunks/'))) console.log(`${file.padEnd(40)} ${(meta.bytes / 1024).toFixed(1).padStart(7)} kB`);
console.log(`${lazy} chunks (shared or loaded on demand by dynamic import)`);
// The core must not reach for Node: its entry and every chunk it can load name no node: module.
const coreReach = new Set();
const walk = (file) => {
  if (coreReach.has(file)) return;
  coreReach.add(file);
  for (const i of result.metafile.outputs[file].imports) if (!i.external) walk(i.path);
};
walk('dist/npm/lib/index.js');
const nodeInCore = [...coreReach].flatMap((file) => result.metafile.outputs[file].imports.filter((i) => i.external && i.path.startsWith('node:')).map((i) => `${file} imports ${i.path}`));
if (nodeInCore.length) {
  console.error(`the core (credlens) must run without Node:\n  ${nodeInCore.join('\n  ')}`);
  process.exit(1);
}

step('types (dist/types)');
rmSync(join(root, 'dist/types'), { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
// Hand-written declarations (generated validators, ambient modules) are not emitted by tsc: copy them.
const copyDeclarations = (dir) => {
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) copyDeclarations(path);
    else if (name.endsWith('.d.ts')) cpSync(join(root, path), join(root, 'dist/types', path));
  }
};
copyDeclarations('lib');
console.log(`declarations in ${relative(process.cwd(), join(root, 'dist/types')) || 'dist/types'}`);

step('widget (dist/widget)');
execFileSync(process.execPath, [join(root, 'scripts/build-widget.mjs')], { cwd: root, stdio: 'inherit' });
