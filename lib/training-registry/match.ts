import { sameLegalIdentifier } from './codes.js';
import type { RegistryClaims } from './claims.js';
import { indexOf, type IndexedListing } from './registry-index.js';
import type { RegistryFinding, TrainingRegistry } from './types.js';

/**
 * Matches what a credential states against the registries, most authoritative first. A listing in
 * force at the date of issue wins over a lapsed one; among equals the first registry and the
 * credential's first identifier win.
 */
export function matchRegistries(claims: RegistryClaims, registries: readonly TrainingRegistry[]): RegistryFinding {
  let lapsed: RegistryFinding | undefined;
  for (const registry of registries) {
    const index = indexOf(registry);
    for (const identifier of claims.identifiers) {
      const listing = index.lookup(identifier);
      if (!listing) continue;
      const finding = findingOf(listing, identifier, claims);
      if (finding.outcome === 'listed') return finding;
      lapsed ??= finding;
    }
  }
  return lapsed ?? { outcome: 'not-listed', claimed: claims.claimed };
}

function findingOf(listing: IndexedListing, matchedBy: string, claims: RegistryClaims): RegistryFinding {
  const { registry, entry, block } = listing;
  const finding: RegistryFinding = {
    outcome: inForce(entry.registeredFrom, entry.registeredUntil, claims.issued) ? 'listed' : 'lapsed',
    claimed: claims.claimed,
    registry: {
      id: registry.id,
      name: registry.name,
      ...(registry.country ? { country: registry.country } : {}),
      ...(registry.fundingScheme ? { fundingScheme: registry.fundingScheme } : {}),
    },
    entry: {
      code: entry.code,
      ...(entry.scheme ? { scheme: entry.scheme } : {}),
      title: entry.title,
      ...(entry.level ? { level: entry.level } : {}),
      ...(entry.hours !== undefined ? { hours: entry.hours } : {}),
      ...(entry.ects !== undefined ? { ects: entry.ects } : {}),
      eligible: entry.eligible,
      ...(entry.registeredFrom ? { registeredFrom: entry.registeredFrom } : {}),
      ...(entry.registeredUntil ? { registeredUntil: entry.registeredUntil } : {}),
      blocks: entry.blocks?.length ?? 0,
    },
    matchedBy,
  };
  if (block) finding.block = block;
  const providers = (entry.providers ?? []).map((p) => p.legalIdentifier).filter((id): id is string => Boolean(id));
  if (providers.length && claims.legalIdentifiers.length) {
    finding.providerIsIssuer = providers.some((p) => claims.legalIdentifiers.some((c) => sameLegalIdentifier(p, c)));
  }
  return finding;
}

/** The registration was in force on the date of issue (the whole day counts); unknown dates do not count against it. */
function inForce(from: string | undefined, until: string | undefined, issued: string | undefined): boolean {
  if (!issued) return true;
  const day = issued.slice(0, 10);
  if (from && day < from.slice(0, 10)) return false;
  if (until && day > until.slice(0, 10)) return false;
  return true;
}
