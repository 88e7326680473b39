import { base58 } from '@scure/base';

/** Decodes a base58btc multibase string (`z...`). */
export function base58btc(value: string): Uint8Array {
  if (!value.startsWith('z')) throw new Error('not a base58btc multibase value');
  return base58.decode(value.slice(1));
}
