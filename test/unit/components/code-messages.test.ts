import { describe, expect, it } from 'vitest';
import { codes as de } from '../../../components/i18n/codes/de.js';
import { codes as es } from '../../../components/i18n/codes/es.js';
import { codes as fr } from '../../../components/i18n/codes/fr.js';
import { codes as itCodes } from '../../../components/i18n/codes/it.js';
import { codes as pl } from '../../../components/i18n/codes/pl.js';
import type { CodeMessages, Lang } from '../../../components/i18n/index.js';
import { CODES, type CheckCode } from '../../../lib/codes/index.js';

const PACKS: Record<Exclude<Lang, 'en'>, CodeMessages> = { de, fr, es, it: itCodes, pl };
const ALL = Object.keys(CODES) as CheckCode[];

/**
 * Codes whose translation may read exactly like the English summary, per language (a sentence made
 * only of identifiers, say). None today: an entry here is a reviewed decision, and a stale one fails.
 */
const SAME_AS_ENGLISH: Record<Exclude<Lang, 'en'>, readonly CheckCode[]> = { de: [], fr: [], es: [], it: [], pl: [] };

/** Identifiers that stay as they are in every language when the English summary names them (case aside: German capitalises Nonce). */
const IDENTIFIERS = ['JSON-LD', 'SD-JWT', 'VC-JWT', 'JWS', 'JWT', 'JSON', 'DID', 'JAdES', 'eIDAS', 'RS256', 'RSA', 'ecdsa-sd-2023', 'assertionMethod', 'HTTPS', 'https', 'XML', 'PDF', 'QR', 'Open Badges', 'Credlens', 'nonce'];

/** One word per language for the terms a reader meets on every report, so each is always called the same. */
const GLOSSARY: Array<{ english: RegExp; words: Record<Exclude<Lang, 'en'>, RegExp> }> = [
  { english: /\bissuer/i, words: { de: /aussteller/i, fr: /émetteur/i, es: /emisor/i, it: /emittente/i, pl: /wystawc/i } },
  { english: /(?<!-)\bcredentials?\b/i, words: { de: /nachweis/i, fr: /justificatif/i, es: /credencial/i, it: /credenzial/i, pl: /poświadcze/i } },
  { english: /\brevoked\b/i, words: { de: /widerrufen/i, fr: /révoqué/i, es: /revocad/i, it: /revocat/i, pl: /unieważni/i } },
  { english: /\bholder\b/i, words: { de: /inhaber/i, fr: /titulaire/i, es: /titular/i, it: /titolare/i, pl: /posiadacz/i } },
  { english: /\bseal\b/i, words: { de: /siegel/i, fr: /cachet/i, es: /sello/i, it: /sigill/i, pl: /pieczę/i } },
  { english: /\btrust(ed)? list/i, words: { de: /vertrauensliste/i, fr: /liste de confiance/i, es: /lista de confianza/i, it: /elenco di fiducia/i, pl: /li\S* zaufanych/i } },
];

describe('check-code explanations in every language', () => {
  for (const [lang, pack] of Object.entries(PACKS) as Array<[Exclude<Lang, 'en'>, CodeMessages]>) {
    describe(lang, () => {
      it('fails when a check code has no translation (lists the missing codes)', () => {
        const missing = ALL.filter((code) => pack[code] === undefined);
        expect(missing, `${lang}: codes without a translation in components/i18n/codes/${lang}.ts`).toEqual([]);
      });

      it('fails when a translation names a code the registry does not have', () => {
        const unknown = Object.keys(pack).filter((code) => !Object.prototype.hasOwnProperty.call(CODES, code));
        expect(unknown, `${lang}: not in CODES`).toEqual([]);
      });

      it('fails when a translation is empty or still the English text', () => {
        const empty = ALL.filter((code) => pack[code] !== undefined && pack[code]!.trim() === '');
        const english = ALL.filter((code) => pack[code] === CODES[code].summary && !SAME_AS_ENGLISH[lang].includes(code));
        const stale = SAME_AS_ENGLISH[lang].filter((code) => pack[code] !== CODES[code].summary);
        expect({ empty, english, stale }).toEqual({ empty: [], english: [], stale: [] });
      });

      it('fails when a translation drops a technical identifier the English names (JSON-LD, JWT, DID...)', () => {
        const dropped = ALL.flatMap((code) =>
          IDENTIFIERS.filter((id) => CODES[code].summary.includes(id) && !(pack[code] ?? '').toLowerCase().includes(id.toLowerCase())).map((id) => `${code}: ${id}`),
        );
        expect(dropped).toEqual([]);
      });

      it('fails when a translation calls issuer, credential, revoked, holder, seal or trust list by another word', () => {
        const inconsistent = ALL.flatMap((code) =>
          GLOSSARY.filter(({ english, words }) => english.test(CODES[code].summary) && !words[lang].test(pack[code] ?? '')).map(({ english }) => `${code}: ${english.source}`),
        );
        expect(inconsistent).toEqual([]);
      });

      it('fails when a sentence loses its full stop or gains markup', () => {
        const bad = ALL.filter((code) => {
          const text = pack[code] ?? '';
          return !/[.)]$/.test(text) || /[<>]/.test(text) || /\s{2,}/.test(text);
        });
        expect(bad).toEqual([]);
      });
    });
  }
});
