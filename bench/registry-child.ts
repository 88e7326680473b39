// One fresh process, as `credlens verify --registry FILE` or `credlens serve --registry FILE` runs:
// opens the registry through its file index and times each lookup. Prints JSON on stdout.
import { readFileSync } from 'node:fs';
import { indexOf } from '../lib/training-registry/index.js';
import { loadRegistry } from '../node/registry-files.js';

const [path, codesFile] = process.argv.slice(2) as [string, string];
const codes = JSON.parse(readFileSync(codesFile, 'utf8')) as string[];
let t = performance.now();
const registry = await loadRegistry(path);
const loadMs = performance.now() - t;
const index = indexOf(registry);
const lookupUs: number[] = [];
const answers: Array<string | null> = [];
for (const code of codes) {
  t = performance.now();
  const found = index.lookup(code);
  lookupUs.push((performance.now() - t) * 1000);
  answers.push(found ? `${found.entry.code}/${found.block?.code ?? ''}` : null);
}
process.stdout.write(JSON.stringify({ loadMs, lookupUs, answers, heapMB: process.memoryUsage().heapUsed / 1024 / 1024 }));
