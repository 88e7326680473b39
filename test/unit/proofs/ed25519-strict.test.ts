import { ed25519 } from '@noble/curves/ed25519.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyEd25519, verifyEd25519Noble } from '../../../lib/proofs/data-integrity/signature.js';

// RFC 8032 §7.1 TEST 1 (empty message).
const RFC_PUBLIC = hexToBytes('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
const RFC_SIGNATURE = hexToBytes(
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
);
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const P = 2n ** 255n - 19n;
const message = new TextEncoder().encode('credential bytes');

function le(n: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) {
    out[i] = Number(n & 255n);
    n >>= 8n;
  }
  return out;
}
function leToBig(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i] as number);
  return n;
}
function signed(): { publicKey: Uint8Array; signature: Uint8Array } {
  const secret = ed25519.utils.randomSecretKey();
  return { publicKey: ed25519.getPublicKey(secret), signature: ed25519.sign(message, secret) };
}
/** S + L: the same signature with a non-canonical S (malleability). */
function withSPlusL(signature: Uint8Array): Uint8Array {
  const out = new Uint8Array(signature);
  out.set(le(leToBig(signature.slice(32)) + L), 32);
  return out;
}
/** A small-order key with a signature that satisfies the cofactorless equation for any message. */
const SMALL_ORDER_CASES: [string, Uint8Array, Uint8Array][] = [
  ['the identity point', le(1n), new Uint8Array([...le(1n), ...new Uint8Array(32)])],
  ['the identity point encoded non-canonically (y = p + 1)', le(P + 1n), new Uint8Array([...le(1n), ...new Uint8Array(32)])],
  ['the point of order 2 (y = p - 1)', le(P - 1n), new Uint8Array([...le(1n), ...new Uint8Array(32)])],
];

const PATHS = [
  ['Web Crypto first', verifyEd25519],
  ['noble', async (k: Uint8Array, d: Uint8Array, s: Uint8Array) => verifyEd25519Noble(k, d, s)],
] as const;

describe.each(PATHS)('Ed25519 through %s', (_name, verify) => {
  it('accepts the RFC 8032 test vector and a fresh signature', async () => {
    expect(await verify(RFC_PUBLIC, new Uint8Array(0), RFC_SIGNATURE)).toBe(true);
    const { publicKey, signature } = signed();
    expect(await verify(publicKey, message, signature)).toBe(true);
  });

  it('rejects a signature when one message byte changed', async () => {
    const { publicKey, signature } = signed();
    expect(await verify(publicKey, new TextEncoder().encode('credential bytez'), signature)).toBe(false);
  });

  it('rejects a signature when S is not canonical (S + L)', async () => {
    const { publicKey, signature } = signed();
    expect(await verify(publicKey, message, withSPlusL(signature))).toBe(false);
    expect(await verify(RFC_PUBLIC, new Uint8Array(0), withSPlusL(RFC_SIGNATURE))).toBe(false);
  });

  it.each(SMALL_ORDER_CASES)('rejects a signature when the key is %s', async (_label, publicKey, signature) => {
    expect(await verify(publicKey, message, signature)).toBe(false);
  });

  it('rejects keys and signatures of the wrong length', async () => {
    const { publicKey, signature } = signed();
    expect(await verify(publicKey.slice(1), message, signature)).toBe(false);
    expect(await verify(publicKey, message, signature.slice(1))).toBe(false);
  });
});

describe('Ed25519 where Web Crypto has no Ed25519', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('falls back to noble and keeps rejecting small-order keys when importKey says NotSupportedError', async () => {
    vi.resetModules();
    const importKey = vi.spyOn(crypto.subtle, 'importKey').mockRejectedValue(new DOMException('no Ed25519', 'NotSupportedError'));
    const fresh = await import('../../../lib/proofs/data-integrity/signature.js');
    const { publicKey, signature } = signed();
    expect(await fresh.verifyEd25519(publicKey, message, signature)).toBe(true);
    expect(await fresh.verifyEd25519(publicKey, message, withSPlusL(signature))).toBe(false);
    for (const [, key, sig] of SMALL_ORDER_CASES) expect(await fresh.verifyEd25519(key, message, sig)).toBe(false);
    const calls = importKey.mock.calls.length;
    expect(await fresh.verifyEd25519(RFC_PUBLIC, new Uint8Array(0), RFC_SIGNATURE)).toBe(true);
    expect(importKey.mock.calls.length).toBe(calls);
  });
});

describe('Ed25519 key import', () => {
  afterEach(() => vi.restoreAllMocks());

  it('imports a key once for many verifications with it', async () => {
    const { publicKey, signature } = signed();
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    for (let i = 0; i < 20; i++) expect(await verifyEd25519(publicKey, message, signature)).toBe(true);
    expect(importKey).toHaveBeenCalledTimes(1);
  });
});
