import type { DIDResolutionResult } from 'did-resolver';
import type { KeyContext } from '../types.js';
import { fetchDidDocument } from './result.js';

/** did:ebsi (legal entities), read from the EBSI DID registry API v5. */
export async function resolveDidEbsi(did: string, ctx: KeyContext): Promise<DIDResolutionResult> {
  const base = ctx.ebsiApiBase.replace(/\/+$/, '');
  const url = `${base}/did-registry/v5/identifiers/${encodeURIComponent(did)}`;
  return fetchDidDocument(did, url, ctx, { kind: 'did-document', accept: 'application/did+json, application/json;q=0.9' });
}
