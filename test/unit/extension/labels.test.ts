import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCredentialSectionHeading, isShowCredentialLabel, mayBeLabel, SECTION_HEADINGS, SHOW_CREDENTIAL } from '../../../entrypoints/content/sites/labels.js';

const LABELS = [...SHOW_CREDENTIAL, ...SECTION_HEADINGS];
/** The evidence table of docs/extension.md ("Where the labels come from"): key → row. */
const DOC = readFileSync('docs/extension.md', 'utf8');
const TABLE = DOC.slice(DOC.indexOf('### Where the labels come from'));
const KEYS = new Set([...TABLE.matchAll(/^\| (\w+) \|/gm)].map((m) => m[1]));

describe('meaning-based labels (issue #20)', () => {
  it('every label names evidence documented in docs/extension.md', () => {
    expect(KEYS.size).toBeGreaterThan(5);
    for (const label of LABELS) {
      for (const key of label.source.split(' ')) expect(KEYS.has(key), `${label.text}: source ${key}`).toBe(true);
    }
  });

  it('only labels with a source are marked verified', () => {
    for (const label of LABELS) if (label.verified) expect(label.source, label.text).not.toBe('none');
  });

  it('LinkedIn has a confirmed "Show credential" label in en, de, fr, es, it, nl and pt, and a section heading in each of the nine languages', () => {
    const buttons = new Set(SHOW_CREDENTIAL.filter((l) => l.site === 'linkedin' && l.verified).map((l) => l.lang));
    for (const lang of ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt']) expect(buttons.has(lang), lang).toBe(true);
    const headings = new Set(SECTION_HEADINGS.filter((l) => l.site === 'linkedin').map((l) => l.lang));
    for (const lang of ['en', 'de', 'fr', 'es', 'it', 'pl', 'nl', 'pt', 'cs']) expect(headings.has(lang), lang).toBe(true);
  });

  it('recognises the corrected wordings as the sites print them, and not the old guesses', () => {
    expect(isShowCredentialLabel('Afficher le diplôme')).toBe(true);
    expect(isShowCredentialLabel('  afficher  le DIPLÔME ')).toBe(true);
    expect(isShowCredentialLabel('Referentie weergeven, opent in een nieuw tabblad')).toBe(true);
    expect(isShowCredentialLabel('Afficher l’identifiant')).toBe(false);
    expect(isCredentialSectionHeading('Licenças e certificações')).toBe(true);
    expect(isCredentialSectionHeading('Licenças e certificados')).toBe(false);
    expect(isCredentialSectionHeading('Licenses &amp; certifications')).toBe(true);
  });

  it('the cheap pre-test of the text-node walk never refuses a label', () => {
    for (const { text } of [...SHOW_CREDENTIAL, ...SECTION_HEADINGS]) {
      for (const variant of [text, `\n   ${text}  `, text.toUpperCase(), `${text}, opens in a new tab`]) expect(mayBeLabel(variant), variant).toBe(true);
    }
    for (const text of ['', '   ', 'Hi', '1st', '· 2nd', 'Northwind Traders · Full-time', 'x'.repeat(400)]) expect(mayBeLabel(text), text).toBe(false);
  });

  it('ordinary texts are neither buttons nor headings', () => {
    for (const text of ['Show all', 'Mehr anzeigen', 'Experience', 'Show credentials to players and everyone else in the lobby of this game', '', undefined]) {
      expect(isShowCredentialLabel(text), String(text)).toBe(false);
      expect(isCredentialSectionHeading(text), String(text)).toBe(false);
    }
  });
});
