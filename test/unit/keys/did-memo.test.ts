import { base64url, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { resolveDid } from '../../../lib/keys/did.js';

const ctx = { io: {} as never, ebsiApiBase: 'https://api.example' };

describe('did:jwk and did:key resolution memo', () => {
  it('derives a did:jwk document once per process and returns it frozen', async () => {
    const jwk = await exportJWK((await generateKeyPair('ES256', { extractable: true })).publicKey);
    const did = `did:jwk:${base64url.encode(JSON.stringify(jwk))}`;
    const first = await resolveDid(did, ctx);
    const second = await resolveDid(did, ctx);
    expect(first.didDocument?.id).toBe(did);
    expect(second).toBe(first);
    expect(Object.isFrozen(first.didDocument?.verificationMethod?.[0])).toBe(true);
  });

  it('still reports an invalid did:jwk as invalid on every call', async () => {
    for (let i = 0; i < 2; i++) expect((await resolveDid('did:jwk:bm90LWpzb24', ctx)).didResolutionMetadata.error).toBe('invalidDid');
  });
});
