import { describe, expect, it } from 'vitest';
import { base64url } from 'jose';
import { base64urlnopad } from '@scure/base';
import { headerCheck, isCanonicalBase64url, keyFitsAlgorithm, parseCompactJws } from '../../../lib/proofs/jws.js';

describe('JWS header rules', () => {
  it('rejects alg none and HMAC before any key is used', () => {
    expect(headerCheck({ alg: 'none' })?.code).toBe('PROOF_ALG_FORBIDDEN');
    expect(headerCheck({ alg: 'NONE' })?.code).toBe('PROOF_ALG_FORBIDDEN');
    expect(headerCheck({ alg: 'HS256' })?.code).toBe('PROOF_ALG_FORBIDDEN');
    expect(headerCheck({ alg: 'HS512' })?.code).toBe('PROOF_ALG_FORBIDDEN');
  });

  it('reports algorithms outside the allowlist as unsupported', () => {
    expect(headerCheck({ alg: 'RS512' })?.code).toBe('PROOF_ALG_UNSUPPORTED');
    expect(headerCheck({})?.code).toBe('PROOF_MALFORMED');
  });

  it('rejects unknown crit extensions and malformed crit lists', () => {
    expect(headerCheck({ alg: 'ES256', crit: ['x'], x: 1 })?.code).toBe('PROOF_CRIT_UNKNOWN');
    expect(headerCheck({ alg: 'ES256', crit: ['x'], x: 1 }, ['x'])).toBeUndefined();
    expect(headerCheck({ alg: 'ES256', crit: [] })?.code).toBe('PROOF_MALFORMED');
    expect(headerCheck({ alg: 'ES256', crit: ['alg'] })?.code).toBe('PROOF_MALFORMED');
    expect(headerCheck({ alg: 'ES256', crit: ['missing'] })?.code).toBe('PROOF_MALFORMED');
  });

  it('accepts the allowlisted algorithms', () => {
    for (const alg of ['EdDSA', 'Ed25519', 'ES256', 'ES384', 'ES256K', 'RS256', 'PS256']) expect(headerCheck({ alg })).toBeUndefined();
  });

  it('matches keys to algorithms (a P-256 key cannot make EdDSA signatures)', () => {
    expect(keyFitsAlgorithm({ kty: 'EC', crv: 'P-256' }, 'ES256')).toBe(true);
    expect(keyFitsAlgorithm({ kty: 'EC', crv: 'P-256' }, 'EdDSA')).toBe(false);
    expect(keyFitsAlgorithm({ kty: 'RSA', n: base64url.encode(new Uint8Array(128)), e: 'AQAB' }, 'RS256')).toBe(false);
  });

  it('rejects malformed compact JWS', () => {
    expect(parseCompactJws('a.b').ok).toBe(false);
    expect(parseCompactJws('a.b.c.d').ok).toBe(false);
    expect(parseCompactJws(`${base64url.encode('not json')}.e30.AAAA`).ok).toBe(false);
    expect(parseCompactJws(`${base64url.encode('{"alg":"ES256"}')}.e30.`).ok).toBe(false);
  });

  it('rejects a compact JWS whose payload is not canonical base64url (4n+1 characters, non-zero padding bits)', () => {
    const header = base64url.encode('{"alg":"ES256"}');
    for (const payload of ['e30fA', 'e31', 'eyJ9eB']) {
      const parsed = parseCompactJws(`${header}.${payload}.AAAA`);
      expect(parsed.ok ? 'accepted' : parsed.check.message).toBe('The JWS payload or signature is not valid base64url');
    }
    const parsed = parseCompactJws(`${header}.e30.AAAA`);
    expect(parsed.ok && Array.from(parsed.value.payloadBytes)).toEqual([0x7b, 0x7d]);
  });

  it('rejects exactly the base64url strings that base64urlnopad.decode rejects', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 4000; n++) {
      const s = Array.from({ length: n % 9 }, () => alphabet[next() % 64]).join('');
      let decodes = true;
      try {
        base64urlnopad.decode(s);
      } catch {
        decodes = false;
      }
      expect(isCanonicalBase64url(s), s).toBe(decodes);
    }
  });
});
