import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCompactJws, verifyCompactJws, type CompactJws } from '../../../lib/proofs/jws.js';

async function signed(payload: string, alg: 'ES256' | 'EdDSA' = 'ES256'): Promise<{ jws: CompactJws; jwk: JsonWebKey; other: JsonWebKey }> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const other = await exportJWK((await generateKeyPair(alg, { extractable: true })).publicKey);
  const text = await new CompactSign(new TextEncoder().encode(payload)).setProtectedHeader({ alg }).sign(privateKey);
  const parsed = parseCompactJws(text);
  if (!parsed.ok) throw new Error('unparsable test JWS');
  return { jws: parsed.value, jwk: await exportJWK(publicKey), other };
}

describe('JWS issuer key cache', () => {
  afterEach(() => vi.restoreAllMocks());

  it('imports an issuer key once for many credentials it signed', async () => {
    const { jws, jwk } = await signed('{"n":1}');
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    for (let i = 0; i < 20; i++) expect((await verifyCompactJws(jws, { ...jwk })).code).toBe('PROOF_VALID');
    expect(importKey).toHaveBeenCalledTimes(1);
  });

  it('rejects a signature when verified with another key after the right one was cached', async () => {
    const { jws, jwk, other } = await signed('{"n":2}', 'EdDSA');
    expect((await verifyCompactJws(jws, jwk)).code).toBe('PROOF_VALID');
    expect((await verifyCompactJws(jws, other)).code).toBe('PROOF_INVALID_SIGNATURE');
  });

  it('does not reuse a cached key for a JWK that differs only in key_ops', async () => {
    const { jws, jwk } = await signed('{"n":3}');
    expect((await verifyCompactJws(jws, jwk)).code).toBe('PROOF_VALID');
    expect((await verifyCompactJws(jws, { ...jwk, key_ops: ['sign'] })).code).not.toBe('PROOF_VALID');
  });
});
