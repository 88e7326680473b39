import type { DIDResolutionResult, ParsedDID } from 'did-resolver';
import type { KeyContext } from '../types.js';
import { failed, fetchDidDocument } from './result.js';

/**
 * The HTTPS URL of a did:web document (https://w3c-ccg.github.io/did-method-web/#read-resolve):
 * `did:web:example.com` → `https://example.com/.well-known/did.json`;
 * `did:web:example.com%3A8443:users:alice` → `https://example.com:8443/users/alice/did.json`.
 */
export function didWebUrl(methodId: string): string | undefined {
  const segments = methodId.split(':');
  if (segments.some((s) => s === '')) return undefined;
  let host: string;
  let path: string[];
  try {
    host = decodeURIComponent(segments[0] as string);
    path = segments.slice(1).map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
  // Only a host and an optional port: anything else would smuggle a path, credentials or a query.
  if (!/^[a-z0-9.-]+(:\d{1,5})?$/i.test(host) && !/^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(host)) return undefined;
  if (path.some((p) => p === '.' || p === '..' || /[/?#\\]/.test(p))) return undefined;
  const url = new URL(`https://${host}`);
  url.pathname = path.length ? `/${path.map(encodeURIComponent).join('/')}/did.json` : '/.well-known/did.json';
  return url.href;
}

export async function resolveDidWeb(did: string, parsed: ParsedDID, ctx: Pick<KeyContext, 'io'>): Promise<DIDResolutionResult> {
  const url = didWebUrl(parsed.id);
  if (!url) return failed('invalidDid', `${did} is not a valid did:web identifier`);
  return fetchDidDocument(did, url, ctx, { kind: 'did-document', accept: 'application/did+json, application/did+ld+json, application/json;q=0.9' });
}
