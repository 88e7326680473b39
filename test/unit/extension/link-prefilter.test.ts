import { describe, expect, it } from 'vitest';
import { credentialLinkPrefilter, recogniseLink, SOURCES } from '../../../lib/sources/index.js';

const BASE = 'https://www.linkedin.com/in/jane-doe/';

/** What the content script would do without the prefilter: resolve, then recognise. */
function recognisedAt(raw: string, base: string): boolean {
  try {
    return recogniseLink(new URL(raw, base).href) !== undefined;
  } catch {
    return false;
  }
}

describe('credential link prefilter', () => {
  it('loses no platform example link, written as the page wrote it', () => {
    for (const source of SOURCES) {
      for (const example of source.examples) {
        const u = new URL(example.url);
        const forms = [example.url, example.url.toUpperCase(), `//${u.host}${u.pathname}${u.search}${u.hash}`];
        for (const raw of forms) if (recognisedAt(raw, BASE)) expect(credentialLinkPrefilter(BASE)(raw), `${source.id} ${raw}`).toBe(true);
      }
    }
  });

  it('loses no link that URL parsing rewrites into a platform link (escapes, tabs, backslashes, full-width letters)', () => {
    const tricky = [
      'https://www.cred%6Cy.com/badges/0b6f8a40-5d1e-4c2b-9a7e-000000000001/public_url',
      'https://www.cred\tly.com/badges/0b6f8a40-5d1e-4c2b-9a7e-000000000001/public_url',
      'https://www.ｃｒｅｄｌｙ.com/badges/0b6f8a40-5d1e-4c2b-9a7e-000000000001/public_url',
      'https://issuer.example/cert\nificates/abc.json',
      'https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Fwww.credly.com%2Fbadges%2F0b6f8a40-5d1e-4c2b-9a7e-000000000001%2Fpublic_url',
    ];
    for (const raw of tricky) {
      expect(recognisedAt(raw, BASE), raw).toBe(true);
      expect(credentialLinkPrefilter(BASE)(raw), raw).toBe(true);
    }
  });

  it('lets every link through on a platform page, where relative links may be credentials', () => {
    const base = 'https://www.credly.com/users/jane';
    const raw = '/badges/0b6f8a40-5d1e-4c2b-9a7e-000000000001/public_url';
    expect(recognisedAt(raw, base)).toBe(true);
    expect(credentialLinkPrefilter(base)(raw)).toBe(true);
    expect(credentialLinkPrefilter('https://issuer.example/certificates/')('abc.json')).toBe(true);
  });

  it('skips ordinary links of a job site without parsing them', () => {
    const skip = credentialLinkPrefilter(BASE);
    for (const raw of ['/in/person-1/', 'https://www.linkedin.com/company/northwind/', '#top', 'mailto:a@b.example']) expect(skip(raw), raw).toBe(false);
  });
});
