import { describe, expect, it } from 'vitest';
import { KeyMaterialError, MULTICODEC, multicodecKeyToJwk } from '../../../lib/keys/key-material.js';

describe('multicodec prefix (multiformats varint)', () => {
  it.each([
    ['truncated', [0x80]],
    ['empty', []],
    ['longer than any key codec', [0xff, 0xff, 0xff, 0xff, 0x01, 0x00]],
  ])('refuses a %s prefix as invalid key material', (_what, bytes) => {
    expect(() => multicodecKeyToJwk(new Uint8Array(bytes))).toThrow(KeyMaterialError);
    try {
      multicodecKeyToJwk(new Uint8Array(bytes));
    } catch (error) {
      expect((error as KeyMaterialError).check).toBe('KEY_MATERIAL_INVALID');
    }
  });

  it('reads a two-byte prefix (Ed25519 0xed 0x01) and the key after it', () => {
    const key = new Uint8Array(32).fill(7);
    const jwk = multicodecKeyToJwk(new Uint8Array([0xed, 0x01, ...key]));
    expect(MULTICODEC.ed25519Pub).toBe(0xed);
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
  });
});
