// Writes the table of check codes into README.md between the codes markers, from lib/codes.
// `node bin/run-ts.mjs scripts/readme-codes.ts` rewrites it; a unit test fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { CODES } from '../lib/codes/index.js';

const EFFECT_WORDS = { pass: 'pass', fail: 'fail → invalid', unverifiable: 'warn → unverifiable', warning: 'warn → warning', skip: 'skip' } as const;

export function codesTable(): string {
  const rows = Object.entries(CODES)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, info]) => `| \`${code}\` | ${EFFECT_WORDS[info.effect]}${'authentic' in info && info.authentic ? ' (establishes authenticity)' : ''} | ${info.summary.replace(/\|/g, '\\|')} |`);
  return ['| code | status → verdict effect | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

export const START = '<!-- codes:start -->';
export const END = '<!-- codes:end -->';

export function withCodesTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error('README.md lacks the codes markers');
  return `${readme.slice(0, start + START.length)}\n${codesTable()}\n${readme.slice(end)}`;
}

if (process.argv[1]?.endsWith('readme-codes.ts')) {
  const path = new URL('../README.md', import.meta.url);
  writeFileSync(path, withCodesTable(readFileSync(path, 'utf8')));
  console.log(`README.md: ${Object.keys(CODES).length} check codes`);
}
