import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withCodesTable } from '../../../scripts/readme-codes.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('documents every check code (run `node bin/run-ts.mjs scripts/readme-codes.ts` when this fails)', () => {
    expect(readme).toBe(withCodesTable(readme));
  });
  it('shows the two quick-start commands', () => {
    expect(readme).toContain('npm start');
    expect(readme).toContain('npm test');
  });
});
