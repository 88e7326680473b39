import type { FetchLike, LocatedReport, TrustList } from '../../lib/index.js';
import type { HistoryOrigin } from '../common/history.js';
import type { StoredReport } from '../common/protocol.js';
import { describeLocation, type StoredPdf } from '../common/pdf-messages.js';
import { base64ToBytes } from '../common/wallet.js';
import type { PdfInput } from './pdf-engine.js';
import type { ReportStore } from './report-store.js';
import { recordFailedOrigins } from './failed-origins.js';
import { sha256Hex } from './sha256.js';

export interface PdfServiceDeps {
  /** Runs lib's `verifyAll` in the PDF reader page (see pdf-engine.ts). */
  scan: (input: PdfInput, trust: TrustList[], offline: boolean, fetchImpl: FetchLike) => Promise<LocatedReport[]>;
  fetch: FetchLike;
  isOriginAllowed: (origin: string) => Promise<boolean>;
  trustLists: () => Promise<TrustList[]>;
  /** The same store as every other report: the side panel reads the listing and each credential from it. */
  reports: Pick<ReportStore, 'put'>;
  /** Reads the user's settings afresh (a change on the options page applies from the next verification). */
  offline: () => Promise<boolean>;
  /** Tells the hub's observers (history) of each credential found. */
  record: (stored: StoredReport, via: HistoryOrigin) => Promise<void>;
}

export type PdfSource = { kind: 'url'; url: string } | { kind: 'bytes'; base64: string; name: string };

/**
 * "Verify credentials in this PDF" (context menu, popup): the PDF is read through the background's
 * fetch (host permission or the click's activeTab), every credential in it is verified by lib's
 * `verifyAll`, and the listing is stored for the side panel (Chrome) or the popup (Firefox). Each
 * credential found goes into the history; a PDF without any goes in once, with what was found.
 */
export class PdfService {
  constructor(private readonly deps: PdfServiceDeps) {}

  async verify(source: PdfSource, via: HistoryOrigin, pageUrl?: string): Promise<StoredPdf> {
    const offline = await this.deps.offline().catch(() => false);
    const { fetch: fetchImpl, failedOrigins } = recordFailedOrigins(this.deps);
    const trust = await this.deps.trustLists().catch(() => [] as TrustList[]);
    const input: PdfInput = source.kind === 'url' ? { kind: 'url', url: source.url } : { kind: 'bytes', base64: source.base64 };
    const results = await this.deps.scan(input, trust, offline, fetchImpl);

    const label = source.kind === 'url' ? source.url : source.name || 'Dropped PDF';
    const pdfId = (await sha256Hex(`pdf ${source.kind === 'url' ? source.url : await sha256Hex(base64ToBytes(source.base64))}`)).slice(0, 40);
    const blockedOrigins: string[] = [];
    for (const origin of failedOrigins) if (!(await this.deps.isOriginAllowed(origin).catch(() => true))) blockedOrigins.push(origin);

    const items: StoredReport[] = [];
    for (const [i, result] of results.entries()) {
      const reportId = (await sha256Hex(`${pdfId} ${i} ${JSON.stringify(result.location)}`)).slice(0, 40);
      const item: StoredReport = { reportId, kind: 'pdf', source: label, location: result.location, report: result.report, blockedOrigins: [] };
      if (pageUrl) item.pageUrl = pageUrl;
      items.push(item);
    }
    const pdf: StoredPdf = { pdfId, kind: 'pdf', source: label, items, blockedOrigins, checkedAt: new Date().toISOString() };
    if (pageUrl) pdf.pageUrl = pageUrl;

    await Promise.all([pdf, ...items].map((view) => this.deps.reports.put(view)));

    const credentials = items.filter((item) => item.location?.kind !== 'document' || item.report.credential);
    for (const item of credentials.length ? credentials : items) {
      // Where first: the history shortens long sources in the middle, and the PDF's name is at the end.
      const where = item.location && item.location.kind !== 'document' ? `${describeLocation(item.location)} · ` : '';
      await this.deps.record({ ...item, source: `${where}${label}` }, via);
    }
    return pdf;
  }
}
