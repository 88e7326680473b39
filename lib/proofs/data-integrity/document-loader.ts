import { CredlensError } from '../../errors.js';
import { parseJsonBytes } from '../../util/strict-json.js';
import { pinnedContext } from '../../io/contexts/index.js';
import type { Io } from '../../io/types.js';

/** A JSON-LD context was neither pinned nor in the caller's resource bundle: it is never fetched. */
export class ContextUnknownError extends CredlensError {
  constructor(readonly url: string) {
    super('JSONLD_REFUSED', `The JSON-LD context ${url} is not shipped with Credlens and was not provided in the resource bundle (contexts are never fetched)`, { check: 'DI_CONTEXT_UNKNOWN' });
  }
}

/** A context from the resource bundle is not JSON. */
export class ContextInvalidError extends CredlensError {
  constructor(readonly url: string, cause: unknown) {
    super('JSONLD_REFUSED', `The JSON-LD context ${url} in the resource bundle is not valid JSON`, { cause, check: 'DI_CONTEXT_INVALID' });
  }
}

export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
}

export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/**
 * The JSON-LD document loader: pinned contexts first, then the caller's resource bundle (never the
 * network, never the cache: `io.fromBundle` reads the bundle only). Anything else throws.
 */
export function createDocumentLoader(io: Pick<Io, 'fromBundle'> | undefined): DocumentLoader {
  return async (url: string) => {
    const pinned = pinnedContext(url);
    if (pinned) return { contextUrl: null, documentUrl: url, document: await pinned };
    const bundled = io ? await io.fromBundle(url) : undefined;
    if (!bundled) throw new ContextUnknownError(url);
    try {
      return { contextUrl: null, documentUrl: url, document: parseJsonBytes(bundled) };
    } catch (cause) {
      throw new ContextInvalidError(url, cause);
    }
  };
}
