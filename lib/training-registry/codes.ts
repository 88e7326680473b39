/**
 * How registry codes are written in credentials and how they are compared. France Compétences
 * codes appear as `RNCP37674`, `RNCP 37674`, `RS5476`, block codes as `RNCP37674BC01`, and as
 * pages such as https://www.francecompetences.fr/recherche/rncp/37674/.
 */

const FRANCE_COMPETENCES_PAGE = /^https?:\/\/(?:www\.)?francecompetences\.fr\/recherche\/(rncp|rs)\/(\d{1,6})\/?(?:[?#].*)?$/i;
const FRENCH_CODE = /^(RNCP|RS)\s*-?\s*(\d{1,6})(?:\s*-?\s*(BC\s*\d{1,3}))?$/i;

/** The key a code is looked up by: France Compétences forms unified, everything else trimmed and upper-cased. */
export function codeKey(value: string): string {
  const trimmed = value.trim();
  const page = FRANCE_COMPETENCES_PAGE.exec(trimmed);
  if (page) return `${(page[1] as string).toUpperCase()}${page[2]}`;
  const french = FRENCH_CODE.exec(trimmed);
  if (french) return `${(french[1] as string).toUpperCase()}${french[2]}${french[3] ? french[3].replace(/\s+/g, '').toUpperCase() : ''}`;
  return trimmed.replace(/\s+/g, ' ').toUpperCase();
}

/** True when the value is written as a France Compétences code or page: a credential that names one claims a listing. */
export function isRegistryCodeForm(value: string): boolean {
  const trimmed = value.trim();
  return FRANCE_COMPETENCES_PAGE.test(trimmed) || FRENCH_CODE.test(trimmed);
}

/** Legal identifiers compared by their digits and letters; a 9-digit SIREN matches the 14-digit SIRETs of its establishments. */
export function sameLegalIdentifier(a: string, b: string): boolean {
  const x = legalKey(a);
  const y = legalKey(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const digitsOnly = /^\d+$/;
  if (digitsOnly.test(x) && digitsOnly.test(y)) {
    if (x.length === 9 && y.length === 14) return y.startsWith(x);
    if (y.length === 9 && x.length === 14) return x.startsWith(y);
  }
  return false;
}

function legalKey(value: string): string {
  // "FR:12345678901234", "SIRET 123 456 789 00012", "urn:…:FR-123…": keep what identifies, drop the scheme words.
  const cleaned = value.toUpperCase().replace(/^(URN:[^:]+:)+/, '').replace(/\b(SIRET|SIREN|VAT|EORI|LEI)\b/g, '');
  const parts = cleaned.replace(/^[A-Z]{2}[:\-_ ](?=\w)/, '').replace(/[^A-Z0-9]/g, '');
  return parts;
}
