import 'reflect-metadata';
import * as asn1js from 'asn1js';
import * as x509 from '@peculiar/x509';

/**
 * A throw-away PKI for tests: a root CA, optionally an intermediate, and an eSeal leaf with the
 * fields a qualified seal certificate carries (organizationIdentifier, QC statements). Keys are
 * generated per test run; nothing here is trusted outside the test that makes it.
 */

x509.cryptoProvider.set(globalThis.crypto);

export type TestKeyAlg = 'RS256' | 'PS256' | 'ES256';

const KEY_PARAMS: Record<TestKeyAlg, RsaHashedKeyGenParams | EcKeyGenParams> = {
  RS256: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
  PS256: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
  ES256: { name: 'ECDSA', namedCurve: 'P-256' },
};

const SIGNING: Record<TestKeyAlg, Algorithm | EcdsaParams> = {
  RS256: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as Algorithm,
  PS256: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as Algorithm,
  ES256: { name: 'ECDSA', hash: 'SHA-256' } as EcdsaParams,
};

export interface TestCert {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
  /** base64 DER, as in x5c */
  b64: string;
  pem: string;
}

export interface SubjectFields {
  commonName: string;
  organizationName?: string;
  organizationIdentifier?: string;
  country?: string;
}

function name(fields: SubjectFields): x509.JsonName {
  const out: x509.JsonName = [];
  if (fields.country) out.push({ '2.5.4.6': [fields.country] });
  if (fields.organizationName) out.push({ '2.5.4.10': [fields.organizationName] });
  if (fields.organizationIdentifier) out.push({ '2.5.4.97': [fields.organizationIdentifier] });
  out.push({ '2.5.4.3': [fields.commonName] });
  return out;
}

/** ETSI EN 319 412-5 QCStatements: QcCompliance and QcType eSeal (or eSign). */
export function qcStatementsExtension(type: 'eseal' | 'esign' = 'eseal', compliance = true): x509.Extension {
  const statements: asn1js.Sequence[] = [];
  if (compliance) statements.push(new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: '0.4.0.1862.1.1' })] }));
  statements.push(
    new asn1js.Sequence({
      value: [
        new asn1js.ObjectIdentifier({ value: '0.4.0.1862.1.6' }),
        new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: type === 'eseal' ? '0.4.0.1862.1.6.2' : '0.4.0.1862.1.6.1' })] }),
      ],
    }),
  );
  const der = new asn1js.Sequence({ value: statements }).toBER(false);
  return new x509.Extension('1.3.6.1.5.5.7.1.3', false, der);
}

async function generate(alg: TestKeyAlg): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey(KEY_PARAMS[alg], true, ['sign', 'verify'])) as CryptoKeyPair;
}

function wrap(cert: x509.X509Certificate, keys: CryptoKeyPair): TestCert {
  return { cert, keys, b64: cert.toString('base64'), pem: cert.toString('pem') };
}

let serial = 1;
function nextSerial(): string {
  serial += 1;
  return serial.toString(16).padStart(4, '0');
}

export async function makeCa(opts: { subject?: SubjectFields; issuer?: TestCert; alg?: TestKeyAlg; notBefore?: Date; notAfter?: Date } = {}): Promise<TestCert> {
  const alg = opts.alg ?? 'ES256';
  const keys = await generate(alg);
  const subject = opts.subject ?? { commonName: 'Credlens Test Root CA', organizationName: 'Credlens Tests', country: 'BE' };
  const issuerKeys = opts.issuer?.keys ?? keys;
  const issuerAlg = opts.issuer ? (opts.issuer.keys.privateKey.algorithm.name === 'ECDSA' ? 'ES256' : 'RS256') : alg;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject: name(subject),
    issuer: opts.issuer ? opts.issuer.cert.subjectName.toJSON() : name(subject),
    notBefore: opts.notBefore ?? new Date('2020-01-01T00:00:00Z'),
    notAfter: opts.notAfter ?? new Date('2035-01-01T00:00:00Z'),
    signingAlgorithm: SIGNING[issuerAlg],
    publicKey: keys.publicKey,
    signingKey: issuerKeys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  return wrap(cert, keys);
}

export interface LeafOptions {
  subject?: SubjectFields;
  alg?: TestKeyAlg;
  notBefore?: Date;
  notAfter?: Date;
  qc?: 'eseal' | 'esign' | 'none' | 'type-only';
  keyUsage?: x509.KeyUsageFlags;
  ca?: boolean;
}

export async function makeLeaf(issuer: TestCert, opts: LeafOptions = {}): Promise<TestCert> {
  const alg = opts.alg ?? 'ES256';
  const keys = await generate(alg);
  const issuerAlg: TestKeyAlg = issuer.keys.privateKey.algorithm.name === 'ECDSA' ? 'ES256' : 'RS256';
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(opts.ca === true, undefined, true),
    new x509.KeyUsagesExtension(opts.keyUsage ?? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
  ];
  const qc = opts.qc ?? 'eseal';
  if (qc === 'eseal' || qc === 'esign') extensions.push(qcStatementsExtension(qc));
  if (qc === 'type-only') extensions.push(qcStatementsExtension('eseal', false));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject: name(opts.subject ?? { commonName: 'Universidad de Prueba', organizationName: 'Universidad de Prueba', organizationIdentifier: 'VATES-Q2818014I', country: 'ES' }),
    issuer: issuer.cert.subjectName.toJSON(),
    notBefore: opts.notBefore ?? new Date('2025-01-01T00:00:00Z'),
    notAfter: opts.notAfter ?? new Date('2030-01-01T00:00:00Z'),
    signingAlgorithm: SIGNING[issuerAlg],
    publicKey: keys.publicKey,
    signingKey: issuer.keys.privateKey,
    extensions,
  });
  return wrap(cert, keys);
}

/** A CRL by `ca` (base64 DER), listing the given serial numbers as revoked on the given dates. */
export async function makeCrl(ca: TestCert, revoked: Array<{ cert: TestCert; on: Date }> = [], thisUpdate = new Date('2026-05-31T00:00:00Z'), nextUpdate = new Date('2026-06-07T00:00:00Z')): Promise<string> {
  const alg: TestKeyAlg = ca.keys.privateKey.algorithm.name === 'ECDSA' ? 'ES256' : 'RS256';
  const crl = await x509.X509CrlGenerator.create({
    issuer: ca.cert.subjectName.toJSON(),
    thisUpdate,
    nextUpdate,
    signingAlgorithm: SIGNING[alg],
    signingKey: ca.keys.privateKey,
    // pkijs cannot read an entry without extensions, and real CRLs state a reason: give one.
    entries: revoked.map((r) => ({ serialNumber: r.cert.cert.serialNumber, revocationDate: r.on, reason: x509.X509CrlReason.keyCompromise })),
  });
  return crl.toString('base64');
}
