import type { FetchLike, ResourceCache, TrustList, VerificationReport, VerifyInput, VerifyOptions } from '../../lib/index.js';
import { createIo } from '../../lib/io/index.js';
import { LIMITS } from '../../lib/limits.js';
import { acquire } from '../../lib/input/acquire.js';
import type { FetchedCredential, InputRef } from '../shared/everyday-messages.js';
import type { HistoryOrigin, HistoryStore } from '../shared/history.js';
import type { FindRef, StoredReport, VerifyResult } from '../shared/messages.js';
import type { Settings } from '../shared/settings.js';
import { base64ToBytes, bytesToBase64 } from '../shared/wallet.js';
import { credentialQrTexts, looksBaked } from './probe.js';
import type { TabTally } from './tab-tally.js';
import { recordFailedOrigins } from './failed-origins.js';
import { sha256Hex } from './sha256.js';

export interface EverydayDeps {
  verify: (input: VerifyInput, options: VerifyOptions) => Promise<VerificationReport>;
  fetch: FetchLike;
  cache: ResourceCache;
  /** The store the side panel reads reports from (shared with the page-marking service). */
  reports: ResourceCache;
  decodeQr: (bytes: Uint8Array) => Promise<string[]>;
  isOriginAllowed: (origin: string) => Promise<boolean>;
  trustLists: () => Promise<TrustList[]>;
  history: HistoryStore;
  tally: TabTally;
  settings: () => Settings;
  reportTtlSeconds: () => number;
}

/** What to verify, described for the report view and the history. */
interface Job {
  kind: FindRef['kind'];
  input: VerifyInput;
  source: string;
  pageUrl?: string;
  via: HistoryOrigin;
}

const encoder = new TextEncoder();
const HOUR_MS = 3_600_000;

function findKey(find: FindRef): string {
  switch (find.kind) {
    case 'link':
      return `link ${find.url}`;
    case 'text':
      return `text ${find.text.slice(0, 512)}`;
    default:
      return `${find.kind} ${find.id}`;
  }
}

/**
 * Verifications the user asks for outside page marks (context menu, popup, wallet), the history of
 * every verification, and the per-tab tally the popup shows. Reports go to the same store as the
 * marks' reports, so the side panel shows them the same way.
 */
export class EverydayService {
  private lastPrune = 0;

  constructor(private readonly deps: EverydayDeps) {}

  /** Wraps the page-marking service's verification of one find: tally (pending, then the verdict) and history. */
  async trackFind(tabId: number, find: FindRef, pageUrl: string | undefined, run: () => Promise<VerifyResult | undefined>, getReport: (id: string) => Promise<StoredReport | undefined>): Promise<VerifyResult | undefined> {
    const key = findKey(find);
    await this.deps.tally.set(tabId, key, 'pending');
    const result = await run().catch(() => undefined);
    await this.deps.tally.set(tabId, key, result?.state ?? 'unverifiable');
    if (result) {
      const stored = await getReport(result.reportId);
      if (stored) await this.record(stored, 'page');
    }
    return result;
  }

  async record(stored: StoredReport, via: HistoryOrigin): Promise<void> {
    const settings = this.deps.settings();
    if (!settings.historyEnabled) return;
    try {
      await this.deps.history.record({ reportId: stored.reportId, report: stored.report, source: stored.source, via, kind: stored.kind, ...(stored.pageUrl ? { pageUrl: stored.pageUrl } : {}) });
      if (Date.now() - this.lastPrune > HOUR_MS) {
        this.lastPrune = Date.now();
        await this.deps.history.prune(settings.historyDays);
      }
    } catch {
      // History is a convenience: a full or broken database never stops a verification.
    }
  }

  /** Bytes of an image or file → what to verify: a baked badge, else a credential in a QR code, else the bytes as they are. */
  private async fromBytes(bytes: Uint8Array, mediaType: string, name: string, base: Omit<Job, 'kind' | 'input' | 'source'>): Promise<Job> {
    if (await looksBaked(bytes)) return { ...base, kind: 'baked', input: bytes, source: name };
    if (mediaType.startsWith('image/') || /\.(png|jpe?g|gif|webp|bmp)$/i.test(name)) {
      const texts = await this.deps.decodeQr(bytes).catch(() => [] as string[]);
      const [text] = credentialQrTexts(texts, () => true);
      if (text) return { ...base, kind: 'qr', input: text.trim(), source: /^https:\/\//i.test(text.trim()) ? text.trim() : `QR code in ${name}` };
    }
    return { ...base, kind: 'text', input: bytes, source: name };
  }

  async jobFor(input: InputRef, via: HistoryOrigin, pageUrl?: string): Promise<Job> {
    const base = { via, ...(pageUrl ? { pageUrl } : {}) };
    switch (input.kind) {
      case 'text': {
        const text = input.text.trim();
        if (/^https:\/\/\S+$/i.test(text)) return { ...base, kind: 'link', input: text, source: text };
        return { ...base, kind: 'text', input: text, source: 'Credential pasted as text' };
      }
      case 'url':
        return { ...base, kind: 'link', input: input.url, source: input.url };
      case 'bytes':
        return this.fromBytes(base64ToBytes(input.base64), input.mediaType, input.name || 'Dropped file', base);
    }
  }

  /** An image on a page (context menu): read through the guarded network seam, never from the page. */
  async imageJob(src: string, pageUrl: string | undefined): Promise<Job> {
    const base = { via: 'context-menu' as const, ...(pageUrl ? { pageUrl } : {}) };
    if (src.startsWith('data:')) {
      const m = /^data:([a-z0-9.+-]+\/[a-z0-9.+-]+)?(;base64)?,(.*)$/is.exec(src);
      if (m && m[2] && m[3] && m[3].length <= LIMITS.maxImageBytes * 1.4) return this.fromBytes(base64ToBytes(m[3]), m[1] ?? 'image/png', 'Image on the page', base);
      return { ...base, kind: 'text', input: new Uint8Array(), source: 'Image on the page' };
    }
    const io = createIo({ fetch: this.deps.fetch, cache: this.deps.cache });
    try {
      const response = await io.get(src, { kind: 'image', maxBytes: LIMITS.maxImageBytes });
      const job = await this.fromBytes(response.body, response.contentType ?? 'image/', src, base);
      return job.kind === 'text' ? { ...job, source: src } : job;
    } catch {
      // Unreadable here: lib follows the URL itself and reports why (blocked, offline, HTTP status).
      return { ...base, kind: 'link', input: src, source: src };
    }
  }

  /** A link (context menu, pasted, imported): lib follows platform pages to their credential. */
  linkJob(url: string, via: HistoryOrigin, pageUrl?: string): Job {
    return { via, kind: 'link', input: url, source: url, ...(pageUrl ? { pageUrl } : {}) };
  }

  textJob(text: string, via: HistoryOrigin, pageUrl?: string): Job {
    return { via, kind: 'text', input: text.trim(), source: pageUrl ? 'Text selected on the page' : 'Credential pasted as text', ...(pageUrl ? { pageUrl } : {}) };
  }

  /** Reads the credential behind a link (what the wallet keeps and attaches); throws with a reason a person reads. */
  async fetchCredential(url: string): Promise<FetchedCredential> {
    const io = createIo({ fetch: this.deps.fetch, cache: this.deps.cache, ...(this.deps.settings().offline ? { offline: true } : {}) });
    const acquired = await acquire(url, io);
    if (!acquired.ok) throw new Error(acquired.check.message);
    const { sniffed } = acquired;
    const retrievedFrom = acquired.retrievedFrom ?? url;
    switch (sniffed.kind) {
      case 'json':
        return { payload: { type: 'text', text: sniffed.text ?? JSON.stringify(sniffed.value, null, 2) }, retrievedFrom };
      case 'jws-json':
      case 'jws-compact':
      case 'sd-jwt':
      case 'svg':
        return { payload: { type: 'text', text: sniffed.text }, retrievedFrom };
      case 'png':
        return { payload: { type: 'bytes', base64: bytesToBase64(sniffed.bytes), mediaType: 'image/png' }, retrievedFrom };
      case 'pdf':
        return { payload: { type: 'bytes', base64: bytesToBase64(sniffed.bytes), mediaType: 'application/pdf' }, retrievedFrom };
      case 'url':
        throw new Error(`${url} leads to more links than Credlens follows`);
    }
  }

  async run(job: Job): Promise<StoredReport> {
    const content = typeof job.input === 'string' ? job.input : job.input instanceof Uint8Array ? job.input : JSON.stringify(job.input);
    const reportId = (await sha256Hex(`everyday ${job.kind} ${await sha256Hex(content as string | Uint8Array)}`)).slice(0, 40);
    const { fetch: fetchImpl, failedOrigins } = recordFailedOrigins(this.deps);
    const trust = await this.deps.trustLists().catch(() => []);
    const report = await this.deps.verify(job.input, { fetch: fetchImpl, cache: this.deps.cache, trust });
    const blockedOrigins: string[] = [];
    for (const origin of failedOrigins) if (!(await this.deps.isOriginAllowed(origin).catch(() => true))) blockedOrigins.push(origin);
    const stored: StoredReport = { reportId, kind: job.kind, source: job.source, report, blockedOrigins };
    if (job.pageUrl) stored.pageUrl = job.pageUrl;
    const ttl = Math.max(this.deps.reportTtlSeconds(), 600); // the side panel must be able to show it
    await this.deps.reports.set(reportId, { url: reportId, finalUrl: reportId, body: encoder.encode(JSON.stringify(stored)) }, ttl).catch(() => undefined);
    await this.record(stored, job.via);
    return stored;
  }
}
