import { base64Encode } from '../util/bytes.js';
import * as asn1js from 'asn1js';
import { Certificate, ContentInfo, SignedData, TSTInfo } from 'pkijs';
import { certificateDer, readName, validateX5cChain, type X509Name, type X5cValidation } from '../keys/x509.js';

/**
 * RFC 3161 time-stamp tokens: a CMS SignedData over a TSTInfo whose message imprint is the digest
 * of what was time-stamped. A token is good when its imprint matches, its signature verifies with
 * the time-stamping authority's certificate, and that certificate leads to a trusted anchor.
 */
export interface TimestampResult {
  /** `valid`: imprint and signature hold; `mismatch`: the token is for other data; `broken`: unreadable or bad signature. */
  state: 'valid' | 'mismatch' | 'broken';
  genTime?: Date;
  authority?: X509Name;
  chain?: X5cValidation;
  message: string;
}

const DIGESTS: Record<string, 'SHA-256' | 'SHA-384' | 'SHA-512' | 'SHA-1'> = {
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
  '1.3.14.3.2.26': 'SHA-1',
};

const ID_CT_TSTINFO = '1.2.840.113549.1.9.16.1.4';

function b64(text: string): Uint8Array {
  return certificateDer(text);
}

function der(bytes: ArrayBuffer): string {
  return base64Encode(new Uint8Array(bytes));
}

export async function verifyTimestampToken(
  token: string,
  imprintInput: Uint8Array,
  opts: { anchors: readonly string[]; intermediates: readonly string[] },
): Promise<TimestampResult> {
  let signed: SignedData;
  let info: TSTInfo;
  try {
    const bytes = b64(token);
    const asn = asn1js.fromBER(bytes);
    if (asn.offset === -1) throw new Error('not DER');
    signed = new SignedData({ schema: new ContentInfo({ schema: asn.result }).content });
    if (signed.encapContentInfo.eContentType !== ID_CT_TSTINFO || !signed.encapContentInfo.eContent) throw new Error('not a time-stamp token');
    info = TSTInfo.fromBER(signed.encapContentInfo.eContent.getValue() as BufferSource);
  } catch (error) {
    return { state: 'broken', message: `The time-stamp token cannot be read (${(error as Error).message})` };
  }
  const genTime = info.genTime;
  const hash = DIGESTS[info.messageImprint.hashAlgorithm.algorithmId];
  if (!hash || hash === 'SHA-1') return { state: 'broken', genTime, message: 'The time-stamp uses a digest algorithm that is not accepted' };
  const expected = new Uint8Array(await crypto.subtle.digest(hash, imprintInput as BufferSource));
  const actual = new Uint8Array(info.messageImprint.hashedMessage.valueBlock.valueHexView);
  if (expected.byteLength !== actual.byteLength || expected.some((v, i) => v !== actual[i])) {
    return { state: 'mismatch', genTime, message: 'The time-stamp was made for other data, not for this seal' };
  }
  const extra = opts.intermediates.map((t) => {
    try {
      return Certificate.fromBER(b64(t) as BufferSource);
    } catch {
      return undefined;
    }
  }).filter((c): c is Certificate => c !== undefined);
  // pkijs checks the TSTInfo imprint against `data` (the time-stamped bytes) when verifying a token.
  const content = new Uint8Array(imprintInput).slice().buffer;
  let signer: Certificate | undefined;
  try {
    const result = await signed.verify({ signer: 0, checkChain: false, extendedMode: true, data: content });
    if (!result.signatureVerified) throw new Error('signature does not verify');
    signer = result.signerCertificate ?? undefined;
  } catch (error) {
    // pkijs looks for the signer among the token's own certificates; retry with the seal's certificate values.
    try {
      signed.certificates = [...(signed.certificates ?? []), ...extra];
      const result = await signed.verify({ signer: 0, checkChain: false, extendedMode: true, data: content });
      if (!result.signatureVerified) throw new Error('signature does not verify');
      signer = result.signerCertificate ?? undefined;
    } catch {
      const reason = (error as { message?: string }).message ?? String(error);
      return { state: 'broken', genTime, message: `The time-stamp's signature does not verify (${reason})` };
    }
  }
  if (!signer) return { state: 'broken', genTime, message: 'The time-stamping authority\'s certificate is not included' };
  const signerB64 = der(signer.toSchema().toBER(false));
  const chain = await validateX5cChain([signerB64], { at: genTime, anchors: opts.anchors, intermediates: opts.intermediates });
  return { state: 'valid', genTime, authority: readName(signer.subject), chain, message: '' };
}
