/**
 * Europass qualification datasets in the European Learning Model (ELM 3): the JSON-LD that
 * Qualification Dataset Registration Services publish to Europass, read as plain JSON: a list of
 * `Qualification` / `LearningAchievementSpecification` objects (or an `@graph` of them) with
 * `id`, `title` (language map), `identifier[].notation`, `eqfLevel`, `nqfLevel`, `creditPoint`,
 * `volumeOfLearning` (ISO 8601 duration), `awardingOpportunity[].awardingBody` (legal
 * identifiers) and `hasPart` (units that can be certified on their own).
 *
 * ELM states no learning-account eligibility: the importer says whether the dataset is a list of
 * eligible training (`eligible`), and every entry takes that answer.
 */
import { eqfOf, ectsOf, legalIdentifiersOf, pickText } from '../../elm/read.js';
import { isRecord, recordsOf } from '../../util/json.js';
import { durationHours } from '../../validate/eu/stack.js';
import type { RegistryBlock, RegistryEntry, TrainingRegistry } from '../types.js';
import { TRAINING_REGISTRY_FORMAT } from '../types.js';

export interface ElmDatasetOptions {
  id: string;
  name: string;
  country?: string;
  fundingScheme?: string;
  eligible: boolean;
}

const SPEC_TYPES = new Set(['Qualification', 'LearningAchievementSpecification']);

export function importElmQualifications(dataset: unknown, options: ElmDatasetOptions): TrainingRegistry & { format: typeof TRAINING_REGISTRY_FORMAT } {
  const items = Array.isArray(dataset) ? dataset : isRecord(dataset) && Array.isArray(dataset['@graph']) ? dataset['@graph'] : [dataset];
  const entries: RegistryEntry[] = [];
  for (const item of recordsOf(items)) {
    const types = (Array.isArray(item.type) ? item.type : [item.type]).filter((t): t is string => typeof t === 'string');
    if (!types.some((t) => SPEC_TYPES.has(t))) continue;
    const notations = recordsOf(item.identifier).map((i) => (typeof i.notation === 'string' ? i.notation : undefined)).filter((n): n is string => Boolean(n));
    const id = typeof item.id === 'string' ? item.id : undefined;
    const code = notations[0] ?? id;
    const title = pickText(item.title, ['en']) ?? pickText(item.prefLabel, ['en']);
    if (!code || !title) continue;
    const entry: RegistryEntry = { code, scheme: 'ELM', title, eligible: options.eligible };
    const aliases = [...notations.slice(1), ...(id && id !== code ? [id] : [])];
    if (aliases.length) entry.aliases = aliases;
    const eqf = eqfOf(item);
    const nqf = pickText(recordsOf(item.nqfLevel)[0]?.prefLabel, ['en']);
    if (eqf !== undefined || nqf) entry.level = { ...(eqf !== undefined ? { eqf } : {}), ...(nqf ? { nqf } : {}) };
    const ects = ectsOf(item);
    if (ects !== undefined) entry.ects = ects;
    const hours = durationHours(item.volumeOfLearning);
    if (hours !== undefined) entry.hours = Math.round(hours);
    const providers = recordsOf(item.awardingOpportunity)
      .flatMap((o) => recordsOf(o.awardingBody))
      .flatMap((body) => legalIdentifiersOf(body).map((l) => ({ legalIdentifier: l.country ? `${l.country}:${l.notation}` : l.notation, ...(pickText(body.legalName, ['en']) ? { name: pickText(body.legalName, ['en']) as string } : {}) })));
    if (providers.length) entry.providers = providers;
    const blocks = recordsOf(item.hasPart)
      .map((part): RegistryBlock | undefined => {
        const partCode = recordsOf(part.identifier).map((i) => i.notation).find((n): n is string => typeof n === 'string') ?? (typeof part.id === 'string' ? part.id : undefined);
        const partTitle = pickText(part.title, ['en']);
        return partCode && partTitle ? { code: partCode, title: partTitle } : undefined;
      })
      .filter((b): b is RegistryBlock => b !== undefined);
    if (blocks.length) entry.blocks = blocks;
    entries.push(entry);
  }
  return {
    format: TRAINING_REGISTRY_FORMAT,
    id: options.id,
    name: options.name,
    ...(options.country ? { country: options.country } : {}),
    ...(options.fundingScheme ? { fundingScheme: options.fundingScheme } : {}),
    source: { publication: 'European Learning Model 3 qualification dataset (JSON-LD read as JSON)' },
    entries,
  };
}
