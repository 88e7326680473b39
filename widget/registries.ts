import type { FetchLike, NetworkPolicy, TrainingRegistry } from '../lib/index.js';
import type { createIo } from '../lib/verify.js';
import { parseTrainingRegistry } from '../lib/training-registry/index.js';

// Re-exported for the caller: the parser loads with this module, only for elements that name registries.
export { parseTrainingRegistry };

/** A registry the `registries` attribute names that could not be used, and why (shown to the reader). */
export interface RegistryProblem {
  url: string;
  reason: string;
}

export interface RegistrySources {
  /** The host page's fetch (same-origin files) and the element's fetch (its proxy, if any: other origins). */
  pageFetch: FetchLike;
  fetch: FetchLike;
  /** The element's network policy overrides (`options.network`). */
  network: Partial<NetworkPolicy> | undefined;
  /** The page's base URL (relative URLs resolve against it) and origin. */
  baseUrl: string;
  origin: string;
  /**
   * Lib's guarded fetch and registry parser, handed in by the caller (which loads them with lib's
   * verify anyway), so that this module, loaded only for an element with registries, adds no chunk
   * boundary to what every page loads at once.
   */
  lib: { createIo: typeof createIo; parseTrainingRegistry: typeof parseTrainingRegistry };
}

/** The URLs of the `registries` attribute (space-separated), in order, each once. */
export function registryUrls(attribute: string | undefined): string[] {
  return [...new Set((attribute ?? '').split(/\s+/).filter(Boolean))];
}

/** Registries read on this page, by URL: every element naming the same file shares one read. */
const loaded = new Map<string, Promise<TrainingRegistry>>();

/**
 * Loads the training registries (docs/registries.md, the format of
 * docs/schemas/training-registry.schema.json) that the `registries` attribute names, through lib's
 * guarded fetch. A file on the page's own origin is the host site's configuration and is read as
 * the page could read it (plain http and a local address allowed); any other must be https and
 * pass lib's network guard (public address, size and time limits). A registry that cannot be read
 * or parsed is left out and reported, never half-used.
 */
export async function loadRegistries(attribute: string | undefined, sources: RegistrySources): Promise<{ registries: TrainingRegistry[]; problems: RegistryProblem[] }> {
  const urls = registryUrls(attribute);
  if (urls.length === 0) return { registries: [], problems: [] };
  const settled = await Promise.allSettled(urls.map((raw) => loadOne(raw, sources)));
  const registries: TrainingRegistry[] = [];
  const problems: RegistryProblem[] = [];
  settled.forEach((result, i) => {
    if (result.status === 'fulfilled') registries.push(result.value);
    else problems.push({ url: urls[i]!, reason: result.reason instanceof Error ? result.reason.message : String(result.reason) });
  });
  return { registries, problems };
}

async function loadOne(raw: string, sources: RegistrySources): Promise<TrainingRegistry> {
  let url: URL;
  try {
    url = new URL(raw, sources.baseUrl);
  } catch {
    throw new TypeError('not a URL');
  }
  const sameOrigin = url.origin === sources.origin;
  if (!sameOrigin && url.protocol !== 'https:') throw new TypeError('a registry must be on this page’s own origin or at an https URL');
  const key = url.href;
  let registry = loaded.get(key);
  if (!registry) {
    registry = read(url.href, sameOrigin, sources);
    loaded.set(key, registry);
    // A failed read is not remembered: the next verification tries again.
    registry.catch(() => loaded.get(key) === registry && loaded.delete(key));
  }
  return registry;
}

async function read(url: string, sameOrigin: boolean, sources: RegistrySources): Promise<TrainingRegistry> {
  const io = sources.lib.createIo({
    fetch: sameOrigin ? sources.pageFetch : sources.fetch,
    policy: sameOrigin ? { ...sources.network, allowHttp: true, allowPrivateNetwork: true } : { ...sources.network },
  });
  const { value } = await io.getJson(url, { kind: 'trust-list' });
  return sources.lib.parseTrainingRegistry(value, url);
}

/** Forgets the registries read so far (tests). */
export function forgetRegistries(): void {
  loaded.clear();
}
