import * as asn1js from 'asn1js';
import type { Certificate } from 'pkijs';

/**
 * The qualified-certificate statements of ETSI EN 319 412-5 (extension 1.3.6.1.5.5.7.1.3):
 * whether a certificate declares itself EU qualified, for what (signature, seal, website), and on a
 * qualified signature creation device. A declaration only: a trusted list confirms it.
 */
export interface QcStatements {
  /** esi4-qcStatement-1: an EU qualified certificate. */
  compliance: boolean;
  /** esi4-qcStatement-4: the private key is in a qualified signature/seal creation device. */
  sscd: boolean;
  /** esi4-qcStatement-6: eSign, eSeal, web. */
  types: Array<'esign' | 'eseal' | 'web'>;
  /** esi4-qcStatement-7: legislation of a non-EU country the certificate is qualified under. */
  legislation?: string[];
  /** Every statement id found. */
  ids: string[];
}

const QC_COMPLIANCE = '0.4.0.1862.1.1';
const QC_SSCD = '0.4.0.1862.1.4';
const QC_TYPE = '0.4.0.1862.1.6';
const QC_LEGISLATION = '0.4.0.1862.1.7';
const QC_TYPES: Record<string, 'esign' | 'eseal' | 'web'> = {
  '0.4.0.1862.1.6.1': 'esign',
  '0.4.0.1862.1.6.2': 'eseal',
  '0.4.0.1862.1.6.3': 'web',
};

/** Reads the QC statements; `undefined` when the certificate has none or they do not parse. */
export function readQcStatements(cert: Certificate): QcStatements | undefined {
  const ext = cert.extensions?.find((e) => e.extnID === '1.3.6.1.5.5.7.1.3');
  if (!ext) return undefined;
  const asn = asn1js.fromBER(ext.extnValue.valueBlock.valueHexView);
  if (asn.offset === -1 || !(asn.result instanceof asn1js.Sequence)) return undefined;
  const out: QcStatements = { compliance: false, sscd: false, types: [], ids: [] };
  for (const statement of asn.result.valueBlock.value) {
    if (!(statement instanceof asn1js.Sequence)) continue;
    const [idNode, info] = statement.valueBlock.value;
    if (!(idNode instanceof asn1js.ObjectIdentifier)) continue;
    const id = idNode.valueBlock.toString();
    out.ids.push(id);
    if (id === QC_COMPLIANCE) out.compliance = true;
    else if (id === QC_SSCD) out.sscd = true;
    else if (id === QC_TYPE && info instanceof asn1js.Sequence) {
      for (const t of info.valueBlock.value) {
        const type = t instanceof asn1js.ObjectIdentifier ? QC_TYPES[t.valueBlock.toString()] : undefined;
        if (type && !out.types.includes(type)) out.types.push(type);
      }
    } else if (id === QC_LEGISLATION && info instanceof asn1js.Sequence) {
      out.legislation = info.valueBlock.value.map((c) => (c as asn1js.PrintableString).valueBlock?.value).filter((c): c is string => typeof c === 'string');
    }
  }
  return out;
}
