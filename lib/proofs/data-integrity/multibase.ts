import { base58, base64urlnopad } from '@scure/base';

/** Decodes a multibase string: `z` base58btc or `u` base64url without padding (the two DI proofs use). */
export function decodeMultibase(value: string): Uint8Array | undefined {
  try {
    if (value.startsWith('z')) return base58.decode(value.slice(1));
    if (value.startsWith('u')) return base64urlnopad.decode(value.slice(1));
  } catch {
    return undefined;
  }
  return undefined;
}
