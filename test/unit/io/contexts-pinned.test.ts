import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PINNED_CONTEXTS, pinnedContext } from '../../../lib/io/contexts/index.js';

const FILES = join(import.meta.dirname, '../../../lib/io/contexts/files');

function pinnedHashes(): Map<string, string> {
  const lines = readFileSync(join(FILES, 'SHA256SUMS'), 'utf8').trim().split('\n');
  return new Map(lines.map((line) => {
    const [hash, file] = line.split(/\s+\*?/);
    return [file as string, hash as string];
  }));
}

describe('shipped JSON-LD contexts are pinned by hash', () => {
  it('every shipped context file has the SHA-256 recorded in SHA256SUMS, and every hash names a shipped file', () => {
    const hashes = pinnedHashes();
    const files = readdirSync(FILES).filter((f) => f.endsWith('.json')).sort();
    expect([...hashes.keys()].sort()).toEqual(files);
    for (const file of files) {
      const actual = createHash('sha256').update(readFileSync(join(FILES, file))).digest('hex');
      expect(actual, file).toBe(hashes.get(file));
    }
  });

  it('every served URL loads a context object, and every file is served or listed in SOURCES.md', async () => {
    const sources = readFileSync(join(FILES, 'SOURCES.md'), 'utf8');
    for (const url of Object.keys(PINNED_CONTEXTS)) {
      const context = (await pinnedContext(url)) as Record<string, unknown>;
      expect(typeof context['@context'], url).toBe('object');
      expect(sources, url).toContain(url.replace(/^https:\/\//, '').split('/')[0]);
    }
  });

  it('ships the VC 2.0 undefined-terms context (genuine credentials use it)', async () => {
    const context = (await pinnedContext('https://www.w3.org/ns/credentials/undefined-terms/v2')) as { '@context': Record<string, unknown> };
    expect(context['@context']['@vocab']).toBe('https://www.w3.org/ns/credentials/undefined-term#');
  });
});
