import { isRecord } from '../../util/json.js';
import type { TrustRegistry } from '../types.js';
import { unavailable, type RegistryAnswer, type RegistryEnv } from './types.js';

type DccRegistry = Extract<TrustRegistry, { kind: 'dcc-registry' }>;

/**
 * The Digital Credentials Consortium's static known-issuer registries (the "dcc-legacy" format
 * of @digitalcredentials/issuer-registry-client): `{ "meta": {…}, "registry": { "<DID>": { "name",
 * "location", "url" } } }`, keyed by the issuer's DID exactly as it signs. Read through the seam
 * (kind `trust-list`: cached a day), never fetched unless the registry is configured.
 */
export async function lookupDccRegistry(issuerId: string | undefined, registry: DccRegistry, env: RegistryEnv): Promise<RegistryAnswer> {
  if (!issuerId) return { state: 'not-applicable', detail: 'the credential names no issuer id to look up' };
  let value: unknown;
  try {
    value = (await env.io.getJson(registry.url, { kind: 'trust-list' })).value;
  } catch (error) {
    return unavailable(error, `The registry at ${registry.url}`);
  }
  if (!isRecord(value) || !isRecord(value.registry)) {
    return { state: 'unavailable', reason: `${registry.url} is not a DCC issuer registry (it has no "registry" object)` };
  }
  const entries = value.registry;
  const key = [issuerId, issuerId.split('#')[0] as string].find((k) => Object.prototype.hasOwnProperty.call(entries, k));
  const entry = key === undefined ? undefined : entries[key];
  if (!isRecord(entry)) return { state: 'not-listed' };
  const answer: RegistryAnswer = { state: 'listed', tier: registry.tier ?? 'known' };
  if (typeof entry.name === 'string' && entry.name) answer.name = entry.name.slice(0, 300);
  const where = [entry.location, entry.url].filter((v): v is string => typeof v === 'string' && v.length > 0);
  if (where.length > 0) answer.detail = where.join(', ').slice(0, 300);
  return answer;
}
