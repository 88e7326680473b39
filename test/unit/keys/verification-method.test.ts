import { describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair } from 'jose';
import { base64url } from 'jose';
import { jwkToMultibase, resolveDid, resolveVerificationMethod, didWebUrl, multibaseKeyToJwk } from '../../../lib/keys/index.js';
import { jsonServer, testContext } from '../../support/jose-context.js';

async function publicJwkOf(alg: string, crv?: string): Promise<JsonWebKey> {
  const { publicKey } = await generateKeyPair(alg, { extractable: true, ...(crv ? { crv } : {}) });
  return exportJWK(publicKey);
}

const expectAssertion = (issuer: string) => ({ relationship: 'assertionMethod' as const, issuer });

describe('did:key', () => {
  it.each([
    ['EdDSA', 'Ed25519'],
    ['ES256', undefined],
    ['ES384', undefined],
  ])('resolves a %s key to its JWK and authorises it for assertions', async (alg, crv) => {
    const jwk = await publicJwkOf(alg, crv);
    const did = `did:key:${jwkToMultibase(jwk)}`;
    const result = await resolveVerificationMethod(`${did}#${did.slice(8)}`, testContext(), expectAssertion(did));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.key.publicKeyJwk.x).toBe(jwk.x);
      expect(result.key.controller).toBe(did);
    }
  });

  it('resolves a secp256k1 did:key (compressed point) to an uncompressed JWK', async () => {
    // did:key spec test vector (secp256k1).
    const jwk = multibaseKeyToJwk('zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme');
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'secp256k1' });
    expect(jwkToMultibase(jwk)).toBe('zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme');
  });

  it('resolves an EBSI jwk_jcs-pub did:key', async () => {
    const jwk = await publicJwkOf('ES256');
    const json = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
    const bytes = new Uint8Array([0xd1, 0xd6, 0x03, ...new TextEncoder().encode(json)]);
    const { base58 } = await import('@scure/base');
    const did = `did:key:z${base58.encode(bytes)}`;
    const doc = await resolveDid(did, testContext());
    expect(doc.didDocument?.verificationMethod?.[0]?.type).toBe('JsonWebKey2020');
    const result = await resolveVerificationMethod(did, testContext(), expectAssertion(did));
    expect(result.ok && result.key.publicKeyJwk.y).toBe(jwk.y);
  });

  it('rejects a kid naming another DID than the issuer (KEY_CONTROLLER_MISMATCH)', async () => {
    const a = `did:key:${jwkToMultibase(await publicJwkOf('EdDSA', 'Ed25519'))}`;
    const b = `did:key:${jwkToMultibase(await publicJwkOf('EdDSA', 'Ed25519'))}`;
    const result = await resolveVerificationMethod(`${a}#${a.slice(8)}`, testContext(), expectAssertion(b));
    expect(!result.ok && result.check.code).toBe('KEY_CONTROLLER_MISMATCH');
    expect(!result.ok && result.check.status).toBe('fail');
  });

  it('reports a malformed did:key as KEY_DID_INVALID', async () => {
    const result = await resolveVerificationMethod('did:key:zNotBase58!!', testContext(), expectAssertion('did:key:zNotBase58!!'));
    expect(!result.ok && result.check.status).toBe('fail');
  });
});

describe('did:jwk', () => {
  it('resolves the key encoded in the identifier', async () => {
    const jwk = await publicJwkOf('ES256');
    const did = `did:jwk:${base64url.encode(JSON.stringify(jwk))}`;
    const result = await resolveVerificationMethod(`${did}#0`, testContext(), expectAssertion(did));
    expect(result.ok).toBe(true);
  });

  it('does not authorise an encryption-only key for assertions (KEY_NOT_AUTHORISED)', async () => {
    const jwk = { ...(await publicJwkOf('ES256')), use: 'enc' };
    const did = `did:jwk:${base64url.encode(JSON.stringify(jwk))}`;
    const result = await resolveVerificationMethod(`${did}#0`, testContext(), expectAssertion(did));
    expect(!result.ok && result.check.code).toBe('KEY_NOT_AUTHORISED');
  });

  it('rejects a did:jwk that carries a private key', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const did = `did:jwk:${base64url.encode(JSON.stringify(await exportJWK(privateKey)))}`;
    const result = await resolveVerificationMethod(`${did}#0`, testContext(), expectAssertion(did));
    expect(!result.ok && result.check.code).toBe('KEY_DID_INVALID');
  });
});

describe('did:web', () => {
  it('maps identifiers to HTTPS URLs with ports and paths', () => {
    expect(didWebUrl('example.com')).toBe('https://example.com/.well-known/did.json');
    expect(didWebUrl('example.com%3A8443:users:alice')).toBe('https://example.com:8443/users/alice/did.json');
    expect(didWebUrl('example.com:..:etc')).toBeUndefined();
    expect(didWebUrl('user%40evil.com')).toBeUndefined();
  });

  async function webIssuer() {
    const jwk = await publicJwkOf('EdDSA', 'Ed25519');
    const other = await publicJwkOf('EdDSA', 'Ed25519');
    const did = 'did:web:issuer.example';
    const doc = {
      id: did,
      verificationMethod: [
        { id: `${did}#key-1`, type: 'JsonWebKey2020', controller: did, publicKeyJwk: jwk },
        { id: `${did}#auth`, type: 'Multikey', controller: did, publicKeyMultibase: jwkToMultibase(other) },
        { id: `${did}#foreign`, type: 'JsonWebKey2020', controller: 'did:web:other.example', publicKeyJwk: other },
      ],
      assertionMethod: ['#key-1', `${did}#foreign`],
      authentication: [`${did}#auth`],
    };
    return { did, doc, jwk };
  }

  it('fetches the document through the io seam and authorises a key under assertionMethod', async () => {
    const { did, doc, jwk } = await webIssuer();
    const server = jsonServer({ 'https://issuer.example/.well-known/did.json': doc });
    const result = await resolveVerificationMethod(`${did}#key-1`, testContext({ fetch: server }), expectAssertion(did));
    expect(result.ok && result.key.publicKeyJwk.x).toBe(jwk.x);
    expect(server.calls).toEqual(['https://issuer.example/.well-known/did.json']);
  });

  it('consults the resource bundle by DID before the network', async () => {
    const { did, doc } = await webIssuer();
    const server = jsonServer({});
    const result = await resolveVerificationMethod(`${did}#key-1`, testContext({ fetch: server, resources: { [did]: doc } }), expectAssertion(did));
    expect(result.ok).toBe(true);
    expect(server.calls).toEqual([]);
  });

  it('rejects a key outside assertionMethod (KEY_NOT_AUTHORISED)', async () => {
    const { did, doc } = await webIssuer();
    const result = await resolveVerificationMethod(`${did}#auth`, testContext({ resources: { [did]: doc } }), expectAssertion(did));
    expect(!result.ok && result.check.code).toBe('KEY_NOT_AUTHORISED');
  });

  it('rejects a key controlled by someone else (KEY_CONTROLLER_MISMATCH)', async () => {
    const { did, doc } = await webIssuer();
    const result = await resolveVerificationMethod(`${did}#foreign`, testContext({ resources: { [did]: doc } }), expectAssertion(did));
    expect(!result.ok && result.check.code).toBe('KEY_CONTROLLER_MISMATCH');
  });

  it('reports a key that is not in the document (KEY_NOT_FOUND)', async () => {
    const { did, doc } = await webIssuer();
    const result = await resolveVerificationMethod(`${did}#missing`, testContext({ resources: { [did]: doc } }), expectAssertion(did));
    expect(!result.ok && result.check.code).toBe('KEY_NOT_FOUND');
  });

  it('rejects a document that describes another DID (KEY_DID_INVALID)', async () => {
    const { did, doc } = await webIssuer();
    const server = jsonServer({ 'https://issuer.example/.well-known/did.json': { ...doc, id: 'did:web:evil.example' } });
    const result = await resolveVerificationMethod(`${did}#key-1`, testContext({ fetch: server }), expectAssertion(did));
    expect(!result.ok && result.check.code).toBe('KEY_DID_INVALID');
  });

  it('reports an unreachable did:web as unverifiable (KEY_DID_UNRESOLVABLE)', async () => {
    const result = await resolveVerificationMethod('did:web:down.example#key-1', testContext(), expectAssertion('did:web:down.example'));
    expect(!result.ok && result.check.code).toBe('KEY_DID_UNRESOLVABLE');
    expect(!result.ok && result.check.status).toBe('warn');
  });

  it('refuses a did:web on a private address (KEY_FETCH_BLOCKED)', async () => {
    const result = await resolveVerificationMethod('did:web:127.0.0.1#key-1', testContext({ fetch: jsonServer({}) }), expectAssertion('did:web:127.0.0.1'));
    expect(!result.ok && result.check.code).toBe('KEY_FETCH_BLOCKED');
  });
});

describe('did:ebsi and other methods', () => {
  it('reads did:ebsi documents from the EBSI DID registry through the io seam', async () => {
    const jwk = await publicJwkOf('ES256');
    const did = 'did:ebsi:zvHWX359A3CvfJnCYaAiAde';
    const doc = { id: did, verificationMethod: [{ id: `${did}#k1`, type: 'JsonWebKey2020', controller: did, publicKeyJwk: jwk }], assertionMethod: [`${did}#k1`] };
    const server = jsonServer({ [`https://registry.example/did-registry/v5/identifiers/${encodeURIComponent(did)}`]: doc });
    const result = await resolveVerificationMethod(`${did}#k1`, testContext({ fetch: server, ebsiApiBase: 'https://registry.example/' }), expectAssertion(did));
    expect(result.ok).toBe(true);
  });

  it('reports an unknown DID method as unverifiable (KEY_DID_METHOD_UNSUPPORTED)', async () => {
    const result = await resolveVerificationMethod('did:example:123#k', testContext(), expectAssertion('did:example:123'));
    expect(!result.ok && result.check.code).toBe('KEY_DID_METHOD_UNSUPPORTED');
    expect(!result.ok && result.check.status).toBe('warn');
  });
});

describe('https controller documents', () => {
  it('finds an authorised key in a controller document fetched with kind controller-document', async () => {
    const jwk = await publicJwkOf('EdDSA', 'Ed25519');
    const issuer = 'https://issuer.example/profile';
    const doc = { id: issuer, verificationMethod: [{ id: `${issuer}#key`, type: 'Multikey', controller: issuer, publicKeyMultibase: jwkToMultibase(jwk) }], assertionMethod: [`${issuer}#key`] };
    const result = await resolveVerificationMethod(`${issuer}#key`, testContext({ fetch: jsonServer({ [issuer]: doc }) }), expectAssertion(issuer));
    expect(result.ok && result.key.publicKeyJwk.x).toBe(jwk.x);
  });

  it('accepts a bundled key object only when its controller document authorises it', async () => {
    const jwk = await publicJwkOf('EdDSA', 'Ed25519');
    const issuer = 'https://issuer.example/profile';
    const keyUrl = 'https://issuer.example/keys/1';
    const key = { id: keyUrl, type: 'Ed25519VerificationKey2020', controller: issuer, publicKeyMultibase: jwkToMultibase(jwk) };
    const authorising = { id: issuer, assertionMethod: [keyUrl] };
    const ok = await resolveVerificationMethod(keyUrl, testContext({ resources: { [keyUrl]: key, [issuer]: authorising } }), expectAssertion(issuer));
    expect(ok.ok).toBe(true);
    const notListed = await resolveVerificationMethod(keyUrl, testContext({ resources: { [keyUrl]: key, [issuer]: { id: issuer, assertionMethod: [] } } }), expectAssertion(issuer));
    expect(!notListed.ok && notListed.check.code).toBe('KEY_NOT_AUTHORISED');
  });
});
