import type { TrustList } from '../../lib/index.js';
import { parseStoredTrustLists, readStoredTrustLists, type LocalArea } from '../common/trust-lists.js';

/**
 * The one reading of the user's trust lists (options page or policy) for every verification in the
 * background: read afresh each time, so a list added on the options page applies at once, and named
 * the same way everywhere (the name the options page stored, else "Credlens settings, list N").
 */
export function trustListSource(area: LocalArea): () => Promise<TrustList[]> {
  return async () => {
    try {
      return parseStoredTrustLists(await readStoredTrustLists(area)).map((v) => v.list);
    } catch {
      return [];
    }
  };
}
