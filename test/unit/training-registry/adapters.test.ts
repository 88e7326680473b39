import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { importMonCompteFormation, parseTrainingRegistry, TrainingRegistryError } from '../../../lib/training-registry/index.js';
import { sampleRegistries, sampleText } from '../../support/registries.js';

const schema = JSON.parse(readFileSync(new URL('../../../docs/schemas/training-registry.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

describe('France Compétences RNCP/RS export (CSV)', () => {
  const { rncp } = sampleRegistries();
  it('reads every fiche with its level, dates, certifiers and blocks', () => {
    expect(rncp.entries.map((e) => e.code)).toEqual(['RNCP99901', 'RNCP99902', 'RS99903', 'RNCP99904']);
    const web = rncp.entries[0];
    expect(web).toMatchObject({
      scheme: 'RNCP',
      title: "Développeur d'applications web",
      level: { eqf: 5, nqf: 'NIV5' },
      registeredFrom: '2023-09-01',
      registeredUntil: '2028-06-01',
      eligible: true,
      active: true,
      providers: [{ legalIdentifier: 'FR:12345678900011', name: 'Université Exemple de Lyon' }],
    });
    expect(web?.blocks?.map((b) => b.code)).toEqual(['RNCP99901BC01', 'RNCP99901BC02', 'RNCP99901BC03']);
    expect(web?.aliases).toEqual(['https://www.francecompetences.fr/recherche/rncp/99901/']);
  });
  it('counts an INACTIVE fiche as not eligible, and an RS fiche without a level as levelless', () => {
    expect(rncp.entries[1]).toMatchObject({ eligible: false, active: false, registeredUntil: '2021-12-31' });
    expect(rncp.entries[2]?.level).toBeUndefined();
    expect(rncp.entries[2]?.scheme).toBe('RS');
  });
  it('reads quoted fields with doubled quotes', () => {
    expect(rncp.entries[3]?.title).toBe('Technicien "cloud" et réseaux');
  });
  it('produces a registry the JSON Schema and the strict reader both accept', () => {
    expect(validate(rncp)).toBe(true);
    expect(parseTrainingRegistry(JSON.parse(JSON.stringify(rncp))).entries).toHaveLength(4);
  });
});

describe('Mon Compte Formation catalogue (JSON export)', () => {
  it('groups offers by certification, averages hours, lists each training organisation once, skips uncertified offers', () => {
    const { registry, skipped } = importMonCompteFormation(JSON.parse(sampleText('mon-compte-formation.json')));
    expect(skipped).toBe(1);
    expect(registry.published).toBe('2026-11-02');
    const web = registry.entries.find((e) => e.code === 'RNCP99901');
    expect(web).toMatchObject({ hours: 650, eligible: true, scheme: 'RNCP' });
    expect(web?.providers?.map((p) => p.legalIdentifier)).toEqual(['FR:12345678900011', 'FR:31415926500027']);
    expect(registry.entries.find((e) => e.code === 'RS99903')).toMatchObject({ hours: 35, scheme: 'RS' });
    expect(validate(registry)).toBe(true);
  });
  it('accepts the API envelope { results } and rejects anything else with a clear error', () => {
    expect(importMonCompteFormation({ results: [] }).registry.entries).toEqual([]);
    expect(() => importMonCompteFormation({ rows: [] })).toThrow(/expected a JSON array of offers/);
  });
});

describe('ELM qualification dataset', () => {
  it('reads identifiers, EQF level, ECTS, volume of learning, awarding body and parts', () => {
    const { elm } = sampleRegistries();
    expect(elm.entries).toHaveLength(1);
    expect(elm.entries[0]).toMatchObject({
      code: 'QF-EX-0001',
      title: 'Master in Applied Data Science',
      level: { eqf: 7 },
      ects: 120,
      hours: 3000,
      eligible: true,
      aliases: ['urn:epass:qualification:example-0001'],
      providers: [{ legalIdentifier: 'NL:NL-KVK-41001234', name: 'Example University of Applied Sciences' }],
      blocks: [
        { code: 'QF-EX-0001-U1', title: 'Statistical learning' },
        { code: 'QF-EX-0001-U2', title: 'Data engineering' },
      ],
    });
    expect(validate(elm)).toBe(true);
  });
});

describe('Credlens registry format', () => {
  it('accepts the hand-written sample, which the JSON Schema accepts too', () => {
    const value = JSON.parse(sampleText('credlens-registry.json'));
    expect(validate(value)).toBe(true);
    expect(parseTrainingRegistry(value).entries[0]?.code).toBe('QF-EX-0001');
  });
  /** The sample as a test edits it: one entry, with a level and providers. */
  type Sample = { format: string; country: string; entries: Array<Record<string, unknown> & { level: { eqf: number } }> };
  const broken: Array<[string, (r: Sample) => void, RegExp]> = [
    ['a wrong format tag', (r) => (r.format = 'something/2'), /registry\.format must be "credlens-training-registry\/1"/],
    ['an entry without eligible', (r) => delete r.entries[0]!.eligible, /entries\[0\]\.eligible must be true or false/],
    ['an EQF level of 9', (r) => (r.entries[0]!.level.eqf = 9), /entries\[0\]\.level\.eqf must be an EQF level/],
    ['a date that is not ISO 8601', (r) => (r.entries[0]!.registeredUntil = '31/12/2029'), /registeredUntil must be an ISO 8601 date/],
    ['a provider with neither name nor identifier', (r) => (r.entries[0]!.providers = [{}]), /providers\[0\] needs a legalIdentifier or a name/],
    ['a lower-case country', (r) => (r.country = 'nl'), /country must be an ISO 3166-1 alpha-2 code/],
  ];
  for (const [what, breakIt, message] of broken) {
    it(`rejects ${what}, naming where, and so does the JSON Schema`, () => {
      const value = JSON.parse(sampleText('credlens-registry.json')) as Sample;
      breakIt(value);
      expect(() => parseTrainingRegistry(value)).toThrow(TrainingRegistryError);
      expect(() => parseTrainingRegistry(value)).toThrow(message);
      expect(validate(value)).toBe(false);
    });
  }
});
