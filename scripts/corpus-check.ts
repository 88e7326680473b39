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

/**
 * Entries where Credlens departs from the verdict the corpus states, on purpose, with the reason
 * (docs/verdicts.md). A departure not listed here, or a listed one whose verdict changes, is a mismatch.
 */
const DEPARTURES: Record<string, { verdict: string; why: string }> = {
  'waltid-cli/openbadgecredential_sample.signed.json': {
    verdict: 'invalid',
    why: 'the corpus records walt.id\'s signature check only; the token is signed by did:key:z6Mkp7… but its vc names did:example:123 as issuer, and a signer who is not the issuer shown is invalid (docs/jose.md "Claims", issue #14 §5)',
  },
  '1edtech-spec/ob2-spec-signed-badge-example.jws': {
    verdict: 'unverifiable',
    why: 'offline, a key absent from the bundle cannot be told from one that is unreachable (OB2_KEY_UNAVAILABLE); online the key\'s 404 makes it invalid (OB2_KEY_NOT_FOUND)',
  },
};

const dir = resolve(process.argv[2] ?? '../shared/corpus');
const manifest = JSON.parse(readFileSync(join(dir, 'MANIFEST.json'), 'utf8')) as Entry[];
const resources = await directoryBundle(dir);
let mismatches = 0;
const rows: string[] = [];
const notes: string[] = [];
for (const entry of manifest) {
  const report = await verify(new Uint8Array(readFileSync(join(dir, entry.file))), { offline: true, resources, at: new Date('2026-11-28T00:00:00Z') });
  const authentic = report.verdict === 'verified' || report.verdict === 'warning';
  const departure = DEPARTURES[entry.file];
  const agrees = entry.expected === 'unknown' ? true : entry.expected === 'valid' ? authentic : report.verdict === 'invalid';
  const ok = agrees || departure?.verdict === report.verdict;
  if (!ok) mismatches++;
  if (!agrees && ok && departure) notes.push(`  ${entry.file}: ${departure.why}`);
  const decisive = report.checks.find((c) => c.status === 'fail') ?? report.checks.find((c) => c.status === 'warn');
  rows.push(`${ok ? (entry.expected === 'unknown' ? ' ' : '✔') : '✘'} ${entry.expected.padEnd(8)} ${report.verdict.padEnd(13)} ${entry.file}  ${decisive ? `[${decisive.code}]` : ''}`);
}
console.log(rows.join('\n'));
const decided = manifest.filter((e) => e.expected !== 'unknown').length;
console.log(`\n${decided - mismatches} of ${decided} decided corpus verdicts match or depart on purpose (${notes.length} departures, ${manifest.length - decided} entries have no stated verdict)`);
if (notes.length) console.log(`Departures:\n${notes.join('\n')}`);
process.exitCode = mismatches === 0 ? 0 : 1;
