import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { StoredView } from '../common/pdf-messages.js';

/** Where finished reports outlive the service worker (IndexedDB in the extension, memory in tests). */
export interface ReportPersistence {
  get(id: string): Promise<StoredView | undefined>;
  put(id: string, view: StoredView): Promise<void>;
  /** Deletes the oldest entries until at most `max` remain. */
  trim(max: number): Promise<void>;
}

export const MAX_REPORTS = 500;

export function viewId(view: StoredView): string {
  return 'pdfId' in view ? view.pdfId : view.reportId;
}

/**
 * The reports the side panel, the popup and the history open by id: a typed store of `StoredView`s,
 * bounded in memory (least recently used first out) and on disk (oldest first out). It is not the
 * HTTP resource cache: a report has no URL, no freshness headers, and is kept for as long as it may
 * be opened again; whether it is fresh enough to reuse is the hub's decision (`verifiedAt`).
 */
export class ReportStore {
  private readonly memory = new Map<string, StoredView>();

  constructor(
    private readonly persistence?: ReportPersistence,
    readonly max = MAX_REPORTS,
  ) {}

  private remember(id: string, view: StoredView): void {
    this.memory.delete(id);
    this.memory.set(id, view);
    while (this.memory.size > this.max) this.memory.delete(this.memory.keys().next().value as string);
  }

  async put(view: StoredView): Promise<void> {
    const id = viewId(view);
    this.remember(id, view);
    try {
      await this.persistence?.put(id, view);
      await this.persistence?.trim(this.max);
    } catch {
      // A full or broken database: the report is still shown from memory.
    }
  }

  async get(id: string): Promise<StoredView | undefined> {
    const known = this.memory.get(id);
    if (known) {
      this.remember(id, known);
      return known;
    }
    const stored = await this.persistence?.get(id).catch(() => undefined);
    if (stored) this.remember(id, stored);
    return stored;
  }

  /** How many reports are held in memory (for tests of the bound). */
  get size(): number {
    return this.memory.size;
  }
}

interface ReportSchema extends DBSchema {
  views: { key: string; value: { id: string; storedAt: number; view: StoredView }; indexes: { storedAt: number } };
}

/** The report store's IndexedDB database (`credlens-report-store`), its own, apart from the resource cache. */
export function idbReportPersistence(name = 'credlens-report-store'): ReportPersistence {
  let db: Promise<IDBPDatabase<ReportSchema>> | undefined;
  const open = () =>
    (db ??= openDB<ReportSchema>(name, 1, {
      upgrade(database) {
        database.createObjectStore('views', { keyPath: 'id' }).createIndex('storedAt', 'storedAt');
      },
    }));
  return {
    async get(id) {
      return (await (await open()).get('views', id))?.view;
    },
    async put(id, view) {
      await (await open()).put('views', { id, storedAt: Date.now(), view });
    },
    async trim(max) {
      const database = await open();
      let excess = (await database.count('views')) - max;
      if (excess <= 0) return;
      const tx = database.transaction('views', 'readwrite');
      for (let cursor = await tx.store.index('storedAt').openCursor(); cursor && excess > 0; cursor = await cursor.continue()) {
        await cursor.delete();
        excess--;
      }
      await tx.done;
    },
  };
}

/** Memory only: tests, and browsers without IndexedDB in the background. */
export function memoryReportPersistence(): ReportPersistence & { readonly entries: Map<string, StoredView> } {
  const entries = new Map<string, StoredView>();
  return {
    entries,
    async get(id) {
      return entries.get(id);
    },
    async put(id, view) {
      entries.delete(id);
      entries.set(id, view);
    },
    async trim(max) {
      while (entries.size > max) entries.delete(entries.keys().next().value as string);
    },
  };
}
