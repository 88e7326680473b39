import type { TrainingRegistry } from '../../lib/index.js';
import { REGISTRIES_REVISION_KEY, type RegistryStore } from '../common/registry-store.js';
import type { LocalArea } from '../common/trust-lists.js';

/**
 * The user's training registries for every verification in the background: read from IndexedDB
 * once and kept in memory until the options page says they changed (a new revision in
 * storage.local). The same objects are passed to every verification, so lib builds each
 * registry's lookup index once (lib/training-registry/registry-index.ts) and a large registry is
 * neither parsed nor indexed again per verification.
 */
export function trainingRegistrySource(store: Pick<RegistryStore, 'loadAll'>, area: LocalArea): () => Promise<TrainingRegistry[]> {
  let loaded: { revision: unknown; registries: Promise<TrainingRegistry[]> } | undefined;
  return async () => {
    const revision = (await area.get(REGISTRIES_REVISION_KEY).catch((): Record<string, unknown> => ({})))[REGISTRIES_REVISION_KEY] ?? 0;
    if (!loaded || loaded.revision !== revision) {
      const registries = store.loadAll().catch(() => [] as TrainingRegistry[]);
      loaded = { revision, registries };
    }
    return loaded.registries;
  };
}

