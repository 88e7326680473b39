import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { parseTrainingRegistry, TrainingRegistryError, type RegistryEntry, type TrainingRegistry } from '../../lib/index.js';
import { codeKey, parseJsonText } from '../../lib/tools.js';

/**
 * The training registries the user added on the options page (issue #19, docs/registries.md), in
 * IndexedDB: parsed and checked once when added, then kept as structured records, never as JSON
 * text to parse again. Each entry is one record with the lookup keys of its code, aliases and
 * block codes in a multi-entry index, so the wallet finds an entry (and its blocks) without reading
 * the registry, and the background reads a whole registry once per start (see
 * ../background/training-registries.ts). The registry's address is fetched only when the user
 * adds or refreshes it.
 */

/** Where the registry came from: a file the user picked, or an https address. */
export type RegistryOrigin = { kind: 'file'; name: string } | { kind: 'url'; url: string };

/** What the options page lists: the registry without its entries. */
export interface RegistryMeta extends Omit<TrainingRegistry, 'entries'> {
  entryCount: number;
  origin: RegistryOrigin;
  /** When it was added or last refreshed (epoch ms). */
  storedAt: number;
}

interface EntryRecord {
  registryId: string;
  position: number;
  /** `registryId` + NUL + the code key of the entry's code, aliases and block codes. */
  keys: string[];
  entry: RegistryEntry;
}

interface RegistrySchema extends DBSchema {
  registries: { key: string; value: RegistryMeta };
  entries: { key: [string, number]; value: EntryRecord; indexes: { keys: string } };
}

export const MAX_REGISTRIES = 20;
/** A France Compétences export of the whole RNCP and RS is about 30 MB in our format. */
export const MAX_REGISTRY_BYTES = 128 * 1024 * 1024;
const WRITE_BATCH = 5000;

/** The key under which the background learns that the registries changed (storage.local). */
export const REGISTRIES_REVISION_KEY = 'trainingRegistriesRevision';

/** Tells the background (and other pages) that the registries changed. */
export async function bumpRegistriesRevision(area: { set(items: Record<string, unknown>): Promise<void> }, now = Date.now()): Promise<void> {
  await area.set({ [REGISTRIES_REVISION_KEY]: now });
}

const lookupKey = (registryId: string, code: string): string => `${registryId}\u0000${codeKey(code)}`;

function keysOf(registryId: string, entry: RegistryEntry): string[] {
  const codes = [entry.code, ...(entry.aliases ?? []), ...(entry.blocks ?? []).map((b) => b.code)];
  return [...new Set(codes.map((c) => lookupKey(registryId, c)))];
}

/**
 * Reads a registry's text (a file or a fetched address) in Credlens's format; throws
 * `TrainingRegistryError` naming the place of the first problem.
 */
export function acceptRegistryText(text: string, source: string): TrainingRegistry {
  if (text.length > MAX_REGISTRY_BYTES) throw new TrainingRegistryError(`${source}: the registry is larger than ${MAX_REGISTRY_BYTES / 1024 / 1024} MB`);
  let json: unknown;
  try {
    json = parseJsonText(text);
  } catch (error) {
    throw new TrainingRegistryError(`${source}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return parseTrainingRegistry(json);
  } catch (error) {
    throw new TrainingRegistryError(`${source}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export class RegistryStore {
  private db: Promise<IDBPDatabase<RegistrySchema>> | undefined;

  constructor(private readonly name = 'credlens-training-registries') {}

  private open(): Promise<IDBPDatabase<RegistrySchema>> {
    this.db ??= openDB<RegistrySchema>(this.name, 1, {
      upgrade(db) {
        db.createObjectStore('registries', { keyPath: 'id' });
        db.createObjectStore('entries', { keyPath: ['registryId', 'position'] }).createIndex('keys', 'keys', { multiEntry: true });
      },
    });
    return this.db;
  }

  /** Adds a registry, or replaces the one with the same id (a refresh). */
  async put(registry: TrainingRegistry, origin: RegistryOrigin, now = Date.now()): Promise<RegistryMeta> {
    const db = await this.open();
    const existing = await db.get('registries', registry.id);
    if (!existing && (await db.count('registries')) >= MAX_REGISTRIES) throw new TrainingRegistryError(`At most ${MAX_REGISTRIES} training registries can be kept.`);
    const { entries, ...rest } = registry;
    const meta: RegistryMeta = { ...rest, entryCount: entries.length, origin, storedAt: now };
    await this.deleteEntries(registry.id);
    // Batches keep each transaction small: a 200,000-entry registry does not hold one huge transaction.
    for (let start = 0; start < entries.length; start += WRITE_BATCH) {
      const tx = db.transaction('entries', 'readwrite');
      const end = Math.min(entries.length, start + WRITE_BATCH);
      for (let i = start; i < end; i++) {
        const entry = entries[i] as RegistryEntry;
        void tx.store.put({ registryId: registry.id, position: i, keys: keysOf(registry.id, entry), entry });
      }
      await tx.done;
    }
    // The registry is listed only once all its entries are in: a failed import leaves no half registry.
    await db.put('registries', meta);
    return meta;
  }

  async list(): Promise<RegistryMeta[]> {
    return (await (await this.open()).getAll('registries')).sort((a, b) => a.storedAt - b.storedAt);
  }

  async remove(id: string): Promise<void> {
    await (await this.open()).delete('registries', id);
    await this.deleteEntries(id);
  }

  /** The entry a code (or an alias, or a block code) names in one registry; the first listed wins. */
  async lookup(registryId: string, code: string): Promise<RegistryEntry | undefined> {
    const record = await (await this.open()).getFromIndex('entries', 'keys', lookupKey(registryId, code));
    return record?.entry;
  }

  /** Every registry with all its entries, in the order they were added (the first is the most authoritative). */
  async loadAll(): Promise<TrainingRegistry[]> {
    const db = await this.open();
    const out: TrainingRegistry[] = [];
    for (const meta of await this.list()) {
      const records = await db.getAll('entries', IDBKeyRange.bound([meta.id, 0], [meta.id, Number.MAX_SAFE_INTEGER]));
      const { entryCount: _count, origin: _origin, storedAt: _at, ...registry } = meta;
      out.push({ ...registry, entries: records.map((r) => r.entry) });
    }
    return out;
  }

  private async deleteEntries(registryId: string): Promise<void> {
    await (await this.open()).delete('entries', IDBKeyRange.bound([registryId, 0], [registryId, Number.MAX_SAFE_INTEGER]));
  }
}
