import { base64Decode, bytesEqual } from '../util/bytes.js';
import { failure, ok, type Failure, type Result } from '../util/result.js';
import * as asn1js from 'asn1js';
import { base64url, flattenedVerify, importJWK, errors as joseErrors } from 'jose';
import { GeneralNames, type Certificate } from 'pkijs';
import { decodeJwsPart } from '../input/jws-parts.js';
import { isRecord } from '../util/json.js';
import type { Sniffed } from '../input/sniff.js';
import { publicKeyJwk } from '../keys/x509.js';

/**
 * JAdES (ETSI TS 119 182-1) seals over a JWS: JSON general or flattened serialisation, or compact;
 * typically with an unencoded payload (RFC 7797 `b64: false`), so the seal covers the exact
 * payload bytes. `jose` verifies the signature; this module reads the JAdES parts around it.
 */

export const SEAL_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'] as const;

/** Header parameters a `crit` list may name that Credlens processes (or deliberately tolerates, as noted). */
const UNDERSTOOD_CRIT = new Set([
  'b64', // RFC 7797, processed by jose
  'sigT', // claimed signing time: read by the timestamp check
  'x5t#o', // other-digest reference to the signing certificate: compared when its digest is SHA-2
  'sigX5ts', // references to certificates of the chain: compared below
  'srCms', // commitments (proof of origin...): shown, no effect on validity
  'srAts', // signer attributes (roles): shown, no effect on validity
  'sigPl', // signature production place: shown
  'sigPId', // signature policy identifier: shown, the policy is not enforced
  'adoTst', // content time-stamps (all data objects): read by the timestamp check
  'cty',
]);

export interface JadesSignature {
  protected: string;
  header: Record<string, unknown>;
  unprotected: Record<string, unknown> | undefined;
  signature: string;
}

export interface ParsedJades {
  serialization: 'general' | 'flattened' | 'compact';
  /** The payload exactly as sealed: the JWS payload member (unencoded) or its base64url text. */
  payload: string;
  /** The payload decoded to text (identical to `payload` when `b64` is false). */
  payloadText: string;
  signatures: JadesSignature[];
}

export type JadesParseResult = Result<ParsedJades, Failure<'SEAL_MALFORMED' | 'SEAL_DETACHED_UNSUPPORTED'>>;

function malformed(message: string): JadesParseResult {
  return failure('SEAL_MALFORMED', message);
}

function decodeText(b64u: string): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(b64u));
  } catch {
    return undefined;
  }
}

function readSignature(raw: unknown, where: string): JadesSignature | string {
  if (!isRecord(raw)) return `${where} is not an object`;
  if (typeof raw.protected !== 'string' || raw.protected === '') return `${where} has no protected header (a JAdES seal must protect its header)`;
  if (typeof raw.signature !== 'string') return `${where} has no signature value`;
  const header = decodeJwsPart(raw.protected);
  if (!isRecord(header)) return `${where}: the protected header is not base64url-encoded JSON`;
  if (raw.header !== undefined && !isRecord(raw.header)) return `${where}: the unprotected header is not an object`;
  return { protected: raw.protected, header, unprotected: raw.header as Record<string, unknown> | undefined, signature: raw.signature };
}

export function parseJades(sniffed: Sniffed): JadesParseResult {
  if (sniffed.kind === 'jws-compact') {
    const [h = '', p = '', s = ''] = sniffed.text.split('.');
    const sig = readSignature({ protected: h, signature: s }, 'The seal');
    if (typeof sig === 'string') return malformed(sig);
    if (p === '') return failure('SEAL_DETACHED_UNSUPPORTED', 'The seal is detached: the sealed content is not included with it');
    const text = sig.header.b64 === false ? p : decodeText(p);
    if (text === undefined) return malformed('The payload is not base64url-encoded UTF-8');
    return ok({ serialization: 'compact', payload: p, payloadText: text, signatures: [sig] });
  }
  if (sniffed.kind !== 'jws-json') return malformed('The input is not a JWS');
  const value = sniffed.value;
  if (typeof value.payload !== 'string') return failure('SEAL_DETACHED_UNSUPPORTED', 'The seal is detached: the sealed content is not included with it');
  const raws = Array.isArray(value.signatures) ? value.signatures : [value];
  if (raws.length === 0) return malformed('The seal has no signatures');
  if (raws.length > 8) return malformed('The seal has more signatures than any credential needs');
  const signatures: JadesSignature[] = [];
  for (const [i, raw] of raws.entries()) {
    const sig = readSignature(raw, raws.length > 1 ? `Signature ${i + 1}` : 'The seal');
    if (typeof sig === 'string') return malformed(sig);
    signatures.push(sig);
  }
  const b64Values = new Set(signatures.map((s) => s.header.b64 !== false));
  if (b64Values.size > 1) return malformed('The signatures disagree on whether the payload is encoded');
  const encoded = b64Values.has(true);
  const text = encoded ? decodeText(value.payload) : value.payload;
  if (text === undefined) return malformed('The payload is not base64url-encoded UTF-8');
  return ok({ serialization: Array.isArray(value.signatures) ? 'general' : 'flattened', payload: value.payload, payloadText: text, signatures });
}

type IntegrityFailureCode =
    | 'SEAL_SIGNATURE_INVALID'
    | 'SEAL_MALFORMED'
    | 'SEAL_CRIT_UNKNOWN'
    | 'SEAL_ALG_REJECTED'
    | 'SEAL_CERT_REFERENCE_MISMATCH'
    | 'SEAL_NO_CERTIFICATE'
    | 'SEAL_DETACHED_UNSUPPORTED';

/** Every signature verified (`value.alg`: the algorithm), or the check the first failure becomes (`details.alg` when known). */
export type IntegrityResult = Result<{ alg?: string }, Failure<IntegrityFailureCode>>;
type IntegrityFailure = { ok: false; check: Failure<IntegrityFailureCode> };

/** `crit` must be a non-empty array of names present in the protected header, each one understood. */
export function checkCrit(header: Record<string, unknown>): IntegrityFailure | undefined {
  const crit = header.crit;
  if (crit === undefined) return undefined;
  if (!Array.isArray(crit) || crit.length === 0 || crit.some((c) => typeof c !== 'string')) {
    return failure('SEAL_MALFORMED', '"crit" must be a non-empty list of header names');
  }
  for (const name of crit as string[]) {
    if (name === 'sigD') return failure('SEAL_DETACHED_UNSUPPORTED', 'The seal is detached ("sigD"): the sealed content is stored elsewhere');
    if (!UNDERSTOOD_CRIT.has(name)) return failure('SEAL_CRIT_UNKNOWN', `The seal marks "${name}" as critical, and Credlens does not understand it`);
    if (!(name in header)) return failure('SEAL_MALFORMED', `"crit" names "${name}", which the protected header does not contain`);
  }
  return undefined;
}

async function sha(alg: 'SHA-256' | 'SHA-384' | 'SHA-512', data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(alg, data as BufferSource));
}

const DIGEST_OIDS: Record<string, 'SHA-256' | 'SHA-384' | 'SHA-512'> = {
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
  'S256': 'SHA-256',
  'S384': 'SHA-384',
  'S512': 'SHA-512',
};


/** An ETSI `kid`: base64 DER of IssuerSerial (RFC 5035); true/false when readable, undefined otherwise. */
function kidMatches(kid: string, cert: Certificate): boolean | undefined {
  let der: Uint8Array;
  try {
    der = base64Decode(kid);
  } catch {
    return undefined;
  }
  const asn = asn1js.fromBER(der);
  if (asn.offset === -1 || !(asn.result instanceof asn1js.Sequence)) return undefined;
  const [names, serial] = asn.result.valueBlock.value;
  if (!(names instanceof asn1js.Sequence) || !(serial instanceof asn1js.Integer)) return undefined;
  try {
    const general = new GeneralNames({ schema: names });
    const dirName = general.names.find((n) => n.type === 4);
    if (!dirName) return undefined;
    const sameIssuer = (dirName.value as Certificate['issuer']).isEqual(cert.issuer);
    const sameSerial = bytesEqual(new Uint8Array(serial.valueBlock.valueHexView), new Uint8Array(cert.serialNumber.valueBlock.valueHexView));
    return sameIssuer && sameSerial;
  } catch {
    return undefined;
  }
}

/** The protected references to the signing certificate must name the certificate the seal carries. */
async function checkCertReferences(header: Record<string, unknown>, leafDer: Uint8Array, leaf: Certificate): Promise<IntegrityFailure | undefined> {
  const mismatch = (what: string): IntegrityFailure => failure('SEAL_CERT_REFERENCE_MISMATCH', `The seal's ${what} does not match the certificate it carries`);
  if (typeof header['x5t#S256'] === 'string') {
    if (base64url.encode(await sha('SHA-256', leafDer)) !== header['x5t#S256']) return mismatch('certificate thumbprint (x5t#S256)');
  }
  const other = header['x5t#o'];
  if (isRecord(other) && typeof other.digAlg === 'string' && typeof other.digVal === 'string') {
    const alg = DIGEST_OIDS[other.digAlg] ?? DIGEST_OIDS[other.digAlg.replace(/^urn:oid:/, '')];
    if (alg && base64url.encode(await sha(alg, leafDer)) !== other.digVal) return mismatch('certificate digest (x5t#o)');
  }
  if (typeof header.kid === 'string' && kidMatches(header.kid, leaf) === false) return mismatch('key identifier (kid: issuer and serial number)');
  return undefined;
}

/**
 * Verifies every signature of the seal over the exact payload with the key of its `x5c` leaf.
 * The certificate itself (chain, validity, trust) is judged by the certificate check.
 */
export async function verifyIntegrity(jades: ParsedJades, leafOf: (sig: JadesSignature) => Promise<{ der: Uint8Array; cert: Certificate } | undefined>): Promise<IntegrityResult> {
  let alg: string | undefined;
  for (const sig of jades.signatures) {
    const header = sig.header;
    if (sig.unprotected && Object.keys(sig.unprotected).some((k) => k in header)) {
      return failure('SEAL_MALFORMED', 'A header parameter appears both protected and unprotected');
    }
    if (typeof header.alg !== 'string' || !(SEAL_ALGORITHMS as readonly string[]).includes(header.alg)) {
      return failure('SEAL_ALG_REJECTED', `The seal algorithm "${String(header.alg)}" is not accepted (accepted: ${SEAL_ALGORITHMS.join(', ')})`);
    }
    alg = header.alg;
    const crit = checkCrit(header);
    if (crit) return crit;
    if (!Array.isArray(header.x5c) || header.x5c.length === 0) {
      return failure('SEAL_NO_CERTIFICATE', 'The seal carries no certificate (x5c), so the key that made it cannot be found offline');
    }
    const leaf = await leafOf(sig);
    if (!leaf) return failure('SEAL_MALFORMED', 'The seal\'s certificate (x5c) is not a readable X.509 certificate');
    const refs = await checkCertReferences(header, leaf.der, leaf.cert);
    if (refs) return refs;

    let key: CryptoKey | Uint8Array;
    try {
      key = await importJWK(await publicKeyJwk(leaf.cert), header.alg);
    } catch (error) {
      return failure('SEAL_ALG_REJECTED', `The certificate's key cannot make "${header.alg}" seals (${(error as Error).message})`);
    }
    const crit2 = Array.isArray(header.crit) ? Object.fromEntries((header.crit as string[]).filter((c) => c !== 'b64').map((c) => [c, true])) : {};
    try {
      await flattenedVerify(
        { protected: sig.protected, payload: jades.payload, signature: sig.signature, ...(sig.unprotected ? { header: sig.unprotected } : {}) },
        key,
        { algorithms: [...SEAL_ALGORITHMS], crit: crit2 },
      );
    } catch (error) {
      if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
        return failure('SEAL_SIGNATURE_INVALID', 'The seal does not match the sealed content: the credential was changed after sealing, or the seal is not genuine', { alg });
      }
      return failure('SEAL_MALFORMED', `The seal could not be checked: ${(error as Error).message}`, { alg });
    }
  }
  return ok(alg ? { alg } : {});
}
