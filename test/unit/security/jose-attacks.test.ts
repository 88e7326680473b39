import 'reflect-metadata';
import { SignJWT, base64url, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../../lib/index.js';
import type { FetchLike } from '../../../lib/io/types.js';
import { jwkToMultibase } from '../../../lib/keys/index.js';
import type { VerificationReport } from '../../../lib/report.js';
import { jsonServer } from '../../support/jose-context.js';
import * as x509 from '@peculiar/x509';
import { makeCa } from '../../support/test-ca.js';

/**
 * JOSE attacks on VC-JWT, VC-JOSE and SD-JWT VC. Every test signs in the test with keys it
 * generates, then attacks one thing; the verdict must never be `verified` or `warning`. Remote reads
 * go to a recording fetch seam so "never fetched" is observed.
 */

const NOW = Math.floor(Date.now() / 1000);
const enc = (value: unknown) => base64url.encode(JSON.stringify(value));
const codeOf = (report: VerificationReport, id: string) => report.checks.find((c) => c.id === id)?.code;
const summary = (report: VerificationReport) => report.checks.map((c) => `${c.id}:${c.code}`).join(' ');

function expectRejected(report: VerificationReport): void {
  expect(['invalid', 'unverifiable'], summary(report)).toContain(report.verdict);
}

const online = (fetch: FetchLike) => ({ fetch, network: { resolveHost: async () => ['93.184.215.14'] } });

interface Issuer {
  did: string;
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JsonWebKey;
}

async function didKeyIssuer(): Promise<Issuer> {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const did = `did:key:${jwkToMultibase(publicJwk)}`;
  return { did, kid: `${did}#${did.slice(8)}`, privateKey, publicJwk };
}

function vcClaims(issuer: string): Record<string, unknown> {
  return {
    iss: issuer,
    sub: 'did:example:learner',
    jti: 'urn:uuid:5a2c4e1e-9d8f-4b38-8f3e-6a1f9b0c7d21',
    nbf: NOW - 3600,
    vc: {
      '@context': ['https://www.w3.org/2018/credentials/v1'],
      id: 'urn:uuid:5a2c4e1e-9d8f-4b38-8f3e-6a1f9b0c7d21',
      type: ['VerifiableCredential'],
      issuer,
      issuanceDate: new Date((NOW - 3600) * 1000).toISOString().replace('.000', ''),
      credentialSubject: { id: 'did:example:learner', degree: { type: 'MasterDegree', name: 'MSc Computing' } },
    },
  };
}

/** Signs by hand (Ed25519), for headers jose itself refuses to produce. */
async function signRaw(key: CryptoKey, header: Record<string, unknown> | string, payloadPart: string): Promise<string> {
  const h = typeof header === 'string' ? base64url.encode(header) : enc(header);
  const signature = new Uint8Array(await crypto.subtle.sign('Ed25519', key, new TextEncoder().encode(`${h}.${payloadPart}`)));
  return `${h}.${payloadPart}.${base64url.encode(signature)}`;
}

async function signJwt(key: CryptoKey, header: Record<string, unknown>, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', ...header } as { alg: string }).sign(key);
}

describe('JOSE attacks', () => {
  let issuer: Issuer;
  let attacker: Issuer;
  beforeAll(async () => {
    issuer = await didKeyIssuer();
    attacker = await didKeyIssuer();
  });

  it('the genuine VC-JWT is authentic (the baseline every attack below is compared against)', async () => {
    const report = await verify(await signJwt(issuer.privateKey, { kid: issuer.kid }, vcClaims(issuer.did)), { offline: true });
    expect(codeOf(report, 'proof')).toBe('PROOF_VALID');
    expect(['verified', 'warning']).toContain(report.verdict);
  });

  it.each(['none', 'None', 'NONE', 'nOnE'])('alg "%s" with a signature part is rejected (case variants of none)', async (alg) => {
    const jwt = `${enc({ alg, kid: issuer.kid })}.${enc(vcClaims(issuer.did))}.${base64url.encode('sig')}`;
    const report = await verify(jwt, { offline: true });
    expect(codeOf(report, 'proof')).toBe('PROOF_ALG_FORBIDDEN');
    expect(report.verdict).toBe('invalid');
  });

  it('alg "none" with an empty signature part is rejected', async () => {
    const report = await verify(`${enc({ alg: 'none' })}.${enc(vcClaims(issuer.did))}.`, { offline: true });
    expectRejected(report);
  });

  it.each(['HS256', 'HS384', 'HS512'])('%s keyed with the issuer\'s public key (algorithm confusion) is rejected', async (alg) => {
    const secret = new TextEncoder().encode(JSON.stringify(issuer.publicJwk));
    const jwt = await new SignJWT(vcClaims(issuer.did)).setProtectedHeader({ alg, kid: issuer.kid }).sign(secret);
    const report = await verify(jwt, { offline: true });
    expect(codeOf(report, 'proof')).toBe('PROOF_ALG_FORBIDDEN');
    expect(report.verdict).toBe('invalid');
  });

  it('an alg that does not fit the issuer\'s key type (ES256 header, Ed25519 key) is rejected', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const jwt = await new SignJWT(vcClaims(issuer.did)).setProtectedHeader({ alg: 'ES256', kid: issuer.kid }).sign(privateKey);
    const report = await verify(jwt, { offline: true });
    expect(codeOf(report, 'proof')).toBe('PROOF_ALG_KEY_MISMATCH');
    expectRejected(report);
  });

  it('an alg that is not a string is rejected', async () => {
    const report = await verify(`${enc({ alg: ['EdDSA'], kid: issuer.kid })}.${enc(vcClaims(issuer.did))}.${base64url.encode('x')}`, { offline: true });
    expectRejected(report);
  });

  it('a kid naming the attacker\'s DID, signed by the attacker, for the victim issuer is rejected', async () => {
    const report = await verify(await signJwt(attacker.privateKey, { kid: attacker.kid }, vcClaims(issuer.did)), { offline: true });
    expectRejected(report);
    expect(codeOf(report, 'issuer-key')).not.toBe('KEY_VALID');
  });

  it('a kid that is a path ("../../keys/attacker") never resolves to a key', async () => {
    const fetch = jsonServer();
    const report = await verify(await signJwt(attacker.privateKey, { kid: '../../keys/attacker' }, vcClaims('did:web:issuer.example')), online(fetch));
    expectRejected(report);
    expect(fetch.calls.every((u) => u.startsWith('https://issuer.example/'))).toBe(true);
  });

  it('a kid that is the attacker\'s URL for a did:web issuer is never accepted, whatever that URL serves', async () => {
    const keyUrl = 'https://attacker.example/keys/1';
    const fetch = jsonServer({
      [keyUrl]: { '@context': 'https://www.w3.org/ns/did/v1', id: keyUrl, type: 'JsonWebKey2020', controller: 'did:web:issuer.example', publicKeyJwk: attacker.publicJwk },
      'https://issuer.example/.well-known/did.json': { '@context': 'https://www.w3.org/ns/did/v1', id: 'did:web:issuer.example', assertionMethod: [] },
    });
    const report = await verify(await signJwt(attacker.privateKey, { kid: keyUrl }, vcClaims('did:web:issuer.example')), online(fetch));
    expectRejected(report);
    expect(codeOf(report, 'proof')).not.toBe('PROOF_VALID');
  });

  it('an embedded jwk of the attacker, signed by the attacker, is not bound to the issuer and is rejected', async () => {
    const report = await verify(await signJwt(attacker.privateKey, { jwk: attacker.publicJwk }, vcClaims(issuer.did)), { offline: true });
    expectRejected(report);
    expect(codeOf(report, 'proof')).not.toBe('PROOF_VALID');
  });

  it('an embedded jwk next to the issuer\'s kid is rejected when it is another key', async () => {
    const report = await verify(await signJwt(attacker.privateKey, { kid: issuer.kid, jwk: attacker.publicJwk }, vcClaims(issuer.did)), { offline: true });
    expectRejected(report);
  });

  it('jku and x5u headers pointing at the attacker are never fetched', async () => {
    const fetch = jsonServer({ 'https://attacker.example/jwks.json': { keys: [attacker.publicJwk] } });
    const jwt = await signJwt(attacker.privateKey, { jku: 'https://attacker.example/jwks.json', x5u: 'https://attacker.example/cert.pem' }, vcClaims(issuer.did));
    const report = await verify(jwt, online(fetch));
    expectRejected(report);
    expect(fetch.calls.filter((u) => u.includes('attacker.example'))).toEqual([]);
  });

  it('an unknown critical header is rejected even when the signature is the issuer\'s', async () => {
    const jwt = await signRaw(issuer.privateKey, { alg: 'EdDSA', kid: issuer.kid, crit: ['urn:example:must-check'], 'urn:example:must-check': true }, enc(vcClaims(issuer.did)));
    const report = await verify(jwt, { offline: true });
    expect(codeOf(report, 'proof')).toBe('PROOF_CRIT_UNKNOWN');
    expect(report.verdict).toBe('invalid');
  });

  it('a crit list naming a header that is absent, or a registered header, is rejected', async () => {
    for (const header of [{ crit: ['exp'] }, { crit: ['alg'] }, { crit: [] }]) {
      const jwt = `${enc({ alg: 'EdDSA', kid: issuer.kid, ...header })}.${enc(vcClaims(issuer.did))}.${base64url.encode('x'.repeat(64))}`;
      const report = await verify(jwt, { offline: true });
      expectRejected(report);
    }
  });

  it('b64:false without crit on a compact VC-JWT is never authentic', async () => {
    const payload = JSON.stringify(vcClaims(issuer.did));
    const signed = await signRaw(issuer.privateKey, { alg: 'EdDSA', kid: issuer.kid, b64: false }, payload);
    const [h, , s] = signed.split('.');
    const jwt = `${h}.${base64url.encode(payload)}.${s}`;
    const report = await verify(jwt, { offline: true });
    expectRejected(report);
  });

  it('b64:false with crit, the issuer\'s signature over other bytes than the payload shown, is never authentic', async () => {
    // The issuer signed an unencoded payload (RFC 7797); the attacker shows the same signature with another payload.
    const header = { alg: 'EdDSA', kid: issuer.kid, b64: false, crit: ['b64'] };
    const signed = await signRaw(issuer.privateKey, header, JSON.stringify(vcClaims(issuer.did)));
    const [h, , s] = signed.split('.');
    const forged = { ...vcClaims(issuer.did), sub: 'did:example:attacker' };
    const report = await verify(`${h}.${base64url.encode(JSON.stringify(forged))}.${s}`, { offline: true });
    expectRejected(report);
  });

  it('duplicate members in the payload (a parser-confusion attack on iss) are never authentic', async () => {
    const claims = JSON.stringify(vcClaims(issuer.did)).replace('{"iss":', `{"iss":"${attacker.did}","iss":`);
    const report = await verify(await signRaw(attacker.privateKey, { alg: 'EdDSA', kid: attacker.kid }, base64url.encode(claims)), { offline: true });
    expectRejected(report);
    expect(report.checks.some((c) => c.code === 'PROOF_VALID')).toBe(false);
    expect(report.verdict).toBe('invalid');
    expect(report.checks[0]?.code).toBe('INPUT_DUPLICATE_MEMBER');
  });

  it('duplicate members in the protected header (two kids) are never authentic', async () => {
    const headerText = `{"alg":"EdDSA","kid":"${attacker.kid}","kid":"${issuer.kid}"}`;
    const report = await verify(await signRaw(attacker.privateKey, headerText, enc(vcClaims(issuer.did))), { offline: true });
    expectRejected(report);
    expect(report.verdict).toBe('invalid');
    expect(report.checks[0]?.code).toBe('INPUT_DUPLICATE_MEMBER');
  });

  it('an issuer that is neither a DID nor an https URL cannot be tied to any key', async () => {
    const report = await verify(await signJwt(attacker.privateKey, { jwk: attacker.publicJwk }, vcClaims('Harvard University')), { offline: true });
    expectRejected(report);
  });

  it('an http: issuer never makes the verifier fetch its keys over plain http', async () => {
    const fetch = jsonServer();
    const report = await verify(await signJwt(attacker.privateKey, {}, vcClaims('http://issuer.example')), online(fetch));
    expectRejected(report);
    expect(fetch.calls.filter((u) => u.startsWith('http:'))).toEqual([]);
  });

  it('a did:web issuer on a private address is never contacted (no SSRF through did:web)', async () => {
    const fetch = jsonServer();
    for (const did of ['did:web:127.0.0.1', 'did:web:localhost%3A8080', 'did:web:169.254.169.254', 'did:web:10.0.0.1:keys', 'did:web:%5B%3A%3Affff%3A7f00%3A1%5D']) {
      const report = await verify(await signJwt(attacker.privateKey, { kid: `${did}#key-1` }, vcClaims(did)), online(fetch));
      expectRejected(report);
    }
    expect(fetch.calls).toEqual([]);
  });
});

describe('SD-JWT VC with an x5c chain', () => {
  /** A leaf for issuer.example (SAN dns) under a fresh root; `named: false` leaves the SAN out. */
  async function sdJwtWithX5c(named: boolean) {
    const root = await makeCa({ subject: { commonName: 'Attacker Root CA' } });
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const extensions: x509.Extension[] = [new x509.BasicConstraintsExtension(false, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)];
    if (named) extensions.push(new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'issuer.example' }]));
    const leaf = await x509.X509CertificateGenerator.create({
      serialNumber: '0a1b2c',
      subject: 'CN=issuer.example',
      issuer: root.cert.subject,
      notBefore: new Date('2025-01-01T00:00:00Z'),
      notAfter: new Date('2030-01-01T00:00:00Z'),
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
      publicKey: keys.publicKey,
      signingKey: root.keys.privateKey,
      extensions,
    });
    const leafB64 = Buffer.from(leaf.rawData).toString('base64');
    const jwt = await new SignJWT({ iss: 'https://issuer.example', vct: 'https://credentials.example/degree', iat: NOW - 60, degree: 'MSc' })
      .setProtectedHeader({ alg: 'ES256', typ: 'dc+sd-jwt', x5c: [leafB64, root.b64] })
      .sign(keys.privateKey);
    return { text: `${jwt}~`, rootPem: root.pem };
  }

  it('an x5c chain to a root nobody trusts never makes the credential authentic', async () => {
    const { text } = await sdJwtWithX5c(true);
    const report = await verify(text, online(jsonServer()));
    expectRejected(report);
    expect(codeOf(report, 'issuer-key')).toBe('ISSUER_CERTIFICATE_UNTRUSTED');
    expect(report.checks.some((c) => c.code === 'PROOF_VALID')).toBe(false);
  });

  it('the same chain is authentic once its root is a trust anchor (so the test above fails for the right reason)', async () => {
    const { text, rootPem } = await sdJwtWithX5c(true);
    const report = await verify(text, { ...online(jsonServer()), trust: [{ name: 'test', issuers: [], anchors: [rootPem] }] });
    expect(codeOf(report, 'proof'), summary(report)).toBe('PROOF_VALID');
  });

  it('an x5c leaf that does not name the https issuer is rejected even when its root is trusted', async () => {
    const { text, rootPem } = await sdJwtWithX5c(false);
    const report = await verify(text, { ...online(jsonServer()), trust: [{ name: 'test', issuers: [], anchors: [rootPem] }] });
    expectRejected(report);
    expect(codeOf(report, 'issuer-key')).toBe('KEY_CONTROLLER_MISMATCH');
  });
});
