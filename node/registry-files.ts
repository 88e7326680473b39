/**
 * Training registries on disk and on the web for the CLI and the server (docs/registries.md):
 * `credlens registry import` writes a registry in our JSON format with its file index beside it
 * (`FILE.idx`); `--registry FILE` opens the index when there is one (no parse of the entries, a
 * lookup well under 1 ms) and reads the whole file otherwise; `--registry URL` downloads a registry
 * in our format.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  importElmQualifications,
  importFranceCompetences,
  importMonCompteFormation,
  openIndexedRegistry,
  parseTrainingRegistry,
  readIndexHeader,
  TrainingRegistryError,
  writeIndexedRegistry,
  type TrainingRegistry,
} from '../lib/training-registry/index.js';
import type { FetchLike } from '../lib/index.js';
import { isNonPublicAddress } from '../lib/basics.js';
import { InputReadError } from './input.js';

/** The file index of a registry file. */
export const indexPathFor = (path: string): string => `${path}.idx`;

/** The largest registry read over the network; files on disk have no limit but the disk's. */
export const MAX_REGISTRY_DOWNLOAD_BYTES = 256 * 1024 * 1024;

export const ADAPTERS = ['france-competences', 'mon-compte-formation', 'elm-qualifications', 'credlens'] as const;
export type AdapterName = (typeof ADAPTERS)[number];

export interface ImportSettings {
  from: AdapterName;
  files: string[];
  /** Registry fields the publication does not carry (the ELM adapter needs id, name and eligible). */
  id?: string;
  name?: string;
  country?: string;
  fundingScheme?: string;
  eligible?: boolean;
  published?: string;
}

export interface ImportResult {
  registry: TrainingRegistry;
  /** Rows of the publication that name no certification (Mon Compte Formation offers without an RNCP/RS code). */
  skipped: number;
}

/** Reads a publication with its adapter (lib/training-registry/adapters) into our format. */
export async function importRegistry(settings: ImportSettings): Promise<ImportResult> {
  if (settings.files.length === 0) throw new InputReadError('registry import: give the file(s) to import');
  const texts = await Promise.all(settings.files.map(async (file) => ({ file, text: await readText(file) })));
  let result: ImportResult;
  switch (settings.from) {
    case 'france-competences': {
      // The export comes as several CSV files; each is recognised by its header row, whatever its name.
      const files: { standard?: string; certificateurs?: string; blocs?: string } = {};
      for (const { file, text } of texts) {
        const header = text.slice(0, 2000).split(/\r?\n/, 1)[0] ?? '';
        const kind = /Bloc_Competences_Code/i.test(header) ? 'blocs' : /Siret_Certificateur/i.test(header) ? 'certificateurs' : /Numero_Fiche/i.test(header) && /Intitule/i.test(header) ? 'standard' : undefined;
        if (!kind) throw new InputReadError(`registry import: ${file} is not a file of the France Compétences export (no Numero_Fiche / Intitule, Siret_Certificateur or Bloc_Competences_Code column)`);
        if (files[kind]) throw new InputReadError(`registry import: two ${kind} files (${file})`);
        files[kind] = text;
      }
      if (!files.standard) throw new InputReadError('registry import: the France Compétences export needs its Standard file (export_fiches_CSV_Standard_*.csv)');
      const published = settings.published ?? settings.files.map((f) => /(\d{4}-\d{2}-\d{2})/.exec(basename(f))?.[1]).find(Boolean);
      result = { registry: importFranceCompetences({ standard: files.standard, ...files, ...(published ? { published } : {}) }), skipped: 0 };
      break;
    }
    case 'mon-compte-formation': {
      const { registry, skipped } = importMonCompteFormation(json(single(texts, settings.from)));
      result = { registry, skipped };
      break;
    }
    case 'elm-qualifications': {
      if (!settings.id || !settings.name || settings.eligible === undefined) {
        throw new InputReadError('registry import --from elm-qualifications: ELM states no funding eligibility; give --id, --name and --eligible yes|no');
      }
      const dataset = json(single(texts, settings.from));
      result = {
        registry: importElmQualifications(dataset, {
          id: settings.id,
          name: settings.name,
          eligible: settings.eligible,
          ...(settings.country ? { country: settings.country } : {}),
          ...(settings.fundingScheme ? { fundingScheme: settings.fundingScheme } : {}),
        }),
        skipped: 0,
      };
      break;
    }
    case 'credlens': {
      const { file, text } = single(texts, settings.from);
      result = { registry: parseRegistry(json({ file, text }), file), skipped: 0 };
      break;
    }
  }
  const registry = result.registry;
  // Flags name what the publication does not; they also override it (a dataset's own name, say).
  if (settings.from !== 'elm-qualifications') {
    if (settings.id) registry.id = settings.id;
    if (settings.name) registry.name = settings.name;
    if (settings.country) registry.country = settings.country;
    if (settings.fundingScheme) registry.fundingScheme = settings.fundingScheme;
    if (settings.eligible !== undefined) for (const entry of registry.entries) entry.eligible = settings.eligible;
  }
  if (settings.published) registry.published = settings.published;
  // What an adapter produced is held to the same rules as a hand-written file.
  return { registry: parseRegistry({ format: 'credlens-training-registry/1', ...registry }, 'imported registry'), skipped: result.skipped };
}

/** Writes `registry` to `path` (our format, one entry per line) and its index to `path.idx`. */
export async function writeRegistryFiles(registry: TrainingRegistry, path: string): Promise<{ jsonBytes: number; indexBytes: number; keys: number }> {
  const { json: bytes, index } = writeIndexedRegistry(registry);
  await writeFile(path, bytes);
  await writeFile(indexPathFor(path), index);
  return { jsonBytes: bytes.length, indexBytes: index.length, keys: readIndexHeader(index).keys };
}

export interface LoadOptions {
  /** For `--registry URL`: the CLI's or server's network seam. */
  fetch?: FetchLike;
  /** Development only, as the server's flags of the same names: plain http, loopback and private addresses. */
  allowHttp?: boolean;
  allowPrivateNetwork?: boolean;
}

/**
 * A registry named on the command line: a URL (downloaded, our format), a file with its index
 * (`FILE.idx`, opened without parsing the entries), or a file alone (parsed whole).
 */
export async function loadRegistry(source: string, options: LoadOptions = {}): Promise<TrainingRegistry> {
  if (/^https?:\/\//i.test(source)) return loadRegistryUrl(source, options);
  const registryStat = await stat(source).catch((error: Error) => {
    throw new InputReadError(`--registry ${source}: ${error.message}`);
  });
  const index = await readFile(indexPathFor(source)).catch(() => undefined);
  if (index) {
    const indexStat = await stat(indexPathFor(source));
    if (registryStat.mtimeMs > indexStat.mtimeMs + 1000) {
      throw new InputReadError(`--registry ${source}: the file changed after its index ${indexPathFor(source)} was written; rebuild it (credlens registry import --from credlens ${source} -o ${source}) or delete the index`);
    }
    // The registry stays on disk: each lookup reads its one entry (a few hundred bytes) from the open file.
    const fd = openSync(source, 'r');
    const spans = {
      size: registryStat.size,
      read(start: number, end: number): Uint8Array {
        const buffer = Buffer.allocUnsafe(end - start);
        const n = readSync(fd, buffer, 0, end - start, start);
        return buffer.subarray(0, n);
      },
    };
    try {
      return openIndexedRegistry(spans, index, source);
    } catch (error) {
      closeSync(fd);
      if (error instanceof TrainingRegistryError) throw new InputReadError(`--registry ${source}: ${error.message}`);
      throw error;
    }
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(source);
  } catch (error) {
    throw new InputReadError(`--registry ${source}: ${(error as Error).message}`);
  }
  return parseRegistry(json({ file: source, text: decode(bytes, source) }), source);
}

async function loadRegistryUrl(url: string, { fetch, allowHttp, allowPrivateNetwork }: LoadOptions): Promise<TrainingRegistry> {
  if (!fetch) throw new InputReadError(`--registry ${url}: no network here (offline)`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputReadError(`--registry ${url}: not a valid URL`);
  }
  if (parsed.protocol !== 'https:' && !allowHttp) throw new InputReadError(`--registry ${url}: only https registries are downloaded`);
  // pinnedFetch checks the addresses a name resolves to; an address written in the URL is checked here.
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivateNetwork && (isNonPublicAddress(host) || host === 'localhost' || host.endsWith('.localhost'))) {
    throw new InputReadError(`--registry ${url}: ${host} is a private or local address; Credlens does not contact it`);
  }
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'error', headers: { accept: 'application/json' }, signal: AbortSignal.timeout(60_000) });
  } catch (error) {
    throw new InputReadError(`--registry ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new InputReadError(`--registry ${url}: HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_REGISTRY_DOWNLOAD_BYTES) throw new InputReadError(`--registry ${url}: larger than ${MAX_REGISTRY_DOWNLOAD_BYTES} bytes; download it and import it with credlens registry import`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_REGISTRY_DOWNLOAD_BYTES) {
      await reader.cancel();
      throw new InputReadError(`--registry ${url}: larger than ${MAX_REGISTRY_DOWNLOAD_BYTES} bytes; download it and import it with credlens registry import`);
    }
    chunks.push(value);
  }
  return parseRegistry(json({ file: url, text: decode(Buffer.concat(chunks), url) }), url);
}

function parseRegistry(value: unknown, where: string): TrainingRegistry {
  try {
    return parseTrainingRegistry(value, where);
  } catch (error) {
    if (error instanceof TrainingRegistryError) throw new InputReadError(`--registry ${error.message}`);
    throw error;
  }
}

async function readText(file: string): Promise<string> {
  try {
    return decode(await readFile(file), file);
  } catch (error) {
    if (error instanceof InputReadError) throw error;
    throw new InputReadError(`registry import: ${(error as Error).message}`);
  }
}

function decode(bytes: Uint8Array, where: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputReadError(`${where}: not UTF-8 text`);
  }
}

function json({ file, text }: { file: string; text: string }): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputReadError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

function single<T extends { file: string }>(texts: T[], adapter: string): T {
  if (texts.length !== 1) throw new InputReadError(`registry import --from ${adapter}: give one file (got ${texts.length})`);
  return texts[0]!;
}
