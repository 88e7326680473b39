import { describe, expect, it } from 'vitest';
import { verify, type VerificationReport } from '../../../lib/index.js';
import { concat, createOb2Issuer, deflate, fakeFetch, itxt, png, pngChunk, RECIPIENT_EMAIL, text } from '../../support/ob2-issuer.js';

const at = new Date('2026-11-28T00:00:00Z');

function codeOf(report: VerificationReport, id: string): string | undefined {
  return report.checks.find((c) => c.id === id)?.code;
}

describe('baked PNG badges', () => {
  it('verifies a PNG baked with a signed Open Badges 2.0 assertion (iTXt openbadges)', async () => {
    const issuer = await createOb2Issuer();
    const image = png([pngChunk('iTXt', itxt('openbadges', await issuer.signedAssertion()))]);
    const report = await verify(image, { fetch: fakeFetch(issuer.routes), at, recipient: `email:${RECIPIENT_EMAIL}` });
    expect(report.format).toBe('ob2-signed');
    expect(codeOf(report, 'proof')).toBe('OB2_SIGNATURE_VALID');
    expect(report.checks[0]?.details?.kind).toBe('jws-compact');
  });

  it('reads a compressed iTXt chunk and a tEXt chunk holding a hosted assertion URL', async () => {
    const issuer = await createOb2Issuer();
    const compressed = png([pngChunk('iTXt', itxt('openbadges', await deflate(new TextEncoder().encode(await issuer.signedAssertion())), true))]);
    expect(codeOf(await verify(compressed, { fetch: fakeFetch(issuer.routes), at }), 'proof')).toBe('OB2_SIGNATURE_VALID');
    const assertion = issuer.hostedAssertion('/assertions/9.json');
    const linked = png([pngChunk('tEXt', concat([new TextEncoder().encode('openbadges\0'), new TextEncoder().encode(String(assertion.id))]))]);
    const report = await verify(linked, { fetch: fakeFetch(issuer.routes), at });
    expect(codeOf(report, 'hosted-origin')).toBe('OB2_HOSTED_ORIGIN_VALID');
  });

  it('rejects a baked PNG whose credential was tampered with (CRC recomputed)', async () => {
    const issuer = await createOb2Issuer();
    const [h, p, s] = (await issuer.signedAssertion()).split('.');
    const payload = JSON.parse(Buffer.from(p as string, 'base64url').toString()) as Record<string, unknown>;
    payload.badge = `${issuer.origin}/badges/robotics.json`;
    payload.issuedOn = '2025-01-01T00:00:00Z';
    const tampered = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    const report = await verify(png([pngChunk('iTXt', itxt('openbadges', tampered))]), { fetch: fakeFetch(issuer.routes), at });
    expect(codeOf(report, 'proof')).toBe('OB2_SIGNATURE_INVALID');
    expect(report.verdict).toBe('invalid');
  });

  it('rejects a baked PNG whose badge chunk fails its CRC', async () => {
    const issuer = await createOb2Issuer();
    const chunk = pngChunk('iTXt', itxt('openbadges', await issuer.signedAssertion()));
    chunk[40] = (chunk[40] ?? 0) ^ 0x01;
    const report = await verify(png([chunk]), { fetch: fakeFetch(issuer.routes), at });
    expect(report.checks[0]?.code).toBe('BAKED_MALFORMED');
    expect(report.verdict).toBe('invalid');
  });

  it('says so when a PNG carries no badge', async () => {
    const report = await verify(png(), { offline: true, at });
    expect(report.checks[0]?.code).toBe('BAKED_NO_CREDENTIAL');
    expect(report.verdict).toBe('unverifiable');
  });

  it('refuses a PNG bomb: a chunk declaring a huge length is an error, not an allocation', async () => {
    const bomb = png([pngChunk('iTXt', itxt('openbadges', 'x'), 0x7ffffff0)]);
    const report = await verify(bomb, { offline: true, at });
    expect(report.checks[0]?.code).toBe('BAKED_MALFORMED');
    expect(report.checks[0]?.message).toMatch(/declares 2147483632 bytes/);
  });

  it('refuses a compressed badge that inflates beyond any credential size', async () => {
    const huge = await deflate(new Uint8Array(3 * 1024 * 1024).fill(0x20));
    const report = await verify(png([pngChunk('iTXt', itxt('openbadgecredential', huge, true))]), { offline: true, at });
    expect(report.checks[0]?.code).toBe('BAKED_TOO_LARGE');
  });

  it('refuses an oversized image before reading it', async () => {
    const big = new Uint8Array(11 * 1024 * 1024);
    big.set(png());
    const report = await verify(big, { offline: true, at });
    expect(report.checks[0]?.code).toBe('INPUT_TOO_LARGE');
  });

  it('refuses a PNG carrying two different badges', async () => {
    const issuer = await createOb2Issuer();
    const image = png([pngChunk('iTXt', itxt('openbadges', await issuer.signedAssertion())), pngChunk('iTXt', itxt('openbadges', 'https://other.example/a.json'))]);
    expect((await verify(image, { offline: true, at })).checks[0]?.code).toBe('BAKED_MALFORMED');
  });

  it('verifies a baked PNG fetched from an image URL', async () => {
    const issuer = await createOb2Issuer();
    issuer.routes.set('https://cdn.example.net/badge.png', text(png([pngChunk('iTXt', itxt('openbadges', await issuer.signedAssertion()))]), 'image/png'));
    const report = await verify('https://cdn.example.net/badge.png', { fetch: fakeFetch(issuer.routes), at });
    expect(codeOf(report, 'proof')).toBe('OB2_SIGNATURE_VALID');
  });
});

describe('baked SVG badges', () => {
  const svg = (inner: string) => `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org" width="10" height="10">${inner}<rect width="10" height="10"/></svg>`;

  it('verifies an SVG whose openbadges:assertion verify attribute links the hosted assertion', async () => {
    const issuer = await createOb2Issuer();
    const assertion = issuer.hostedAssertion('/assertions/3.json');
    const report = await verify(svg(`<openbadges:assertion verify="${String(assertion.id)}"/>`), { fetch: fakeFetch(issuer.routes), at });
    expect(report.format).toBe('ob2-hosted');
    expect(codeOf(report, 'hosted-origin')).toBe('OB2_HOSTED_ORIGIN_VALID');
  });

  it('verifies an SVG carrying a signed assertion in CDATA, fetched from an image URL', async () => {
    const issuer = await createOb2Issuer();
    const image = svg(`<openbadges:assertion verify="${issuer.keyId}"><![CDATA[${await issuer.signedAssertion()}]]></openbadges:assertion>`);
    issuer.routes.set('https://cdn.example.net/badge.svg', text(image, 'image/svg+xml'));
    const report = await verify('https://cdn.example.net/badge.svg', { fetch: fakeFetch(issuer.routes), at });
    expect(codeOf(report, 'proof')).toBe('OB2_SIGNATURE_VALID');
  });

  it('rejects an SVG with a malformed verify attribute', async () => {
    for (const attribute of ['verify="javascript:alert(1)"', 'verify="not a link"', 'verify=https://unquoted.example/a.json', 'verify="https://a.example/a.json']) {
      const report = await verify(svg(`<openbadges:assertion ${attribute}/>`), { offline: true, at });
      expect(report.checks[0]?.code, attribute).toBe('BAKED_MALFORMED');
      expect(report.verdict).toBe('invalid');
    }
  });

  it('ignores a badge inside a comment and says the SVG carries none', async () => {
    const report = await verify(svg('<!-- <openbadges:assertion verify="https://a.example/a.json"/> -->'), { offline: true, at });
    expect(report.checks[0]?.code).toBe('BAKED_NO_CREDENTIAL');
  });

  it('reads an OB 3.0 openbadges:credential element under another namespace prefix', async () => {
    const credential = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'OpenBadgeCredential'] };
    const image = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="https://openbadges.org"><ob:credential><![CDATA[${JSON.stringify(credential)}]]></ob:credential></svg>`;
    const report = await verify(image, { offline: true, at });
    expect(report.checks[0]?.code).toBe('INPUT_READ');
    expect(report.format).toBe('vc-di');
  });
});
