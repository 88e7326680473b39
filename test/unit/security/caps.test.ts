import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../../lib/index.js';
import { processDisclosures } from '../../../lib/formats/sd-jwt/disclosures.js';
import { MAX_IMAGE_PIXELS, assertDecodableImage, readImageSize } from '../../../lib/input/image-size.js';
import { configureQrDecoder, decodeQrCodes } from '../../../lib/input/qr.js';
import { LIMITS } from '../../../lib/limits.js';
import { decodeEncodedList } from '../../../lib/status/bitstring.js';
import { newKey, openBadge, signDi as signObDi } from '../formats/vc-di/sign.js';
import { declaredPng, itxt, pngWith, whitePng } from './png.js';
import { newIssuer, sampleVc, signDi } from './sign-di.js';

/**
 * Every cap in lib/limits.ts (and the decoders' own) holds: hostile input of any size or shape ends
 * in a report within bounded time and memory. Network caps (response size, time, redirects) are in
 * network-hostile.test.ts.
 */

const AT = new Date('2026-06-01T00:00:00Z');

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

describe('input caps', () => {
  it('refuses credential text larger than maxCredentialBytes before parsing it', async () => {
    const text = `{"a":"${'x'.repeat(LIMITS.maxCredentialBytes)}"}`;
    const report = await verify(text);
    expect(report.checks[0]?.code).toBe('INPUT_TOO_LARGE');
    expect(report.verdict).toBe('invalid');
  });

  it('refuses credential bytes larger than maxCredentialBytes', async () => {
    const report = await verify(new TextEncoder().encode(`"${'x'.repeat(LIMITS.maxCredentialBytes + 1)}"`));
    expect(report.checks[0]?.code).toBe('INPUT_TOO_LARGE');
  });

  it('refuses a parsed object larger than maxCredentialBytes (objects get the same caps as text)', async () => {
    const report = await verify({ type: ['VerifiableCredential'], blob: 'x'.repeat(LIMITS.maxCredentialBytes + 1) });
    expect(report.checks[0]?.code).toBe('INPUT_TOO_LARGE');
  });

  it('refuses an image larger than maxImageBytes', async () => {
    const big = new Uint8Array(LIMITS.maxImageBytes + 1);
    big.set(whitePng(1, 1));
    const report = await verify(big);
    expect(report.checks[0]?.code).toBe('INPUT_TOO_LARGE');
  });
});

describe('JSON depth caps', () => {
  it('refuses JSON text nested deeper than maxJsonDepth', async () => {
    const text = `${'['.repeat(LIMITS.maxJsonDepth + 1)}${']'.repeat(LIMITS.maxJsonDepth + 1)}`;
    const report = await verify(text);
    expect(report.checks[0]?.code).toBe('INPUT_TOO_DEEP');
  });

  it('refuses 100 000 levels of nesting in text quickly, without a stack overflow', async () => {
    const { value: report, ms } = await timed(() => verify(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`));
    expect(report.checks[0]?.code).toBe('INPUT_TOO_DEEP');
    expect(ms).toBeLessThan(2_000);
  });

  it('refuses a parsed object nested deeper than maxJsonDepth (it used to skip the depth check)', async () => {
    let deep: Record<string, unknown> = { type: ['VerifiableCredential'] };
    for (let i = 0; i < LIMITS.maxJsonDepth + 5; i++) deep = { '@context': 'https://www.w3.org/ns/credentials/v2', type: ['VerifiableCredential'], nested: deep };
    const report = await verify(deep);
    expect(report.checks[0]?.code).toBe('INPUT_TOO_DEEP');
    expect(report.verdict).toBe('invalid');
  });

  it('reports a parsed object nested 50 000 deep as malformed, never a crash', async () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 50_000; i++) deep = { a: deep };
    const report = await verify(deep);
    expect(['INPUT_TOO_DEEP', 'INPUT_MALFORMED']).toContain(report.checks[0]?.code);
  });

  it('reports a circular object as malformed, never a crash', async () => {
    const cyclic: Record<string, unknown> = { type: ['VerifiableCredential'] };
    cyclic.self = cyclic;
    const report = await verify(cyclic);
    expect(report.checks[0]?.code).toBe('INPUT_MALFORMED');
  });

  it('reads a parsed object once: a getter that changes its answer cannot show the checks one credential and the report another', async () => {
    const issuer = newIssuer();
    const signed = await signDi(sampleVc(issuer.did), issuer);
    let reads = 0;
    const shifty = { ...signed };
    Object.defineProperty(shifty, 'name', {
      enumerable: true,
      get: () => (++reads === 1 ? signed.name : 'Doctor of Medicine'),
    });
    const report = await verify(shifty, { offline: true, at: AT });
    expect(reads).toBe(1);
    expect(report.checks.find((c) => c.id === 'proof')?.code).toBe('DI_PROOF_VALID');
    expect(report.credential?.title).toBe(signed.name);
  });

  it('reports an object whose getter throws as malformed', async () => {
    const hostile = { type: ['VerifiableCredential'] };
    Object.defineProperty(hostile, 'issuer', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    const report = await verify(hostile);
    expect(report.checks[0]?.code).toBe('INPUT_MALFORMED');
  });
});

describe('proof, endorsement and disclosure caps', () => {
  it('refuses more than maxProofs proofs without checking any', async () => {
    const issuer = newIssuer();
    const signed = await signDi(sampleVc(issuer.did), issuer);
    const proofs = Array.from({ length: LIMITS.maxProofs + 1 }, () => signed.proof);
    const { value: report, ms } = await timed(() => verify({ ...signed, proof: proofs }, { offline: true, at: AT }));
    expect(report.checks.find((c) => c.id === 'proof')?.code).toBe('DI_TOO_MANY_PROOFS');
    expect(report.verdict).toBe('invalid');
    expect(ms).toBeLessThan(3_000);
  });

  it('verifies at most maxEndorsements embedded endorsements and says the rest were not checked', async () => {
    const key = newKey();
    const endorsement = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'EndorsementCredential'], issuer: 'did:example:endorser' };
    const endorsements = Array.from({ length: 3 * LIMITS.maxEndorsements }, (_, i) => ({ ...endorsement, id: `urn:uuid:${i}` }));
    const contexts = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];
    const signed = await signObDi(openBadge(key.did, { '@context': contexts, endorsement: endorsements }), key);
    const report = await verify(signed, { offline: true, at: AT });
    const check = report.checks.find((c) => c.id === 'endorsements');
    expect(check).toBeDefined();
    const nested = (check?.details?.endorsements ?? []) as unknown[];
    expect(nested.length).toBe(LIMITS.maxEndorsements);
    expect(report.verdict).not.toBe('verified');
  });

  it('refuses more than maxDisclosures SD-JWT disclosures before decoding any', () => {
    const texts = Array.from({ length: LIMITS.maxDisclosures + 1 }, () => 'WyJzYWx0IiwgIm5hbWUiLCAieCJd');
    const result = processDisclosures({ _sd: [] }, texts);
    expect(result.ok).toBe(false);
    expect(result.check.code).toBe('SD_TOO_MANY_DISCLOSURES');
  });
});

describe('decompression caps', () => {
  it('stops inflating a status-list gzip bomb at maxStatusListBytes (64 MiB of zeros in ~64 KiB)', async () => {
    const bomb = gzipSync(new Uint8Array(64 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(128 * 1024);
    const encoded = `u${Buffer.from(bomb).toString('base64url')}`;
    const { value, ms } = await timed(() => decodeEncodedList(encoded).then(() => 'decoded', (e: { reason?: string }) => e.reason));
    expect(value).toBe('too-large');
    expect(ms).toBeLessThan(5_000);
  });

  it('a status-list bomb behind a real credential makes the status check warn, never pass', async () => {
    const issuer = newIssuer();
    const listUrl = 'https://issuer.example/status/bomb';
    const bomb = `u${Buffer.from(gzipSync(new Uint8Array(LIMITS.maxStatusListBytes + 1024 * 1024), { level: 9 })).toString('base64url')}`;
    const list = await signDi(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: listUrl,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: issuer.did,
        validFrom: '2026-01-01T00:00:00Z',
        credentialSubject: { id: `${listUrl}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: bomb },
      },
      issuer,
    );
    const credential = await signDi(
      { ...sampleVc(issuer.did), credentialStatus: { id: `${listUrl}#1`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '1', statusListCredential: listUrl } },
      issuer,
    );
    const report = await verify(credential, {
      at: AT,
      fetch: async (url) => (url === listUrl ? new Response(JSON.stringify(list), { headers: { 'content-type': 'application/json' } }) : new Response('', { status: 404 })),
      network: { resolveHost: async () => ['93.184.215.14'] },
    });
    expect(report.checks.find((c) => c.id === 'status')?.code).toBe('STATUS_LIST_TOO_LARGE');
    expect(report.verdict).toBe('warning');
  });

  it('stops inflating a baked-PNG iTXt bomb at maxCredentialBytes', async () => {
    const png = pngWith(itxt('openbadgecredential', new Uint8Array(64 * 1024 * 1024).fill(0x20), true));
    const { value: report, ms } = await timed(() => verify(png));
    expect(report.checks[0]?.code).toBe('BAKED_TOO_LARGE');
    expect(ms).toBeLessThan(5_000);
  });

  it('refuses a PNG with thousands of badge chunks instead of inflating each (memory stays bounded)', async () => {
    const chunk = itxt('openbadgecredential', new Uint8Array(LIMITS.maxCredentialBytes).fill(0x20), true);
    const png = pngWith(...Array.from({ length: 2_000 }, () => chunk));
    expect(png.length).toBeLessThan(LIMITS.maxImageBytes);
    const { value: report, ms } = await timed(() => verify(png));
    expect(report.checks[0]?.code).toBe('BAKED_MALFORMED');
    expect(ms).toBeLessThan(3_000);
  });
});

describe('image dimension caps', () => {
  beforeAll(() => {
    const require = createRequire(import.meta.url);
    const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
    configureQrDecoder({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer });
  });

  it('reads the declared size of PNG, GIF, BMP and JPEG headers', () => {
    expect(readImageSize(whitePng(3, 2))).toEqual({ format: 'png', width: 3, height: 2 });
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x10, 0x00, 0x20, 0x00]);
    expect(readImageSize(gif)).toEqual({ format: 'gif', width: 16, height: 32 });
    const bmp = new Uint8Array(26);
    bmp.set([0x42, 0x4d]);
    new DataView(bmp.buffer).setInt32(18, 640, true);
    new DataView(bmp.buffer).setInt32(22, -480, true);
    expect(readImageSize(bmp)).toEqual({ format: 'bmp', width: 640, height: 480 });
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03]);
    expect(readImageSize(jpeg)).toEqual({ format: 'jpeg', width: 640, height: 480 });
  });

  it('refuses an image that declares more than MAX_IMAGE_PIXELS before decoding it', () => {
    expect(() => assertDecodableImage(declaredPng(100_000, 100_000))).toThrow(/pixels/);
    expect(() => assertDecodableImage(declaredPng(Math.floor(Math.sqrt(MAX_IMAGE_PIXELS)), Math.floor(Math.sqrt(MAX_IMAGE_PIXELS))))).not.toThrow();
    expect(() => assertDecodableImage(new Uint8Array([1, 2, 3, 4]))).toThrow(/size can be read/);
  });

  it('the QR decoder refuses a tiny PNG that declares 100 000 × 100 000 pixels, quickly', async () => {
    const { value, ms } = await timed(() => decodeQrCodes(declaredPng(100_000, 100_000)).then(() => 'decoded', (e: Error) => e.message));
    expect(value).toMatch(/pixels/);
    expect(ms).toBeLessThan(500);
  });

  it('the QR decoder still reads an ordinary image (no QR code: an empty list)', async () => {
    expect(await decodeQrCodes(whitePng(64, 64))).toEqual([]);
  });
});
