import { codeKey } from './codes.js';
import type { RegistryBlock, RegistryEntry, TrainingRegistry } from './types.js';

export interface IndexedListing {
  registry: TrainingRegistry;
  entry: RegistryEntry;
  /** Set when the key named one of the entry's blocks. */
  block?: RegistryBlock;
}

/**
 * Codes, block codes and aliases of every entry of one registry, in one map. Built once per
 * registry object (a 200,000-entry registry builds in well under a second; a lookup is a map read:
 * see the benchmark's registry rows).
 */
export class RegistryIndex {
  private readonly byKey = new Map<string, IndexedListing>();

  constructor(readonly registry: TrainingRegistry) {
    for (const entry of registry.entries) {
      this.add(entry.code, { registry, entry });
      for (const alias of entry.aliases ?? []) this.add(alias, { registry, entry });
      for (const block of entry.blocks ?? []) this.add(block.code, { registry, entry, block });
    }
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

const indexes = new WeakMap<TrainingRegistry, RegistryIndex>();

/** The index of a registry, built on first use and kept as long as the registry object lives. */
export function indexOf(registry: TrainingRegistry): RegistryIndex {
  let index = indexes.get(registry);
  if (!index) {
    index = new RegistryIndex(registry);
    indexes.set(registry, index);
  }
  return index;
}
