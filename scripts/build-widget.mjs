#!/usr/bin/env node
// Builds dist/widget/credlens-verifier.js (a self-contained ES module) with heavy parts (format
// handlers, the JSON-LD engine) in lazily loaded chunks beside it, then custom-elements.json and the
// Subresource Integrity hashes (integrity.json). Chunks are imported relative to import.meta.url
// (esbuild's relative specifiers), so the folder works from any static host or CDN path.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { WIDGET_BUILD_OPTIONS } from './widget-build-options.mjs';
import { writeIntegrity } from './widget-integrity.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/widget');
const BUDGET_GZIP_BYTES = 60 * 1024;

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: { 'credlens-verifier': 'widget/index.ts' },
  outdir,
  ...WIDGET_BUILD_OPTIONS,
  sourcemap: true,
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});

const entry = join(outdir, 'credlens-verifier.js');
const gzip = gzipSync(readFileSync(entry)).byteLength;
const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
for (const [file, meta] of outputs) {
  const size = gzipSync(readFileSync(join(root, file))).byteLength;
  console.log(`${file.padEnd(60)} ${(meta.bytes / 1024).toFixed(1).padStart(7)} kB  ${(size / 1024).toFixed(1).padStart(6)} kB gzip`);
}
console.log(`entry file: ${(gzip / 1024).toFixed(1)} kB gzip`);
// What a page loads at once: the entry and the shared chunks it imports statically. The budget holds for
// all of it: a first paint that waits for 10 chunks is no cheaper than one big module.
const eager = new Set();
const walk = (file) => {
  if (eager.has(file)) return;
  eager.add(file);
  for (const i of result.metafile.outputs[file].imports) if (i.kind === 'import-statement') walk(i.path);
};
walk(Object.keys(result.metafile.outputs).find((f) => f.endsWith('/credlens-verifier.js')));
const eagerGzip = [...eager].reduce((sum, f) => sum + gzipSync(readFileSync(join(root, f))).byteLength, 0);
console.log(`first module, loaded at once (entry + ${eager.size - 1} shared chunks it imports): ${(eagerGzip / 1024).toFixed(1)} kB gzip (budget ${BUDGET_GZIP_BYTES / 1024} kB)`);
writeFileSync(join(outdir, 'meta.json'), JSON.stringify(result.metafile));
if (eagerGzip > BUDGET_GZIP_BYTES) {
  console.error(`credlens-verifier.js with the chunks it loads at once is over its size budget: ${eagerGzip} > ${BUDGET_GZIP_BYTES} bytes gzip`);
  process.exit(1);
}

// pdf.js parses PDFs in a Worker: its own worker build (the legacy one, like the main module lib
// loads), beside the entry, fetched only when a learner drops a PDF. Same package, same version.
copyFileSync(join(root, 'node_modules/pdfjs-dist/legacy/build/pdf.worker.min.mjs'), join(outdir, 'pdf.worker.js'));
const workerGzip = gzipSync(readFileSync(join(outdir, 'pdf.worker.js'))).byteLength;
console.log(`${'dist/widget/pdf.worker.js'.padEnd(60)} (lazy, PDF only) ${(workerGzip / 1024).toFixed(1).padStart(6)} kB gzip`);

// The manifest comes from the JSDoc of the elements (@attr, @fires, @csspart, @cssproperty).
execFileSync(
  process.execPath,
  [join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--litelement', '--globs', 'widget/credlens-verifier.ts', 'components/*.ts', '--outdir', 'dist/widget'],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
);
console.log('wrote dist/widget/custom-elements.json');
writeIntegrity(outdir);
