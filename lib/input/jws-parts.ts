import * as base64url from 'jose/base64url';
import { InputError } from '../errors.js';
import { parseJsonText } from '../util/strict-json.js';

/**
 * Decodes one base64url JWS part as JSON; `undefined` when it is not base64url JSON. JSON that is
 * hostile rather than merely absent (duplicate members, nesting past the limit) throws its InputError:
 * a signature over a header or payload that readers would disagree on is never "just not JSON".
 */
// Stateless for whole-buffer decode() calls, so one instance serves every part.
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeJwsPart(part: string): unknown {
  try {
    return parseJsonText(utf8.decode(base64url.decode(part)));
  } catch (error) {
    if (error instanceof InputError && (error.code === 'INPUT_DUPLICATE_MEMBER' || error.code === 'INPUT_TOO_DEEP')) throw error;
    return undefined;
  }
}
