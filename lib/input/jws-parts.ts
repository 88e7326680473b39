import * as base64url from 'jose/base64url';
import { parseJsonText } from './json.js';

/** Decodes one base64url JWS part as JSON; `undefined` when it is not base64url JSON. */
export function decodeJwsPart(part: string): unknown {
  try {
    return parseJsonText(new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(part)));
  } catch {
    return undefined;
  }
}
