import { base64 } from '@scure/base';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { VerificationReport } from '../../lib/index.js';

/** How a credential came into the wallet. */
export type WalletVia = 'file' | 'link' | 'qr' | 'image' | 'text';

/** The credential itself, exactly as imported (the learner's copy; it is what gets attached). */
export type WalletPayload = { type: 'text'; text: string } | { type: 'bytes'; base64: string; mediaType: string };

export interface WalletItem {
  /** SHA-256 of the payload: importing the same credential twice keeps one copy. */
  id: string;
  addedAt: number;
  via: WalletVia;
  /** What the learner recognises it by: a file name or the link. */
  label: string;
  payload: WalletPayload;
  /** The name of the file an application form receives. */
  fileName: string;
  /** A public link to the credential (imported from a link or a QR code), for link fields. */
  link?: string;
  /** The latest verification (on import, then on demand). */
  report?: VerificationReport;
  reportId?: string;
  verifiedAt?: number;
}

interface WalletSchema extends DBSchema {
  items: { key: string; value: WalletItem; indexes: { addedAt: number } };
}

export const MAX_WALLET_ITEMS = 500;

/** Stored files are padded standard base64 (what extension messages and IndexedDB carry as text). */
export function bytesToBase64(bytes: Uint8Array): string {
  return base64.encode(bytes);
}

export function base64ToBytes(text: string): Uint8Array {
  return base64.decode(text);
}

export async function payloadId(payload: WalletPayload): Promise<string> {
  const data = payload.type === 'text' ? new TextEncoder().encode(payload.text.trim()) : base64ToBytes(payload.base64);
  const digest = await crypto.subtle.digest('SHA-256', data as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('').slice(0, 40);
}

/** The media type and file extension an application form receives for a text credential. */
export function textFileType(text: string): { mediaType: string; extension: string } {
  const t = text.trim();
  if (t.startsWith('{') || t.startsWith('[')) return { mediaType: 'application/json', extension: 'json' };
  if (t.startsWith('<')) return { mediaType: 'image/svg+xml', extension: 'svg' };
  if (t.includes('~')) return { mediaType: 'application/dc+sd-jwt', extension: 'sd-jwt' };
  return { mediaType: 'application/jwt', extension: 'jwt' };
}

/** A file name without path separators or control characters, with the right extension. */
export function safeFileName(name: string, extension: string): string {
  // eslint-disable-next-line no-control-regex
  const base = name.replace(/[\u0000-\u001f\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'credential';
  return base.toLowerCase().endsWith(`.${extension}`) ? base : `${base.replace(/\.[a-z0-9]{1,5}$/i, '')}.${extension}`;
}

/** The learner's credentials in IndexedDB, in the extension's origin only. */
export class WalletStore {
  private db: Promise<IDBPDatabase<WalletSchema>> | undefined;

  constructor(private readonly name = 'credlens-wallet') {}

  private open(): Promise<IDBPDatabase<WalletSchema>> {
    this.db ??= openDB<WalletSchema>(this.name, 1, {
      upgrade(db) {
        db.createObjectStore('items', { keyPath: 'id' }).createIndex('addedAt', 'addedAt');
      },
    });
    return this.db;
  }

  /** Adds (or replaces, keeping the first import date) a credential; refuses beyond the bound. */
  async put(item: WalletItem): Promise<WalletItem> {
    const db = await this.open();
    const previous = await db.get('items', item.id);
    if (!previous && (await db.count('items')) >= MAX_WALLET_ITEMS) throw new Error(`The wallet holds at most ${MAX_WALLET_ITEMS} credentials.`);
    const stored = previous ? { ...item, addedAt: previous.addedAt, link: item.link ?? previous.link } : item;
    await db.put('items', stored);
    return stored;
  }

  async get(id: string): Promise<WalletItem | undefined> {
    return (await this.open()).get('items', id);
  }

  /** Newest first. */
  async list(): Promise<WalletItem[]> {
    return (await (await this.open()).getAllFromIndex('items', 'addedAt')).reverse();
  }

  async setReport(id: string, reportId: string, report: VerificationReport, now = Date.now()): Promise<WalletItem | undefined> {
    const db = await this.open();
    const item = await db.get('items', id);
    if (!item) return undefined;
    const updated: WalletItem = { ...item, report, reportId, verifiedAt: now };
    await db.put('items', updated);
    return updated;
  }

  async remove(id: string): Promise<void> {
    await (await this.open()).delete('items', id);
  }

  async clear(): Promise<void> {
    await (await this.open()).clear('items');
  }

  /** Everything, credentials included, as one JSON document the learner keeps. */
  async exportJson(now = Date.now()): Promise<string> {
    const items = await this.list();
    return JSON.stringify(
      {
        exportedBy: 'Credlens wallet',
        exportedAt: new Date(now).toISOString(),
        credentials: items.map((i) => ({
          label: i.label,
          importedVia: i.via,
          importedAt: new Date(i.addedAt).toISOString(),
          fileName: i.fileName,
          ...(i.link ? { link: i.link } : {}),
          credential: i.payload.type === 'text' ? { text: i.payload.text } : { mediaType: i.payload.mediaType, base64: i.payload.base64 },
          ...(i.report ? { lastVerification: { verdict: i.report.verdict, verifiedAt: i.report.verifiedAt, checks: i.report.checks } } : {}),
        })),
      },
      null,
      2,
    );
  }
}
