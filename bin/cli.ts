import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
// Modules by path, not through lib/index.ts: the built CLI then loads only what a verification
// needs (X.509 and trust-list parsing load with --trust or a certificate, not at start-up).
import { LIMITS, MemoryCache, parseJsonText } from '../lib/basics.js';
import type { TrustList, VerificationReport } from '../lib/index.js';
import { verifyAll } from '../lib/verify-all.js';
import { verify, type VerifyOptions } from '../lib/verify.js';
import { formatReport, safeText } from './format-report.js';
import { pinnedFetch, resolveHost } from '../node/fetch.js';
import { directoryBundle, InputReadError as CliInputError, isPdfBytes, readInputBytes } from '../node/input.js';
import { packageVersion } from '../node/package-version.js';
import { formatLocatedReports, worstVerdict } from './pdf-cli.js';

const USAGE = `Usage:
  credlens verify <file | url | -> [--json] [--offline] [--resources DIR] [--at ISO-8601]
                  [--trust FILE]... [--registry FILE | URL]... [--profile eu-microcredential]
                  [--recipient email:ADDRESS | did:DID]
                  [--challenge NONCE] [--domain DOMAIN]   (a presentation must answer them)
  credlens verify <file | dir | url | ->... [--format table|csv|ndjson] [--concurrency N] [options as above]
                  several inputs (or a folder, or - with one file, URL or JWT per line): a summary
                  row per credential (file, verdict, format, issuer, title, first failing check)
  credlens registry import --from ADAPTER FILE... -o OUT.json   index a training registry
                  (France Compétences RNCP/RS, Mon Compte Formation, ELM; credlens registry --help)
  credlens serve [--port N] [--redis URL] [...]   the HTTP API (credlens serve --help)
  credlens demo        verify the bundled example credentials, offline
  credlens --help | --version

Input: a JSON-LD credential, a JWT / SD-JWT, an Open Badges 2.0 assertion, a baked badge image
(PNG or SVG), a Europass credential (JAdES), a URL, or - for standard input. A PDF (a CV, a
certificate) reports every credential in it: attached files, credential links, QR codes.

Exit status: 0 verified or warning, 1 invalid, 3 unverifiable, 2 usage or unreadable input
(several inputs: the worst of them, invalid first).`;

export const EXIT = { ok: 0, invalid: 1, usage: 2, unverifiable: 3 } as const;

export function exitCodeFor(report: Pick<VerificationReport, 'verdict'>): number {
  switch (report.verdict) {
    case 'verified':
    case 'warning':
      return EXIT.ok;
    case 'invalid':
      return EXIT.invalid;
    case 'unverifiable':
      return EXIT.unverifiable;
  }
}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  color: boolean;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command ? EXIT.ok : EXIT.usage;
  }
  if (command === '--version') {
    io.out(await packageVersion());
    return EXIT.ok;
  }
  try {
    if (command === 'verify') return await verifyCommand(rest, io);
    if (command === 'serve') {
      const { runServe } = await import('../server/serve.js');
      return await runServe(rest, io);
    }
    if (command === 'registry') {
      const { runRegistry } = await import('./registry-cli.js');
      return await runRegistry(rest, io);
    }
    if (command === 'demo') {
      const { runCliDemo } = await import('./demo.js');
      return await runCliDemo(io);
    }
    io.err(`credlens: unknown command "${safeText(command, 40)}"\n\n${USAGE}`);
    return EXIT.usage;
  } catch (error) {
    if (error instanceof CliInputError) {
      io.err(`credlens: ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }
}

async function verifyCommand(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        offline: { type: 'boolean', default: false },
        resources: { type: 'string' },
        at: { type: 'string' },
        trust: { type: 'string', multiple: true },
        registry: { type: 'string', multiple: true },
        profile: { type: 'string' },
        recipient: { type: 'string' },
        challenge: { type: 'string' },
        domain: { type: 'string' },
        format: { type: 'string' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.err(`credlens verify: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (positionals.length === 0) {
    io.err(`credlens verify: give a file, a folder, a URL or - (got none)\n\n${USAGE}`);
    return EXIT.usage;
  }
  const batch = await batchSettings(values, positionals, io);
  if (batch === 'usage') return EXIT.usage;
  const source = positionals[0] as string;
  const options: VerifyOptions = {
    offline: values.offline,
    cache: new MemoryCache(),
    network: { resolveHost, redirect: 'manual' },
    fetch: pinnedFetch(),
  };
  if (values.at !== undefined) {
    const at = new Date(values.at);
    if (!/^\d{4}-\d{2}-\d{2}/.test(values.at) || Number.isNaN(at.getTime())) {
      io.err(`credlens verify: --at needs an ISO-8601 instant such as 2026-11-28T00:00:00Z, not "${safeText(values.at, 40)}"`);
      return EXIT.usage;
    }
    options.at = at;
  }
  if (values.profile !== undefined) {
    if (values.profile !== 'eu-microcredential') {
      io.err(`credlens verify: --profile takes eu-microcredential, not "${safeText(values.profile, 40)}"`);
      return EXIT.usage;
    }
    options.profile = 'eu-microcredential';
  }
  if (values.recipient !== undefined) {
    if (!/^(email:[^\s@]+@[^\s@]+|did:[a-z0-9]+:\S+|https?:\/\/\S+)$/i.test(values.recipient)) {
      io.err('credlens verify: --recipient takes email:ADDRESS, did:DID or a URL');
      return EXIT.usage;
    }
    options.recipient = values.recipient;
  }
  for (const name of ['challenge', 'domain'] as const) {
    const value = values[name];
    if (value === undefined) continue;
    if (value.trim() === '') {
      io.err(`credlens verify: --${name} needs a value`);
      return EXIT.usage;
    }
    options[name] = value;
  }
  if (values.resources !== undefined) options.resources = await directoryBundle(values.resources);
  if (values.trust?.length) options.trust = await Promise.all(values.trust.map(loadTrustFile));
  if (values.registry?.length) {
    // Training registries (docs/registries.md): a file with its index opens without parsing its entries.
    const { loadRegistry } = await import('../node/registry-files.js');
    const network = values.offline ? {} : { fetch: options.fetch! };
    options.trainingRegistries = await Promise.all(values.registry.map((source) => loadRegistry(source, network)));
  }
  if (batch) {
    const { runBatch } = await import('./batch.js');
    return runBatch(positionals, options, batch, { out: io.out, err: io.err, progress: io === defaultIo && Boolean(process.stderr.isTTY) });
  }

  const isUrl = /^https?:\/\//i.test(source);
  const input = isUrl ? source : await readInputBytes(source, Math.max(LIMITS.maxImageBytes, LIMITS.maxCredentialBytes));
  if (isPdfBytes(input)) {
    // The QR decoder (zxing's WebAssembly) loads only for a PDF: a credential file never needs it.
    const { setUpNodeQrDecoder } = await import('../node/qr.js');
    await setUpNodeQrDecoder();
    const results = await verifyAll(input, options);
    io.out(values.json ? JSON.stringify(results, null, 2) : formatLocatedReports(results, { color: io.color, source }));
    return exitCodeFor({ verdict: worstVerdict(results) });
  }
  const report = await verify(input, options);
  if (report.checks.some((c) => c.code === 'INPUT_TOO_LARGE')) {
    io.err(`credlens: ${safeText(report.checks[0]?.message ?? 'the input is too large')}`);
    return EXIT.usage;
  }
  io.out(values.json ? JSON.stringify(report, null, 2) : formatReport(report, { color: io.color, source }));
  return exitCodeFor(report);
}

/**
 * Several inputs, a folder, or --format / --concurrency: the batch run (bin/batch.ts). One file, URL
 * or `-` without those keeps the single-credential output of the CLI contract.
 */
async function batchSettings(
  values: { format?: string; concurrency?: string; json?: boolean },
  positionals: string[],
  io: Io,
): Promise<{ format: 'table' | 'csv' | 'ndjson'; concurrency: number } | undefined | 'usage'> {
  const { stat } = await import('node:fs/promises');
  const isDirectory = positionals.length === 1 && !/^https?:\/\//i.test(positionals[0]!) && positionals[0] !== '-' && (await stat(positionals[0]!).then((s) => s.isDirectory(), () => false));
  if (positionals.length === 1 && !isDirectory && values.format === undefined && values.concurrency === undefined) return undefined;
  const format = values.format ?? (values.json ? 'ndjson' : 'table');
  if (format !== 'table' && format !== 'csv' && format !== 'ndjson') {
    io.err(`credlens verify: --format takes table, csv or ndjson, not "${safeText(format, 40)}"`);
    return 'usage';
  }
  const concurrency = values.concurrency === undefined ? 4 : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    io.err('credlens verify: --concurrency takes a whole number from 1 to 64');
    return 'usage';
  }
  return { format, concurrency };
}

async function loadTrustFile(path: string): Promise<TrustList> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliInputError(`--trust ${path}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = parseJsonText(text);
  } catch (error) {
    throw new CliInputError(`--trust ${path}: not valid JSON (${(error as Error).message})`);
  }
  const { parseTrustList, TrustListError } = await import('../lib/trust-list.js');
  try {
    return parseTrustList(value, path);
  } catch (error) {
    if (error instanceof TrustListError) throw new CliInputError(error.message);
    throw error;
  }
}
