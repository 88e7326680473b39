import { describe, expect, it } from 'vitest';
import { recogniseLink, SOURCES } from '../../../lib/sources/index.js';

describe('link sources', () => {
  it('every source lists example links and where its patterns come from', () => {
    for (const source of SOURCES) {
      expect(source.examples.length, source.id).toBeGreaterThan(0);
      expect(source.references.length, source.id).toBeGreaterThan(0);
    }
  });

  for (const source of SOURCES) {
    for (const example of source.examples) {
      it(`${source.id} recognises ${example.url}`, () => {
        const hit = recogniseLink(example.url);
        expect(hit?.source).toBe(source.id);
        expect(hit?.kind).toBe(example.kind);
        expect(hit?.credentialUrl).toBe(example.credentialUrl);
      });
    }
  }

  it('unwraps a LinkedIn outbound redirect before recognising the platform', () => {
    const wrapped = `https://www.linkedin.com/redir/redirect?url=${encodeURIComponent('https://www.credly.com/badges/6b2c1d4e-8f3a-4b5c-9d7e-0a1b2c3d4e5f')}`;
    expect(recogniseLink(wrapped)).toEqual({
      source: 'credly',
      kind: 'endpoint',
      credentialUrl: 'https://api.credly.com/v1/obi/v2/badge_assertions/6b2c1d4e-8f3a-4b5c-9d7e-0a1b2c3d4e5f',
    });
  });

  it('claims no unrelated link, no lookalike host and no non-web scheme', () => {
    expect(recogniseLink('https://example.org/badges/6b2c1d4e-8f3a-4b5c-9d7e-0a1b2c3d4e5f')).toBeUndefined();
    expect(recogniseLink('https://www.credly.com.evil.example/badges/6b2c1d4e-8f3a-4b5c-9d7e-0a1b2c3d4e5f')).toBeUndefined();
    expect(recogniseLink('https://www.credly.com/users/someone/badges')).toBeUndefined();
    expect(recogniseLink('javascript:alert(1)')).toBeUndefined();
    expect(recogniseLink('not a url')).toBeUndefined();
  });
});
