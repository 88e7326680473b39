import 'reflect-metadata';
import * as asn1js from 'asn1js';
import * as x509 from '@peculiar/x509';
import { FlattenedSign, importJWK, type JWK } from 'jose';

/**
 * The demo's eSeal PKI, made at start-up: a demo certification authority (which the job board's
 * trust list anchors), a qualified-style eSeal certificate for the demo university, and a second
 * eSeal certificate the authority has revoked. Seals are JAdES baseline-B in JWS JSON with an
 * unencoded payload (`b64: false`), as Europass issuers make them, carrying the authority's CRL.
 * Demo only: nothing here is trusted outside this process.
 */
export interface DemoSealer {
  /** The authority's certificate (PEM), for the trust list's `anchors`. */
  anchorPem: string;
  organisation: { name: string; vatId: string; country: string };
  seal(payload: Record<string, unknown>, options?: { revokedCertificate?: boolean }): Promise<string>;
}

x509.cryptoProvider.set(globalThis.crypto);

const ECDSA: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGNING: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };
const DAY = 86_400_000;
const ORGANISATION = { name: 'Universitat Demo de València', vatId: 'Q4699999J', country: 'ES' };

/** ETSI EN 319 412-5 QCStatements: QcCompliance and QcType eSeal. */
function qcStatements(): x509.Extension {
  const statement = (oid: string, value?: asn1js.Sequence) => new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: oid }), ...(value ? [value] : [])] });
  const der = new asn1js.Sequence({
    value: [statement('0.4.0.1862.1.1'), statement('0.4.0.1862.1.6', new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: '0.4.0.1862.1.6.2' })] }))],
  }).toBER(false);
  return new x509.Extension('1.3.6.1.5.5.7.1.3', false, der);
}

async function keys(): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey(ECDSA, true, ['sign', 'verify'])) as CryptoKeyPair;
}

export async function createDemoSealer(): Promise<DemoSealer> {
  const now = Date.now();
  const caKeys = await keys();
  const caName = 'C=ES, O=Credlens Demo Trust Services, CN=Credlens Demo Qualified eSeal CA';
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: caName,
    notBefore: new Date(now - 365 * DAY),
    notAfter: new Date(now + 5 * 365 * DAY),
    signingAlgorithm: SIGNING,
    keys: caKeys,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true)],
  });
  const leaf = async (serialNumber: string) => {
    const leafKeys = await keys();
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber,
      subject: `C=${ORGANISATION.country}, O=${ORGANISATION.name}, 2.5.4.97=VAT${ORGANISATION.country}-${ORGANISATION.vatId}, CN=${ORGANISATION.name}`,
      issuer: ca.subject,
      notBefore: new Date(now - 180 * DAY),
      notAfter: new Date(now + 2 * 365 * DAY),
      signingAlgorithm: SIGNING,
      publicKey: leafKeys.publicKey,
      signingKey: caKeys.privateKey,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
        qcStatements(),
      ],
    });
    return { cert, keys: leafKeys };
  };
  const good = await leaf('1001');
  const revoked = await leaf('1002');
  const crl = await x509.X509CrlGenerator.create({
    issuer: ca.subject,
    thisUpdate: new Date(now - DAY),
    nextUpdate: new Date(now + 6 * DAY),
    signingAlgorithm: SIGNING,
    signingKey: caKeys.privateKey,
    entries: [{ serialNumber: revoked.cert.serialNumber, revocationDate: new Date(now - 30 * DAY), reason: x509.X509CrlReason.keyCompromise }],
  });
  const crlB64 = crl.toString('base64');

  return {
    anchorPem: ca.toString('pem'),
    organisation: ORGANISATION,
    async seal(payload, options = {}) {
      const signer = options.revokedCertificate ? revoked : good;
      const text = JSON.stringify(payload);
      const jwk = (await crypto.subtle.exportKey('jwk', signer.keys.privateKey)) as JWK;
      delete jwk.key_ops;
      const key = await importJWK(jwk, 'ES256');
      const jws = await new FlattenedSign(new TextEncoder().encode(text))
        .setProtectedHeader({
          alg: 'ES256',
          b64: false,
          crit: ['b64', 'sigT'],
          sigT: new Date(now - 2 * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          x5c: [signer.cert.toString('base64'), ca.toString('base64')],
          typ: 'jose+json',
          cty: 'application/vc+ld+json',
        })
        .sign(key, { crit: { sigT: true } });
      // Revocation data rides in the unprotected etsiU header, as in baseline-LT seals.
      const etsiU = [Buffer.from(JSON.stringify({ rVals: { crlVals: [{ val: crlB64 }] } })).toString('base64url')];
      return JSON.stringify({ payload: text, signatures: [{ protected: jws.protected, header: { etsiU }, signature: jws.signature }] }, null, 2);
    },
  };
}
