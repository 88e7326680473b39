/**
 * Where the HTTP cache (server/http-cache.ts) keeps responses: process memory (bounded, LRU by
 * insertion), Redis (shared by a fleet), or memory in front of Redis. Redis is optional in every
 * sense: when it is down, slow or returns something unreadable, a read is a miss and a write is
 * dropped, each within a bounded wait; verification then goes to the network.
 */
import CachePolicy from 'http-cache-semantics';
import { createClient } from 'redis';
import { MemoryCache } from '../lib/basics.js';
import type { ResponseStore, StoredResponse } from './http-cache.js';

export type StoreEvent = { store: string; result: 'hit' | 'miss' | 'error' | 'timeout' | 'skipped' };

/** Responses in process memory: lib's bounded cache with expiry, 2,000 entries unless told. */
export class MemoryStore extends MemoryCache<StoredResponse> implements ResponseStore {
  readonly name = 'memory';
  constructor(maxEntries = 2000, now: () => number = Date.now) {
    super(maxEntries, now);
  }
}

export interface RedisStoreOptions {
  url: string;
  /** Longest wait for one Redis command before it counts as a miss, ms. */
  timeoutMs?: number;
  /** Key prefix, so several deployments can share one Redis. */
  prefix?: string;
  onEvent?: (event: StoreEvent) => void;
  /** Called with connection problems (logged by the server; never thrown). */
  onError?: (error: Error) => void;
}

/** Entries as JSON strings under `PREFIX + sha-less key`, expired by Redis itself (`SET ... EX`). */
export class RedisStore implements ResponseStore {
  readonly name = 'redis';
  private readonly client;
  private readonly timeoutMs: number;
  private readonly prefix: string;
  private readonly onEvent: (event: StoreEvent) => void;
  private closed = false;

  constructor(options: RedisStoreOptions) {
    this.timeoutMs = options.timeoutMs ?? 50;
    this.prefix = options.prefix ?? 'credlens:http:v1:';
    this.onEvent = options.onEvent ?? (() => undefined);
    this.client = createClient({
      url: options.url,
      // Fail at once while disconnected instead of queueing commands behind a dead connection.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: 2000,
        reconnectStrategy: (retries) => Math.min(100 * 2 ** Math.min(retries, 6), 5000),
      },
    });
    const onError = options.onError ?? (() => undefined);
    this.client.on('error', (error: Error) => onError(error));
    // Connect in the background: a server with Redis down starts and verifies from the network.
    this.client.connect().catch((error: Error) => onError(error));
  }

  get ready(): boolean {
    return this.client.isReady;
  }

  async get(key: string): Promise<StoredResponse | undefined> {
    if (!this.client.isReady) {
      this.onEvent({ store: this.name, result: 'skipped' });
      return undefined;
    }
    const raw = await this.bounded(this.client.get(this.prefix + key));
    if (raw === undefined) return undefined;
    if (raw === null) {
      this.onEvent({ store: this.name, result: 'miss' });
      return undefined;
    }
    const value = parseStored(raw);
    this.onEvent({ store: this.name, result: value ? 'hit' : 'error' });
    return value;
  }

  async set(key: string, value: StoredResponse, ttlSeconds: number): Promise<void> {
    if (!this.client.isReady || ttlSeconds <= 0) return;
    await this.bounded(this.client.set(this.prefix + key, JSON.stringify(value), { expiration: { type: 'EX', value: Math.ceil(ttlSeconds) } }));
  }

  /** Resolves undefined (and records why) when the command fails or takes longer than the bound. */
  private async bounded<T>(command: Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
    });
    try {
      const result = await Promise.race([command, timeout]);
      if (result === 'timeout') {
        command.catch(() => undefined);
        this.onEvent({ store: this.name, result: 'timeout' });
        return undefined;
      }
      return result;
    } catch {
      this.onEvent({ store: this.name, result: 'error' });
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      if (this.client.isOpen) await this.client.close();
    } catch {
      this.client.destroy();
    }
  }
}

/** Memory first, then Redis; a Redis hit is copied into memory for the rest of its life. */
export class TieredStore implements ResponseStore {
  readonly name = 'tiered';
  private readonly lookups = new Map<string, Promise<StoredResponse | undefined>>();
  constructor(
    private readonly near: MemoryStore,
    private readonly far: ResponseStore,
    private readonly onEvent: (event: StoreEvent) => void = () => undefined,
  ) {}

  async get(key: string): Promise<StoredResponse | undefined> {
    const near = await this.near.get(key);
    this.onEvent({ store: 'memory', result: near ? 'hit' : 'miss' });
    if (near) return near;
    let lookup = this.lookups.get(key);
    if (!lookup) {
      // One Redis read per key at a time: a burst of requests for one document shares it.
      lookup = this.far.get(key).finally(() => this.lookups.delete(key));
      this.lookups.set(key, lookup);
    }
    const far = await lookup;
    if (far) await this.near.set(key, far, nearLifetime(far));
    return far;
  }

  async set(key: string, value: StoredResponse, ttlSeconds: number): Promise<void> {
    await Promise.all([this.near.set(key, value, ttlSeconds), this.far.set(key, value, ttlSeconds)]);
  }
}

/** How long a copy read from Redis stays in memory: its remaining freshness (HTTP still decides on use), 1 s to 5 min. */
function nearLifetime(entry: StoredResponse): number {
  let ms = 1000;
  try {
    ms = CachePolicy.fromObject(entry.policy).timeToLive();
  } catch {
    // an entry whose policy cannot be read is refused later by the HTTP cache
  }
  if (entry.notAfter !== undefined) ms = Math.min(ms, entry.notAfter - Date.now());
  return Math.min(300, Math.max(1, Math.ceil(ms / 1000)));
}

function parseStored(raw: string): StoredResponse | undefined {
  try {
    const value = JSON.parse(raw) as Partial<StoredResponse>;
    if (!value || typeof value !== 'object' || typeof value.body !== 'string' || !value.policy || typeof value.policy !== 'object') return undefined;
    if (value.notAfter !== undefined && typeof value.notAfter !== 'number') return undefined;
    return value as StoredResponse;
  } catch {
    return undefined;
  }
}
