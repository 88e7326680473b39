import { Resolver, type DIDResolutionResult, type DIDResolver } from 'did-resolver';
import { describeError } from '../errors.js';
import { Lru } from '../memo/lru.js';
import type { KeyContext } from './types.js';
import { resolveDidEbsi } from './methods/ebsi.js';
import { resolveDidJwk } from './methods/jwk.js';
import { resolveDidKey } from './methods/key.js';
import { failed } from './methods/result.js';
import { resolveDidWeb } from './methods/web.js';

/** The DID methods Credlens resolves. */
export const SUPPORTED_DID_METHODS = ['key', 'jwk', 'web', 'ebsi'] as const;

function guarded(run: DIDResolver): DIDResolver {
  return async (did, parsed, resolver, options) => {
    try {
      return await run(did, parsed, resolver, options);
    } catch (error) {
      return failed('invalidDidDocument', `${did} could not be resolved: ${describeError(error)}`);
    }
  };
}

/**
 * Resolves a DID (or DID URL: the fragment is ignored) to its document. Never throws: failures are
 * `didResolutionMetadata.error` (`invalidDid`, `notFound`, `unsupportedDidMethod`, `networkError`,
 * `blocked`, `invalidDidDocument`, `unsupportedPublicKeyType`), with the network seam's failure (`io`).
 * did:web and did:ebsi are read through `ctx.io` (resource bundle first, by DID, then by URL).
 */
export async function resolveDid(did: string, ctx: KeyContext): Promise<DIDResolutionResult> {
  // did:key and did:jwk documents are pure functions of the DID: derive each once per process.
  const pure = did.startsWith('did:key:') || did.startsWith('did:jwk:');
  if (pure) {
    const known = pureDocuments.get(did);
    if (known) return known;
  }
  const result = await resolveUncached(did, ctx);
  if (pure) pureDocuments.set(did, deepFreeze(result));
  return result;
}

const pureDocuments = new Lru<string, DIDResolutionResult>(200);

/** Frozen, so that no caller can change what later verifications read. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

async function resolveUncached(did: string, ctx: KeyContext): Promise<DIDResolutionResult> {
  const resolver = new Resolver({
    key: guarded(async (d, parsed) => resolveDidKey(d, parsed)),
    jwk: guarded(async (d, parsed) => resolveDidJwk(d, parsed)),
    web: guarded(async (d, parsed) => resolveDidWeb(d, parsed, ctx)),
    ebsi: guarded(async (d) => resolveDidEbsi(d, ctx)),
  });
  try {
    return await resolver.resolve(did);
  } catch (error) {
    return failed('invalidDid', `${did.slice(0, 200)} could not be resolved: ${describeError(error)}`);
  }
}
