import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The one network seam is a rule of the code, not only of the docs: outside lib/io nothing in the
 * core calls fetch or any other way of reaching the network, and the JSON-LD engine is never left
 * with its own (network) document loader.
 */

const ROOT = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Source text without comments, so a comment that names fetch does not count. */
function code(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const NETWORK = /\bfetch\s*\(|XMLHttpRequest|new\s+WebSocket|sendBeacon|new\s+EventSource|importScripts\s*\(|\bimport\s*\(\s*['"`]https?:/;

describe('the one network seam', () => {
  it('no module of lib/ outside lib/io reaches the network (fetch, XHR, WebSocket, beacons, remote imports)', () => {
    const offenders = sources(join(ROOT, 'lib'))
      .filter((path) => !relative(ROOT, path).startsWith(join('lib', 'io')))
      .filter((path) => NETWORK.test(code(path)))
      .map((path) => relative(ROOT, path));
    expect(offenders).toEqual([]);
  });

  it('inside lib/io only the seam itself calls fetch', () => {
    const callers = sources(join(ROOT, 'lib', 'io'))
      .filter((path) => /\bfetch\s*\(/.test(code(path)))
      .map((path) => relative(ROOT, path));
    expect(callers).toEqual([join('lib', 'io', 'index.ts')]);
  });

  it('every JSON-LD operation is given Credlens\'s document loader (never jsonld\'s network loader)', () => {
    const offenders: string[] = [];
    let examined = 0;
    for (const path of sources(join(ROOT, 'lib'))) {
      const text = code(path);
      if (!/jsonld/.test(text)) continue;
      for (const call of text.matchAll(/\.(canonize|expand|compact|toRDF|frame|flatten)\(([\s\S]*?)\}\s*\)/g)) {
        examined++;
        if (!/documentLoader/.test(call[2] ?? '')) offenders.push(`${relative(ROOT, path)}: ${call[1]}`);
      }
    }
    expect(examined).toBeGreaterThan(0);
    expect(offenders).toEqual([]);
  });

  it('the static check is not blind: it flags a fetch call in a sample', () => {
    expect(NETWORK.test("const r = await fetch('https://example.org')")).toBe(true);
    expect(NETWORK.test('const x = new XMLHttpRequest()')).toBe(true);
    expect(NETWORK.test('const r = await ctx.io.get(url, { kind })')).toBe(false);
  });
});
