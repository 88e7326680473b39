/** Statistics and the printed table: pure functions, unit-tested (test/unit/bench/table.test.ts). */

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function summarise(samples: readonly number[]): Summary {
  return { n: samples.length, median: median(samples), p95: percentile(samples, 95), min: samples.length ? Math.min(...samples) : Number.NaN };
}

/** How many times `other` takes what `ours` takes (>1: we are faster); undefined when either is missing. */
export function speedup(ours: number | undefined, other: number | undefined): number | undefined {
  if (ours === undefined || other === undefined || !Number.isFinite(ours) || !Number.isFinite(other) || ours <= 0) return undefined;
  return other / ours;
}

export function formatMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '-';
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function formatRatio(ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return '-';
  return `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1)}×`;
}

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return '-';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** A Markdown table (it reads as plain text too): first column left-aligned, the rest right-aligned. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${widths.map((w, i) => (i === 0 ? (cells[i] ?? '').padEnd(w) : (cells[i] ?? '').padStart(w))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

export type TargetState = 'met' | 'missed' | 'not measured';

export interface Target {
  name: string;
  goal: string;
  measured: string;
  state: TargetState;
}

/** Whether a measured value meets a goal; `not measured` when the value is missing. */
export function judge(value: number | undefined, goal: number, better: 'lower' | 'higher'): TargetState {
  if (value === undefined || !Number.isFinite(value)) return 'not measured';
  return (better === 'lower' ? value <= goal : value >= goal) ? 'met' : 'missed';
}
