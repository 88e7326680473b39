import { describe, expect, it } from 'vitest';
import { createIo } from '../../../lib/io/index.js';
import { evaluateTrust } from '../../../lib/trust/evaluate.js';
import type { TrustList } from '../../../lib/trust/types.js';

const io = createIo({ offline: true });
const base = { io, now: new Date('2026-11-28T00:00:00Z'), ebsiApiBase: 'https://api-pilot.ebsi.eu' };

describe('trust lists in order of authority', () => {
  const known: TrustList = { name: 'Partner badges', issuers: [{ origin: 'https://badges.example.org', tier: 'known' }] };
  const blocked: TrustList = { name: 'Blocklist', issuers: [{ id: 'https://badges.example.org/issuers/7', tier: 'untrusted' }] };
  const issuer = { id: 'https://badges.example.org/issuers/7', name: 'Example Badges' };

  it('lets the first list that names the issuer decide, and reports every list with its outcome', async () => {
    const c = await evaluateTrust({ ...base, issuer, lists: [known, blocked] });
    expect(c.code).toBe('TRUST_KNOWN');
    expect(c.details).toMatchObject({
      tier: 'known',
      list: 'Partner badges',
      matchedBy: 'origin',
      consulted: [
        { source: 'Partner badges', kind: 'list', outcome: 'knows', matchedBy: 'origin' },
        { source: 'Blocklist', kind: 'list', outcome: 'not-consulted' },
      ],
    });
  });

  it('fails (untrusted) when the more authoritative list marks the issuer as not trusted', async () => {
    const c = await evaluateTrust({ ...base, issuer, lists: [blocked, known] });
    expect(c.code).toBe('TRUST_UNTRUSTED');
    expect(c.status).toBe('fail');
    expect(c.message).toBe('"Blocklist" marks Example Badges as not trusted');
  });

  it('matches a did:web issuer by its origin and a Europass issuer by legal identifier, case-insensitively', async () => {
    const lists: TrustList[] = [{ name: 'L', issuers: [{ origin: 'https://uni.example' }, { legalIdentifier: 'ee:17207834', name: 'Velocert' }] }];
    expect((await evaluateTrust({ ...base, issuer: { id: 'did:web:uni.example:issuers:1' }, lists })).details).toMatchObject({ matchedBy: 'origin' });
    const c = await evaluateTrust({ ...base, issuer: { legalIdentifier: 'EE:17207834' }, lists });
    expect(c.code).toBe('TRUST_LISTED');
    expect(c.details).toMatchObject({ matchedBy: 'legalIdentifier', consulted: [{ name: 'Velocert' }] });
  });

  it('warns (unknown, not a failure) when no list names the issuer, and when nothing is configured', async () => {
    const c = await evaluateTrust({ ...base, issuer: { id: 'did:web:nobody.example' }, lists: [known] });
    expect(c.code).toBe('TRUST_UNKNOWN');
    expect(c.status).toBe('warn');
    const none = await evaluateTrust({ ...base, issuer: { id: 'did:web:nobody.example' }, lists: [] });
    expect(none.message).toContain('No trust list or registry is configured');
  });
});
