import type { TrustRegistry } from '../types.js';
import { lookupDccRegistry } from './dcc.js';
import { lookupEbsiTir } from './ebsi-tir.js';
import { lookupOpenIdFederation } from './openid-federation.js';
import type { RegistryAnswer, RegistryEnv } from './types.js';

export type { RegistryAnswer, RegistryEnv } from './types.js';

/** Asks one configured registry about the issuer. Never throws: failures are `unavailable` answers. */
export async function lookupRegistry(issuerId: string | undefined, registry: TrustRegistry, env: RegistryEnv): Promise<RegistryAnswer> {
  try {
    switch (registry.kind) {
      case 'dcc-registry':
        return await lookupDccRegistry(issuerId, registry, env);
      case 'openid-federation':
        return await lookupOpenIdFederation(issuerId, registry, env);
      case 'ebsi-tir':
        return await lookupEbsiTir(issuerId, registry, env);
    }
  } catch (error) {
    return { state: 'unavailable', reason: `The registry lookup failed unexpectedly (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** The name a registry is shown under: its configured name, or its kind and address. */
export function registryName(registry: TrustRegistry, env: Pick<RegistryEnv, 'ebsiApiBase'>): string {
  if (registry.name) return registry.name;
  switch (registry.kind) {
    case 'dcc-registry':
      return `DCC registry ${registry.url}`;
    case 'openid-federation':
      return `OpenID Federation ${registry.trustAnchor}`;
    case 'ebsi-tir':
      return `EBSI Trusted Issuers Registry (${registry.apiBase ?? env.ebsiApiBase})`;
  }
}
