import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { verify } from '../../../lib/index.js';
import type { FetchLike } from '../../../lib/io/types.js';
import { makeCa } from '../../support/test-ca.js';

const noNetwork: FetchLike = async (url) => {
  throw new Error(`no network in this test (${url})`);
};

/** An SD-JWT VC for https://issuer.example whose key comes from its x5c header, under a fresh root. */
async function sdJwtWithX5c() {
  const root = await makeCa({ subject: { commonName: 'Badge Platform Root CA' } });
  const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: '0b1c2d',
    subject: 'CN=issuer.example',
    issuer: root.cert.subject,
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2035-01-01T00:00:00Z'),
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    publicKey: keys.publicKey,
    signingKey: root.keys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'issuer.example' }]),
    ],
  });
  const jwt = await new SignJWT({ iss: 'https://issuer.example', vct: 'https://credentials.example/degree', iat: Math.floor(Date.now() / 1000) - 60 })
    .setProtectedHeader({ alg: 'ES256', typ: 'dc+sd-jwt', x5c: [Buffer.from(leaf.rawData).toString('base64'), root.b64] })
    .sign(keys.privateKey);
  return { text: `${jwt}~`, rootPem: root.pem };
}

describe('an x5c chain vouches through the list that holds its anchor', () => {
  it('makes the anchor list vouch for an SD-JWT VC issuer whose x5c key verified the proof', async () => {
    const { text, rootPem } = await sdJwtWithX5c();
    const report = await verify(text, { fetch: noNetwork, trust: [{ name: 'Employer list', issuers: [] }, { name: 'Badge platforms', issuers: [], anchors: [rootPem] }] });
    expect(report.checks.find((c) => c.id === 'proof')?.code).toBe('PROOF_VALID');
    const trust = report.checks.find((c) => c.id === 'trust');
    expect(trust?.code).toBe('TRUST_LISTED');
    expect(trust?.details).toMatchObject({ list: 'Badge platforms', matchedBy: 'anchor' });
  });
});
