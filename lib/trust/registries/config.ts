import { isRecord } from '../../util/json.js';

const KINDS = new Set(['dcc-registry', 'openid-federation', 'ebsi-tir']);

function isHttpsUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** What is wrong with a `registries` option, in a sentence, or undefined when it is well formed. */
export function registryConfigProblem(registries: unknown): string | undefined {
  if (!Array.isArray(registries)) return 'registries must be an array';
  for (const [i, r] of registries.entries()) {
    const where = `registries[${i}]`;
    if (!isRecord(r) || typeof r.kind !== 'string' || !KINDS.has(r.kind)) return `${where}.kind must be dcc-registry, openid-federation or ebsi-tir`;
    if (r.name !== undefined && typeof r.name !== 'string') return `${where}.name must be a string`;
    if (r.tier !== undefined && r.tier !== 'trusted' && r.tier !== 'known') return `${where}.tier must be trusted or known`;
    if (r.kind === 'dcc-registry' && !isHttpsUrl(r.url)) return `${where}.url must be an https URL`;
    if (r.kind === 'openid-federation' && !isHttpsUrl(r.trustAnchor)) return `${where}.trustAnchor must be an https URL (the anchor's entity id)`;
    if (r.kind === 'openid-federation' && r.jwks !== undefined && !(isRecord(r.jwks) && Array.isArray(r.jwks.keys))) return `${where}.jwks must be a JWK set`;
    if (r.kind === 'ebsi-tir' && r.apiBase !== undefined && !isHttpsUrl(r.apiBase)) return `${where}.apiBase must be an https URL`;
  }
  return undefined;
}
