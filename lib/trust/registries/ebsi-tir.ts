import { isRecord } from '../../util/json.js';
import type { TrustRegistry } from '../types.js';
import { isNotFound, unavailable, type RegistryAnswer, type RegistryEnv } from './types.js';

type EbsiTir = Extract<TrustRegistry, { kind: 'ebsi-tir' }>;

const ACCREDITED = new Set(['RootTAO', 'TAO', 'TI']);

/**
 * The EBSI Trusted Issuers Registry, API v5: `GET {base}/trusted-issuers-registry/v5/issuers/{did}`
 * answers `{ "did": "…", "attributes": [{ "hash", "body", "issuerType", "tao", "rootTao" }] }`,
 * where `issuerType` is `RootTAO`, `TAO`, `TI`, `Revoked` or `Undefined`; 404 means not registered.
 * An accredited attribute (RootTAO, TAO, TI) makes the issuer known; only revoked ones make it
 * untrusted. The accreditation credentials in `body` are not re-verified here.
 */
export async function lookupEbsiTir(issuerId: string | undefined, registry: EbsiTir, env: RegistryEnv): Promise<RegistryAnswer> {
  const did = issuerId?.split('#')[0];
  if (!did || !did.startsWith('did:ebsi:')) return { state: 'not-applicable', detail: 'only did:ebsi issuers are registered there' };
  const base = (registry.apiBase ?? env.ebsiApiBase).replace(/\/+$/, '');
  const url = `${base}/trusted-issuers-registry/v5/issuers/${encodeURIComponent(did)}`;
  let value: unknown;
  try {
    value = (await env.io.getJson(url, { kind: 'trust-list', cacheTtlSeconds: 3600 })).value;
  } catch (error) {
    if (isNotFound(error)) return { state: 'not-listed' };
    return unavailable(error, 'The EBSI Trusted Issuers Registry');
  }
  if (!isRecord(value) || !Array.isArray(value.attributes) || (value.did !== undefined && value.did !== did)) {
    return { state: 'unavailable', reason: `The EBSI Trusted Issuers Registry gave an answer that is not about ${did}` };
  }
  const types = value.attributes.filter(isRecord).map((a) => a.issuerType).filter((t): t is string => typeof t === 'string');
  const accredited = [...new Set(types.filter((t) => ACCREDITED.has(t)))];
  if (accredited.length > 0) return { state: 'listed', tier: registry.tier ?? 'known', detail: `accredited as ${accredited.join(', ')}` };
  if (types.includes('Revoked')) return { state: 'listed', tier: 'untrusted', detail: 'every accreditation it held has been revoked' };
  return { state: 'not-listed', detail: 'registered, but holds no accreditation' };
}
