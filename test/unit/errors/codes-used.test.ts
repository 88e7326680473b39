import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every ErrorCode in lib/errors.ts is thrown somewhere in lib/ (an unused code is a promise nobody keeps). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && path !== join('lib', 'errors.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('ErrorCode registry', () => {
  it('lists only codes that lib/ produces', () => {
    const text = readFileSync('lib/errors.ts', 'utf8');
    const codes = [...text.matchAll(/\|\s*'([A-Z_]+)'/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(10);
    const lib = sources('lib').join('\n') + text.replace(/export type [\s\S]*?;/g, '');
    const unused = codes.filter((code) => !lib.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });
});
