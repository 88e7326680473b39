import { decodeJwsPart } from '../input/jws-parts.js';
import { parseJsonBytes } from '../input/json.js';
import { parsedOnce } from '../io/parsed-once.js';
import { Lru } from '../memo/lru.js';
import { isRecord } from '../util/json.js';
import { decodeEncodedList } from './bitstring.js';

/**
 * Status lists read once per cached copy, not once per credential (issue 17: a thousand
 * credentials on five lists). What is kept, keyed by the cached body (`lib/io/parsed-once.ts`, so it
 * lives exactly as long as the cache keeps the list): the text, the parsed list document (JSON or a
 * VC-JWT's `vc` claim), the SHA-256 that keys the nested verification (`list-memo.ts`) and the
 * decoded bitstring. Bitstrings are also shared by their encoded text (20 at most), for caches that
 * hand out a fresh copy of the bytes on every read.
 */
export interface ReadList {
  text: string;
  /** The list credential, or undefined when the body is neither JSON nor a JWT carrying an object. */
  document: Record<string, unknown> | undefined;
  /** SHA-256 of `text`, hex. */
  digest(): Promise<string>;
  /** The decoded bitstring of `encoded` (the list's `encodedList`). */
  bits(encoded: string): Promise<Uint8Array>;
}

export function readList(body: Uint8Array): ReadList {
  return parsedOnce(body, 'status-list', parseList);
}

const JWS_COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function parseList(body: Uint8Array): ReadList {
  const text = new TextDecoder().decode(body).trim();
  let document: unknown;
  if (JWS_COMPACT.test(text)) {
    const payload = decodeJwsPart(text.split('.')[1] ?? '');
    document = isRecord(payload) && isRecord(payload.vc) ? payload.vc : payload;
    // VC-JWT: the list's id may be given only as the token's jti (VC Data Model 1.1 §6.3.1).
    if (isRecord(payload) && isRecord(document) && document.id === undefined && typeof payload.jti === 'string') document = { ...document, id: payload.jti };
  } else {
    try {
      document = parseJsonBytes(body);
    } catch {
      document = undefined;
    }
  }
  let digest: Promise<string> | undefined;
  const decoded = new Map<string, Promise<Uint8Array>>();
  return {
    text,
    document: isRecord(document) ? document : undefined,
    digest: () => (digest ??= sha256Hex(text)),
    bits: (encoded) => {
      let pending = decoded.get(encoded);
      if (pending === undefined) {
        pending = decodeOnce(encoded);
        decoded.set(encoded, pending);
        pending.catch(() => decoded.delete(encoded));
      }
      return pending;
    },
  };
}

/** Decoded lists by their encoded text: many credentials read one list. Callers only read the bits. */
const decodedLists = new Lru<string, Promise<Uint8Array>>(20);

function decodeOnce(encoded: string): Promise<Uint8Array> {
  let pending = decodedLists.get(encoded);
  if (pending === undefined) {
    pending = decodeEncodedList(encoded);
    decodedLists.set(encoded, pending);
    pending.catch(() => decodedLists.delete(encoded));
  }
  return pending;
}

export async function sha256Hex(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}
