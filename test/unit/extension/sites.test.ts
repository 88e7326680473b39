// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { credentialContextsVia, leavesSite, scanCandidates } from '../../../entrypoints/content/detect.js';
import { GENERIC_SITE, SITES, siteFor } from '../../../entrypoints/content/sites/index.js';
import { CONTENT_SCRIPT_MATCHES, CREDENTIAL_PLATFORM_HOSTS } from '../../../entrypoints/content/sites/matches.js';
import { credentialLinkPrefilter, recogniseLink, SOURCES } from '../../../lib/sources/index.js';
import { matchesPattern } from '../../../entrypoints/content/sites/index.js';

const PAGES = 'test/fixtures/pages';

function countOn(html: string, url: string, prefilter?: typeof credentialLinkPrefilter) {
  // A window at the page's own address, so relative image URLs resolve as in the browser.
  const win = new Window({ url });
  win.document.write(html);
  const doc = win.document as unknown as Document;
  const counts = { link: 0, text: 0, image: 0, candidate: 0 };
  for (const c of scanCandidates(doc.body, siteFor(url), (u) => (recogniseLink(u) ? u : undefined), url, prefilter)) {
    if (!c) continue; // a progress step, not a find
    counts[c.kind === 'canvas' ? 'image' : c.kind]++;
  }
  return counts;
}

function contextsOn(html: string, url: string) {
  const win = new Window({ url });
  win.document.write(html);
  return credentialContextsVia(win.document as unknown as Document, siteFor(url), url);
}

describe('supported sites', () => {
  it('keeps example pages of the current and the previous layout of each major site', () => {
    for (const id of ['linkedin', 'xing', 'indeed']) {
      const pages = SITES.find((s) => s.id === id)!.examples.map((e) => e.page);
      expect(pages.some((p) => /previous-layout/.test(p)), id).toBe(true);
      expect(pages.some((p) => !/previous-layout|redesign|no-certifications/.test(p)), id).toBe(true);
    }
  });

  it('fails when a site file has no saved example page', () => {
    for (const site of SITES) {
      expect(site.examples.length, site.id).toBeGreaterThan(0);
      for (const example of site.examples) expect(existsSync(`${PAGES}/${example.page}`), example.page).toBe(true);
    }
  });

  for (const site of SITES) {
    for (const example of site.examples) {
      it(`finds exactly the expected credentials on ${site.id} ${example.page}`, () => {
        expect(siteFor(example.url).id).toBe(site.id);
        expect(countOn(readFileSync(`${PAGES}/${example.page}`, 'utf8'), example.url)).toEqual({ candidate: 0, ...example.expect });
        // The content script skips parsing most links (credentialLinkPrefilter): it must lose none.
        expect(countOn(readFileSync(`${PAGES}/${example.page}`, 'utf8'), example.url, credentialLinkPrefilter)).toEqual({ candidate: 0, ...example.expect });
        if (example.contexts) expect(contextsOn(readFileSync(`${PAGES}/${example.page}`, 'utf8'), example.url)).toBe(example.contexts);
      });
    }
  }

  it('fails when a credential platform of lib/sources is not covered by the content script and host permissions', () => {
    for (const source of SOURCES) {
      for (const example of source.examples) {
        const url = new URL(example.url);
        if (/(^|\.)example\.(edu|org|com)$/.test(url.hostname) || source.id === 'blockcerts') continue; // placeholders, any host
        expect(CONTENT_SCRIPT_MATCHES.some((p) => matchesPattern(url, p)), `${source.id}: ${url.hostname}`).toBe(true);
        const target = example.credentialUrl ? new URL(example.credentialUrl) : url;
        expect(CREDENTIAL_PLATFORM_HOSTS.some((h) => matchesPattern(target, `https://${h}/*`)), `${source.id}: ${target.hostname}`).toBe(true);
      }
    }
  });

  it('leaves other pages to generic detection', () => {
    expect(siteFor('https://jobs.example.org/42')).toBe(GENERIC_SITE);
    expect(siteFor('not a url')).toBe(GENERIC_SITE);
    expect(siteFor('https://evil-linkedin.com/in/x').id).toBe('generic');
  });
});

describe('links that may leave the site decide whether contexts are searched', () => {
  const url = 'https://www.linkedin.com/in/anna-kowalska-example/';
  const section = (link: string, head = '') =>
    `<html><head>${head}</head><body><main><section><h2>Licenses &amp; certifications</h2><ul><li><a href="${link}">Show credential</a></li></ul></section></main></body></html>`;

  it('an off-site link in a certifications section is a candidate, however it is written', () => {
    for (const link of ['https://certs.example.edu/c/1', 'HTTPS://certs.example.edu/c/1', '//certs.example.edu/c/1', '  https://certs.example.edu/c/1', '\\\\certs.example.edu/c/1', '/\\certs.example.edu/c/1']) {
      expect(countOn(section(link), url, credentialLinkPrefilter).candidate, link).toBe(1);
    }
  });

  it('a relative link may leave the site when the page names another base', () => {
    // Asked of leavesSite itself: happy-dom's a.href ignores <base> (Chromium's does not).
    const win = new Window({ url });
    win.document.write('<html><head><base href="https://certs.example.edu/"></head><body></body></html>');
    expect(leavesSite(win.document as unknown as Document, siteFor(url), 'www.linkedin.com')('/c/1')).toBe(true);
    const plain = new Window({ url });
    plain.document.write('<html><body></body></html>');
    const leaves = leavesSite(plain.document as unknown as Document, siteFor(url), 'www.linkedin.com');
    expect(leaves('/c/1')).toBe(false);
    expect(leaves('/redir/redirect?url=https%3A%2F%2Fcerts.example.edu%2Fc%2F1')).toBe(true);
  });

  it('links that stay on the site find nothing, with or without the prefilter', () => {
    for (const link of ['/in/someone-else/', 'details/certifications/', '#top']) {
      expect(countOn(section(link), url).candidate, link).toBe(0);
      expect(countOn(section(link), url, credentialLinkPrefilter).candidate, link).toBe(0);
    }
  });
});
