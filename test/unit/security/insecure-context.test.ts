import { afterEach, describe, expect, it, vi } from 'vitest';
import { verify } from '../../../lib/index.js';
import { dataAnalysisVcJwt, didJwkIssuer } from '../../support/did-jwk-issuer.js';

describe('a page without Web Crypto (http:// outside localhost)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reports a genuine credential unverifiable with CRYPTO_UNAVAILABLE, never a broken signature', async () => {
    const jwt = await dataAnalysisVcJwt(await didJwkIssuer());
    const secure = await verify(jwt, { offline: true });
    expect(secure.checks.find((c) => c.id === 'proof')?.code).toBe('PROOF_VALID');

    vi.stubGlobal('crypto', { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) });
    const report = await verify(jwt, { offline: true });
    expect(report.verdict).toBe('unverifiable');
    expect(report.format).toBe('vc-jwt');
    expect(report.checks.map((c) => c.code)).toContain('CRYPTO_UNAVAILABLE');
    expect(report.checks.map((c) => c.code)).not.toContain('PROOF_MALFORMED');
  });

  it('still reports unreadable input as invalid: the missing crypto does not hide bad input', async () => {
    vi.stubGlobal('crypto', {});
    expect((await verify('{"a":1,"a":2}', { offline: true })).verdict).toBe('invalid');
  });
});
