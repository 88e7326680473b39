import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { credlens, scratchDir } from '../../support/cli.js';
import { certificateWithImageQr, cv, didKeyIssuer, encryptedPdf, pdfWithAttachments, signedVcJwt, type TestIssuer } from '../../support/pdf-fixtures.js';

const { dir, file } = scratchDir('credlens-cli-pdf-');

let issuer: TestIssuer;
beforeAll(async () => {
  issuer = await didKeyIssuer();
});

describe('credlens verify on a PDF', () => {
  it('prints one block per credential with where it was found, and exits 0 when all are authentic', async () => {
    const url = 'https://certs.example.org/credentials/9';
    const jwt = await signedVcJwt(issuer, 'Machine Learning');
    const resources = join(dir, 'res');
    mkdirSync(resources, { recursive: true });
    file('res/index.json', JSON.stringify({ [url]: 'cred.jwt' }));
    file('res/cred.jwt', jwt);
    const pdf = file('certificate.pdf', await certificateWithImageQr(url));
    const result = await credlens('verify', '--offline', '--resources', resources, pdf);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toContain('1 credential found');
    expect(result.stdout).toContain(`QR code on page 1: ${url}`);
    expect(result.stdout).toContain('Machine Learning');
    expect(result.code).toBe(0);
  }, 60_000);

  it('gives an array of { location, report } with --json and exits 1 when one credential is invalid', async () => {
    const good = await signedVcJwt(issuer, 'Good');
    const [h, p] = good.split('.') as [string, string];
    const forged = `${h}.${p}.${'A'.repeat(86)}`;
    const pdf = file(
      'attachments.pdf',
      await pdfWithAttachments([
        { name: 'good.jwt', bytes: new TextEncoder().encode(good), mimeType: 'application/jwt' },
        { name: 'forged.jwt', bytes: new TextEncoder().encode(forged), mimeType: 'application/jwt' },
      ]),
    );
    const result = await credlens('verify', '--json', '--offline', pdf);
    const results = JSON.parse(result.stdout) as Array<{ location: { kind: string; name?: string }; report: { verdict: string } }>;
    expect(results.map((r) => [r.location.kind, r.location.name, r.report.verdict])).toEqual([
      ['embedded-file', 'good.jwt', 'warning'],
      ['embedded-file', 'forged.jwt', 'invalid'],
    ]);
    expect(result.code).toBe(1);
  }, 60_000);

  it('says clearly that a PDF holds no credential and exits 3', async () => {
    const pdf = file('cv.pdf', await cv([{ url: 'https://jane-doe.example/', as: 'both' }]));
    const result = await credlens('verify', '--offline', pdf);
    expect(result.stdout).toContain('no credential found');
    expect(result.stdout).toContain('PDF_NO_CREDENTIAL');
    expect(result.code).toBe(3);
  }, 60_000);

  it('says an encrypted PDF is password-protected and exits 3', async () => {
    const result = await credlens('verify', '--json', '--offline', file('locked.pdf', await encryptedPdf()));
    const results = JSON.parse(result.stdout) as Array<{ report: { checks: Array<{ code: string }> } }>;
    expect(results[0]?.report.checks[0]?.code).toBe('PDF_ENCRYPTED');
    expect(result.code).toBe(3);
  }, 60_000);
});
