import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CachedResource, ResourceCache } from './types.js';

interface CacheSchema extends DBSchema {
  resources: { key: string; value: { key: string; value: CachedResource; expires: number }; indexes: { expires: number } };
}

/**
 * The browser cache for DID documents, status lists and other remote reads: IndexedDB, so it
 * survives the extension's service worker being stopped. Entries expire; expired ones are removed
 * when read and in bulk (`prune`), and the store is bounded.
 */
export class IdbCache implements ResourceCache {
  private db: Promise<IDBPDatabase<CacheSchema>> | undefined;

  constructor(
    private readonly name = 'credlens-cache',
    private readonly maxEntries = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  private open(): Promise<IDBPDatabase<CacheSchema>> {
    this.db ??= openDB<CacheSchema>(this.name, 1, {
      upgrade(db) {
        const store = db.createObjectStore('resources', { keyPath: 'key' });
        store.createIndex('expires', 'expires');
      },
    });
    return this.db;
  }

  async get(key: string): Promise<CachedResource | undefined> {
    const db = await this.open();
    const entry = await db.get('resources', key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      await db.delete('resources', key);
      return undefined;
    }
    return entry.value;
  }

  async set(key: string, value: CachedResource, ttlSeconds: number): Promise<void> {
    if (ttlSeconds <= 0) return;
    const db = await this.open();
    await db.put('resources', { key, value, expires: this.now() + ttlSeconds * 1000 });
    if ((await db.count('resources')) > this.maxEntries) await this.prune(true);
  }

  /** Removes expired entries; with `shrink`, also the soonest-expiring ones beyond the bound. */
  async prune(shrink = false): Promise<void> {
    const db = await this.open();
    const tx = db.transaction('resources', 'readwrite');
    const index = tx.store.index('expires');
    let excess = shrink ? (await tx.store.count()) - Math.floor(this.maxEntries * 0.9) : 0;
    for (let cursor = await index.openCursor(); cursor; cursor = await cursor.continue()) {
      if (cursor.value.expires > this.now() && excess <= 0) break;
      await cursor.delete();
      excess--;
    }
    await tx.done;
  }

  async close(): Promise<void> {
    if (this.db) (await this.db).close();
    this.db = undefined;
  }
}
