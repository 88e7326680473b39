import { bytesEqual } from '../util/bytes.js';
import * as asn1js from 'asn1js';
import type { Certificate} from 'pkijs';
import { BasicOCSPResponse, CertificateRevocationList, OCSPResponse } from 'pkijs';
import { certificateDer } from '../keys/x509.js';

/**
 * Was a certificate revoked at a given instant, according to revocation data carried with a seal
 * (JAdES `rVals`: CRLs and OCSP responses)? Each CRL or response counts only when it is signed by
 * the certificate's issuer (or, for OCSP, a responder it names) and it was current at that instant.
 */
export interface RevocationResult {
  state: 'good' | 'revoked' | 'unknown';
  /** When revoked: the revocation date. */
  revokedAt?: Date;
  /** What answered: 'crl' or 'ocsp', with its issue time. */
  source?: { kind: 'crl' | 'ocsp'; producedAt: Date; nextUpdate?: Date };
  message: string;
}

function parse<T>(text: string, make: (schema: asn1js.AsnType) => T): T | undefined {
  try {
    const asn = asn1js.fromBER(certificateDer(text));
    return asn.offset === -1 ? undefined : make(asn.result);
  } catch {
    return undefined;
  }
}

/** Serial numbers compared as numbers: encoders differ on leading zero bytes. */
function sameSerial(a: asn1js.Integer, b: asn1js.Integer): boolean {
  const strip = (i: asn1js.Integer): Uint8Array => {
    const v = new Uint8Array(i.valueBlock.valueHexView);
    let k = 0;
    while (k < v.length - 1 && v[k] === 0) k++;
    return v.subarray(k);
  };
  const x = strip(a);
  const y = strip(b);
  return bytesEqual(x, y);
}

async function fromCrl(crl: CertificateRevocationList, cert: Certificate, issuer: Certificate, at: Date): Promise<RevocationResult | undefined> {
  if (!crl.issuer.isEqual(cert.issuer)) return undefined;
  try {
    if (!(await crl.verify({ issuerCertificate: issuer }))) return undefined;
  } catch {
    return undefined;
  }
  const producedAt = crl.thisUpdate.value;
  const nextUpdate = crl.nextUpdate?.value;
  const source = { kind: 'crl' as const, producedAt, ...(nextUpdate ? { nextUpdate } : {}) };
  const entry = crl.revokedCertificates?.find((r) => sameSerial(r.userCertificate, cert.serialNumber));
  if (entry) {
    const revokedAt = entry.revocationDate.value;
    if (revokedAt.getTime() <= at.getTime()) return { state: 'revoked', revokedAt, source, message: `revoked on ${revokedAt.toISOString()}` };
    return { state: 'good', revokedAt, source, message: `revoked later, on ${revokedAt.toISOString()}, after the seal was made` };
  }
  const current = producedAt.getTime() >= at.getTime() || (nextUpdate !== undefined && nextUpdate.getTime() >= at.getTime());
  if (!current) return { state: 'unknown', source, message: `the revocation list in the seal is from ${producedAt.toISOString()} and was out of date when the seal was made` };
  return { state: 'good', source, message: `not on the revocation list issued ${producedAt.toISOString()}` };
}

async function fromOcsp(response: OCSPResponse, cert: Certificate, issuer: Certificate, at: Date): Promise<RevocationResult | undefined> {
  if (response.responseStatus.valueBlock.valueDec !== 0 || !response.responseBytes) return undefined;
  let basic: BasicOCSPResponse;
  try {
    basic = BasicOCSPResponse.fromBER(response.responseBytes.response.valueBlock.valueHexView as BufferSource);
    if (!(await basic.verify({ trustedCerts: [issuer] }))) return undefined;
  } catch {
    return undefined;
  }
  let status: { isForCertificate: boolean; status: number };
  try {
    status = await basic.getCertificateStatus(cert, issuer);
  } catch {
    return undefined;
  }
  if (!status.isForCertificate) return undefined;
  const producedAt = basic.tbsResponseData.producedAt;
  const source = { kind: 'ocsp' as const, producedAt };
  if (status.status === 1) {
    const single = basic.tbsResponseData.responses.find((r) => sameSerial(r.certID.serialNumber, cert.serialNumber));
    const revokedAt = (single?.certStatus as { valueBlock?: { value?: Array<{ toDate?: () => Date }> } } | undefined)?.valueBlock?.value?.[0]?.toDate?.();
    if (!revokedAt || revokedAt.getTime() <= at.getTime()) return { state: 'revoked', ...(revokedAt ? { revokedAt } : {}), source, message: 'reported revoked by the OCSP responder' };
    return { state: 'good', revokedAt, source, message: `revoked later, on ${revokedAt.toISOString()}, after the seal was made` };
  }
  if (status.status === 0) return { state: 'good', source, message: `reported good by the OCSP responder at ${producedAt.toISOString()}` };
  return { state: 'unknown', source, message: 'the OCSP responder does not know the certificate' };
}

export async function revocationAt(
  cert: Certificate,
  issuer: Certificate | undefined,
  data: { crls: readonly string[]; ocsps: readonly string[] },
  at: Date,
): Promise<RevocationResult> {
  if (data.crls.length === 0 && data.ocsps.length === 0) return { state: 'unknown', message: 'The seal carries no revocation data' };
  if (!issuer) return { state: 'unknown', message: 'The certificate of the authority that issued the seal certificate is not included, so the revocation data cannot be checked' };
  const results: RevocationResult[] = [];
  for (const text of data.ocsps) {
    const response = parse(text, (schema) => new OCSPResponse({ schema }));
    const r = response && (await fromOcsp(response, cert, issuer, at));
    if (r) results.push(r);
  }
  for (const text of data.crls) {
    const crl = parse(text, (schema) => new CertificateRevocationList({ schema }));
    const r = crl && (await fromCrl(crl, cert, issuer, at));
    if (r) results.push(r);
  }
  return (
    results.find((r) => r.state === 'revoked') ??
    results.find((r) => r.state === 'good') ??
    results[0] ?? { state: 'unknown', message: 'None of the revocation data in the seal was issued and signed by the certificate\'s authority' }
  );
}
