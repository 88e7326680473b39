import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAll, LIMITS, type FetchLike, type LocatedReport, type VerifyAllOptions } from '../../../../lib/index.js';
import {
  certificateWithImageQr,
  certificateWithVectorQr,
  cv,
  didKeyIssuer,
  encryptedPdf,
  longDocument,
  pdfWithAttachments,
  scannedPage,
  setUpQrDecoder,
  signedVcJwt,
  type TestIssuer,
  TWO_CM,
} from '../../../support/pdf-fixtures.js';

const EDC = readFileSync(join(import.meta.dirname, '../../../vectors/mynextid-edc/edc-mc-signed.jsonld'));

let issuer: TestIssuer;
beforeAll(async () => {
  setUpQrDecoder();
  issuer = await didKeyIssuer();
});

/** The network: a map of URL → body; every other URL answers 404. Records what was asked for. */
function server(routes: Record<string, string>): { fetch: FetchLike; asked: string[] } {
  const asked: string[] = [];
  const fetch: FetchLike = async (url) => {
    asked.push(url);
    const body = routes[url];
    if (body === undefined) return new Response('not found', { status: 404 });
    return new Response(body, { status: 200, headers: { 'content-type': body.startsWith('{') ? 'application/json' : 'application/jwt' } });
  };
  return { fetch, asked };
}

function options(fetch: FetchLike, extra: VerifyAllOptions = {}): VerifyAllOptions {
  return { fetch, network: { resolveHost: async () => ['93.184.215.14'] }, ...extra };
}

const summary = (results: LocatedReport[]) => results.map((r) => ({ ...r.location, verdict: r.report.verdict }));
const codes = (result: LocatedReport | undefined) => result?.report.checks.map((c) => c.code) ?? [];

describe('verifyAll on PDFs: where credentials are found', () => {
  it('finds the credential behind a 2 cm QR code drawn as vectors on a certificate and verifies it', async () => {
    const url = 'https://certs.example.org/credentials/42';
    const jwt = await signedVcJwt(issuer, 'Data Literacy');
    const { fetch } = server({ [url]: jwt });
    const results = await verifyAll(await certificateWithVectorQr(url), options(fetch));
    expect(summary(results)).toEqual([{ kind: 'qr', page: 1, url, verdict: 'warning' }]);
    expect(results[0]?.report.credential?.title).toBe('Data Literacy');
  });

  it('finds a QR code printed as a 2 cm image', async () => {
    const url = 'https://certs.example.org/credentials/43';
    const { fetch } = server({ [url]: await signedVcJwt(issuer, 'Statistics') });
    const results = await verifyAll(await certificateWithImageQr(url), options(fetch));
    expect(summary(results)).toEqual([{ kind: 'qr', page: 1, url, verdict: 'warning' }]);
  });

  it('verifies a credential held by the QR code itself (a VC-JWT, no link)', async () => {
    const jwt = await signedVcJwt(issuer, 'Offline Badge');
    const results = await verifyAll(await certificateWithImageQr(jwt, 200), { offline: true });
    expect(summary(results)).toEqual([{ kind: 'qr', page: 1, verdict: 'warning' }]);
    expect(results[0]?.report.credential?.title).toBe('Offline Badge');
  });

  it('reads a QR code inside a scanned page image, turned 90°', async () => {
    const url = 'https://certs.example.org/credentials/scan-7';
    const { fetch } = server({ [url]: await signedVcJwt(issuer, 'Welding') });
    const results = await verifyAll(await scannedPage(url), options(fetch));
    expect(summary(results)).toEqual([{ kind: 'qr', page: 1, url, verdict: 'warning' }]);
  });

  it('lists the credential links of a CV (platforms and credential endpoints), not its homepage or profiles', async () => {
    const local = 'https://badges.example.org/credentials/7';
    const credly = 'https://www.credly.com/badges/6b2c1d4e-8f3a-4b5c-9d7e-0a1b2c3d4e5f';
    const europass = 'https://europa.eu/europass/digital-credentials/viewer/#/share/3f2a9c0e5b7d4e1a8c6b';
    const pdf = await cv([
      { url: 'https://jane-doe.example/', as: 'both' },
      { url: local, as: 'both' },
      { url: credly, as: 'annotation' },
      { url: 'https://github.com/janedoe', as: 'text' },
      { url: europass, as: 'text' },
      { url: 'https://www.linkedin.com/in/janedoe', as: 'annotation' },
    ]);
    const { fetch, asked } = server({ [local]: await signedVcJwt(issuer, 'Cloud Basics') });
    const results = await verifyAll(pdf, options(fetch));
    expect(summary(results)).toEqual([
      { kind: 'annotation-link', page: 1, url: credly, verdict: 'unverifiable' },
      { kind: 'text-link', page: 1, url: europass, verdict: 'unverifiable' },
      { kind: 'annotation-link', page: 2, url: local, verdict: 'warning' },
    ]);
    // The platform links were read at their machine-readable endpoints; the homepage never.
    expect(asked).toContain('https://api.credly.com/v1/obi/v2/badge_assertions/6b2c1d4e-8f3a-4b5c-9d7e-0a1b2c3d4e5f');
    expect(asked.some((u) => u.includes('jane-doe.example') || u.includes('github.com') || u.includes('linkedin'))).toBe(false);
  });

  it('verifies an attached Europass credential and an attached Open Badge (document and page attachments)', async () => {
    const badge = await signedVcJwt(issuer, 'Open Source Contributor', ['VerifiableCredential', 'OpenBadgeCredential']);
    const photo = await certificateWithImageQr('https://x.example/not-scanned'); // a nested PDF is not a credential
    const pdf = await pdfWithAttachments([
      { name: 'europass-credential.jsonld', bytes: EDC, mimeType: 'application/ld+json' },
      { name: 'badge.jwt', bytes: new TextEncoder().encode(badge), mimeType: 'application/jwt', onPage: true },
      { name: 'invoice.xml', bytes: new TextEncoder().encode('<?xml version="1.0"?><Invoice><Total>3</Total></Invoice>'), mimeType: 'text/xml' },
      { name: 'scan.pdf', bytes: photo, mimeType: 'application/pdf' },
      { name: 'credential.xml', bytes: new TextEncoder().encode('<?xml version="1.0"?><europassCredential xmlns="http://data.europa.eu/snb"/>'), mimeType: 'text/xml' },
    ]);
    const results = await verifyAll(pdf, options(server({}).fetch, { pdfQr: false }));
    const byName = Object.fromEntries(results.map((r) => [r.location.name, r]));
    expect(Object.keys(byName).sort()).toEqual(['badge.jwt', 'credential.xml', 'europass-credential.jsonld']);
    expect(byName['europass-credential.jsonld']?.location).toEqual({ kind: 'embedded-file', name: 'europass-credential.jsonld' });
    expect(byName['europass-credential.jsonld']?.report.format).toBe('edc');
    expect(byName['badge.jwt']?.location).toEqual({ kind: 'embedded-file', name: 'badge.jwt', page: 1 });
    expect(byName['badge.jwt']?.report.verdict).toBe('warning');
    expect(byName['badge.jwt']?.report.credential?.types).toContain('OpenBadgeCredential');
    expect(codes(byName['credential.xml'])).toEqual(['PDF_EMBEDDED_XML_UNSUPPORTED']);
  });

  it('reports a tampered attached credential as invalid, not as verified', async () => {
    const jwt = await signedVcJwt(issuer, 'Genuine');
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const forged = JSON.parse(Buffer.from(p, 'base64url').toString()) as { vc: { credentialSubject: { achievement: { name: string } } } };
    forged.vc.credentialSubject.achievement.name = 'Forged';
    const tampered = `${h}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${s}`;
    const pdf = await pdfWithAttachments([{ name: 'cred.jwt', bytes: new TextEncoder().encode(tampered), mimeType: 'application/jwt' }]);
    const [result] = await verifyAll(pdf, options(server({}).fetch, { pdfQr: false }));
    expect(result?.report.verdict).toBe('invalid');
    expect(codes(result)).toContain('PROOF_INVALID_SIGNATURE');
  });
});

describe('verifyAll on PDFs: bad and hostile documents', () => {
  it('says a password-protected PDF is encrypted (PDF_ENCRYPTED), unverifiable', async () => {
    const results = await verifyAll(await encryptedPdf(), options(server({}).fetch));
    expect(summary(results)).toEqual([{ kind: 'document', verdict: 'unverifiable' }]);
    expect(codes(results[0])).toEqual(['PDF_ENCRYPTED']);
  });

  it('rejects a truncated PDF with a clear message instead of crashing', async () => {
    const whole = await cv([{ url: 'https://badges.example.org/credentials/7', as: 'text' }]);
    const results = await verifyAll(whole.slice(0, Math.floor(whole.length * 0.6)), options(server({}).fetch));
    expect(results).toHaveLength(1);
    expect(results[0]?.location.kind).toBe('document');
    expect(codes(results[0])).toEqual(['PDF_MALFORMED']);
    expect(results[0]?.report.verdict).toBe('invalid');
    expect(results[0]?.report.checks[0]?.message).toMatch(/cannot be read/);
  });

  it('says a PDF without any credential holds none (PDF_NO_CREDENTIAL), never "verified"', async () => {
    const results = await verifyAll(await cv([{ url: 'https://jane-doe.example/', as: 'both' }]), options(server({}).fetch));
    expect(summary(results)).toEqual([{ kind: 'document', verdict: 'unverifiable' }]);
    expect(codes(results[0])).toEqual(['PDF_NO_CREDENTIAL']);
  });

  it(`searches only the first ${LIMITS.maxPdfPages} pages of a 500-page PDF and says so (PDF_PAGES_CAPPED)`, async () => {
    const url = 'https://badges.example.org/credentials/long';
    const pdf = await longDocument(500, url, [3, 450]);
    const results = await verifyAll(pdf, options(server({}).fetch));
    expect(summary(results)).toEqual([
      { kind: 'text-link', page: 3, url: `${url}?page=3`, verdict: 'unverifiable' },
      { kind: 'document', verdict: 'unverifiable' },
    ]);
    expect(codes(results[1])).toEqual(['PDF_PAGES_CAPPED']);
    expect(results[1]?.report.checks[0]?.details).toEqual({ pages: 500, searched: LIMITS.maxPdfPages });
  }, 120_000);

  it('does not draw a page larger than the page-size cap and says so (PDF_PAGE_NOT_SCANNED)', async () => {
    const url = 'https://certs.example.org/credentials/huge';
    const results = await verifyAll(await certificateWithImageQr(url, TWO_CM, [14_000, 14_000]), options(server({}).fetch));
    expect(summary(results)).toEqual([{ kind: 'document', verdict: 'unverifiable' }]);
    expect(codes(results[0])).toEqual(['PDF_NO_CREDENTIAL', 'PDF_PAGE_NOT_SCANNED']);
    expect(results[0]?.report.checks[1]?.message).toMatch(/Page 1 was not searched for QR codes: the page measures 14000×14000 points/);
  });

  it('returns the single report for input that is not a PDF', async () => {
    const jwt = await signedVcJwt(issuer, 'Plain');
    const results = await verifyAll(jwt, { offline: true });
    expect(summary(results)).toEqual([{ kind: 'document', verdict: 'warning' }]);
  });
});
