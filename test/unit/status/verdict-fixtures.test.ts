import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { directoryBundle } from '../../../node/input.js';
import { verify } from '../../../lib/index.js';
import { clearStatusListMemo } from '../../../lib/status/index.js';

/**
 * The fixtures of test/fixtures/verdicts (made by scripts/make-verdict-fixtures.ts): one signed
 * credential per class of the verdict rules (docs/verdicts.md), verified offline with the lists they
 * name as resources; each must get the verdict and the code MANIFEST.json states.
 */
const DIR = new URL('../../fixtures/verdicts/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('MANIFEST.json', DIR), 'utf8')) as Array<{ file: string; expected: string; code: string; class: string }>;

describe('verdict fixtures (test/fixtures/verdicts)', () => {
  it.each(manifest.map((m) => [m.class, m] as const))('%s', async (_class, entry) => {
    clearStatusListMemo();
    const resources = await directoryBundle(DIR.pathname);
    const report = await verify(new Uint8Array(readFileSync(new URL(entry.file, DIR))), { offline: true, resources, at: new Date('2026-11-28T00:00:00Z') });
    expect(report.checks.map((c) => c.code), entry.file).toContain(entry.code);
    expect(report.verdict, entry.file).toBe(entry.expected);
  });
});
