import { describe, expect, it } from 'vitest';
import { fetchDidDocument } from '../../../lib/keys/methods/result.js';
import { readList } from '../../../lib/status/list-cache.js';
import * as bitstring from '../../../lib/status/bitstring.js';
import { encodedList } from '../formats/vc-di/sign.js';

const LIST_URL = 'https://issuer.example/status/1';

function listBody(setBits: number[]): Uint8Array {
  const list = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: LIST_URL,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: 'did:web:issuer.example',
    credentialSubject: { id: `${LIST_URL}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encodedList(16384, setBits) },
  };
  return new TextEncoder().encode(JSON.stringify(list));
}

describe('status lists read once per cached copy (lib/status/list-cache.ts)', () => {
  it('parses, hashes and decodes one cached body once, however many credentials read it', async () => {
    const body = listBody([7]);
    const first = readList(body);
    const encoded = (first.document?.credentialSubject as { encodedList: string }).encodedList;
    const bits = await first.bits(encoded);
    for (let i = 0; i < 1000; i++) {
      const again = readList(body);
      expect(again).toBe(first);
      expect(await again.bits(encoded)).toBe(bits);
      expect(await again.digest()).toBe(await first.digest());
    }
    expect(bitstring.readStatus(bits, 7)).toBe(1);
  });

  it('keeps a copy of other bytes apart, and a different list gives different bits', async () => {
    const a = readList(listBody([1]));
    const b = readList(listBody([2]));
    expect(b).not.toBe(a);
    expect(await b.digest()).not.toBe(await a.digest());
    const bitsA = await a.bits((a.document?.credentialSubject as { encodedList: string }).encodedList);
    const bitsB = await b.bits((b.document?.credentialSubject as { encodedList: string }).encodedList);
    expect([bitstring.readStatus(bitsA, 1), bitstring.readStatus(bitsA, 2)]).toEqual([1, 0]);
    expect([bitstring.readStatus(bitsB, 1), bitstring.readStatus(bitsB, 2)]).toEqual([0, 1]);
  });

  it('hands out a frozen document, so no credential can change what the next one reads', () => {
    const list = readList(listBody([]));
    expect(Object.isFrozen(list.document)).toBe(true);
    expect(() => {
      (list.document as Record<string, unknown>).id = 'https://attacker.example/list';
    }).toThrow(TypeError);
    expect(readList(new TextEncoder().encode('not json')).document).toBeUndefined();
  });
});

describe('DID documents checked once per cached copy (lib/keys/methods/result.ts)', () => {
  const did = 'did:web:issuer.example';
  const document = { '@context': ['https://www.w3.org/ns/did/v1'], id: did, verificationMethod: [{ id: `${did}#k`, type: 'Multikey', controller: did, publicKeyMultibase: 'z6Mk' }] };

  it('returns the same frozen result for the same cached body, and reads a new body afresh', async () => {
    let body = new TextEncoder().encode(JSON.stringify(document));
    let reads = 0;
    const ctx = { io: { fromBundle: async () => undefined, get: async () => (reads++, { url: '', finalUrl: '', body, from: 'cache' as const }) } } as never;
    const first = await fetchDidDocument(did, 'https://issuer.example/.well-known/did.json', ctx, { kind: 'did-document' });
    const second = await fetchDidDocument(did, 'https://issuer.example/.well-known/did.json', ctx, { kind: 'did-document' });
    expect(reads).toBe(2);
    expect(second).toBe(first);
    expect(first.didDocument?.id).toBe(did);
    expect(Object.isFrozen(first.didDocument?.verificationMethod?.[0])).toBe(true);
    body = new TextEncoder().encode(JSON.stringify({ ...document, id: 'did:web:other.example' }));
    const third = await fetchDidDocument(did, 'https://issuer.example/.well-known/did.json', ctx, { kind: 'did-document' });
    expect(third.didResolutionMetadata.error).toBe('invalidDidDocument');
  });

  it('reports a body that is not JSON as IO_BAD_CONTENT, as before', async () => {
    const body = new TextEncoder().encode('<html>');
    const ctx = { io: { fromBundle: async () => undefined, get: async () => ({ url: '', finalUrl: '', body, from: 'network' as const }) } } as never;
    const result = await fetchDidDocument(did, 'https://issuer.example/.well-known/did.json', ctx, { kind: 'did-document' });
    expect(result.didResolutionMetadata.error).toBe('networkError');
    expect(JSON.stringify(result.didResolutionMetadata)).toContain('IO_BAD_CONTENT');
  });
});
