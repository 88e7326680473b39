import { isRecord } from '../util/json.js';
import { TRAINING_REGISTRY_FORMAT, type RegistryBlock, type RegistryEntry, type RegistryProvider, type TrainingRegistry } from './types.js';

export class TrainingRegistryError extends Error {
  readonly code = 'TRAINING_REGISTRY_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'TrainingRegistryError';
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Reads a registry in Credlens's own JSON format (docs/registries.md). Strict: the first problem
 * throws `TrainingRegistryError` naming where it is, so a bad file is never half-used.
 */
export function parseTrainingRegistry(value: unknown, where = 'registry'): TrainingRegistry {
  if (!isRecord(value)) fail(where, 'must be a JSON object');
  if (value.format !== TRAINING_REGISTRY_FORMAT) fail(`${where}.format`, `must be "${TRAINING_REGISTRY_FORMAT}"`);
  const registry: TrainingRegistry = {
    id: text(value.id, `${where}.id`, true) as string,
    name: text(value.name, `${where}.name`, true) as string,
    entries: [],
  };
  const country = text(value.country, `${where}.country`);
  if (country !== undefined) {
    if (!/^[A-Z]{2}$/.test(country)) fail(`${where}.country`, 'must be an ISO 3166-1 alpha-2 code such as FR');
    registry.country = country;
  }
  const publisher = text(value.publisher, `${where}.publisher`);
  if (publisher) registry.publisher = publisher;
  const scheme = text(value.fundingScheme, `${where}.fundingScheme`);
  if (scheme) registry.fundingScheme = scheme;
  const published = date(value.published, `${where}.published`);
  if (published) registry.published = published;
  if (value.source !== undefined) {
    if (!isRecord(value.source)) fail(`${where}.source`, 'must be an object');
    registry.source = { publication: text(value.source.publication, `${where}.source.publication`, true) as string };
    const version = text(value.source.version, `${where}.source.version`);
    if (version) registry.source.version = version;
    const url = text(value.source.url, `${where}.source.url`);
    if (url) registry.source.url = url;
  }
  if (!Array.isArray(value.entries)) fail(`${where}.entries`, 'must be an array');
  registry.entries = value.entries.map((entry, i) => parseEntry(entry, `${where}.entries[${i}]`));
  return registry;
}

/** One entry of the format, checked as strictly as a whole registry (a file index reads entries one at a time). */
export function parseEntry(value: unknown, where: string): RegistryEntry {
  if (!isRecord(value)) fail(where, 'must be an object');
  const entry: RegistryEntry = {
    code: text(value.code, `${where}.code`, true) as string,
    title: text(value.title, `${where}.title`, true) as string,
    eligible: bool(value.eligible, `${where}.eligible`, true) as boolean,
  };
  const scheme = text(value.scheme, `${where}.scheme`);
  if (scheme) entry.scheme = scheme;
  if (value.level !== undefined) {
    if (!isRecord(value.level)) fail(`${where}.level`, 'must be an object');
    const eqf = num(value.level.eqf, `${where}.level.eqf`);
    if (eqf !== undefined && (!Number.isInteger(eqf) || eqf < 1 || eqf > 8)) fail(`${where}.level.eqf`, 'must be an EQF level from 1 to 8');
    const nqf = text(value.level.nqf, `${where}.level.nqf`);
    entry.level = { ...(eqf !== undefined ? { eqf } : {}), ...(nqf ? { nqf } : {}) };
  }
  const hours = num(value.hours, `${where}.hours`);
  if (hours !== undefined) entry.hours = hours;
  const ects = num(value.ects, `${where}.ects`);
  if (ects !== undefined) entry.ects = ects;
  const from = date(value.registeredFrom, `${where}.registeredFrom`);
  if (from) entry.registeredFrom = from;
  const until = date(value.registeredUntil, `${where}.registeredUntil`);
  if (until) entry.registeredUntil = until;
  const active = bool(value.active, `${where}.active`);
  if (active !== undefined) entry.active = active;
  if (value.providers !== undefined) entry.providers = list(value.providers, `${where}.providers`, parseProvider);
  if (value.blocks !== undefined) entry.blocks = list(value.blocks, `${where}.blocks`, parseBlock);
  if (value.aliases !== undefined) entry.aliases = list(value.aliases, `${where}.aliases`, (v, w) => text(v, w, true) as string);
  return entry;
}

function parseProvider(value: unknown, where: string): RegistryProvider {
  if (!isRecord(value)) fail(where, 'must be an object');
  const provider: RegistryProvider = {};
  const legal = text(value.legalIdentifier, `${where}.legalIdentifier`);
  if (legal) provider.legalIdentifier = legal;
  const name = text(value.name, `${where}.name`);
  if (name) provider.name = name;
  if (!legal && !name) fail(where, 'needs a legalIdentifier or a name');
  return provider;
}

function parseBlock(value: unknown, where: string): RegistryBlock {
  if (!isRecord(value)) fail(where, 'must be an object');
  return { code: text(value.code, `${where}.code`, true) as string, title: text(value.title, `${where}.title`, true) as string };
}

function list<T>(value: unknown, where: string, item: (v: unknown, where: string) => T): T[] {
  if (!Array.isArray(value)) fail(where, 'must be an array');
  return value.map((v, i) => item(v, `${where}[${i}]`));
}

function text(value: unknown, where: string, required = false): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.trim() === '') fail(where, 'must be a non-empty string');
  return value.trim();
}

function num(value: unknown, where: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(where, 'must be a number of zero or more');
  return value;
}

function bool(value: unknown, where: string, required = false): boolean | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'boolean') fail(where, 'must be true or false');
  return value;
}

function date(value: unknown, where: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) fail(where, 'must be an ISO 8601 date such as 2026-01-31');
  return value;
}

function fail(where: string, problem: string): never {
  throw new TrainingRegistryError(`${where} ${problem}`);
}
