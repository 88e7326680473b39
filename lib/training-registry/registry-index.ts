import { codeKey } from './codes.js';
import type { RegistryBlock, RegistryEntry, TrainingRegistry } from './types.js';

export interface IndexedListing {
  registry: TrainingRegistry;
  entry: RegistryEntry;
  /** Set when the key named one of the entry's blocks. */
  block?: RegistryBlock;
}

/** How a registry is looked up: built in memory from its entries, or read from a file index (file-index.ts). */
export interface RegistryLookup {
  /** How many keys (codes, aliases, block codes) it answers. */
  readonly size: number;
  /** The code schemes its entries use (RNCP, RS, ELM…): an alignment to one of them claims a listing. */
  readonly schemes: readonly string[];
  lookup(code: string): IndexedListing | undefined;
}

/**
 * Codes, block codes and aliases of every entry of one registry, in one map. Built once per
 * registry object (a 200,000-entry registry builds in well under a second; a lookup is a map read:
 * see the benchmark's registry rows and docs/registries.md).
 */
export class RegistryIndex implements RegistryLookup {
  private readonly byKey = new Map<string, IndexedListing>();
  readonly schemes: readonly string[];

  constructor(readonly registry: TrainingRegistry) {
    const schemes = new Set<string>();
    for (const entry of registry.entries) {
      if (entry.scheme) schemes.add(entry.scheme);
      this.add(entry.code, { registry, entry });
      for (const alias of entry.aliases ?? []) this.add(alias, { registry, entry });
      for (const block of entry.blocks ?? []) this.add(block.code, { registry, entry, block });
    }
    this.schemes = [...schemes];
  }

  get size(): number {
    return this.byKey.size;
  }

  lookup(code: string): IndexedListing | undefined {
    return this.byKey.get(codeKey(code));
  }

  private add(code: string, listing: IndexedListing): void {
    const key = codeKey(code);
    // The first entry wins: a registry that lists a code twice keeps its first (usually newest) row.
    if (!this.byKey.has(key)) this.byKey.set(key, listing);
  }
}

const indexes = new WeakMap<TrainingRegistry, RegistryLookup>();

/** The index of a registry: the one attached to it (a file index), else built on first use and kept as long as the registry object lives. */
export function indexOf(registry: TrainingRegistry): RegistryLookup {
  let index = indexes.get(registry);
  if (!index) {
    index = new RegistryIndex(registry);
    indexes.set(registry, index);
  }
  return index;
}

/** Makes `lookup` the index of `registry` (a registry opened from a file index answers without its entries in memory). */
export function attachIndex(registry: TrainingRegistry, lookup: RegistryLookup): void {
  indexes.set(registry, lookup);
}
