import { readFileSync } from 'node:fs';
import { deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SignJWT, base64url, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { sha256 } from '@noble/hashes/sha2.js';
import { verify, memoryBundle } from '../../../lib/index.js';
import type { VerificationReport, VerifyOptions } from '../../../lib/index.js';
import { resolveIssuerKey } from '../../../lib/formats/jose/issuer-key.js';
import type { FetchLike } from '../../../lib/io/types.js';
import { checkTokenStatus, decodeStatusListBytes, readTokenStatus, statusClaim, type TokenStatusOptions } from '../../../lib/status/token-status-list.js';
import { testContext, type TestContextOptions } from '../../support/jose-context.js';

const NOW = Math.floor(Date.now() / 1000);
const LIST_URI = 'https://issuer.example/statuslists/1';

interface Vector {
  bits: 1 | 2 | 4 | 8;
  lst: string;
  bytes?: number[];
  size?: number;
  set?: Record<string, number>;
}
const vector = (name: string): Vector => JSON.parse(readFileSync(new URL(`../../vectors/ietf-status-list/${name}`, import.meta.url), 'utf8')) as Vector;

/** A status list byte array with `bits` per entry, least significant bit first (written independently of lib). */
function statusBytes(size: number, bits: number, set: Record<number, number>): Uint8Array {
  const bytes = new Uint8Array(Math.ceil((size * bits) / 8));
  for (const [i, value] of Object.entries(set)) {
    const bit = Number(i) * bits;
    bytes[bit >> 3]! |= value << (bit & 7);
  }
  return bytes;
}

async function didJwkIssuer() {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const did = `did:jwk:${base64url.encode(JSON.stringify(await exportJWK(publicKey)))}`;
  return { did, kid: `${did}#0`, privateKey };
}
type Issuer = Awaited<ReturnType<typeof didJwkIssuer>>;

interface ListOptions {
  bits?: number;
  bytes?: Uint8Array;
  lst?: string;
  claims?: Record<string, unknown>;
  header?: Record<string, unknown>;
  key?: CryptoKey;
}

/** A Status List Token (draft-ietf-oauth-status-list §5.1) signed by `issuer` (or by `key`). */
async function statusListToken(issuer: Issuer, options: ListOptions = {}): Promise<string> {
  const bits = options.bits ?? 2;
  const bytes = options.bytes ?? statusBytes(1024, bits, {});
  const payload = {
    sub: LIST_URI,
    iat: NOW - 60,
    exp: NOW + 3600,
    ttl: 43200,
    status_list: { bits, lst: options.lst ?? deflateSync(bytes).toString('base64url') },
    ...options.claims,
  };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', typ: 'statuslist+jwt', kid: issuer.kid, ...options.header })
    .sign(options.key ?? issuer.privateKey);
}

/** The fetch seam serving one status list token, recording what was asked for. */
function listServer(body: string, url = LIST_URI): FetchLike & { accepts: string[] } {
  const accepts: string[] = [];
  const fn = (async (asked: string, init: RequestInit) => {
    accepts.push(new Headers(init.headers).get('accept') ?? '');
    if (asked !== url) return new Response('not found', { status: 404 });
    return new Response(body, { status: 200, headers: { 'content-type': 'application/statuslist+jwt' } });
  }) as FetchLike & { accepts: string[] };
  fn.accepts = accepts;
  return fn;
}

function referenced(issuer: Issuer, idx: number, uri = LIST_URI): Record<string, unknown> {
  return { iss: issuer.did, status: { status_list: { idx, uri } } };
}

async function run(issuer: Issuer, payload: Record<string, unknown>, context: TestContextOptions): Promise<ReturnType<typeof checkTokenStatus>> {
  const ctx = testContext(context);
  const options: TokenStatusOptions = { issuer: issuer.did, resolveKey: (header) => resolveIssuerKey({ issuer: issuer.did, header, allowIssuerMetadata: true, allowX5c: true }, ctx) };
  return checkTokenStatus(payload, options, ctx);
}

describe('Token Status List encoding (spec vectors)', () => {
  it('reads 1-bit statuses least significant bit first (§4.1 example: 0xB9 0xA3)', async () => {
    const v = vector('bits1-short.json');
    const bytes = await decodeStatusListBytes(v.lst);
    expect([...bytes]).toEqual(v.bytes);
    const statuses = Array.from({ length: 16 }, (_, i) => readTokenStatus(bytes, i, 1));
    expect(statuses).toEqual([1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1]);
    expect(readTokenStatus(bytes, 16, 1)).toBeUndefined();
  });

  it('reads 2-bit statuses (§4.1 example: 0xC9 0x44 0xF9)', async () => {
    const v = vector('bits2-short.json');
    const bytes = await decodeStatusListBytes(v.lst);
    expect([...bytes]).toEqual(v.bytes);
    expect(Array.from({ length: 12 }, (_, i) => readTokenStatus(bytes, i, 2))).toEqual([1, 2, 0, 3, 0, 1, 0, 1, 1, 2, 3, 3]);
  });

  for (const name of ['bits1-long.json', 'bits2-long.json', 'bits4-long.json']) {
    it(`decodes the 2^20-entry test vector ${name} to exactly the statuses the draft lists`, async () => {
      const v = vector(name);
      const bytes = await decodeStatusListBytes(v.lst);
      expect((bytes.length * 8) / v.bits).toBe(v.size);
      const nonZero: Record<string, number> = {};
      for (let i = 0; i < (v.size as number); i++) {
        const value = readTokenStatus(bytes, i, v.bits) as number;
        if (value !== 0) nonZero[String(i)] = value;
      }
      expect(nonZero).toEqual(v.set);
    });
  }

  it('rejects GZIP where the draft requires ZLIB', async () => {
    await expect(decodeStatusListBytes(gzipSync(new Uint8Array(8)).toString('base64url'))).rejects.toMatchObject({ reason: 'malformed' });
  });

  it('reports a status claim without idx or with a negative idx as malformed', () => {
    expect(statusClaim({ status: { status_list: { uri: LIST_URI } } }).kind).toBe('malformed');
    expect(statusClaim({ status: { status_list: { idx: -1, uri: LIST_URI } } }).kind).toBe('malformed');
    expect(statusClaim({ status: { status_list: { idx: 1.5, uri: LIST_URI } } }).kind).toBe('malformed');
    expect(statusClaim({ status: { status_list: { idx: 3, uri: 'not a uri' } } }).kind).toBe('malformed');
    expect(statusClaim({ status: { other_mechanism: {} } })).toEqual({ kind: 'other', mechanisms: ['other_mechanism'] });
  });
});

describe('checking a credential against its Status List Token', () => {
  it('passes a valid entry (0x00), asking for application/statuslist+jwt', async () => {
    const issuer = await didJwkIssuer();
    const fetch = listServer(await statusListToken(issuer, { bits: 2, bytes: statusBytes(1024, 2, { 4: 1, 6: 2 }) }));
    const result = await run(issuer, referenced(issuer, 5), { fetch });
    expect(result.code).toBe('STATUS_ACTIVE');
    expect(result.status).toBe('pass');
    expect(fetch.accepts).toEqual(['application/statuslist+jwt']);
  });

  it('fails a revoked entry (0x01 INVALID) with STATUS_REVOKED', async () => {
    const issuer = await didJwkIssuer();
    const fetch = listServer(await statusListToken(issuer, { bits: 1, bytes: statusBytes(1024, 1, { 9: 1 }) }));
    const result = await run(issuer, referenced(issuer, 9), { fetch });
    expect(result.code).toBe('STATUS_REVOKED');
    expect(result.status).toBe('fail');
    expect(result.details).toMatchObject({ list: LIST_URI, index: 9, bits: 1, value: 1 });
  });

  it('fails a suspended entry (0x02 SUSPENDED) with STATUS_SUSPENDED', async () => {
    const issuer = await didJwkIssuer();
    const fetch = listServer(await statusListToken(issuer, { bits: 2, bytes: statusBytes(1024, 2, { 6: 2 }) }));
    expect((await run(issuer, referenced(issuer, 6), { fetch })).code).toBe('STATUS_SUSPENDED');
  });

  it('warns about an application-specific status (0x03) instead of passing it', async () => {
    const issuer = await didJwkIssuer();
    const fetch = listServer(await statusListToken(issuer, { bits: 2, bytes: statusBytes(1024, 2, { 7: 3 }) }));
    const result = await run(issuer, referenced(issuer, 7), { fetch });
    expect(result.code).toBe('STATUS_TYPE_UNSUPPORTED');
    expect(result.status).toBe('warn');
  });

  it('warns when the index lies outside the list (STATUS_INDEX_OUT_OF_RANGE)', async () => {
    const issuer = await didJwkIssuer();
    const fetch = listServer(await statusListToken(issuer, { bits: 2, bytes: statusBytes(16, 2, {}) }));
    const result = await run(issuer, referenced(issuer, 16), { fetch });
    expect(result.code).toBe('STATUS_INDEX_OUT_OF_RANGE');
    expect(result.status).toBe('warn');
  });

  it('does not trust a list signed by another key under the issuer\'s kid (STATUS_LIST_UNVERIFIED)', async () => {
    const issuer = await didJwkIssuer();
    const forger = await didJwkIssuer();
    const fetch = listServer(await statusListToken(issuer, { bits: 1, bytes: statusBytes(1024, 1, {}), key: forger.privateKey }));
    const result = await run(issuer, referenced(issuer, 3), { fetch });
    expect(result.code).toBe('STATUS_LIST_UNVERIFIED');
    expect(result.status).toBe('warn');
    expect(result.details?.reason).toBe('PROOF_INVALID_SIGNATURE');
  });

  it('does not trust a list another issuer signed with its own key (STATUS_LIST_UNVERIFIED)', async () => {
    const issuer = await didJwkIssuer();
    const other = await didJwkIssuer();
    const fetch = listServer(await statusListToken(other, { claims: { iss: other.did } }));
    const result = await run(issuer, referenced(issuer, 3), { fetch });
    expect(result.code).toBe('STATUS_LIST_UNVERIFIED');
  });

  it('does not trust a list whose iss differs from the credential\'s, even when the key is right', async () => {
    const issuer = await didJwkIssuer();
    const fetch = listServer(await statusListToken(issuer, { claims: { iss: 'did:example:someone-else' } }));
    const result = await run(issuer, referenced(issuer, 3), { fetch });
    expect(result.code).toBe('STATUS_LIST_UNVERIFIED');
    expect(result.message).toContain('did:example:someone-else');
  });

  it('does not trust a genuine list served for another URI (sub mismatch)', async () => {
    const issuer = await didJwkIssuer();
    // The issuer's list number 2 (where index 3 is valid) served where list number 1 should be.
    const fetch = listServer(await statusListToken(issuer, { claims: { sub: 'https://issuer.example/statuslists/2' } }));
    const result = await run(issuer, referenced(issuer, 3), { fetch });
    expect(result.code).toBe('STATUS_LIST_UNVERIFIED');
    expect(result.details?.sub).toBe('https://issuer.example/statuslists/2');
  });

  it('does not trust an expired list', async () => {
    const issuer = await didJwkIssuer();
    const fetch = listServer(await statusListToken(issuer, { claims: { iat: NOW - 7200, exp: NOW - 3600 } }));
    expect((await run(issuer, referenced(issuer, 3), { fetch })).code).toBe('STATUS_LIST_UNVERIFIED');
  });

  // docs/verdicts.md "Revocation": negative evidence from the list the signed token names is honoured.
  it('honours INVALID on a list signed by another key under the issuer\'s kid: revoked, saying the list could not be authenticated', async () => {
    const issuer = await didJwkIssuer();
    const forger = await didJwkIssuer();
    const fetch = listServer(await statusListToken(issuer, { bits: 1, bytes: statusBytes(1024, 1, { 3: 1 }), key: forger.privateKey }));
    const result = await run(issuer, referenced(issuer, 3), { fetch });
    expect(result.code).toBe('STATUS_REVOKED');
    expect(result.status).toBe('fail');
    expect(result.message).toContain('could not be authenticated');
    expect(result.details?.listAuthenticated).toBe(false);
  });

  it('honours INVALID on a list another issuer signed, naming that signer', async () => {
    const issuer = await didJwkIssuer();
    const other = await didJwkIssuer();
    const fetch = listServer(await statusListToken(other, { claims: { iss: other.did }, bytes: statusBytes(1024, 2, { 3: 1 }) }));
    const result = await run(issuer, referenced(issuer, 3), { fetch });
    expect(result.code).toBe('STATUS_REVOKED');
    expect(result.message).toContain(other.did);
  });

  it('honours SUSPENDED on an expired list of the issuer', async () => {
    const issuer = await didJwkIssuer();
    const fetch = listServer(await statusListToken(issuer, { claims: { iat: NOW - 7200, exp: NOW - 3600 }, bytes: statusBytes(1024, 2, { 3: 2 }) }));
    const result = await run(issuer, referenced(issuer, 3), { fetch });
    expect(result.code).toBe('STATUS_SUSPENDED');
    expect(result.message).toMatch(/could not be authenticated.*expired/);
  });

  it('does not honour INVALID on a list served for another URI (sub mismatch): it is not the list named', async () => {
    const issuer = await didJwkIssuer();
    const fetch = listServer(await statusListToken(issuer, { claims: { sub: 'https://issuer.example/statuslists/2' }, bytes: statusBytes(1024, 2, { 3: 1 }) }));
    const result = await run(issuer, referenced(issuer, 3), { fetch });
    expect(result.code).toBe('STATUS_LIST_UNVERIFIED');
  });

  it('rejects a token of another type (typ not statuslist+jwt) as a status list', async () => {
    const issuer = await didJwkIssuer();
    const fetch = listServer(await statusListToken(issuer, { header: { typ: 'JWT' } }));
    expect((await run(issuer, referenced(issuer, 3), { fetch })).code).toBe('STATUS_LIST_MALFORMED');
  });

  it('rejects a list whose bits is not 1, 2, 4 or 8', async () => {
    const issuer = await didJwkIssuer();
    const fetch = listServer(await statusListToken(issuer, { bits: 3 }));
    expect((await run(issuer, referenced(issuer, 3), { fetch })).code).toBe('STATUS_LIST_MALFORMED');
  });

  it('warns when the list cannot be reached (STATUS_LIST_UNAVAILABLE)', async () => {
    const issuer = await didJwkIssuer();
    const fetch: FetchLike = async () => {
      throw new TypeError('fetch failed: ECONNREFUSED');
    };
    const result = await run(issuer, referenced(issuer, 3), { fetch });
    expect(result.code).toBe('STATUS_LIST_UNAVAILABLE');
    expect(result.status).toBe('warn');
  });

  it('stops decompressing a zlib bomb at the cap (STATUS_LIST_TOO_LARGE)', async () => {
    const issuer = await didJwkIssuer();
    // 20 MiB of zeros deflate to about 20 KB: past the 16 MiB cap once inflated.
    const bomb = deflateSync(new Uint8Array(20 * 1024 * 1024), { level: 9 }).toString('base64url');
    const fetch = listServer(await statusListToken(issuer, { bits: 1, lst: bomb }));
    const result = await run(issuer, referenced(issuer, 3), { fetch });
    expect(result.code).toBe('STATUS_LIST_TOO_LARGE');
    expect(result.status).toBe('warn');
  });

  it('reads the list from the resource bundle without touching the network', async () => {
    const issuer = await didJwkIssuer();
    const token = await statusListToken(issuer, { bits: 1, bytes: statusBytes(1024, 1, { 2: 1 }) });
    const result = await run(issuer, referenced(issuer, 2), { offline: true, resources: { [LIST_URI]: token } });
    expect(result.code).toBe('STATUS_REVOKED');
  });
});

describe('SD-JWT VC and VC-JWT with a token status list (end to end)', () => {
  const disclosure = (salt: string, name: string, value: unknown) => base64url.encode(JSON.stringify([salt, name, value]));
  const digest = (d: string) => base64url.encode(sha256(new TextEncoder().encode(d)));
  const codeOf = (report: VerificationReport, id: string) => report.checks.find((c) => c.id === id)?.code;

  async function sdJwtVc(issuer: Issuer, idx: number, extra: Record<string, unknown> = {}) {
    const degree = disclosure('salt-1', 'degree', 'MSc Computing');
    const jwt = await new SignJWT({ iss: issuer.did, vct: 'https://credentials.example/degree', iat: NOW - 60, _sd: [digest(degree)], _sd_alg: 'sha-256', status: { status_list: { idx, uri: LIST_URI } }, ...extra })
      .setProtectedHeader({ alg: 'ES256', typ: 'dc+sd-jwt', kid: issuer.kid })
      .sign(issuer.privateKey);
    return `${jwt}~${degree}~`;
  }

  it('reports a revoked SD-JWT VC as invalid (STATUS_REVOKED), the list taken from the bundle', async () => {
    const issuer = await didJwkIssuer();
    const list = await statusListToken(issuer, { bits: 1, bytes: statusBytes(1024, 1, { 11: 1 }) });
    const report = await verify(await sdJwtVc(issuer, 11), { offline: true, resources: memoryBundle({ [LIST_URI]: list }) });
    expect(codeOf(report, 'proof')).toBe('PROOF_VALID');
    expect(codeOf(report, 'status')).toBe('STATUS_REVOKED');
    expect(report.verdict).toBe('invalid');
  });

  it('passes the status of a valid SD-JWT VC (STATUS_ACTIVE)', async () => {
    const issuer = await didJwkIssuer();
    const list = await statusListToken(issuer, { bits: 1, bytes: statusBytes(1024, 1, { 11: 1 }) });
    const report = await verify(await sdJwtVc(issuer, 12), { offline: true, resources: memoryBundle({ [LIST_URI]: list }) });
    expect(codeOf(report, 'status')).toBe('STATUS_ACTIVE');
  });

  it('leaves an SD-JWT VC whose list is offline at warning, its proof standing', async () => {
    const issuer = await didJwkIssuer();
    const report = await verify(await sdJwtVc(issuer, 11), { offline: true });
    expect(codeOf(report, 'proof')).toBe('PROOF_VALID');
    expect(codeOf(report, 'status')).toBe('STATUS_LIST_UNAVAILABLE');
    expect(report.verdict).toBe('warning');
  });

  it('does not rely on an SD-JWT VC whose status claim is selectively disclosable (a warning naming the fault)', async () => {
    const issuer = await didJwkIssuer();
    const hidden = disclosure('salt-9', 'status', { status_list: { idx: 1, uri: LIST_URI } });
    const jwt = await new SignJWT({ iss: issuer.did, vct: 'https://credentials.example/degree', iat: NOW - 60, _sd: [digest(hidden)], _sd_alg: 'sha-256' })
      .setProtectedHeader({ alg: 'ES256', typ: 'dc+sd-jwt', kid: issuer.kid })
      .sign(issuer.privateKey);
    const report = await verify(`${jwt}~${hidden}~`, { offline: true });
    expect(codeOf(report, 'status')).toBe('STATUS_ENTRY_MALFORMED');
    expect(report.checks.find((c) => c.id === 'status')?.message).toMatch(/selectively disclosable/);
    expect(report.verdict).toBe('warning');
  });

  it('checks a VC-JWT whose payload names a token status list, fetched through the seam', async () => {
    const issuer = await didJwkIssuer();
    const vc = {
      '@context': ['https://www.w3.org/2018/credentials/v1'],
      type: ['VerifiableCredential'],
      issuer: issuer.did,
      issuanceDate: new Date((NOW - 60) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      credentialSubject: { id: 'did:example:learner', name: 'Ada' },
    };
    const jwt = await new SignJWT({ iss: issuer.did, nbf: NOW - 60, vc, status: { status_list: { idx: 5, uri: LIST_URI } } })
      .setProtectedHeader({ alg: 'ES256', kid: issuer.kid })
      .sign(issuer.privateKey);
    const fetch = listServer(await statusListToken(issuer, { bits: 2, bytes: statusBytes(1024, 2, { 5: 2 }) }));
    const options: VerifyOptions = { fetch, network: { resolveHost: async () => ['93.184.215.14'] } };
    const report = await verify(jwt, options);
    expect(report.format).toBe('vc-jwt');
    expect(codeOf(report, 'status')).toBe('STATUS_SUSPENDED');
    expect(report.verdict).toBe('invalid');
  });
});
