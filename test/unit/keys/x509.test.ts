import { describe, expect, it } from 'vitest';
import { validateX5cChain } from '../../../lib/keys/x509.js';
import { makeCa, makeLeaf } from '../../support/test-ca.js';

const at = new Date('2026-11-28T00:00:00Z');

describe('validateX5cChain', () => {
  it('chains a leaf to the root anchor through an intermediate and returns the leaf key and subject', async () => {
    const root = await makeCa();
    const inter = await makeCa({ issuer: root, subject: { commonName: 'Test Issuing CA', country: 'BE' }, alg: 'RS256' });
    const leaf = await makeLeaf(inter);
    const result = await validateX5cChain([leaf.b64, inter.b64], { at, anchors: [root.pem] });
    expect(result.failure).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(result.chainsToAnchor).toBe(true);
    expect(result.path.map((p) => p.subject.commonName)).toEqual(['Universidad de Prueba', 'Test Issuing CA', 'Credlens Test Root CA']);
    expect(result.subject?.organizationIdentifier).toBe('VATES-Q2818014I');
    expect(result.publicKeyJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(result.publicKeyJwk?.alg).toBeUndefined();
  });

  it('accepts an intermediate CA as the anchor and the root missing from x5c', async () => {
    const root = await makeCa();
    const inter = await makeCa({ issuer: root, subject: { commonName: 'Test Issuing CA' } });
    const leaf = await makeLeaf(inter);
    const result = await validateX5cChain([leaf.b64], { at, anchors: [inter.pem] });
    expect(result.chainsToAnchor).toBe(true);
  });

  it('reports X5C_NO_TRUST_ANCHOR (sound chain, not trusted) when no anchor issued the chain', async () => {
    const root = await makeCa();
    const other = await makeCa({ subject: { commonName: 'Someone Else CA' } });
    const leaf = await makeLeaf(root);
    const result = await validateX5cChain([leaf.b64, root.b64], { at, anchors: [other.pem] });
    expect(result.valid).toBe(true);
    expect(result.chainsToAnchor).toBe(false);
    expect(result.failure?.code).toBe('X5C_NO_TRUST_ANCHOR');
    expect(result.publicKeyJwk).toBeDefined();
  });

  it('rejects a chain whose leaf claims an issuer the anchor never signed for (same name, other key)', async () => {
    const root = await makeCa();
    const impostor = await makeCa(); // same subject name, different key
    const leaf = await makeLeaf(impostor);
    const result = await validateX5cChain([leaf.b64], { at, anchors: [root.pem] });
    expect(result.chainsToAnchor).toBe(false);
    expect(result.failure?.code).toBe('X5C_NO_TRUST_ANCHOR');
  });

  it('rejects X5C_BAD_SIGNATURE when the declared issuer did not sign the leaf', async () => {
    const root = await makeCa();
    const impostor = await makeCa();
    const leaf = await makeLeaf(impostor);
    const result = await validateX5cChain([leaf.b64, root.b64], { at, anchors: [root.pem] });
    expect(result.valid).toBe(false);
    expect(result.failure?.code).toBe('X5C_BAD_SIGNATURE');
  });

  it('rejects X5C_EXPIRED when the leaf expired before the instant checked', async () => {
    const root = await makeCa();
    const leaf = await makeLeaf(root, { notAfter: new Date('2026-01-01T00:00:00Z') });
    const result = await validateX5cChain([leaf.b64], { at, anchors: [root.pem] });
    expect(result.valid).toBe(false);
    expect(result.failure?.code).toBe('X5C_EXPIRED');
  });

  it('rejects X5C_NOT_YET_VALID when the leaf starts after the instant checked', async () => {
    const root = await makeCa();
    const leaf = await makeLeaf(root, { notBefore: new Date('2027-01-01T00:00:00Z') });
    const result = await validateX5cChain([leaf.b64], { at, anchors: [root.pem] });
    expect(result.failure?.code).toBe('X5C_NOT_YET_VALID');
  });

  it('rejects X5C_NOT_A_CA when an end-entity certificate is used to certify another', async () => {
    const root = await makeCa();
    const notCa = await makeLeaf(root, { subject: { commonName: 'Not a CA' } });
    const leaf = await makeLeaf(notCa);
    const result = await validateX5cChain([leaf.b64, notCa.b64], { at, anchors: [root.pem] });
    expect(result.failure?.code).toBe('X5C_NOT_A_CA');
  });

  it('rejects X5C_MALFORMED for garbage and X5C_EMPTY for an empty chain', async () => {
    expect((await validateX5cChain(['bm90IGEgY2VydA=='], { at, anchors: [] })).failure?.code).toBe('X5C_MALFORMED');
    expect((await validateX5cChain(['%%%'], { at, anchors: [] })).failure?.code).toBe('X5C_MALFORMED');
    expect((await validateX5cChain([], { at, anchors: [] })).failure?.code).toBe('X5C_EMPTY');
  });

  it('rejects X5C_BROKEN_CHAIN when the second certificate is not the issuer of the first', async () => {
    const root = await makeCa();
    const other = await makeCa({ subject: { commonName: 'Unrelated CA' } });
    const anchor = await makeCa({ subject: { commonName: 'Anchor CA' } });
    const leaf = await makeLeaf(root);
    const result = await validateX5cChain([leaf.b64, other.b64], { at, anchors: [anchor.pem] });
    expect(result.failure?.code).toBe('X5C_BROKEN_CHAIN');
    expect(result.valid).toBe(false);
  });

  it('completes the path with an extra intermediate given outside x5c', async () => {
    const root = await makeCa({ alg: 'RS256' });
    const inter = await makeCa({ issuer: root, subject: { commonName: 'Test Issuing CA' } });
    const leaf = await makeLeaf(inter, { alg: 'RS256' });
    const result = await validateX5cChain([leaf.b64], { at, anchors: [root.pem], intermediates: [inter.b64] });
    expect(result.chainsToAnchor).toBe(true);
    expect(result.publicKeyJwk).toMatchObject({ kty: 'RSA' });
  });
});
