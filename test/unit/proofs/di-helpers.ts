import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { multibaseKeyToJwk } from '../../../lib/keys/key-material.js';
import { check } from '../../../lib/report.js';
import type { KeyResolver } from '../../../lib/proofs/data-integrity/verify.js';

export function vector(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../vectors/${path}`, import.meta.url)), 'utf8')) as Record<string, unknown>;
}

/** Resolves did:key methods by decoding them (the cryptosuite tests do not test key authorisation). */
export const didKeyResolver: KeyResolver = async (methodUrl) => {
  const [did = '', fragment = ''] = methodUrl.split('#');
  const multibase = did.slice('did:key:'.length);
  if (!did.startsWith('did:key:') || fragment !== multibase) return { ok: false, check: check('issuer-key', 'KEY_NOT_FOUND', `cannot decode ${methodUrl}`) };
  return { ok: true, key: { id: methodUrl, controller: did, type: 'Multikey', publicKeyJwk: multibaseKeyToJwk(multibase) } };
};
