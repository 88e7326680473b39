import type { DIDDocument, DIDResolutionResult } from 'did-resolver';
import { IoError, describeError } from '../../errors.js';
import { parseJsonBytes, parseJsonText } from '../../input/json.js';
import { parsedOnce } from '../../io/parsed-once.js';
import { isRecord } from '../../util/json.js';
import type { VerifyContext } from '../../pipeline/types.js';
import type { GetOptions } from '../../io/types.js';

/** Resolution errors beyond did-resolver's own (`invalidDid`, `notFound`, `unsupportedDidMethod`). */
export type DidErrorCode = 'invalidDid' | 'notFound' | 'unsupportedDidMethod' | 'invalidDidDocument' | 'networkError' | 'blocked' | 'unsupportedPublicKeyType';

export function resolved(didDocument: DIDDocument, contentType = 'application/did+json'): DIDResolutionResult {
  return { didResolutionMetadata: { contentType }, didDocument, didDocumentMetadata: {} };
}

export function failed(error: DidErrorCode, message: string, extra: Record<string, unknown> = {}): DIDResolutionResult {
  return { didResolutionMetadata: { error, message, ...extra }, didDocument: null, didDocumentMetadata: {} };
}

/** Maps a failure of the network seam to a resolution error that keeps the IoError code. */
export function ioFailure(error: unknown, what: string): DIDResolutionResult {
  if (error instanceof IoError) {
    if (error.blocked) return failed('blocked', `${what}: ${error.message}`, { io: error.failure });
    if (error.code === 'IO_HTTP_STATUS' && error.httpStatus === 404) return failed('notFound', `${what}: ${error.url} was not found (HTTP 404)`, { io: error.failure });
    return failed('networkError', `${what}: ${error.message}`, { io: error.failure });
  }
  return failed('invalidDidDocument', `${what}: ${describeError(error)}`);
}

/**
 * A DID document read from the bundle (by DID) or fetched from `url`, checked to be about `did`.
 * The checked result is made once per cached copy of the document (`parsedOnce`): a batch of
 * credentials from one issuer reads and parses its DID document once, not once per credential.
 */
export async function fetchDidDocument(did: string, url: string, ctx: Pick<VerifyContext, 'io'>, options: GetOptions): Promise<DIDResolutionResult> {
  try {
    const bundled = await ctx.io.fromBundle(did);
    if (bundled) return parsedOnce(bundled, `did-document ${did}`, (bytes) => checkDocument(did, parseJsonBytes(bytes)));
    const response = await ctx.io.get(url, { accept: 'application/json, application/ld+json;q=0.9, */*;q=0.1', ...options });
    return parsedOnce(response.body, `did-document ${did}`, (bytes) => checkDocument(did, jsonOfResponse(url, bytes)));
  } catch (error) {
    return ioFailure(error, `The DID document of ${did} could not be read`);
  }
}

/** As `Io.getJson` reads a body: UTF-8 JSON, else `IO_BAD_CONTENT`. */
function jsonOfResponse(url: string, bytes: Uint8Array): unknown {
  try {
    return parseJsonText(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (cause) {
    throw new IoError('IO_BAD_CONTENT', url, `${url} did not return valid JSON`, { cause });
  }
}

/** Accepts a DID document, or a DID resolution result wrapping one, if its `id` is the DID. */
export function checkDocument(did: string, value: unknown): DIDResolutionResult {
  const doc = isRecord(value) && isRecord(value.didDocument) ? value.didDocument : value;
  if (!isRecord(doc)) return failed('invalidDidDocument', `The DID document of ${did} is not a JSON object`);
  if (doc.id !== did) return failed('invalidDidDocument', `The document served for ${did} describes ${String(doc.id).slice(0, 120)} instead`);
  return resolved(doc as DIDDocument);
}
