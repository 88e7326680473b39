import type { FetchLike } from '../lib/index.js';
import { createIo, type VerifyOptions } from '../lib/verify.js';
import { proxiedFetch } from './proxy.js';
import type { RegistryProblem } from './registries.js';

export interface ElementOptions {
  /** `CredlensVerifier.defaultOptions`, then the element's own `options` over them. */
  defaults: VerifyOptions;
  options: VerifyOptions;
  proxy: string | undefined;
  /** The `registries` attribute. */
  registries: string | undefined;
  document: Document;
}

/**
 * The options of one verification run: the page's defaults, the element's, its proxy (for reads
 * issuers block cross-origin), and the training registries its `registries` attribute names
 * (after any `options.trainingRegistries`), with those that could not be loaded.
 */
export async function runOptions(element: ElementOptions): Promise<{ options: VerifyOptions; registryProblems: RegistryProblem[] }> {
  const options: VerifyOptions = { ...element.defaults, ...element.options };
  const base: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const baseUrl = element.document.baseURI;
  options.fetch = element.proxy ? proxiedFetch(element.proxy, base, baseUrl) : base;
  if (!element.registries?.trim()) return { options, registryProblems: [] };
  const origin = new URL(element.document.URL).origin;
  // Loaded only for an element that names registries: other pages never download the loader.
  const { loadRegistries, parseTrainingRegistry } = await import('./registries.js');
  const lib = { createIo, parseTrainingRegistry };
  const { registries, problems } = await loadRegistries(element.registries, { pageFetch: base, fetch: options.fetch, network: options.network, baseUrl, origin, lib });
  if (registries.length) options.trainingRegistries = [...(options.trainingRegistries ?? []), ...registries];
  return { options, registryProblems: problems };
}
