// Runs `credlens verify --offline --resources CORPUS --at 2026-11-28T00:00:00Z` on every credential of a
// corpus folder laid out like ../shared/corpus (MANIFEST.json with `expected` verdicts) and prints a
// table. Usage: node bin/run-ts.mjs scripts/corpus-check.ts [CORPUS_DIR]   (exit 1 on any mismatch)
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { verify } from '../lib/index.js';
import { directoryBundle } from '../node/input.js';

interface Entry {
  file: string;
  format: string;
  expected: 'valid' | 'invalid' | 'unknown';
  expected_reason?: string;
}

const dir = resolve(process.argv[2] ?? '../shared/corpus');
const manifest = JSON.parse(readFileSync(join(dir, 'MANIFEST.json'), 'utf8')) as Entry[];
const resources = await directoryBundle(dir);
let mismatches = 0;
const rows: string[] = [];
for (const entry of manifest) {
  const report = await verify(new Uint8Array(readFileSync(join(dir, entry.file))), { offline: true, resources, at: new Date('2026-11-28T00:00:00Z') });
  const authentic = report.verdict === 'verified' || report.verdict === 'warning';
  const ok = entry.expected === 'unknown' ? true : entry.expected === 'valid' ? authentic : report.verdict === 'invalid';
  if (!ok) mismatches++;
  const decisive = report.checks.find((c) => c.status === 'fail') ?? report.checks.find((c) => c.status === 'warn');
  rows.push(`${ok ? (entry.expected === 'unknown' ? ' ' : '✔') : '✘'} ${entry.expected.padEnd(8)} ${report.verdict.padEnd(13)} ${entry.file}  ${decisive ? `[${decisive.code}]` : ''}`);
}
console.log(rows.join('\n'));
const decided = manifest.filter((e) => e.expected !== 'unknown').length;
console.log(`\n${decided - mismatches} of ${decided} decided corpus verdicts match (${manifest.length - decided} entries have no stated verdict)`);
process.exitCode = mismatches === 0 ? 0 : 1;
