import { describe, expect, it } from 'vitest';
import { verify, type VerificationReport } from '../../../lib/index.js';
import { createOb2Issuer, fakeFetch, json, redirect, text } from '../../support/ob2-issuer.js';

/**
 * Each platform answers through the `fetch` seam with a response shaped as its public endpoint is
 * documented to answer (see the references in each lib/sources/*.ts file). These are synthetic
 * responses, not captures of live traffic: no test touches the internet.
 */
const at = new Date('2026-11-28T00:00:00Z');
const UUID = '6b2c1d4e-8f3a-4b5c-9d7e-0a1b2c3d4e5f';

function codeOf(report: VerificationReport, id: string): string | undefined {
  return report.checks.find((c) => c.id === id)?.code;
}

const vc = {
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  id: 'urn:uuid:0c7d3a52-9a6e-4b1f-8f43-3b2f3c1d9e10',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: 'did:example:issuer',
  credentialSubject: { id: 'did:example:learner' },
};

describe('verify(<shared link>)', () => {
  it('verifies a Credly badge page link through its Open Badges endpoint', async () => {
    const issuer = await createOb2Issuer('https://api.credly.com');
    const assertion = issuer.hostedAssertion(`/v1/obi/v2/badge_assertions/${UUID}`);
    const seen: string[] = [];
    const report = await verify(`https://www.credly.com/badges/${UUID}/public_url`, { fetch: fakeFetch(issuer.routes, seen), at });
    expect(seen[0]).toBe(assertion.id);
    expect(report.format).toBe('ob2-hosted');
    expect(codeOf(report, 'hosted-origin')).toBe('OB2_HOSTED_ORIGIN_VALID');
    expect(report.verdict).toBe('warning');
  });

  it('verifies a Badgr / Canvas Credentials assertion link through its .json endpoint', async () => {
    const issuer = await createOb2Issuer('https://api.badgr.io');
    const assertion = issuer.hostedAssertion('/public/assertions/ewkha2NyQ8-IAo-788fTUA.json?v=2_0');
    const report = await verify('https://badgr.com/public/assertions/ewkha2NyQ8-IAo-788fTUA?identity__email=learner%40example.org', { fetch: fakeFetch(issuer.routes), at });
    expect(report.checks[0]?.details?.path).toEqual([assertion.id]);
    expect(codeOf(report, 'hosted-origin')).toBe('OB2_HOSTED_ORIGIN_VALID');
  });

  it('verifies an Open Badge Factory .html link through the assertion it names', async () => {
    const id = '1ad0ca0b37b55d3def2a09fc01d2167bac8e28dd';
    const issuer = await createOb2Issuer('https://openbadgefactory.com');
    issuer.hostedAssertion(`/v1/assertion/${id}`);
    const report = await verify(`https://openbadgefactory.com/v1/assertion/${id}.html`, { fetch: fakeFetch(issuer.routes), at });
    expect(codeOf(report, 'hosted-origin')).toBe('OB2_HOSTED_ORIGIN_VALID');
  });

  it('reads the credential out of a VerifierPlus share', async () => {
    const routes = new Map([['https://verifierplus.org/api/credentials/0c7d3a52-9a6e-4b1f-8f43-3b2f3c1d9e10', json({ id: 'x', controller: 'did:example:holder', shared: true, credential: [vc], vp: { verifiableCredential: vc } })]]);
    const report = await verify('https://verifierplus.org/credentials/0c7d3a52-9a6e-4b1f-8f43-3b2f3c1d9e10', { fetch: fakeFetch(routes), at });
    expect(report.checks[0]?.code).toBe('INPUT_READ');
    expect(report.format).toBe('vc-di');
  });

  it('reads a Europass EDC share link through the viewer share API', async () => {
    const seen: string[] = [];
    const routes = new Map([['https://europa.eu/europass/digital-credentials/viewer/api/v1/sharelinks/3f2a9c0e5b7d4e1a8c6b/presentation', json({ type: ['VerifiablePresentation'], verifiableCredential: [vc] })]]);
    const report = await verify('https://europa.eu/europass/digital-credentials/viewer/#/share/3f2a9c0e5b7d4e1a8c6b', { fetch: fakeFetch(routes, seen), at });
    expect(seen).toEqual(['https://europa.eu/europass/digital-credentials/viewer/api/v1/sharelinks/3f2a9c0e5b7d4e1a8c6b/presentation']);
    expect(report.checks[0]?.code).toBe('INPUT_READ');
  });

  it('follows a Blockcerts hosted certificate JSON directly', async () => {
    const url = 'https://certificates.example.edu/certificate/5a4fe9b3-4b3a-4f1e-9cb1-3d5c2b1a0f9e.json';
    const report = await verify(url, { fetch: fakeFetch(new Map([[url, json(vc)]])), at });
    expect(report.format).toBe('vc-di');
  });

  it('reports an Accredible page that declares no credential as a page only, with the page link', async () => {
    const page = 'https://www.credential.net/10000005';
    const routes = new Map([[page, text('<!doctype html><html><head><title>Certificate</title></head><body>Certified!</body></html>', 'text/html')]]);
    const report = await verify(page, { fetch: fakeFetch(routes), at });
    expect(report.checks[0]?.code).toBe('SOURCE_PAGE_ONLY');
    expect(report.checks[0]?.details?.page).toBe(page);
    expect(report.verdict).toBe('unverifiable');
  });

  it('follows <link rel="alternate" type="application/vc+ld+json"> on an Accredible page', async () => {
    const page = 'https://www.credential.net/10000006';
    const routes = new Map([
      [page, text('<!doctype html><html><head><link rel="alternate" type="application/vc+ld+json" href="/10000006/credential.json"></head></html>', 'text/html')],
      ['https://www.credential.net/10000006/credential.json', json(vc)],
    ]);
    const report = await verify(page, { fetch: fakeFetch(routes), at });
    expect(report.format).toBe('vc-di');
    expect(report.checks[0]?.details?.path).toEqual([page, 'https://www.credential.net/10000006/credential.json']);
  });

  it('verifies an Open Badges assertion embedded as JSON-LD in any web page', async () => {
    const issuer = await createOb2Issuer();
    const assertion = issuer.hostedAssertion('/assertions/embedded.json');
    const html = `<!doctype html><html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"WebPage"}</script><script type="application/ld+json">${JSON.stringify(assertion)}</script></head></html>`;
    issuer.routes.set('https://portfolio.example.com/me', text(html, 'text/html; charset=utf-8'));
    const report = await verify('https://portfolio.example.com/me', { fetch: fakeFetch(issuer.routes), at });
    expect(codeOf(report, 'hosted-origin')).toBe('OB2_HOSTED_ORIGIN_VALID');
  });

  it('says a generic page holds no credential when it declares none', async () => {
    const routes = new Map([['https://portfolio.example.com/cv', text('<!doctype html><html><link rel="alternate" type="application/rss+xml" href="/feed"></html>', 'text/html')]]);
    const report = await verify('https://portfolio.example.com/cv', { fetch: fakeFetch(routes), at });
    expect(report.checks[0]?.code).toBe('SOURCE_NO_CREDENTIAL_IN_PAGE');
    expect(report.verdict).toBe('unverifiable');
  });

  it('refuses a redirect to a private address', async () => {
    const routes = new Map([[`https://api.credly.com/v1/obi/v2/badge_assertions/${UUID}`, redirect('https://192.168.1.10/admin')]]);
    const seen: string[] = [];
    const report = await verify(`https://www.credly.com/badges/${UUID}`, { fetch: fakeFetch(routes, seen), at });
    expect(report.checks[0]?.code).toBe('INPUT_URL_BLOCKED');
    expect(seen).not.toContain('https://192.168.1.10/admin');
    expect(report.verdict).toBe('invalid');
  });

  it('reports a platform answer without a credential precisely', async () => {
    const routes = new Map([['https://verifierplus.org/api/credentials/0c7d3a52-9a6e-4b1f-8f43-3b2f3c1d9e10', json({ error: 'unshared' })]]);
    const report = await verify('https://verifierplus.org/credentials/0c7d3a52-9a6e-4b1f-8f43-3b2f3c1d9e10', { fetch: fakeFetch(routes), at });
    expect(report.checks[0]?.code).toBe('SOURCE_RESPONSE_UNEXPECTED');
  });
});
