/**
 * The meaning-based way in (issue #20): what the sites' certification sections are called and what
 * their "Show credential" buttons say, in the UI languages Credlens supports. Used when a site's
 * structural selectors find nothing on a page that should have credentials (a redesign), and to
 * recognise "Show credential" buttons wherever they are.
 *
 * Sources: the labels as the sites show them in each UI language (LinkedIn profile "Licenses &
 * certifications" card and its "Show credential" button; XING "Qualifikationen" / "Zertifikate";
 * Indeed resume "Certifications and licenses"). Re-check against live pages when a site changes
 * its wording; docs/extension.md says how.
 */

/** "Show credential" and its equivalents (LinkedIn in en, de, fr, es, it, pl, nl, pt, cs; XING; Indeed; EURES; Europass). */
export const SHOW_CREDENTIAL_LABELS: readonly string[] = [
  // LinkedIn
  'Show credential', // en
  'Nachweis anzeigen', // de
  'Afficher l’identifiant', // fr (LinkedIn uses the typographic apostrophe)
  "Afficher l'identifiant", // fr, straight apostrophe
  'Mostrar credencial', // es
  'Mostra credenziale', // it
  'Wyświetl poświadczenie', // pl
  'Referentie weergeven', // nl
  'Exibir credencial', // pt (Brazil)
  'Zobrazit pověření', // cs
  // XING, Indeed and the other profiles
  'Zertifikat ansehen', // XING (de)
  'Zertifikat anzeigen', // XING, StepStone (de)
  'View certificate', // XING (en), Indeed (en)
  'View credential', // Indeed, Monster, Glassdoor (en)
  'Verify credential', // issuers' own buttons
  'Nachweis prüfen', // de
  'Voir le certificat', // fr (Welcome to the Jungle, Indeed)
  'Vérifier le certificat', // fr
  'Ver certificado', // es, pt
  'Visualizza certificato', // it
  'Zobacz certyfikat', // pl
  'Certificaat bekijken', // nl
  'Zobrazit certifikát', // cs
];

/** Headings of certification sections, in the same languages. */
export const CREDENTIAL_SECTION_HEADINGS: readonly string[] = [
  'Licenses & certifications', // LinkedIn en
  'Licenses and certifications',
  'Bescheinigungen und Zertifikate', // LinkedIn de
  'Lizenzen und Zertifizierungen', // LinkedIn de (older wording)
  'Licences et certifications', // LinkedIn fr
  'Licencias y certificaciones', // LinkedIn es
  'Licenze e certificazioni', // LinkedIn it
  'Licencje i certyfikaty', // LinkedIn pl
  'Licenties en certificaten', // LinkedIn nl
  'Licenças e certificados', // LinkedIn pt
  'Licence a certifikace', // LinkedIn cs
  'Certifications', // Indeed, Monster (en), fr
  'Certifications and licenses', // Indeed resume (en)
  'Certifications et licences', // Indeed (fr)
  'Zertifizierungen und Lizenzen', // Indeed (de)
  'Zertifikate', // XING, StepStone (de)
  'Qualifikationen', // XING (de)
  'Certificates', // XING (en)
  'Certificados', // es, pt
  'Certificazioni', // it
  'Certyfikaty', // pl
  'Certificaten', // nl
  'Certifikáty', // cs
  'Digital credentials', // Europass
  'Digitale Nachweise', // Europass de
];

/** Lower case, one space, typographic apostrophes and ampersands folded: labels compare as people read them. */
export function normaliseLabel(text: string): string {
  return text.replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').replace(/&amp;/g, '&').trim().toLowerCase();
}

const BUTTONS = new Set(SHOW_CREDENTIAL_LABELS.map(normaliseLabel));
const HEADINGS = new Set(CREDENTIAL_SECTION_HEADINGS.map(normaliseLabel));
/** Longest label: a longer text is no button label (and is not normalised at all). */
const MAX_LABEL = Math.max(...[...BUTTONS, ...HEADINGS].map((l) => l.length)) + 16;

/** A link or button text (or its accessible name) that says "Show credential" in one of the languages. */
export function isShowCredentialLabel(text: string | null | undefined): boolean {
  if (!text || text.length > MAX_LABEL * 2) return false;
  const label = normaliseLabel(text);
  if (BUTTONS.has(label)) return true;
  // "Show credential" followed by an icon's hidden text or the credential's name ("Show credential, opens in a new tab").
  for (const b of BUTTONS) if (label.startsWith(`${b} `) || label.startsWith(`${b},`)) return true;
  return false;
}

/** A heading text naming a certifications section. */
export function isCredentialSectionHeading(text: string | null | undefined): boolean {
  if (!text || text.length > MAX_LABEL * 2) return false;
  return HEADINGS.has(normaliseLabel(text));
}
