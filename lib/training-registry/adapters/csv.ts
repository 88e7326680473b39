import { parse } from 'csv-parse/sync';

/** Rows of a CSV publication as records keyed by its header; `;`-separated by default (France's open data). */
export function csvRecords(text: string, delimiter = ';'): Record<string, string>[] {
  return parse(text, { columns: true, delimiter, bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as Record<string, string>[];
}

/** `31/12/2026`, `2026-12-31` or `2026-12-31T00:00:00` as an ISO date, or undefined. */
export function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value.trim());
  if (french) return `${french[3]}-${french[2]}-${french[1]}`;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  return iso ? iso[1] : undefined;
}
