import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../entrypoints/common/protocol.js';
import { TabTally } from '../../../entrypoints/background/tab-tally.js';
import { acceptTrustListText, addTrustList, describeIssuers, parseStoredTrustLists, readStoredTrustLists, removeTrustList } from '../../../entrypoints/common/trust-lists.js';

describe('extension pages → background requests', () => {
  it('rejects requests with extra members, http links, bad base64 or wrong types', () => {
    expect(parseRequest({ type: 'verify-input', input: { kind: 'url', url: 'https://x.example/c' }, via: 'popup' }, 'extension')).toBeDefined();
    expect(parseRequest({ type: 'verify-input', input: { kind: 'url', url: 'http://x.example/c' }, via: 'popup' }, 'extension')).toBeUndefined();
    expect(parseRequest({ type: 'verify-input', input: { kind: 'text', text: '   ' }, via: 'popup' }, 'extension')).toBeUndefined();
    expect(parseRequest({ type: 'verify-input', input: { kind: 'text', text: 'x' }, via: 'page' }, 'extension')).toBeUndefined();
    expect(parseRequest({ type: 'verify-input', input: { kind: 'bytes', base64: 'not base64!', mediaType: 'image/png', name: 'a.png' }, via: 'wallet' }, 'extension')).toBeUndefined();
    expect(parseRequest({ type: 'decode-qr', base64: 'AAAA', extra: 1 }, 'extension')).toBeUndefined();
    expect(parseRequest({ type: 'tab-summary', tabId: -1 }, 'extension')).toBeUndefined();
    expect(parseRequest({ type: 'fetch-credential', url: 'file:///etc/passwd' }, 'extension')).toBeUndefined();
    expect(parseRequest({ type: 'delete-everything' }, 'extension')).toBeUndefined();
  });
});

describe('tab tally', () => {
  it('counts each find once per tab with its latest state, and forgets a tab on navigation', async () => {
    const session = new Map<string, unknown>();
    const area = { get: async (k: string) => (session.has(k) ? { [k]: session.get(k) } : {}), set: async (o: Record<string, unknown>) => void Object.entries(o).forEach(([k, v]) => session.set(k, structuredClone(v))), remove: async (k: string) => void session.delete(k) };
    const tally = new TabTally(area);
    await tally.set(1, 'link a', 'pending');
    await tally.set(1, 'link a', 'verified');
    await tally.set(1, 'link b', 'invalid');
    await tally.set(2, 'link a', 'warning');
    expect((await tally.summary(1)).counts).toMatchObject({ verified: 1, invalid: 1, pending: 0, warning: 0 });
    // A new service worker reads the same tally from storage.session.
    expect((await new TabTally(area).summary(1)).total).toBe(2);
    await tally.reset(1);
    expect((await tally.summary(1)).total).toBe(0);
    expect((await tally.summary(2)).counts.warning).toBe(1);
  });
});

describe('trust lists in settings', () => {
  it('reports the place of the problem for a malformed list and stores nothing', async () => {
    expect(() => acceptTrustListText('{"issuers":[{"name":"No id"}]}', 'list.json')).toThrow(/issuers\[0\] needs an id/);
    expect(() => acceptTrustListText('{not json', 'list.json')).toThrow(/not valid JSON/);
  });

  it('adds, replaces by address, shows who each list vouches for, and removes', async () => {
    const data: Record<string, unknown> = {};
    const area = { get: async (k: string) => ({ [k]: data[k] }), set: async (o: Record<string, unknown>) => void Object.assign(data, structuredClone(o)) };
    const one = acceptTrustListText('{"name":"Acme","issuers":[{"id":"did:web:uni.example","name":"Uni","country":"DE"},{"origin":"https://mill.example/x","tier":"untrusted"}]}', 'https://acme.example/trust.json');
    await addTrustList(area, one.stored);
    await addTrustList(area, acceptTrustListText('{"name":"Acme v2","issuers":[{"id":"did:web:uni.example"}]}', 'https://acme.example/trust.json').stored);
    await addTrustList(area, acceptTrustListText('{"name":"Other","issuers":[{"legalIdentifier":"EE:1"}]}', 'other.json').stored);
    const views = parseStoredTrustLists(await readStoredTrustLists(area));
    expect(views.map((v) => v.list.name)).toEqual(['Acme v2', 'Other']);
    expect(describeIssuers(one.list)).toEqual(['Uni (DE) - trusted - did:web:uni.example', 'https://mill.example - untrusted']);
    await removeTrustList(area, 0);
    expect(parseStoredTrustLists(await readStoredTrustLists(area)).map((v) => v.list.name)).toEqual(['Other']);
  });
});
