import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODES, type CheckCode } from '../../../lib/codes/index.js';
import { statusForEffect } from '../../../lib/report.js';
import { INVALID_RULES, withSeverityTable } from '../../../scripts/verdicts-table.js';

const DOC = readFileSync(new URL('../../../docs/verdicts.md', import.meta.url), 'utf8');

interface Row {
  code: string;
  status: string;
  effect: string;
  why: string;
}

/** The rows of the severity table as a reader sees them (parsed from the Markdown, not regenerated). */
function rows(): Row[] {
  const table = DOC.slice(DOC.indexOf('<!-- severity:start -->'), DOC.indexOf('<!-- severity:end -->'));
  return table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const cells = line.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim());
      return { code: (cells[0] ?? '').replace(/`/g, ''), status: cells[1] ?? '', effect: cells[2] ?? '', why: cells[3] ?? '' };
    });
}

const VERDICT_EFFECT = { pass: 'none', fail: 'invalid', unverifiable: 'unverifiable', warning: 'warning', skip: 'none' } as const;

describe('docs/verdicts.md severity table', () => {
  it('lists every registered code exactly once, and no other', () => {
    const listed = rows().map((r) => r.code);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(Object.keys(CODES).sort());
  });

  it('gives each code the check status and verdict effect the registry gives it', () => {
    for (const row of rows()) {
      const info = CODES[row.code as CheckCode];
      expect(row.status, row.code).toBe(statusForEffect(info.effect));
      expect(row.effect, row.code).toBe(VERDICT_EFFECT[info.effect]);
    }
  });

  it('makes a credential invalid only for the six reasons of the rule (or, for a presentation, a credential it carries that is invalid for one of them)', () => {
    const reasons = Object.values(INVALID_RULES);
    for (const row of rows().filter((r) => r.effect === 'invalid')) {
      expect(reasons.some((reason) => row.why.startsWith(reason)), `${row.code}: ${row.why}`).toBe(true);
    }
  });

  it('keeps the decisions of #14: schema non-conformance warns, unknown context and untrusted seal chain are unverifiable, header-only keys are unverifiable', () => {
    const effect = (code: string) => rows().find((r) => r.code === code)?.effect;
    expect(effect('SCHEMA_INVALID')).toBe('warning');
    expect(effect('DI_CONTEXT_UNKNOWN')).toBe('unverifiable');
    expect(effect('DI_CONTEXT_INVALID')).toBe('invalid');
    expect(effect('SEAL_CERT_NOT_TRUSTED')).toBe('unverifiable');
    expect(effect('KEY_HEADER_ONLY')).toBe('unverifiable');
    expect(effect('CLAIMS_MISMATCH')).toBe('invalid');
    expect(effect('STATUS_REVOKED')).toBe('invalid');
    expect(effect('STATUS_LIST_UNVERIFIED')).toBe('warning');
  });

  it('is current (run `node bin/run-ts.mjs scripts/verdicts-table.ts` when this fails)', () => {
    expect(DOC).toBe(withSeverityTable(DOC));
  });
});
