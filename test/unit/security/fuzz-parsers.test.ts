import fc from 'fast-check';
import { SignJWT, base64url, exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { CredlensError } from '../../../lib/errors.js';
import { verify, verifyAll } from '../../../lib/index.js';
import { pdfWithAttachments } from '../../support/pdf-fixtures.js';
import { readSvgBadge } from '../../../lib/input/baked.js';
import { ContainerError } from '../../../lib/input/container-error.js';
import { parseJsonText } from '../../../lib/util/strict-json.js';
import { sniff } from '../../../lib/input/sniff.js';
import { classify } from '../../../lib/formats/classify.js';
import { assertAllowedUrl, defaultPolicy } from '../../../lib/io/index.js';
import { jwkToMultibase } from '../../../lib/keys/index.js';
import type { VerificationReport } from '../../../lib/report.js';
import { recogniseLink } from '../../../lib/sources/index.js';
import { itxt, pngWith } from './png.js';
import { newIssuer, sampleVc, signDi } from './sign-di.js';

/**
 * Every parser meets random and mutated input: each call returns a report (or a typed error for the
 * low-level parsers) in bounded time, never an untyped crash, never a hang, never "verified".
 */

const VERDICTS = ['verified', 'warning', 'invalid', 'unverifiable'];
const MAX_MS = 5_000;
const RUNS = 40;

/** No network: every URL a fuzzed credential names is answered 404 by the seam, never the internet. */
const options = {
  fetch: async () => new Response('not found', { status: 404 }),
  network: { resolveHost: async () => ['93.184.215.14'], timeoutMs: 1_000 },
  at: new Date('2026-06-01T00:00:00Z'),
};

async function checkedVerify(input: string | Uint8Array): Promise<VerificationReport> {
  const started = performance.now();
  const report = await verify(input, options);
  const ms = performance.now() - started;
  expect(ms).toBeLessThan(MAX_MS);
  expect(VERDICTS).toContain(report.verdict);
  expect(report.checks.length).toBeGreaterThan(0);
  for (const c of report.checks) expect(typeof c.message).toBe('string');
  // A step that threw is caught by the runner, but it is still a crash in that step: none allowed.
  expect(report.checks.filter((c) => c.code === 'CHECK_INTERNAL_ERROR').map((c) => `${c.id}: ${c.message}`)).toEqual([]);
  // The report is plain data: it serialises (no cycles, no functions) for the CLI, widget and extension.
  expect(() => JSON.stringify(report)).not.toThrow();
  return report;
}

/** Byte-level mutations of a valid input: replaced, inserted and deleted bytes, truncation. */
function mutatedBytes(valid: Uint8Array): fc.Arbitrary<Uint8Array> {
  const edit = fc.oneof(
    fc.record({ op: fc.constant('set' as const), at: fc.nat(valid.length - 1), byte: fc.nat(255) }),
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(valid.length), byte: fc.nat(255) }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(valid.length - 1), byte: fc.constant(0) }),
    fc.record({ op: fc.constant('truncate' as const), at: fc.nat(valid.length), byte: fc.constant(0) }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
    let bytes = Array.from(valid);
    for (const e of edits) {
      const at = Math.min(e.at, bytes.length);
      if (e.op === 'set' && at < bytes.length) bytes[at] = e.byte;
      else if (e.op === 'insert') bytes.splice(at, 0, e.byte);
      else if (e.op === 'delete') bytes.splice(at, 1);
      else if (e.op === 'truncate') bytes = bytes.slice(0, Math.max(1, at));
    }
    return new Uint8Array(bytes);
  });
}

function mutatedText(valid: string): fc.Arbitrary<string> {
  const encoded = new TextEncoder().encode(valid);
  return mutatedBytes(encoded).map((b) => new TextDecoder().decode(b));
}

const jsonish = fc.oneof(fc.json(), fc.string({ unit: fc.constantFrom(...'{}[]":,\\ 0123456789truefalsnu') }));

describe('fuzzing the low-level parsers', () => {
  it('parseJsonText: any string either parses or throws a typed InputError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.string({ unit: 'binary' }), jsonish.map((s) => `{"a":${s}}`)), (text) => {
        try {
          parseJsonText(text);
        } catch (error) {
          expect(error).toBeInstanceOf(CredlensError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('parseJsonText: agrees with JSON.parse on every JSON document without duplicate members', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        const text = JSON.stringify(value);
        expect(parseJsonText(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 200 },
    );
  });

  it('sniff and classify: any text or bytes give a kind and a format, or a typed error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.uint8Array({ maxLength: 200 }), fc.json()), (input) => {
        try {
          const sniffed = sniff(input);
          expect(typeof classify(sniffed).format).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(CredlensError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('recogniseLink: any URL-like text is recognised or not, never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string(), fc.constantFrom('https://www.credly.com/badges/%', 'https://europa.eu/europass/x?uri=%E0%A4%A', 'https://[::1', 'https://a..b/')), (url) => {
        recogniseLink(url);
      }),
      { numRuns: 300 },
    );
  });

  it('assertAllowedUrl: any URL is allowed or refused with a typed IoError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.webUrl(), fc.string(), fc.ipV4().map((ip) => `https://${ip}/`), fc.ipV6().map((ip) => `https://[${ip}]/`)), async (url) => {
        try {
          await assertAllowedUrl(url, defaultPolicy());
        } catch (error) {
          expect(error).toBeInstanceOf(CredlensError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('readSvgBadge: any markup gives a payload or a typed error', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          mutatedText('<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:credential><![CDATA[{"a":1}]]></openbadges:credential></svg>'),
        ),
        (text) => {
          try {
            readSvgBadge(text);
          } catch (error) {
            expect(error).toBeInstanceOf(ContainerError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('fuzzing verify() end to end', () => {
  let diText: string;
  let jwt: string;
  let sdJwt: string;
  let png: Uint8Array;
  let svg: string;

  beforeAll(async () => {
    const issuer = newIssuer();
    diText = JSON.stringify(await signDi(sampleVc(issuer.did), issuer));
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const did = `did:key:${jwkToMultibase(await exportJWK(publicKey))}`;
    jwt = await new SignJWT({ iss: did, vc: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'], issuer: did, credentialSubject: { id: 'did:example:x' } } })
      .setProtectedHeader({ alg: 'EdDSA', kid: `${did}#${did.slice(8)}` })
      .sign(privateKey);
    const disclosure = base64url.encode(JSON.stringify(['salt', 'given_name', 'Ada']));
    sdJwt = `${await new SignJWT({ iss: did, vct: 'https://credentials.example/x', _sd: ['abc'] }).setProtectedHeader({ alg: 'EdDSA', typ: 'dc+sd-jwt', kid: `${did}#${did.slice(8)}` }).sign(privateKey)}~${disclosure}~`;
    png = pngWith(itxt('openbadgecredential', diText));
    svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential><![CDATA[${diText}]]></openbadges:credential></svg>`;
  });

  it('random text never crashes, never hangs and is never verified', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.json(), fc.webUrl()), async (text) => {
        const report = await checkedVerify(text);
        expect(report.verdict).not.toBe('verified');
        expect(report.verdict).not.toBe('warning');
      }),
      { numRuns: RUNS },
    );
  });

  it('random bytes never crash, never hang and are never verified', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 512 }), async (bytes) => {
        const report = await checkedVerify(bytes);
        expect(['invalid', 'unverifiable']).toContain(report.verdict);
      }),
      { numRuns: RUNS },
    );
  });

  it('mutated Data Integrity JSON gives a report in bounded time', async () => {
    await fc.assert(fc.asyncProperty(mutatedText(diText), async (text) => void (await checkedVerify(text))), { numRuns: RUNS });
  });

  it('mutated JWS (VC-JWT) gives a report in bounded time and is never verified', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedText(jwt), async (text) => {
        const report = await checkedVerify(text);
        // Whitespace-only edits leave the token as it was; every other edit must not verify.
        if (text.replace(/\s+/g, '') !== jwt) expect(['invalid', 'unverifiable']).toContain(report.verdict);
      }),
      { numRuns: RUNS },
    );
  });

  it('mutated SD-JWT gives a report in bounded time', async () => {
    await fc.assert(fc.asyncProperty(mutatedText(sdJwt), async (text) => void (await checkedVerify(text))), { numRuns: RUNS });
  });

  it('SD-JWT shaped random text (tildes, dots, base64url) gives a report in bounded time', async () => {
    const b64 = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), maxLength: 40 });
    const token = fc.tuple(b64, b64, b64, fc.array(b64, { maxLength: 5 })).map(([h, p, s, ds]) => `${h}.${p}.${s}~${ds.join('~')}~`);
    await fc.assert(fc.asyncProperty(token, async (text) => void (await checkedVerify(text))), { numRuns: RUNS });
  });

  it('mutated baked PNG (raw bytes, and well-formed chunks around mutated or compressed badge data) gives a report in bounded time', async () => {
    const rebaked = fc.tuple(mutatedText(diText), fc.boolean(), fc.constantFrom('openbadgecredential', 'openbadges')).map(([text, compress, keyword]) => pngWith(itxt(keyword, text, compress)));
    await fc.assert(fc.asyncProperty(fc.oneof(mutatedBytes(png), rebaked), async (bytes) => void (await checkedVerify(bytes))), { numRuns: RUNS });
  });

  it('hostile web pages behind a link (mutated HTML with credential links) give a report in bounded time', async () => {
    const page = `<!doctype html><html><head><link rel="alternate" type="application/vc+ld+json" href="https://issuer.example/c.json"><script type="application/ld+json">${diText}</script></head><body><a href="https://issuer.example/c.json">x</a></body></html>`;
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedText(page), fc.string().map((s) => `<!doctype html><html>${s}`)), async (html) => {
        const started = performance.now();
        const report = await verify('https://issuer.example/page', {
          ...options,
          fetch: async (url) => (url === 'https://issuer.example/page' ? new Response(html, { headers: { 'content-type': 'text/html' } }) : new Response('not found', { status: 404 })),
        });
        expect(performance.now() - started).toBeLessThan(MAX_MS);
        expect(VERDICTS).toContain(report.verdict);
      }),
      { numRuns: RUNS },
    );
  });

  it('mutated baked SVG gives a report in bounded time', async () => {
    await fc.assert(fc.asyncProperty(mutatedText(svg), async (text) => void (await checkedVerify(text))), { numRuns: RUNS });
  });

  it('QR-code texts (links, JWTs, junk, private addresses) give a report in bounded time and never reach the network unguarded', async () => {
    const seen: string[] = [];
    const qrText = fc.oneof(
      fc.webUrl(),
      fc.constantFrom('https://127.0.0.1/cred', 'http://issuer.example/cred', 'https://[::ffff:a9fe:a9fe]/x', 'javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'HTTPS://ISSUER.EXAMPLE/A B'),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(qrText, async (text) => {
        const report = await verify(text, { ...options, fetch: async (url) => (seen.push(url), new Response('not found', { status: 404 })) });
        expect(VERDICTS).toContain(report.verdict);
        expect(report.checks.filter((c) => c.code === 'CHECK_INTERNAL_ERROR')).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    for (const url of seen) {
      expect(url.startsWith('https://')).toBe(true);
      expect(url).not.toMatch(/127\.0\.0\.1|::ffff|169\.254/);
    }
  });
});

describe('fuzzing PDF documents (verifyAll)', () => {
  it('mutated PDFs (links and attachments) give reports in bounded time, never a crash', async () => {
    const pdf = await pdfWithAttachments([{ name: 'badge.json', bytes: new TextEncoder().encode('{"@context":"https://www.w3.org/ns/credentials/v2","type":"VerifiableCredential"}'), mimeType: 'application/json' }]);
    await fc.assert(
      fc.asyncProperty(mutatedBytes(pdf), async (bytes) => {
        const started = performance.now();
        const results = await verifyAll(bytes, { ...options, pdfQr: false });
        expect(performance.now() - started).toBeLessThan(10_000);
        expect(results.length).toBeGreaterThan(0);
        for (const r of results) expect(VERDICTS).toContain(r.report.verdict);
        for (const r of results) expect(r.report.checks.filter((c) => c.code === 'CHECK_INTERNAL_ERROR')).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });
});

describe('fuzzing credential-shaped input (right envelope, arbitrary member values)', () => {
  const anything = fc.jsonValue({ maxDepth: 4 });
  const vcMembers = fc.record(
    {
      id: anything,
      issuer: fc.oneof(anything, fc.record({ id: anything, name: anything, url: anything, image: anything, endorsement: anything })),
      validFrom: anything,
      validUntil: anything,
      issuanceDate: anything,
      expirationDate: anything,
      name: anything,
      description: anything,
      image: anything,
      credentialSubject: fc.oneof(anything, fc.record({ id: anything, achievement: fc.oneof(anything, fc.record({ name: anything, criteria: anything, image: anything, endorsement: anything })) })),
      proof: fc.oneof(anything, fc.record({ type: anything, cryptosuite: anything, verificationMethod: anything, proofPurpose: anything, proofValue: anything, previousProof: anything, created: anything, expires: anything })),
      credentialStatus: fc.oneof(anything, fc.record({ type: fc.constantFrom('BitstringStatusListEntry', 'StatusList2021Entry', '1EdTechRevocationList'), statusListCredential: anything, statusListIndex: anything, statusPurpose: anything })),
      credentialSchema: anything,
      refreshService: anything,
      endorsement: anything,
      evidence: anything,
    },
    { requiredKeys: [] },
  );

  it('Data Integrity VCs and Open Badges 3.0 with arbitrary member values give a report, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(vcMembers, fc.constantFrom(['VerifiableCredential'], ['VerifiableCredential', 'OpenBadgeCredential']), async (members, type) => {
        const vc = { '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'], type, ...members };
        const report = await checkedVerify(JSON.stringify(vc));
        expect(['invalid', 'unverifiable']).toContain(report.verdict);
      }),
      { numRuns: 60 },
    );
  });

  it('VC-JWT, VC-JOSE and SD-JWT payloads with arbitrary member values give a report, never a crash', async () => {
    const claims = fc.record({ iss: anything, sub: anything, nbf: anything, exp: anything, iat: anything, jti: anything, vct: anything, _sd: anything, _sd_alg: anything, cnf: anything, status: anything }, { requiredKeys: [] });
    const header = fc.record({ alg: fc.oneof(fc.constantFrom('EdDSA', 'ES256', 'RS256', 'ES256K'), anything), kid: anything, typ: fc.oneof(fc.constantFrom('JWT', 'vc+jwt', 'dc+sd-jwt'), anything), jwk: anything, x5c: anything, crit: anything }, { requiredKeys: ['alg'] });
    await fc.assert(
      fc.asyncProperty(header, claims, vcMembers, fc.constantFrom('vc', 'payload', 'sd'), async (h, c, members, shape) => {
        const vc = { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'], ...members };
        const payload = shape === 'vc' ? { ...c, vc } : shape === 'payload' ? { ...c, ...vc } : c;
        const token = `${base64url.encode(JSON.stringify(h))}.${base64url.encode(JSON.stringify(payload))}.${base64url.encode('signature')}`;
        const report = await checkedVerify(shape === 'sd' ? `${token}~${base64url.encode(JSON.stringify(['s', 'n', members.name ?? 1]))}~` : token);
        expect(['invalid', 'unverifiable']).toContain(report.verdict);
      }),
      { numRuns: 60 },
    );
  });

  it('Open Badges 2.0 assertions with arbitrary member values give a report, never a crash', async () => {
    const assertion = fc.record({ id: anything, badge: anything, recipient: anything, verification: anything, issuedOn: anything, expires: anything, evidence: anything }, { requiredKeys: ['badge', 'recipient'] });
    await fc.assert(
      fc.asyncProperty(assertion, async (a) => {
        const report = await checkedVerify(JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', ...a }));
        expect(['invalid', 'unverifiable']).toContain(report.verdict);
      }),
      { numRuns: 60 },
    );
  });
});

describe('regressions found by fuzzing', () => {
  const token = (header: unknown, payload: unknown) => `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(payload))}.${base64url.encode('sig')}`;

  it('an SD-JWT whose iat lies beyond what a Date holds gives a report (verify() used to throw RangeError)', async () => {
    const report = await checkedVerify(`${token({ alg: 'EdDSA', typ: 'dc+sd-jwt' }, { iss: 'did:example:x', iat: 8640000000000.001 })}~`);
    expect(['invalid', 'unverifiable']).toContain(report.verdict);
  });

  it('a VC-JWT whose nbf and exp lie beyond what a Date holds gives VALIDITY_DATE_MALFORMED, not an internal error', async () => {
    const vc = { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'], credentialSubject: {} };
    for (const claims of [{ nbf: 9e15 }, { exp: -9e15 }, { nbf: 1e300 }]) {
      const report = await checkedVerify(token({ alg: 'EdDSA' }, { iss: 'did:example:x', vc, ...claims }));
      expect(report.checks.find((c) => c.id === 'validity')?.code, JSON.stringify(claims)).toBe('VALIDITY_DATE_MALFORMED');
    }
  });
});
