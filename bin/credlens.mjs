#!/usr/bin/env node
// The `credlens` command: the built CLI (dist/npm/cli, made by `npm run build:package`, which
// `npm ci` runs through `prepare`). In a source checkout, CREDLENS_FROM_SOURCE=1, or a checkout
// with no build yet, runs the TypeScript sources through tsx instead (a development dependency).
import { existsSync } from 'node:fs';

const built = new URL('../dist/npm/cli/cli.js', import.meta.url);
let main;
if (process.env.CREDLENS_FROM_SOURCE !== '1' && existsSync(built)) {
  ({ main } = await import(built.href));
} else if (existsSync(new URL('./cli.ts', import.meta.url))) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./cli.ts'));
} else {
  console.error('credlens: dist/npm/cli/cli.js is missing; this copy of the package was not built (npm run build:package)');
  process.exit(2);
}
process.exitCode = await main(process.argv.slice(2));
