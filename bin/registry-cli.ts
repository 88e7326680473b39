/**
 * `credlens registry import` and `credlens registry lookup`: training registries for the
 * `registry` check (docs/registries.md).
 */
import { parseArgs } from 'node:util';
import { ADAPTERS, importRegistry, loadRegistry, writeRegistryFiles, type AdapterName } from '../node/registry-files.js';
import { indexOf } from '../lib/training-registry/index.js';
import type { FetchLike } from '../lib/index.js';
import { safeText } from './format-report.js';

export const REGISTRY_USAGE = `Usage:
  credlens registry import --from ADAPTER FILE... -o OUT.json [--id ID] [--name NAME] [--country CC]
                           [--funding-scheme TEXT] [--eligible yes|no] [--published YYYY-MM-DD]
      reads a published registry and writes it in Credlens's format (OUT.json) with its file index
      (OUT.json.idx); \`credlens verify --registry OUT.json\` then looks codes up without parsing it.
      ADAPTER: france-competences  the RNCP/RS open-data export: export_fiches_CSV_Standard_*.csv,
                                   and optionally its Certificateurs and Blocs_De_Compétences files
               mon-compte-formation  the CPF offer catalogue, JSON export (moncompteformation_catalogueformation)
               elm-qualifications    a Europass / ELM 3 qualification dataset (needs --id, --name, --eligible)
               credlens              a registry already in Credlens's format (to index it)
  credlens registry lookup FILE|URL CODE...
      prints what the registry lists under each code (RNCP37674, RS5476, a block code, an alias).`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export async function runRegistry(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub || sub === '--help' || sub === '-h' || sub === 'help') {
    io.out(REGISTRY_USAGE);
    return sub ? 0 : 2;
  }
  if (sub === 'import') return importCommand(rest, io);
  if (sub === 'lookup') return lookupCommand(rest, io);
  io.err(`credlens registry: unknown command "${safeText(sub, 40)}"\n\n${REGISTRY_USAGE}`);
  return 2;
}

async function importCommand(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        from: { type: 'string' },
        output: { type: 'string', short: 'o' },
        id: { type: 'string' },
        name: { type: 'string' },
        country: { type: 'string' },
        'funding-scheme': { type: 'string' },
        eligible: { type: 'string' },
        published: { type: 'string' },
      },
    });
  } catch (error) {
    io.err(`credlens registry import: ${(error as Error).message}\n\n${REGISTRY_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (!values.from || !(ADAPTERS as readonly string[]).includes(values.from)) {
    io.err(`credlens registry import: --from takes ${ADAPTERS.join(', ')}${values.from ? `, not "${safeText(values.from, 40)}"` : ''}`);
    return 2;
  }
  if (!values.output) {
    io.err('credlens registry import: -o OUT.json names the file to write (its index goes beside it, OUT.json.idx)');
    return 2;
  }
  if (values.eligible !== undefined && !/^(yes|no)$/.test(values.eligible)) {
    io.err('credlens registry import: --eligible takes yes or no');
    return 2;
  }
  if (values.country !== undefined && !/^[A-Z]{2}$/.test(values.country)) {
    io.err('credlens registry import: --country takes an ISO 3166-1 alpha-2 code such as FR');
    return 2;
  }
  if (values.published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.published)) {
    io.err('credlens registry import: --published takes a date such as 2026-11-01');
    return 2;
  }
  const started = performance.now();
  const { registry, skipped } = await importRegistry({
    from: values.from as AdapterName,
    files: positionals,
    ...(values.id ? { id: values.id } : {}),
    ...(values.name ? { name: values.name } : {}),
    ...(values.country ? { country: values.country } : {}),
    ...(values['funding-scheme'] ? { fundingScheme: values['funding-scheme'] } : {}),
    ...(values.eligible ? { eligible: values.eligible === 'yes' } : {}),
    ...(values.published ? { published: values.published } : {}),
  });
  const written = await writeRegistryFiles(registry, values.output);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const eligible = registry.entries.filter((e) => e.eligible).length;
  io.out(
    [
      `${safeText(registry.name)} (${safeText(registry.id)}): ${registry.entries.length} entries, ${eligible} eligible for funding${skipped ? `; ${skipped} rows name no certification and were skipped` : ''}`,
      `wrote ${values.output} (${mb(written.jsonBytes)}) and ${values.output}.idx (${written.keys} keys, ${mb(written.indexBytes)}) in ${seconds} s`,
    ].join('\n'),
  );
  return 0;
}

async function lookupCommand(argv: string[], io: Io): Promise<number> {
  const [source, ...codes] = argv;
  if (!source || codes.length === 0) {
    io.err(`credlens registry lookup: give a registry and at least one code\n\n${REGISTRY_USAGE}`);
    return 2;
  }
  const registry = await loadRegistry(source, await networkFor(source));
  const index = indexOf(registry);
  let found = 0;
  for (const code of codes) {
    const listing = index.lookup(code);
    if (!listing) {
      io.out(`${safeText(code, 80)}: not listed in ${safeText(registry.name)}`);
      continue;
    }
    found++;
    io.out(`${safeText(code, 80)}: ${JSON.stringify(listing.block ? { block: listing.block, entry: listing.entry } : listing.entry, null, 2)}`);
  }
  return found === codes.length ? 0 : 1;
}

async function networkFor(source: string): Promise<{ fetch?: FetchLike }> {
  if (!/^https?:\/\//i.test(source)) return {};
  const { pinnedFetch } = await import('../node/fetch.js');
  return { fetch: pinnedFetch() };
}

function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}
