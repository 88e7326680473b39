// `npm run crosscheck`: runs the reference verifiers (@digitalcredentials/verifier-core, the Digital
// Credentials Consortium's verifier, and @digitalbazaar/vc, the W3C VC reference implementation's
// library) and Credlens over the shared corpus (../shared/corpus, when present), the project's own
// vectors (test/vectors) and verdict fixtures (test/fixtures/verdicts), offline, and prints one row per credential: each verifier's outcome,
// Credlens's verdict, and whether they agree. Every disagreement must be fixed or explained in
// docs/verdicts.md ("Agreement with reference verifiers"); the explained ones are pinned in
// scripts/crosscheck-explained.ts, and test/unit/docs/crosscheck.test.ts fails on any other.
//
// Usage: node bin/run-ts.mjs scripts/crosscheck.ts [--json]   (exit 1 on an unexplained disagreement)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { crosscheckFiles, type CrosscheckRow } from './crosscheck-lib.js';
import { directoryBundle } from '../node/input.js';

const root = resolve(import.meta.dirname, '..');
const corpus = resolve(root, '../shared/corpus');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name.startsWith('_') ? [] : files(path);
    return /\.(json|jsonld|jws|jwt|txt)$/.test(name) && !/SOURCE|MANIFEST|index\.json|\.jwk\.json$/.test(name) ? [path] : [];
  });
}

const rows: CrosscheckRow[] = [];
if (existsSync(join(corpus, 'MANIFEST.json'))) {
  const manifest = JSON.parse(readFileSync(join(corpus, 'MANIFEST.json'), 'utf8')) as Array<{ file: string }>;
  const resources = await directoryBundle(corpus);
  rows.push(...(await crosscheckFiles(manifest.map((e) => ({ name: `corpus/${e.file}`, path: join(corpus, e.file) })), { resources })));
} else {
  console.log(`(skipping the shared corpus: ${relative(root, corpus)} is not present)`);
}
const vectors = join(root, 'test/vectors');
rows.push(...(await crosscheckFiles(files(vectors).filter((f) => !f.includes('ietf-status-list')).map((path) => ({ name: `vectors/${relative(vectors, path)}`, path })))));

const fixtures = join(root, 'test/fixtures/verdicts');
const fixtureManifest = JSON.parse(readFileSync(join(fixtures, 'MANIFEST.json'), 'utf8')) as Array<{ file: string }>;
rows.push(...(await crosscheckFiles(fixtureManifest.map((e) => ({ name: `fixtures/verdicts/${e.file}`, path: join(fixtures, e.file) })), { resources: await directoryBundle(fixtures) })));

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const head = ['credential', 'verifier-core', '@digitalbazaar/vc', 'Credlens', 'agree'];
  const table = rows.map((r) => [r.name, r.verifierCore, r.digitalbazaar, `${r.credlens} [${r.credlensCode}]`, r.agreement === 'agree' ? 'agree' : r.agreement === 'explained' ? 'explained' : 'DISAGREE']);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));
  const count = (a: CrosscheckRow['agreement']) => rows.filter((r) => r.agreement === a).length;
  console.log(`\n${rows.length} credentials: ${count('agree')} agree, ${count('explained')} disagree with an explanation (docs/verdicts.md), ${count('disagree')} unexplained`);
  for (const r of rows.filter((x) => x.agreement === 'explained')) console.log(`  ${r.name}: ${r.explanation}`);
}
process.exitCode = rows.some((r) => r.agreement === 'disagree') ? 1 : 0;
