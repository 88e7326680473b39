/**
 * `credlens verify` with many inputs (files, directories, `-` with one input per line): a progress bar
 * on a terminal, a summary as a table, CSV or NDJSON, bounded concurrency, exit status the worst.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import cliProgress from 'cli-progress';
import { stringify } from 'csv-stringify/sync';
import pLimit from 'p-limit';
import { LIMITS, verify, verifyAll, type VerificationReport, type VerifyOptions } from '../lib/index.js';
import { safeText } from './format-report.js';
import { InputReadError as CliInputError, isPdfBytes, readInputBytes } from '../node/input.js';
import { setUpNodeQrDecoder } from '../node/qr.js';

export type BatchFormat = 'table' | 'csv' | 'ndjson';

export interface BatchIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Standard error is a terminal: show a progress bar. */
  progress: boolean;
  stdin?: NodeJS.ReadableStream;
}

export interface BatchRow {
  file: string;
  verdict: VerificationReport['verdict'] | 'error';
  format: string;
  issuer: string;
  title: string;
  firstFailingCheck: string;
}

type Item = { label: string; kind: 'file' | 'url' | 'text'; value: string };

const COLUMNS: Array<[keyof BatchRow, string]> = [
  ['file', 'file'],
  ['verdict', 'verdict'],
  ['format', 'format'],
  ['issuer', 'issuer'],
  ['title', 'title'],
  ['firstFailingCheck', 'first failing check'],
];

/** Expands the command line's inputs: directories (recursively, sorted), `-` (one input per line). */
export async function collectInputs(sources: readonly string[], stdin: NodeJS.ReadableStream = process.stdin): Promise<Item[]> {
  const items: Item[] = [];
  for (const source of sources) {
    if (source === '-') {
      const lines = createInterface({ input: stdin, crlfDelay: Infinity });
      let n = 0;
      for await (const raw of lines) {
        n++;
        const line = raw.trim();
        if (!line || line.startsWith('#')) continue;
        if (/^https?:\/\//i.test(line)) items.push({ label: line, kind: 'url', value: line });
        else if (line.startsWith('{') || /^eyJ[\w-]*\.[\w-]*\./.test(line)) items.push({ label: `stdin line ${n}`, kind: 'text', value: line });
        else items.push({ label: line, kind: 'file', value: line });
      }
    } else if (/^https?:\/\//i.test(source)) {
      items.push({ label: source, kind: 'url', value: source });
    } else if (await isDirectory(source)) {
      for (const file of await filesUnder(source)) items.push({ label: file, kind: 'file', value: file });
    } else {
      items.push({ label: source, kind: 'file', value: source });
    }
  }
  return items;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** The summary row of one report. */
export function rowFor(file: string, report: VerificationReport): BatchRow {
  const failing = report.checks.find((c) => c.status === 'fail') ?? report.checks.find((c) => c.status === 'warn');
  return {
    file,
    verdict: report.verdict,
    format: report.format,
    issuer: report.credential?.issuer?.name ?? report.credential?.issuer?.id ?? '',
    title: report.credential?.title ?? report.credential?.achievement?.name ?? '',
    firstFailingCheck: failing ? failing.code : '',
  };
}

const RANK: Record<BatchRow['verdict'], number> = { verified: 0, warning: 1, unverifiable: 2, error: 3, invalid: 4 };
const EXIT_FOR: Record<BatchRow['verdict'], number> = { verified: 0, warning: 0, unverifiable: 3, error: 2, invalid: 1 };

/** Exit status of a batch: 1 if any is invalid, else 2 if any input was unreadable, else 3 if any unverifiable, else 0. */
export function batchExitCode(rows: readonly BatchRow[]): number {
  let worst: BatchRow['verdict'] = 'verified';
  for (const row of rows) if (RANK[row.verdict] > RANK[worst]) worst = row.verdict;
  return EXIT_FOR[worst];
}

export async function runBatch(sources: readonly string[], options: VerifyOptions, settings: { format: BatchFormat; concurrency: number }, io: BatchIo): Promise<number> {
  const items = await collectInputs(sources, io.stdin);
  if (items.length === 0) {
    io.err('credlens verify: no input found (an empty folder or an empty list on standard input)');
    return 2;
  }
  const bar = io.progress ? new cliProgress.SingleBar({ stream: process.stderr, format: 'verifying {bar} {value}/{total} {file}', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic) : undefined;
  bar?.start(items.length, 0, { file: '' });
  const limit = pLimit(settings.concurrency);
  const rows: BatchRow[][] = new Array(items.length);
  let qrReady = false;
  await Promise.all(
    items.map((item, index) =>
      limit(async () => {
        let produced: Array<{ row: BatchRow; report?: VerificationReport }>;
        try {
          const input = item.kind === 'file' ? await readInputBytes(item.value, Math.max(LIMITS.maxImageBytes, LIMITS.maxCredentialBytes)) : item.value;
          if (isPdfBytes(input)) {
            if (!qrReady) await setUpNodeQrDecoder();
            qrReady = true;
            const found = await verifyAll(input, options);
            produced = found.map(({ location, report }, i) => ({
              row: rowFor(found.length > 1 ? `${item.label} [${i + 1}${location.page !== undefined ? `, page ${location.page}` : ''}]` : item.label, report),
              report,
            }));
          } else {
            const report = await verify(input, options);
            produced = [{ row: rowFor(item.label, report), report }];
          }
        } catch (error) {
          if (!(error instanceof CliInputError)) throw error;
          produced = [{ row: { file: item.label, verdict: 'error', format: '', issuer: '', title: '', firstFailingCheck: error.message } }];
        }
        rows[index] = produced.map((p) => p.row);
        if (settings.format === 'ndjson') {
          for (const { row, report } of produced) io.out(JSON.stringify({ ...row, ...(report ? { report } : {}) }));
        }
        bar?.increment(1, { file: safeText(item.label, 40) });
      }),
    ),
  );
  bar?.stop();
  const all = rows.flat();
  if (settings.format === 'csv') io.out(stringify(all.map((r) => COLUMNS.map(([key]) => r[key])), { header: true, columns: COLUMNS.map(([, title]) => title) }));
  if (settings.format === 'table') io.out(formatTable(all));
  return batchExitCode(all);
}

export function formatTable(rows: readonly BatchRow[]): string {
  const cells = rows.map((r) => COLUMNS.map(([key], i) => safeText(r[key], i === 0 ? 60 : 48)));
  const header = COLUMNS.map(([, title]) => title);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
  const summary = [...counts].map(([verdict, n]) => `${n} ${verdict}`).join(', ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line), '', `${rows.length} result${rows.length === 1 ? '' : 's'}: ${summary}`].join('\n');
}
