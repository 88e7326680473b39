import { CredlensError, IoError } from '../errors.js';
import { isRecord } from '../util/json.js';
import type { Io } from '../io/types.js';
import { certificateDer, parseCertificate } from '../keys/x509.js';
import type { TrustList, TrustedIssuer } from './types.js';

/** A trust list given by the user (file, URL, options page) that is not one: says where the first problem is. */
export class TrustListError extends CredlensError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('TRUST_LIST', message, options);
  }
}

const TIERS = new Set(['trusted', 'known', 'untrusted']);

function optionalString(entry: Record<string, unknown>, key: string, where: string): string | undefined {
  const value = entry[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) throw new TrustListError(`${where}: "${key}" must be a non-empty string`);
  return value;
}

/**
 * Reads a trust list in Credlens's JSON format (documented in docs/trust.md):
 * `{ "name": "…", "issuers": [{ "id"?, "origin"?, "legalIdentifier"?, "name"?, "country"?, "tier"?, "statusListSigners"? }], "anchors"?: ["-----BEGIN CERTIFICATE-----…"] }`.
 * Every issuer needs at least one of id, origin or legalIdentifier. Throws `TrustListError` with the place of the first problem.
 */
export function parseTrustList(value: unknown, source: string): TrustList {
  if (!isRecord(value)) throw new TrustListError(`${source}: a trust list is a JSON object`);
  const name = optionalString(value, 'name', source) ?? source;
  if (!Array.isArray(value.issuers)) throw new TrustListError(`${source}: "issuers" must be an array`);
  const issuers: TrustedIssuer[] = value.issuers.map((raw, i) => {
    const where = `${source}: issuers[${i}]`;
    if (!isRecord(raw)) throw new TrustListError(`${where} must be an object`);
    const issuer: TrustedIssuer = {};
    for (const key of ['id', 'origin', 'legalIdentifier', 'name', 'country'] as const) {
      const v = optionalString(raw, key, where);
      if (v !== undefined) issuer[key] = v;
    }
    if (raw.statusListSigners !== undefined) {
      if (!Array.isArray(raw.statusListSigners) || !raw.statusListSigners.every((v) => typeof v === 'string' && v !== '')) {
        throw new TrustListError(`${where}: "statusListSigners" must be an array of issuer ids (DIDs or URLs)`);
      }
      issuer.statusListSigners = [...raw.statusListSigners] as string[];
    }
    if (raw.tier !== undefined) {
      if (typeof raw.tier !== 'string' || !TIERS.has(raw.tier)) throw new TrustListError(`${where}: "tier" must be trusted, known or untrusted`);
      issuer.tier = raw.tier as TrustedIssuer['tier'];
    }
    if (issuer.origin) {
      let origin: URL;
      try {
        origin = new URL(issuer.origin);
      } catch {
        throw new TrustListError(`${where}: "origin" must be a URL such as https://issuer.example`);
      }
      issuer.origin = origin.origin;
    }
    if (!issuer.id && !issuer.origin && !issuer.legalIdentifier) throw new TrustListError(`${where} needs an id, an origin or a legalIdentifier`);
    return issuer;
  });
  const list: TrustList = { name, source, issuers };
  if (value.anchors !== undefined) {
    if (!Array.isArray(value.anchors) || value.anchors.some((a) => typeof a !== 'string' || !a.includes('-----BEGIN CERTIFICATE-----'))) {
      throw new TrustListError(`${source}: "anchors" must be an array of PEM certificates`);
    }
    (value.anchors as string[]).forEach((pem, i) => {
      try {
        parseCertificate(certificateDer(pem));
      } catch {
        throw new TrustListError(`${source}: anchors[${i}] is not a readable X.509 certificate`);
      }
    });
    list.anchors = value.anchors as string[];
  }
  return list;
}

/**
 * Reads a trust list published at an https URL through the network seam (cached a day, kind
 * `trust-list`), e.g. for the extension's options page. Throws `TrustListError` when it cannot be
 * read or is not a trust list, with the URL and the reason.
 */
export async function loadTrustList(url: string, io: Io): Promise<TrustList> {
  let value: unknown;
  try {
    value = (await io.getJson(url, { kind: 'trust-list' })).value;
  } catch (error) {
    const reason = error instanceof IoError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
    throw new TrustListError(`${url}: the trust list could not be read (${reason})`, { cause: error });
  }
  return parseTrustList(value, url);
}
