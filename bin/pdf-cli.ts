import type { LocatedReport, VerificationReport } from '../lib/index.js';
import { worstVerdict as worstOf } from '../lib/report.js';
import { formatReport, safeText } from './format-report.js';

/** `credlens verify cv.pdf`: every credential in a PDF, each with where it was found. */

/** The worst verdict of several reports: the exit status follows it (invalid 1 > unverifiable 3 > 0). */
export function worstVerdict(results: readonly LocatedReport[]): VerificationReport['verdict'] {
  return worstOf(results.map(({ report }) => report.verdict));
}

export function describeLocation(location: LocatedReport['location']): string {
  const page = location.page !== undefined ? ` on page ${location.page}` : '';
  switch (location.kind) {
    case 'embedded-file':
      return `file "${safeText(location.name ?? 'unnamed', 80)}" attached to the PDF${page}`;
    case 'annotation-link':
      return `link${page}: ${safeText(location.url ?? '', 200)}`;
    case 'text-link':
      return `link written${page}: ${safeText(location.url ?? '', 200)}`;
    case 'qr':
      return `QR code${page}${location.url ? `: ${safeText(location.url, 200)}` : ''}`;
    case 'document':
      return 'the PDF document';
  }
}

export function formatLocatedReports(results: readonly LocatedReport[], options: { color: boolean; source: string }): string {
  const found = results.filter((r) => r.location.kind !== 'document').length;
  const headline =
    found === 0
      ? `${safeText(options.source)}: no credential found (no credential link, attached credential file or QR code)`
      : `${safeText(options.source)}: ${found} credential${found === 1 ? '' : 's'} found`;
  const blocks = [headline];
  results.forEach((result, i) => {
    const heading = result.location.kind === 'document' ? 'About the document' : `Credential ${i + 1} of ${found}`;
    blocks.push(`${'─'.repeat(60)}\n${heading} — ${describeLocation(result.location)}\n${formatReport(result.report, { color: options.color })}`);
  });
  return blocks.join('\n\n');
}
