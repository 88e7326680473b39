import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { describeError, IoError } from '../../errors.js';
import { isRecord } from '../../util/json.js';
import type { TrustRegistry } from '../types.js';
import { isNotFound, unavailable, type RegistryAnswer, type RegistryEnv } from './types.js';

type Federation = Extract<TrustRegistry, { kind: 'openid-federation' }>;

const ALGORITHMS = ['ES256', 'ES384', 'ES512', 'PS256', 'PS384', 'PS512', 'RS256', 'RS384', 'RS512', 'EdDSA'];
const TYP = 'entity-statement+jwt';
const ACCEPT = 'application/entity-statement+jwt';

async function readJwt(url: string, env: RegistryEnv): Promise<string> {
  const response = await env.io.get(url, { kind: 'trust-list', accept: ACCEPT, cacheTtlSeconds: 3600 });
  return new TextDecoder('utf-8', { fatal: true }).decode(response.body).trim();
}

function keySetOf(value: unknown): JSONWebKeySet | undefined {
  return isRecord(value) && Array.isArray(value.keys) && value.keys.every(isRecord) ? (value as unknown as JSONWebKeySet) : undefined;
}

async function verifyStatement(jwt: string, keys: JSONWebKeySet, issuer: string, subject: string, now: Date): Promise<JWTPayload> {
  const { payload } = await jwtVerify(jwt, createLocalJWKSet(keys), { algorithms: ALGORITHMS, typ: TYP, issuer, subject, currentDate: now, requiredClaims: ['iat', 'exp'] });
  return payload;
}

/**
 * OpenID Federation 1.0, one level: the trust anchor's entity configuration
 * (`/.well-known/openid-federation`, verified with the pinned keys or its own) gives its keys and
 * fetch endpoint; the subordinate statement about the issuer (`fetch?sub=`) must be signed by the
 * anchor, name it as `iss` and the issuer as `sub`, and be unexpired. Nothing unverified is used.
 */
export async function lookupOpenIdFederation(issuerId: string | undefined, registry: Federation, env: RegistryEnv): Promise<RegistryAnswer> {
  if (!issuerId) return { state: 'not-applicable', detail: 'the credential names no issuer id to look up' };
  const anchor = registry.trustAnchor.replace(/\/+$/, '');
  let configuration: JWTPayload;
  try {
    const jwt = await readJwt(`${anchor}/.well-known/openid-federation`, env);
    const pinned = registry.jwks ? keySetOf(registry.jwks) : undefined;
    const keys = pinned ?? keySetOf(decodeJwt(jwt).jwks);
    if (!keys) return { state: 'unavailable', reason: `The entity configuration of ${anchor} carries no key set` };
    configuration = await verifyStatement(jwt, keys, anchor, anchor, env.now);
  } catch (error) {
    if (error instanceof IoError) {
      return unavailable(error, `The federation's entity configuration at ${anchor}`);
    }
    return { state: 'unavailable', reason: `The entity configuration of ${anchor} does not verify (${describeError(error)})` };
  }
  const anchorKeys = keySetOf(configuration.jwks);
  const metadata = isRecord(configuration.metadata) && isRecord(configuration.metadata.federation_entity) ? configuration.metadata.federation_entity : undefined;
  const endpoint = typeof metadata?.federation_fetch_endpoint === 'string' ? metadata.federation_fetch_endpoint : undefined;
  if (!anchorKeys || !endpoint) return { state: 'unavailable', reason: `The entity configuration of ${anchor} names no keys or no fetch endpoint` };

  const fetchUrl = `${endpoint}${endpoint.includes('?') ? '&' : '?'}sub=${encodeURIComponent(issuerId)}`;
  let statement: JWTPayload;
  try {
    statement = await verifyStatement(await readJwt(fetchUrl, env), anchorKeys, anchor, issuerId, env.now);
  } catch (error) {
    if (isNotFound(error)) return { state: 'not-listed' };
    if (error instanceof IoError) return unavailable(error, `The federation's statement about ${issuerId}`);
    return { state: 'unavailable', reason: `The federation's statement about ${issuerId} does not verify (${describeError(error)})` };
  }
  const entity = isRecord(statement.metadata) && isRecord(statement.metadata.federation_entity) ? statement.metadata.federation_entity : undefined;
  const answer: RegistryAnswer = { state: 'listed', tier: registry.tier ?? 'known', detail: `a subordinate of ${anchor}, statement valid until ${statement.exp ? new Date(statement.exp * 1000).toISOString() : 'an unstated time'}` };
  if (typeof entity?.organization_name === 'string' && entity.organization_name) answer.name = entity.organization_name.slice(0, 300);
  return answer;
}
