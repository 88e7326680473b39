import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IdbCache } from '../../../lib/io/idb-cache.js';

const entry = (url: string) => ({ url, finalUrl: url, contentType: 'application/json', body: new TextEncoder().encode('{"ok":true}') });

describe('IdbCache', () => {
  it('serves an entry until it expires, then forgets it', async () => {
    let now = 1_000_000;
    const cache = new IdbCache(`t-${Math.random()}`, 10, () => now);
    await cache.set('did-document did:web:a', entry('did:web:a'), 60);
    expect((await cache.get('did-document did:web:a'))?.url).toBe('did:web:a');
    now += 61_000;
    expect(await cache.get('did-document did:web:a')).toBeUndefined();
  });
  it('stays bounded when more entries arrive than it may hold', async () => {
    const cache = new IdbCache(`t-${Math.random()}`, 10, () => 1);
    for (let i = 0; i < 25; i++) await cache.set(`k${i}`, entry(`u${i}`), 100 + i);
    let kept = 0;
    for (let i = 0; i < 25; i++) if (await cache.get(`k${i}`)) kept++;
    expect(kept).toBeLessThanOrEqual(10);
    expect(await cache.get('k24')).toBeDefined();
  });
});
