/**
 * The meaning-based way in (issue #20): what the sites' certification sections are called and what
 * their "Show credential" buttons say, in the UI languages Credlens supports. Used when a site's
 * structural selectors find nothing on a page that should have credentials (a redesign), and to
 * recognise "Show credential" buttons wherever they are.
 *
 * Every label names its evidence (`source`): the keys are explained in docs/extension.md, section
 * "Where the labels come from" (public pages and code that quote the sites' own UI strings, found
 * with the team's search index). `verified: false` marks a label no such source confirms for that
 * site (kept because a wrong label costs nothing: discovery still decides whether a credential is
 * behind the link, and nothing gets a red mark for "no credential"). A wrong label is harmless; a
 * missing one hides credentials on a redesigned page, so unconfirmed wordings stay until a source
 * contradicts them.
 */

export interface Label {
  text: string;
  /** BCP 47 language of the UI that shows it. */
  lang: string;
  /** Whose UI: 'linkedin', 'xing', 'indeed', 'europass' or 'generic' (certificate buttons seen on many sites). */
  site: string;
  /** Evidence key, see docs/extension.md "Where the labels come from". */
  source: string;
  verified: boolean;
}

/** "Show credential" and its equivalents. */
export const SHOW_CREDENTIAL: readonly Label[] = [
  // LinkedIn, under each item of "Licenses & certifications".
  { text: 'Show credential', lang: 'en', site: 'linkedin', source: 'L1 L2 L5', verified: true },
  { text: 'Nachweis anzeigen', lang: 'de', site: 'linkedin', source: 'L1 L2 L8', verified: true },
  { text: 'Zertifikat anzeigen', lang: 'de', site: 'linkedin', source: 'L1', verified: true },
  { text: 'Afficher le diplôme', lang: 'fr', site: 'linkedin', source: 'L1 L7', verified: true },
  { text: 'Mostrar credencial', lang: 'es', site: 'linkedin', source: 'L1 L8', verified: true },
  { text: 'Mostra credenziale', lang: 'it', site: 'linkedin', source: 'L1 L5', verified: true },
  { text: 'Referentie weergeven', lang: 'nl', site: 'linkedin', source: 'L3', verified: true },
  { text: 'Certificering weergeven', lang: 'nl', site: 'linkedin', source: 'L1', verified: true },
  { text: 'Exibir credencial', lang: 'pt', site: 'linkedin', source: 'L4', verified: true },
  // pt-PT and the pt parser's second wording (L4, L8) are 'Mostrar credencial', listed under es above.
  { text: 'Wyświetl poświadczenie', lang: 'pl', site: 'linkedin', source: 'none', verified: false },
  { text: 'Zobrazit pověření', lang: 'cs', site: 'linkedin', source: 'none', verified: false },
  // Other profiles and issuers' own pages: certificate buttons as they are worded on many sites.
  { text: 'View credential', lang: 'en', site: 'generic', source: 'G1', verified: true },
  { text: 'View certificate', lang: 'en', site: 'generic', source: 'G1', verified: true },
  { text: 'Verify credential', lang: 'en', site: 'generic', source: 'none', verified: false },
  { text: 'Zertifikat ansehen', lang: 'de', site: 'generic', source: 'G2', verified: true },
  { text: 'Nachweis prüfen', lang: 'de', site: 'generic', source: 'none', verified: false },
  { text: 'Voir le certificat', lang: 'fr', site: 'generic', source: 'none', verified: false },
  { text: 'Vérifier le certificat', lang: 'fr', site: 'generic', source: 'none', verified: false },
  { text: 'Ver certificado', lang: 'es', site: 'generic', source: 'none', verified: false },
  { text: 'Visualizza certificato', lang: 'it', site: 'generic', source: 'none', verified: false },
  { text: 'Pokaż certyfikat', lang: 'pl', site: 'generic', source: 'G3', verified: true },
  { text: 'Zobacz certyfikat', lang: 'pl', site: 'generic', source: 'G3', verified: true },
  { text: 'Certificaat bekijken', lang: 'nl', site: 'generic', source: 'none', verified: false },
  { text: 'Zobrazit certifikát', lang: 'cs', site: 'generic', source: 'G4', verified: true },
  { text: 'Zobrazit osvědčení', lang: 'cs', site: 'generic', source: 'G4', verified: true },
];

/** Headings of certification sections. */
export const SECTION_HEADINGS: readonly Label[] = [
  // LinkedIn's profile card and its /details/certifications/ page.
  { text: 'Licenses & certifications', lang: 'en', site: 'linkedin', source: 'L2 L5 L9', verified: true },
  { text: 'Licenses and certifications', lang: 'en', site: 'linkedin', source: 'L2 L8', verified: true },
  { text: 'Bescheinigungen und Zertifikate', lang: 'de', site: 'linkedin', source: 'L2 L9', verified: true },
  { text: 'Lizenzen und Zertifikate', lang: 'de', site: 'linkedin', source: 'L2', verified: true },
  { text: 'Lizenzen und Zertifizierungen', lang: 'de', site: 'linkedin', source: 'L8', verified: false },
  { text: 'Licences et certifications', lang: 'fr', site: 'linkedin', source: 'L7', verified: true },
  { text: 'Licencias y certificaciones', lang: 'es', site: 'linkedin', source: 'L8', verified: true },
  { text: 'Licenze e certificazioni', lang: 'it', site: 'linkedin', source: 'L5', verified: true },
  { text: 'Licencje i certyfikaty', lang: 'pl', site: 'linkedin', source: 'L6', verified: true },
  { text: 'Licenties en certificaten', lang: 'nl', site: 'linkedin', source: 'L3', verified: true },
  { text: 'Licenças e certificações', lang: 'pt', site: 'linkedin', source: 'L4 L8', verified: true },
  { text: 'Licence a certifikace', lang: 'cs', site: 'linkedin', source: 'L10', verified: false },
  // XING (de, en), Indeed's resume, Europass; and the plain words other profiles use.
  { text: 'Qualifikationen', lang: 'de', site: 'xing', source: 'X1', verified: true },
  { text: 'Zertifikate', lang: 'de', site: 'xing', source: 'none', verified: false },
  { text: 'Certificates', lang: 'en', site: 'xing', source: 'none', verified: false },
  { text: 'Certifications and licenses', lang: 'en', site: 'indeed', source: 'none', verified: false },
  { text: 'Certifications et licences', lang: 'fr', site: 'indeed', source: 'none', verified: false },
  { text: 'Zertifizierungen und Lizenzen', lang: 'de', site: 'indeed', source: 'none', verified: false },
  { text: 'Certifications', lang: 'en', site: 'generic', source: 'G5', verified: true },
  { text: 'Certificados', lang: 'es', site: 'generic', source: 'none', verified: false },
  { text: 'Certificazioni', lang: 'it', site: 'generic', source: 'none', verified: false },
  { text: 'Certyfikaty', lang: 'pl', site: 'generic', source: 'none', verified: false },
  { text: 'Certificaten', lang: 'nl', site: 'generic', source: 'none', verified: false },
  { text: 'Certifikáty', lang: 'cs', site: 'generic', source: 'none', verified: false },
  { text: 'Digital credentials', lang: 'en', site: 'europass', source: 'none', verified: false },
  { text: 'Digitale Nachweise', lang: 'de', site: 'europass', source: 'none', verified: false },
];

/** The label texts alone (what the content script compares). */
export const SHOW_CREDENTIAL_LABELS: readonly string[] = SHOW_CREDENTIAL.map((l) => l.text);
export const CREDENTIAL_SECTION_HEADINGS: readonly string[] = SECTION_HEADINGS.map((l) => l.text);

/** Lower case, one space, typographic apostrophes and ampersands folded: labels compare as people read them. */
export function normaliseLabel(text: string): string {
  return text.replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').replace(/&amp;/g, '&').trim().toLowerCase();
}

const BUTTONS = new Set(SHOW_CREDENTIAL_LABELS.map(normaliseLabel));
const HEADINGS = new Set(CREDENTIAL_SECTION_HEADINGS.map(normaliseLabel));
/** Longest label: a longer text is no button label (and is not normalised at all). */
const MAX_LABEL = Math.max(...[...BUTTONS, ...HEADINGS].map((l) => l.length)) + 16;

/** The first four characters (lower case) of every label: a cheap sieve for every text node of a page. */
const PREFIX = 4;
const PREFIXES = new Set([...BUTTONS, ...HEADINGS].map((l) => l.slice(0, PREFIX)));
/**
 * The first two characters of every label as a table over ASCII pairs (lower case): most text nodes
 * of a page are refused by one array read, without making a string.
 */
const ASCII_PAIRS = new Uint8Array(128 * 128);
/** Labels starting with a character beyond ASCII (rare): those texts go on to the prefix test. */
let nonAsciiStart = false;
for (const label of [...BUTTONS, ...HEADINGS]) {
  const a = label.charCodeAt(0);
  const b = label.charCodeAt(1);
  if (a < 128 && b < 128) ASCII_PAIRS[a * 128 + b] = 1;
  else nonAsciiStart = true;
}
const lowerAscii = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);
const SHORTEST = Math.min(...[...BUTTONS, ...HEADINGS].map((l) => l.length));
const BUTTON_PREFIXES = [...BUTTONS].flatMap((b) => [`${b} `, `${b},`]);

/**
 * A cheap test for every text node of a page: `false` for texts that cannot be a button label or a
 * section heading (too short, too long, or not starting like any label), without normalising them.
 */
export function mayBeLabel(text: string): boolean {
  if (text.length < SHORTEST || text.length > MAX_LABEL * 2) return false;
  let i = 0;
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 1);
  if (a < 128 && b < 128) {
    if (ASCII_PAIRS[lowerAscii(a) * 128 + lowerAscii(b)] === 0) return false;
  } else if (!nonAsciiStart && a >= 128) {
    return false;
  }
  return PREFIXES.has(text.slice(i, i + PREFIX).toLowerCase());
}

/** A link or button text (or its accessible name) that says "Show credential" in one of the languages. */
export function isShowCredentialLabel(text: string | null | undefined): boolean {
  if (!text || text.length > MAX_LABEL * 2) return false;
  const label = normaliseLabel(text);
  if (BUTTONS.has(label)) return true;
  // "Show credential" followed by an icon's hidden text or the credential's name ("Show credential, opens in a new tab").
  for (const prefix of BUTTON_PREFIXES) if (label.startsWith(prefix)) return true;
  return false;
}

/** A heading text naming a certifications section. */
export function isCredentialSectionHeading(text: string | null | undefined): boolean {
  if (!text || text.length > MAX_LABEL * 2) return false;
  return HEADINGS.has(normaliseLabel(text));
}
