import { describe, expect, it } from 'vitest';
import { SignJWT, base64url, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { verify, memoryBundle, LIMITS } from '../../../lib/index.js';
import type { VerificationReport, VerifyOptions } from '../../../lib/index.js';
import { jwkToMultibase } from '../../../lib/keys/index.js';

const codeOf = (report: VerificationReport, id: string) => report.checks.find((c) => c.id === id)?.code;
const NOW = Math.floor(Date.now() / 1000);

async function didKeyIssuer() {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const did = `did:key:${jwkToMultibase(await exportJWK(publicKey))}`;
  return { did, kid: `${did}#${did.slice(8)}`, privateKey, publicKey };
}

function credential(issuer: string, extra: Record<string, unknown> = {}) {
  return {
    '@context': ['https://www.w3.org/2018/credentials/v1'],
    id: 'urn:uuid:1',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, name: 'Test University' },
    issuanceDate: new Date((NOW - 3600) * 1000).toISOString().replace('.000', ''),
    credentialSubject: { id: 'did:example:learner', achievement: { name: 'Testing 101' } },
    ...extra,
  };
}

async function vcJwt(key: CryptoKey, header: Record<string, unknown>, claims: Record<string, unknown>) {
  return new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', ...header }).sign(key);
}

function tamper(jwt: string, edit: (payload: Record<string, unknown>) => void): string {
  const [h, p, s] = jwt.split('.') as [string, string, string];
  const payload = JSON.parse(new TextDecoder().decode(base64url.decode(p))) as Record<string, unknown>;
  edit(payload);
  return `${h}.${base64url.encode(JSON.stringify(payload))}.${s}`;
}

describe('VC-JWT signed with a did:key (via verify())', () => {
  it('verifies a well-formed VC-JWT: proof, authorised key, claims and validity pass', async () => {
    const issuer = await didKeyIssuer();
    const jwt = await vcJwt(issuer.privateKey, { kid: issuer.kid }, { iss: issuer.did, sub: 'did:example:learner', jti: 'urn:uuid:1', vc: credential(issuer.did) });
    const report = await verify(jwt, { offline: true });
    expect(report.checks.map((c) => `${c.id}:${c.code}`)).toEqual(expect.arrayContaining(['proof:PROOF_VALID', 'issuer-key:KEY_VALID', 'claims:CLAIMS_OK', 'validity:VALIDITY_OK']));
    expect(report.verdict).toBe('warning'); // authentic; no trust list names the issuer
    expect(report.credential?.title).toBe('Testing 101');
  });

  it('rejects a tampered payload (PROOF_INVALID_SIGNATURE)', async () => {
    const issuer = await didKeyIssuer();
    const jwt = await vcJwt(issuer.privateKey, { kid: issuer.kid }, { iss: issuer.did, vc: credential(issuer.did) });
    const report = await verify(tamper(jwt, (p) => ((p.vc as Record<string, unknown>).name = 'Forged degree')), { offline: true });
    expect(codeOf(report, 'proof')).toBe('PROOF_INVALID_SIGNATURE');
    expect(report.verdict).toBe('invalid');
  });

  it('rejects a signature by another key than the issuer\'s (PROOF_INVALID_SIGNATURE)', async () => {
    const issuer = await didKeyIssuer();
    const other = await didKeyIssuer();
    const jwt = await vcJwt(other.privateKey, { kid: issuer.kid }, { iss: issuer.did, vc: credential(issuer.did) });
    const report = await verify(jwt, { offline: true });
    expect(codeOf(report, 'proof')).toBe('PROOF_INVALID_SIGNATURE');
  });

  it('rejects a kid naming another DID than the issuer (KEY_CONTROLLER_MISMATCH)', async () => {
    const issuer = await didKeyIssuer();
    const other = await didKeyIssuer();
    const jwt = await vcJwt(other.privateKey, { kid: other.kid }, { iss: issuer.did, vc: credential(issuer.did) });
    const report = await verify(jwt, { offline: true });
    expect(codeOf(report, 'issuer-key')).toBe('KEY_CONTROLLER_MISMATCH');
    expect(report.verdict).toBe('invalid');
  });

  it('rejects alg "none" (PROOF_ALG_FORBIDDEN)', async () => {
    const issuer = await didKeyIssuer();
    const header = base64url.encode(JSON.stringify({ alg: 'none', kid: issuer.kid }));
    const payload = base64url.encode(JSON.stringify({ iss: issuer.did, vc: credential(issuer.did) }));
    const report = await verify(`${header}.${payload}.`, { offline: true });
    expect(codeOf(report, 'proof')).toBe('PROOF_ALG_FORBIDDEN');
    expect(report.verdict).toBe('invalid');
    const unsigned = await verify(`${header}.${payload}.${base64url.encode('x')}`, { offline: true });
    expect(codeOf(unsigned, 'proof')).toBe('PROOF_ALG_FORBIDDEN');
    expect(unsigned.verdict).toBe('invalid');
  });

  it('rejects HS256 signed with the issuer\'s public key as the secret (PROOF_ALG_FORBIDDEN)', async () => {
    const issuer = await didKeyIssuer();
    const secret = new TextEncoder().encode(JSON.stringify(await exportJWK(issuer.publicKey)));
    const jwt = await new SignJWT({ iss: issuer.did, vc: credential(issuer.did) }).setProtectedHeader({ alg: 'HS256', kid: issuer.kid }).sign(secret);
    const report = await verify(jwt, { offline: true });
    expect(codeOf(report, 'proof')).toBe('PROOF_ALG_FORBIDDEN');
    expect(report.verdict).toBe('invalid');
  });

  it('rejects an unknown critical header (PROOF_CRIT_UNKNOWN)', async () => {
    const issuer = await didKeyIssuer();
    // jose refuses to sign with an unknown crit, so sign the JWS by hand.
    const header = base64url.encode(JSON.stringify({ alg: 'EdDSA', kid: issuer.kid, crit: ['urn:example:policy'], 'urn:example:policy': 1 }));
    const payload = base64url.encode(JSON.stringify({ iss: issuer.did, vc: credential(issuer.did) }));
    const signature = new Uint8Array(await crypto.subtle.sign('Ed25519', issuer.privateKey, new TextEncoder().encode(`${header}.${payload}`)));
    const jwt = `${header}.${payload}.${base64url.encode(signature)}`;
    const report = await verify(jwt, { offline: true });
    expect(codeOf(report, 'proof')).toBe('PROOF_CRIT_UNKNOWN');
  });

  it('rejects a header jwk that is not the issuer\'s key (KEY_NOT_AUTHORISED)', async () => {
    const issuer = await didKeyIssuer();
    const other = await didKeyIssuer();
    const jwt = await vcJwt(other.privateKey, { kid: issuer.kid, jwk: await exportJWK(other.publicKey) }, { iss: issuer.did, vc: credential(issuer.did) });
    const report = await verify(jwt, { offline: true });
    expect(codeOf(report, 'issuer-key')).toBe('KEY_NOT_AUTHORISED');
  });

  it('iss ≠ issuer in a VC-JWT is invalid: the signer is not the issuer the card would show (CLAIMS_MISMATCH)', async () => {
    const issuer = await didKeyIssuer();
    const jwt = await vcJwt(issuer.privateKey, { kid: issuer.kid }, { iss: issuer.did, vc: credential('did:web:famous-university.example') });
    const report = await verify(jwt, { offline: true, trust: [{ name: 'registry', issuers: [{ id: 'did:web:famous-university.example' }] }] });
    expect(codeOf(report, 'proof')).toBe('PROOF_VALID');
    expect(codeOf(report, 'claims')).toBe('CLAIMS_MISMATCH');
    expect(report.checks.find((c) => c.id === 'claims')?.message).toContain(`signed by ${issuer.did}`);
    // The summary still names the signer, never the claimed famous university.
    expect(report.credential?.issuer?.id).toBe(issuer.did);
    expect(report.verdict).toBe('invalid');
  });

  it.each([
    ['sub vs credentialSubject.id', { sub: 'did:example:someone-else' }],
    ['jti vs id', { jti: 'urn:uuid:another-credential' }],
    ['nbf vs validFrom', { nbf: NOW - 10 * 86_400 }],
    ['exp vs validUntil', { exp: NOW + 400 * 86_400 }],
  ])('a VC-JWT whose %s differ is invalid (CLAIMS_MISMATCH)', async (_what, claims) => {
    const issuer = await didKeyIssuer();
    const vc = credential(issuer.did, {
      id: 'urn:uuid:the-credential',
      validFrom: new Date((NOW - 86_400) * 1000).toISOString(),
      validUntil: new Date((NOW + 365 * 86_400) * 1000).toISOString(),
    });
    const jwt = await vcJwt(issuer.privateKey, { kid: issuer.kid }, { iss: issuer.did, ...claims, vc });
    const report = await verify(jwt, { offline: true });
    expect(codeOf(report, 'proof')).toBe('PROOF_VALID');
    expect(codeOf(report, 'claims')).toBe('CLAIMS_MISMATCH');
    expect(report.verdict).toBe('invalid');
  });

  it('a VC-JWT whose only key is a jwk in its own header, for an https issuer that lists no key, is unverifiable (KEY_HEADER_ONLY)', async () => {
    const signer = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const jwt = await vcJwt(signer.privateKey, { jwk: await exportJWK(signer.publicKey) }, { iss: 'https://famous-university.example', vc: credential('https://famous-university.example') });
    const report = await verify(jwt, { offline: true });
    expect(codeOf(report, 'issuer-key')).toBe('KEY_HEADER_ONLY');
    expect(report.checks.find((c) => c.id === 'issuer-key')?.message).toMatch(/Anyone can make a key/);
    expect(report.verdict).toBe('unverifiable');
  });

  it('a VC-JWT with a jwk header and an issuer that is neither a DID nor a URL is unverifiable (KEY_HEADER_ONLY)', async () => {
    const signer = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const jwt = await vcJwt(signer.privateKey, { jwk: await exportJWK(signer.publicKey) }, { iss: 'urn:example:famous-university', vc: credential('urn:example:famous-university') });
    const report = await verify(jwt, { offline: true });
    expect(codeOf(report, 'issuer-key')).toBe('KEY_HEADER_ONLY');
    expect(report.verdict).toBe('unverifiable');
  });

  it('iss ≠ issuer in an EBSI attestation is a forgery of a registered issuer (CLAIMS_MISMATCH)', async () => {
    const issuer = await didKeyIssuer();
    const vc = { ...credential('did:ebsi:zfEmvX5twhXjQJiCWsukvQA'), type: ['VerifiableCredential', 'VerifiableAttestation'] };
    const jwt = await vcJwt(issuer.privateKey, { kid: issuer.kid }, { iss: issuer.did, vc });
    const report = await verify(jwt, { offline: true });
    expect(report.format).toBe('ebsi-jwt');
    expect(codeOf(report, 'claims')).toBe('CLAIMS_MISMATCH');
    expect(report.verdict).toBe('invalid');
  });

  it('rejects an expired credential and says when (VALIDITY_EXPIRED)', async () => {
    const issuer = await didKeyIssuer();
    const jwt = await vcJwt(issuer.privateKey, { kid: issuer.kid }, { iss: issuer.did, exp: NOW - 86_400, vc: credential(issuer.did) });
    const report = await verify(jwt, { offline: true });
    expect(codeOf(report, 'validity')).toBe('VALIDITY_EXPIRED');
    expect(report.checks.find((c) => c.id === 'validity')?.message).toContain(new Date((NOW - 86_400) * 1000).toISOString());
  });

  it('rejects a credential that is not valid yet (VALIDITY_NOT_YET_VALID)', async () => {
    const issuer = await didKeyIssuer();
    const jwt = await vcJwt(issuer.privateKey, { kid: issuer.kid }, { iss: issuer.did, nbf: NOW + 86_400, vc: credential(issuer.did, { issuanceDate: undefined }) });
    const report = await verify(jwt, { offline: true });
    expect(codeOf(report, 'validity')).toBe('VALIDITY_NOT_YET_VALID');
  });

  it('reports an issuer with an unknown DID method as unverifiable (KEY_DID_METHOD_UNSUPPORTED)', async () => {
    const issuer = await didKeyIssuer();
    const jwt = await vcJwt(issuer.privateKey, { kid: 'did:example:123#k' }, { iss: 'did:example:123', vc: credential('did:example:123') });
    const report = await verify(jwt, { offline: true });
    expect(codeOf(report, 'issuer-key')).toBe('KEY_DID_METHOD_UNSUPPORTED');
    expect(report.verdict).toBe('unverifiable');
  });

  it('rejects a malformed JWT', async () => {
    const report = await verify('eyJhbGciOiJFZERTQSJ9.!!!.abc', { offline: true });
    expect(report.verdict).toBe('invalid');
    const noVc = await verify(`${base64url.encode('{"alg":"EdDSA","typ":"vc+jwt"}')}.${base64url.encode('"not an object"')}.AAAA`, { offline: true });
    expect(noVc.verdict).not.toBe('verified');
    const noIssuer = await verify(`${base64url.encode('{"alg":"EdDSA"}')}.${base64url.encode('{"vc":{"type":["VerifiableCredential"]}}')}.AAAA`, { offline: true });
    expect(codeOf(noIssuer, 'claims')).toBe('CLAIMS_MISSING');
    expect(noIssuer.verdict).toBe('invalid');
  });

  it('rejects input over the size limit (INPUT_TOO_LARGE)', async () => {
    const issuer = await didKeyIssuer();
    const jwt = await vcJwt(issuer.privateKey, { kid: issuer.kid }, { iss: issuer.did, vc: credential(issuer.did, { padding: 'x'.repeat(LIMITS.maxCredentialBytes) }) });
    const report = await verify(jwt, { offline: true });
    expect(codeOf(report, 'input')).toBe('INPUT_TOO_LARGE');
    expect(report.verdict).toBe('invalid');
  });

  it('verifies an ES256K VC-JWT from a secp256k1 did:key (via @noble/curves)', async () => {
    const secret = secp256k1.utils.randomSecretKey();
    const point = secp256k1.getPublicKey(secret, false);
    const jwk = { kty: 'EC', crv: 'secp256k1', x: base64url.encode(point.subarray(1, 33)), y: base64url.encode(point.subarray(33)) };
    const did = `did:key:${jwkToMultibase(jwk)}`;
    const header = base64url.encode(JSON.stringify({ alg: 'ES256K', kid: `${did}#${did.slice(8)}` }));
    const payload = base64url.encode(JSON.stringify({ iss: did, vc: credential(did) }));
    const signature = secp256k1.sign(new TextEncoder().encode(`${header}.${payload}`), secret, { prehash: true });
    const jwt = `${header}.${payload}.${base64url.encode(signature)}`;
    expect(codeOf(await verify(jwt, { offline: true }), 'proof')).toBe('PROOF_VALID');
    const forged = `${header}.${payload}.${base64url.encode(secp256k1.sign(sha256(new Uint8Array([1])), secret, { prehash: false }))}`;
    expect(codeOf(await verify(forged, { offline: true }), 'proof')).toBe('PROOF_INVALID_SIGNATURE');
  });
});

describe('VC-JWT from a did:web issuer', () => {
  async function webIssuer() {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const { publicKey: authKey } = await generateKeyPair('ES256', { extractable: true });
    const did = 'did:web:university.example';
    const doc = {
      id: did,
      verificationMethod: [
        { id: `${did}#assert`, type: 'JsonWebKey2020', controller: did, publicKeyJwk: await exportJWK(publicKey) },
        { id: `${did}#login`, type: 'JsonWebKey2020', controller: did, publicKeyJwk: await exportJWK(authKey) },
      ],
      assertionMethod: ['#assert'],
      authentication: ['#login'],
    };
    return { did, doc, privateKey };
  }
  const jwtFor = async (did: string, kid: string, key: CryptoKey) =>
    new SignJWT({ iss: did, vc: credential(did) }).setProtectedHeader({ alg: 'ES256', kid }).sign(key);

  it('verifies with the DID document served through the fetch seam', async () => {
    const { did, doc, privateKey } = await webIssuer();
    const fetch: VerifyOptions['fetch'] = async (url) =>
      url === 'https://university.example/.well-known/did.json' ? new Response(JSON.stringify(doc)) : new Response('', { status: 404 });
    const report = await verify(await jwtFor(did, `${did}#assert`, privateKey), { fetch, network: { resolveHost: async () => ['93.184.215.14'] } });
    expect(codeOf(report, 'issuer-key')).toBe('KEY_VALID');
    expect(codeOf(report, 'proof')).toBe('PROOF_VALID');
  });

  it('rejects a kid outside assertionMethod (KEY_NOT_AUTHORISED)', async () => {
    const { did, doc, privateKey } = await webIssuer();
    const report = await verify(await jwtFor(did, `${did}#login`, privateKey), { offline: true, resources: memoryBundle({ [did]: doc }) });
    expect(codeOf(report, 'issuer-key')).toBe('KEY_NOT_AUTHORISED');
    expect(report.verdict).toBe('invalid');
  });

  it('reports an unreachable did:web as unverifiable (KEY_DID_UNRESOLVABLE)', async () => {
    const { did, privateKey } = await webIssuer();
    const fetch: VerifyOptions['fetch'] = async () => {
      throw new TypeError('fetch failed: ECONNREFUSED');
    };
    const report = await verify(await jwtFor(did, `${did}#assert`, privateKey), { fetch, network: { resolveHost: async () => ['93.184.215.14'] } });
    expect(codeOf(report, 'issuer-key')).toBe('KEY_DID_UNRESOLVABLE');
    expect(report.verdict).toBe('unverifiable');
  });
});

describe('VC-JOSE (typ vc+jwt)', () => {
  it('verifies a credential that is itself the payload, issuer from payload.issuer', async () => {
    const issuer = await didKeyIssuer();
    const vc = { ...credential(issuer.did, { issuanceDate: undefined }), '@context': ['https://www.w3.org/ns/credentials/v2'], validFrom: '2024-01-01T00:00:00Z' };
    const jwt = await new SignJWT(vc).setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', kid: issuer.kid }).sign(issuer.privateKey);
    const report = await verify(jwt, { offline: true });
    expect(report.format).toBe('vc-jose');
    expect(codeOf(report, 'proof')).toBe('PROOF_VALID');
    expect(codeOf(report, 'issuer-key')).toBe('KEY_VALID');
  });
});

describe('SD-JWT VC signed with a did:jwk issuer', () => {
  const disclosure = (salt: string, name: string, value: unknown) => base64url.encode(JSON.stringify([salt, name, value]));
  const digest = (d: string) => base64url.encode(sha256(new TextEncoder().encode(d)));

  async function issue() {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const did = `did:jwk:${base64url.encode(JSON.stringify(await exportJWK(publicKey)))}`;
    const given = disclosure('salt-1', 'given_name', 'Ada');
    const degree = disclosure('salt-2', 'degree', 'MSc Computing');
    const jwt = await new SignJWT({ iss: did, vct: 'https://credentials.example/degree', iat: NOW - 60, _sd: [digest(given), digest(degree)], _sd_alg: 'sha-256' })
      .setProtectedHeader({ alg: 'ES256', typ: 'dc+sd-jwt', kid: `${did}#0` })
      .sign(privateKey);
    return { jwt, given, degree };
  }

  it('verifies all disclosures and shows the disclosed claims', async () => {
    const { jwt, given, degree } = await issue();
    const report = await verify(`${jwt}~${given}~${degree}~`, { offline: true });
    expect(codeOf(report, 'disclosures')).toBe('SD_DISCLOSURES_OK');
    expect(report.credential?.claims).toEqual({ given_name: 'Ada', degree: 'MSc Computing' });
    expect(report.verdict).toBe('warning');
  });

  it('accepts a dropped disclosure (selective disclosure) and hides that claim', async () => {
    const { jwt, degree } = await issue();
    const report = await verify(`${jwt}~${degree}~`, { offline: true });
    expect(codeOf(report, 'disclosures')).toBe('SD_DISCLOSURES_OK');
    expect(report.credential?.claims).toEqual({ degree: 'MSc Computing' });
  });

  it('rejects an altered disclosure (SD_DISCLOSURE_UNREFERENCED)', async () => {
    const { jwt, given } = await issue();
    const altered = disclosure('salt-2', 'degree', 'PhD Computing');
    const report = await verify(`${jwt}~${given}~${altered}~`, { offline: true });
    expect(codeOf(report, 'disclosures')).toBe('SD_DISCLOSURE_UNREFERENCED');
    expect(report.verdict).toBe('invalid');
  });

  it('rejects an added disclosure the issuer never signed (SD_DISCLOSURE_UNREFERENCED)', async () => {
    const { jwt, given, degree } = await issue();
    const report = await verify(`${jwt}~${given}~${degree}~${disclosure('salt-3', 'honours', 'first class')}~`, { offline: true });
    expect(codeOf(report, 'disclosures')).toBe('SD_DISCLOSURE_UNREFERENCED');
  });

  it('rejects a repeated disclosure (SD_DIGEST_DUPLICATE)', async () => {
    const { jwt, given } = await issue();
    const report = await verify(`${jwt}~${given}~${given}~`, { offline: true });
    expect(codeOf(report, 'disclosures')).toBe('SD_DIGEST_DUPLICATE');
  });
});
