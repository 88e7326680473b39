import type { X509Name } from '../../keys/x509.js';
import { sameCountry } from '../../elm/countries.js';

/**
 * ETSI EN 319 412-1 §5.1.4 organisation identifiers: a three-letter scheme (VAT, NTR, PSD, LEI)
 * or a national `XX:` scheme, the country, a hyphen, the identifier: `VATES-B12345678`, `NTREE-17207834`.
 */
export interface OrganizationIdentifier {
  scheme: string;
  country: string;
  id: string;
  raw: string;
}

export function parseOrganizationIdentifier(raw: string | undefined): OrganizationIdentifier | undefined {
  if (!raw) return undefined;
  const m = /^([A-Z]{3}|[A-Z]{2}:)([A-Z]{2})-(.+)$/.exec(raw.trim());
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  return { scheme: m[1], country: m[2], id: m[3], raw };
}

function norm(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Does a legal identifier stated in the credential designate the organisation of the certificate? */
export function identifierMatches(cert: OrganizationIdentifier, stated: { notation: string; country?: string }): boolean {
  if (stated.country && !sameCountry(stated.country, cert.country)) return false;
  const n = norm(stated.notation);
  const id = norm(cert.id);
  // "17207834", "NTREE-17207834", "EE17207834" (a VAT number written with its country prefix)
  return n === id || n === norm(cert.raw) || n === norm(cert.country + cert.id) || n === norm(`${cert.country}:${cert.id}`);
}

export function namesResemble(certificate: X509Name, names: readonly string[]): boolean {
  const simplify = (s: string): string =>
    s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '');
  const candidates = [certificate.organizationName, certificate.commonName].filter((s): s is string => Boolean(s)).map(simplify);
  return names.some((n) => candidates.includes(simplify(n)));
}
