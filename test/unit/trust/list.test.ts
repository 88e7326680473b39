import { describe, expect, it } from 'vitest';
import { createIo } from '../../../lib/io/index.js';
import type { FetchLike } from '../../../lib/io/types.js';
import { loadTrustList, parseTrustList, TrustListError } from '../../../lib/trust/list.js';
import { makeCa } from '../../support/test-ca.js';

const json = (value: unknown, init: ResponseInit = {}) => new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' }, ...init });

function problem(value: unknown): string {
  try {
    parseTrustList(value, 'trust.json');
  } catch (error) {
    expect(error).toBeInstanceOf(TrustListError);
    return (error as Error).message;
  }
  throw new Error('parseTrustList accepted the list');
}

describe('trust list format', () => {
  it('rejects a list that is not an object or has no issuers array', () => {
    expect(problem([])).toBe('trust.json: a trust list is a JSON object');
    expect(problem({ name: 'x' })).toBe('trust.json: "issuers" must be an array');
  });

  it('rejects an issuer with neither id, origin nor legal identifier, naming its place', () => {
    expect(problem({ issuers: [{ id: 'did:web:a.example' }, { id: 'did:web:b.example' }, { name: 'Nobody' }] })).toBe('trust.json: issuers[2] needs an id, an origin or a legalIdentifier');
  });

  it('rejects an unknown tier, an origin that is no URL and an empty string', () => {
    expect(problem({ issuers: [{ id: 'did:web:a.example', tier: 'maybe' }] })).toContain('issuers[0]: "tier" must be trusted, known or untrusted');
    expect(problem({ issuers: [{ origin: 'not a url' }] })).toContain('issuers[0]: "origin" must be a URL');
    expect(problem({ issuers: [{ id: '' }] })).toContain('issuers[0]: "id" must be a non-empty string');
  });

  it('rejects anchors that are not PEM, and a PEM block that is no certificate', () => {
    expect(problem({ issuers: [], anchors: ['MIIB...'] })).toBe('trust.json: "anchors" must be an array of PEM certificates');
    expect(problem({ issuers: [], anchors: ['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'] })).toBe('trust.json: anchors[0] is not a readable X.509 certificate');
  });

  it('reads issuers by DID, origin and legal identifier with display names, and PEM anchors', async () => {
    const root = await makeCa();
    const list = parseTrustList(
      { name: 'Acme', issuers: [{ id: 'did:web:u.example', name: 'U' }, { origin: 'https://badges.example.org/path', tier: 'known' }, { legalIdentifier: 'ES:Q2818014I' }], anchors: [root.pem] },
      'acme.json',
    );
    expect(list).toMatchObject({ name: 'Acme', source: 'acme.json', issuers: [{ id: 'did:web:u.example', name: 'U' }, { origin: 'https://badges.example.org', tier: 'known' }, { legalIdentifier: 'ES:Q2818014I' }] });
    expect(list.anchors).toEqual([root.pem]);
  });
});

describe('loadTrustList (by URL, through the seam)', () => {
  it('reads a published list and names it after its URL when it has no name', async () => {
    const fetch: FetchLike = async () => json({ issuers: [{ id: 'did:web:u.example' }] });
    const list = await loadTrustList('https://lists.example/trust.json', createIo({ fetch }));
    expect(list).toMatchObject({ name: 'https://lists.example/trust.json', issuers: [{ id: 'did:web:u.example' }] });
  });

  it('throws TrustListError with the HTTP failure when the list cannot be read', async () => {
    const fetch: FetchLike = async () => new Response('gone', { status: 404 });
    await expect(loadTrustList('https://lists.example/trust.json', createIo({ fetch }))).rejects.toThrow(/trust\.json: the trust list could not be read \(IO_HTTP_STATUS/);
  });

  it('throws TrustListError offline instead of fetching', async () => {
    let called = false;
    const fetch: FetchLike = async () => {
      called = true;
      return json({ issuers: [] });
    };
    await expect(loadTrustList('https://lists.example/trust.json', createIo({ fetch, offline: true }))).rejects.toThrow(/IO_OFFLINE/);
    expect(called).toBe(false);
  });

  it('throws TrustListError for a published document that is not a trust list', async () => {
    const fetch: FetchLike = async () => json({ issuers: [{ name: 'x' }] });
    await expect(loadTrustList('https://lists.example/t.json', createIo({ fetch }))).rejects.toThrow('https://lists.example/t.json: issuers[0] needs an id, an origin or a legalIdentifier');
  });
});
