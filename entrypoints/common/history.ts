import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Verdict, VerificationReport } from '../../lib/index.js';
import type { StoredReport } from './protocol.js';

/** How a verification was started. */
export type HistoryOrigin = 'page' | 'context-menu' | 'popup' | 'wallet';

/** One line of the history: what was verified, where, when, with which verdict. Never leaves the device. */
export interface HistoryEntry {
  /** One entry per credential and page: verifying it again there updates the entry. */
  id: string;
  reportId: string;
  verdict: Verdict;
  format: string;
  title?: string;
  issuer?: string;
  /** What was verified: a link, or a short description ("Badge image", "Pasted text"). */
  source: string;
  /** The page it was found on, when it was found on one. */
  pageUrl?: string;
  via: HistoryOrigin;
  firstVerifiedAt: number;
  verifiedAt: number;
  times: number;
  /** What was found (a link, a QR code, a baked badge, text), for the report view. */
  kind: StoredReport['kind'];
  /** The full report of the latest verification, so that it can be shown again later. */
  report: VerificationReport;
}

export interface HistoryRecord {
  reportId: string;
  report: VerificationReport;
  source: string;
  pageUrl?: string;
  via: HistoryOrigin;
  kind: StoredReport['kind'];
}

interface HistorySchema extends DBSchema {
  entries: { key: string; value: HistoryEntry; indexes: { verifiedAt: number } };
}

const DAY_MS = 86_400_000;
const MAX_ENTRIES = 5000;
const MAX_TEXT = 2048;

function clip(text: string | undefined): string | undefined {
  return text === undefined ? undefined : text.slice(0, MAX_TEXT);
}

async function entryId(reportId: string, pageUrl: string | undefined): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${reportId}\n${pageUrl ?? ''}`));
  return [...new Uint8Array(digest).subarray(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Lower-cased words of an entry that a search matches against. */
const VERDICT_SEARCH: Record<Verdict, string> = {
  verified: 'verified',
  warning: 'warning verified with warnings',
  invalid: 'invalid not valid',
  unverifiable: 'unverifiable could not be checked',
};

function haystack(entry: HistoryEntry): string {
  return [entry.title, entry.issuer, entry.source, entry.pageUrl, VERDICT_SEARCH[entry.verdict], entry.format].filter(Boolean).join(' \n').toLowerCase();
}

/**
 * The verification history in IndexedDB (extension origin: shared by the service worker and the
 * extension's pages, never by web pages). Bounded by age (the user's retention) and by count.
 */
export class HistoryStore {
  private db: Promise<IDBPDatabase<HistorySchema>> | undefined;

  constructor(private readonly name = 'credlens-history') {}

  private open(): Promise<IDBPDatabase<HistorySchema>> {
    this.db ??= openDB<HistorySchema>(this.name, 1, {
      upgrade(db) {
        db.createObjectStore('entries', { keyPath: 'id' }).createIndex('verifiedAt', 'verifiedAt');
      },
    });
    return this.db;
  }

  async record(record: HistoryRecord, now = Date.now()): Promise<HistoryEntry> {
    const db = await this.open();
    const id = await entryId(record.reportId, record.pageUrl);
    const previous = await db.get('entries', id);
    const credential = record.report.credential;
    const title = credential?.title ?? credential?.achievement?.name;
    const issuer = credential?.issuer?.name ?? credential?.issuer?.id;
    const entry: HistoryEntry = {
      id,
      reportId: record.reportId,
      verdict: record.report.verdict,
      format: record.report.format,
      source: clip(record.source) ?? '',
      via: record.via,
      firstVerifiedAt: previous?.firstVerifiedAt ?? now,
      verifiedAt: now,
      times: (previous?.times ?? 0) + 1,
      kind: record.kind,
      report: record.report,
    };
    if (title) entry.title = clip(title);
    if (issuer) entry.issuer = clip(issuer);
    if (record.pageUrl) entry.pageUrl = clip(record.pageUrl);
    await db.put('entries', entry);
    if ((await db.count('entries')) > MAX_ENTRIES) await this.trim(MAX_ENTRIES);
    return entry;
  }

  /** Newest first; `query` matches title, issuer, link, page, verdict and format (every word must match). */
  async list(query = ''): Promise<HistoryEntry[]> {
    const db = await this.open();
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const all = await db.getAllFromIndex('entries', 'verifiedAt');
    return all.reverse().filter((entry) => {
      const text = haystack(entry);
      return words.every((w) => text.includes(w));
    });
  }

  async remove(id: string): Promise<void> {
    await (await this.open()).delete('entries', id);
  }

  async clear(): Promise<void> {
    await (await this.open()).clear('entries');
  }

  /** Deletes entries last verified more than `days` ago; returns how many. */
  async prune(days: number, now = Date.now()): Promise<number> {
    const db = await this.open();
    const tx = db.transaction('entries', 'readwrite');
    let removed = 0;
    for (let cursor = await tx.store.index('verifiedAt').openCursor(IDBKeyRange.upperBound(now - days * DAY_MS, true)); cursor; cursor = await cursor.continue()) {
      await cursor.delete();
      removed++;
    }
    await tx.done;
    return removed;
  }

  private async trim(keep: number): Promise<void> {
    const db = await this.open();
    const tx = db.transaction('entries', 'readwrite');
    let excess = (await tx.store.count()) - keep;
    for (let cursor = await tx.store.index('verifiedAt').openCursor(); cursor && excess > 0; cursor = await cursor.continue()) {
      await cursor.delete();
      excess--;
    }
    await tx.done;
  }

  /** The whole history as a JSON document the user can keep or hand over (GDPR Art. 15, 20). */
  async exportJson(now = Date.now()): Promise<string> {
    const entries = await this.list();
    return JSON.stringify(
      {
        exportedBy: 'Credlens',
        exportedAt: new Date(now).toISOString(),
        entries: entries.map(({ report, ...e }) => ({
          ...e,
          firstVerifiedAt: new Date(e.firstVerifiedAt).toISOString(),
          verifiedAt: new Date(e.verifiedAt).toISOString(),
          checks: report.checks.map((c) => ({ id: c.id, status: c.status, code: c.code, message: c.message })),
        })),
      },
      null,
      2,
    );
  }
}
