/**
 * ISO 3166 alpha-3 → alpha-2 for the countries whose codes appear in EU authority tables
 * (EU, EEA, candidates and frequent partners). ELM names countries by EU Publications Office URIs
 * (http://publications.europa.eu/resource/authority/country/EST); certificates by alpha-2.
 *
 * Why a table and not a package: no maintained ISO 3166 package is a dependency (i18n-iso-countries,
 * countries-list, world-countries and iso-3166-1 are not installed), and one would add its full
 * 249-country data and names to the widget for 50 codes. Only this mapping is needed: country names
 * for people come from the language packs. Unknown codes give `undefined`, never a guess.
 */
const ALPHA3: Record<string, string> = {
  AUT: 'AT', BEL: 'BE', BGR: 'BG', HRV: 'HR', CYP: 'CY', CZE: 'CZ', DNK: 'DK', EST: 'EE', FIN: 'FI', FRA: 'FR',
  DEU: 'DE', GRC: 'GR', HUN: 'HU', IRL: 'IE', ITA: 'IT', LVA: 'LV', LTU: 'LT', LUX: 'LU', MLT: 'MT', NLD: 'NL',
  POL: 'PL', PRT: 'PT', ROU: 'RO', SVK: 'SK', SVN: 'SI', ESP: 'ES', SWE: 'SE', ISL: 'IS', LIE: 'LI', NOR: 'NO',
  CHE: 'CH', GBR: 'GB', ALB: 'AL', MNE: 'ME', MKD: 'MK', SRB: 'RS', TUR: 'TR', UKR: 'UA', MDA: 'MD', BIH: 'BA',
  GEO: 'GE', XKX: 'XK', USA: 'US', CAN: 'CA', AUS: 'AU', JPN: 'JP', CHN: 'CN', IND: 'IN', BRA: 'BR',
};

export function iso2FromCountryUri(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const code = value.split(/[/#:]/).pop()?.toUpperCase() ?? '';
  if (code.length === 2) return code === 'EL' ? 'GR' : code;
  return ALPHA3[code];
}

/** Greece is EL in eIDAS identifiers and trusted lists, GR in ISO 3166. */
export function sameCountry(a: string | undefined, b: string | undefined): boolean {
  const norm = (c: string): string => (c.toUpperCase() === 'EL' ? 'GR' : c.toUpperCase());
  return a !== undefined && b !== undefined && norm(a) === norm(b);
}
