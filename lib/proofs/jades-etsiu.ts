import { base64url } from 'jose';
import { isRecord } from '../util/json.js';

/**
 * The unprotected `etsiU` array of a JAdES seal: validation data added after sealing (signature
 * time-stamps, certificate values, revocation values, archive time-stamps). Each item is either a
 * JSON object or, in base64url incorporation, its base64url encoding. None of it is covered by the
 * seal: every value is checked on its own (time-stamp signatures, CRL and OCSP signatures).
 */
export interface EtsiUnsigned {
  /** RFC 3161 time-stamp tokens over the signature value (`sigTst`), base64 DER. */
  signatureTimestamps: string[];
  /** Archive time-stamps (`arcTst`), base64 DER: read, not verified. */
  archiveTimestamps: string[];
  /** Certificate values (`xVals`, `axVals`), base64 DER. */
  certificates: string[];
  /** CRLs (`rVals.crlVals`, `arVals.crlVals`), base64 DER. */
  crls: string[];
  /** OCSP responses (`rVals.ocspVals`, `arVals.ocspVals`), base64 DER. */
  ocsps: string[];
  /** Item names found, in order. */
  items: string[];
}

const MAX_ITEMS = 64;

function decodeItem(item: unknown): Record<string, unknown> | undefined {
  if (isRecord(item)) return item;
  if (typeof item !== 'string' || item.length > 2_000_000) return undefined;
  try {
    const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(item))) as unknown;
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function vals(list: unknown, key?: string): string[] {
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const entry of list.slice(0, MAX_ITEMS)) {
    const holder = key && isRecord(entry) ? entry[key] : entry;
    if (isRecord(holder) && typeof holder.val === 'string') out.push(holder.val);
  }
  return out;
}

function tokens(value: unknown): string[] {
  return isRecord(value) ? vals(value.tstTokens) : [];
}

export function readEtsiU(unprotected: Record<string, unknown> | undefined): EtsiUnsigned {
  const out: EtsiUnsigned = { signatureTimestamps: [], archiveTimestamps: [], certificates: [], crls: [], ocsps: [], items: [] };
  const list = unprotected?.etsiU;
  if (!Array.isArray(list)) return out;
  for (const raw of list.slice(0, MAX_ITEMS)) {
    const item = decodeItem(raw);
    if (!item) continue;
    for (const [name, value] of Object.entries(item)) {
      out.items.push(name);
      if (name === 'sigTst') out.signatureTimestamps.push(...tokens(value));
      else if (name === 'arcTst') out.archiveTimestamps.push(...tokens(value));
      else if (name === 'xVals' || name === 'axVals') out.certificates.push(...vals(value, 'x509Cert'));
      else if ((name === 'rVals' || name === 'arVals') && isRecord(value)) {
        out.crls.push(...vals(value.crlVals));
        out.ocsps.push(...vals(value.ocspVals));
      }
    }
  }
  return out;
}
