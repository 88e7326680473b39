import { summariseLearning, type LearningSummary, type TrainingRegistry } from '../../lib/index.js';
import type { RegistryStore } from '../common/registry-store.js';
import type { WalletItem } from '../common/wallet.js';

/**
 * What the wallet's credentials add up to (lib's `summariseLearning`: groups, sums, EQF levels,
 * eligibility, blocks). The registries it needs for block progress are not read whole: each listed
 * qualification's entry is looked up in the IndexedDB index, so a 200,000-entry registry costs the
 * wallet one read per qualification.
 */
export async function learnerSummary(items: readonly WalletItem[], store: Pick<RegistryStore, 'lookup'>, country: string | undefined): Promise<LearningSummary> {
  const registries = new Map<string, TrainingRegistry>();
  const seen = new Set<string>();
  for (const item of items) {
    const finding = item.report?.registry;
    if (finding?.outcome !== 'listed' || !finding.registry || !finding.entry) continue;
    const key = `${finding.registry.id}\u0000${finding.entry.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const entry = await store.lookup(finding.registry.id, finding.entry.code).catch(() => undefined);
    if (!entry) continue; // the registry was removed since: no blocks to show, the finding still counts
    const registry = registries.get(finding.registry.id) ?? { id: finding.registry.id, name: finding.registry.name, ...(finding.registry.country ? { country: finding.registry.country } : {}), entries: [] };
    registry.entries.push(entry);
    registries.set(registry.id, registry);
  }
  const reports = items.flatMap((i) => (i.report ? [{ id: i.id, report: i.report }] : []));
  return summariseLearning(reports, { registries: [...registries.values()], ...(country ? { country } : {}) });
}

/**
 * The learner's country: the one they chose ('' for any), else their browser's region when a registry
 * serves it, else the only country the registries serve; otherwise none is assumed (eligibility in any).
 */
export function defaultCountry(chosen: string | undefined, browserLanguage: string, registryCountries: readonly string[]): string | undefined {
  if (chosen !== undefined) return chosen || undefined;
  const region = /^[a-z]{2,3}[-_]([A-Za-z]{2})\b/.exec(browserLanguage)?.[1]?.toUpperCase();
  if (region && registryCountries.includes(region)) return region;
  const distinct = [...new Set(registryCountries)];
  return distinct.length === 1 ? distinct[0] : undefined;
}
