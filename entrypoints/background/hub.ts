import type { FetchLike, ResourceCache, TrainingRegistry, TrustList, VerificationReport, VerifyInput, VerifyOptions } from '../../lib/index.js';
import type { HistoryOrigin } from '../common/history.js';
import type { StoredView } from '../common/pdf-messages.js';
import type { StoredReport } from '../common/protocol.js';
import { recordFailedOrigins } from './failed-origins.js';
import { limitPerOrigin } from './limit.js';
import type { ReportStore } from './report-store.js';
import type { SettingsGate } from './settings-gate.js';

export type VerifyFn = (input: VerifyInput, options: VerifyOptions) => Promise<VerificationReport>;

/** Requests to one origin in flight at once, across the whole extension (issuers must not be hammered). */
export const PER_ORIGIN_LIMIT = 4;

/** Something to verify, described for the report view and the history. */
export interface Job {
  reportId: string;
  kind: StoredReport['kind'];
  input: VerifyInput;
  source: string;
  pageUrl?: string;
}

/** Who asked, for the observers: how the verification started, and the tab's mark when it is one. */
export interface JobContext {
  via: HistoryOrigin;
  /** A page mark: its tab and a key naming the find on that tab. */
  mark?: { tabId: number; key: string };
}

export type HubEvent =
  | { type: 'started'; job: Job; context: JobContext }
  | { type: 'finished'; job: Job; context: JobContext; stored: StoredReport | undefined };

export type Observer = (event: HubEvent) => void | Promise<void>;

export interface HubDeps {
  verify: VerifyFn;
  /** The raw network (globalThis.fetch); the hub puts the settings gate and the per-origin limit in front of it. */
  fetch: FetchLike;
  /** DID documents, status lists, credentials (IndexedDB in the extension). */
  cache: ResourceCache;
  reports: ReportStore;
  trustLists: () => Promise<TrustList[]>;
  /** The training registries the user added (issue #19): the same objects each time, so lib indexes each once. */
  trainingRegistries?: () => Promise<TrainingRegistry[]>;
  gate: SettingsGate;
  /** Origins the extension may not contact (no host permission); used to explain an unverifiable result. */
  isOriginAllowed: (origin: string) => Promise<boolean>;
  decodeQr: (bytes: Uint8Array) => Promise<string[]>;
}

const MAX_JOBS = 500;

/**
 * The background's one verification hub, created once: every verification of the extension (page
 * marks, extension pages, PDFs, the context menu) runs here, through one gated, per-origin-limited
 * fetch, one resource cache, one report store and one trust-list source. History and per-tab tallies
 * observe finished verifications (`observe`); they are never called by the adapters.
 */
export class VerificationHub {
  /** The settings gate, then at most PER_ORIGIN_LIMIT requests per origin: every remote read of the extension. */
  readonly fetch: FetchLike;
  readonly cache: ResourceCache;
  readonly reports: ReportStore;
  readonly trustLists: () => Promise<TrustList[]>;
  readonly gate: SettingsGate;
  readonly decodeQr: (bytes: Uint8Array) => Promise<string[]>;
  private readonly verifyWithSettings: VerifyFn;
  private readonly observers = new Set<Observer>();
  private readonly inflight = new Map<string, Promise<StoredReport>>();
  /** What each report was made from, so that it can be verified again after a permission grant. */
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly deps: HubDeps) {
    this.fetch = limitPerOrigin(deps.gate.fetch(deps.fetch), PER_ORIGIN_LIMIT);
    this.cache = deps.cache;
    this.reports = deps.reports;
    this.trustLists = async () => (await deps.trustLists().catch(() => [] as TrustList[])) ?? [];
    this.gate = deps.gate;
    this.decodeQr = deps.decodeQr;
    this.verifyWithSettings = deps.gate.verify(deps.verify);
  }

  /** Adds an observer of verifications (started, finished); returns its removal. */
  observe(observer: Observer): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /** Tells the observers (each on its own: a failing observer never stops a verification). */
  async publish(event: HubEvent): Promise<void> {
    await Promise.all(
      [...this.observers].map(async (observer) => {
        try {
          await observer(event);
        } catch {
          // History and tallies are conveniences: a broken one never stops a verification.
        }
      }),
    );
  }

  /** Origins among `failed` the extension has no permission for. */
  async blockedOrigins(failed: Iterable<string>): Promise<string[]> {
    const blocked: string[] = [];
    for (const origin of failed) if (!(await this.deps.isOriginAllowed(origin).catch(() => true))) blocked.push(origin);
    return blocked;
  }

  /**
   * Verifies a job once at a time per report id (every tab and frame that shows the same credential
   * shares it). `reuse`: a stored report younger than the cache setting is returned as it is.
   */
  async verify(job: Job, context: JobContext, options: { reuse?: boolean } = {}): Promise<StoredReport> {
    this.jobs.delete(job.reportId);
    this.jobs.set(job.reportId, job);
    while (this.jobs.size > MAX_JOBS) this.jobs.delete(this.jobs.keys().next().value as string);
    await this.publish({ type: 'started', job, context });
    let stored: StoredReport | undefined;
    try {
      stored = await this.runOnce(job, options.reuse ?? false);
      return stored;
    } finally {
      await this.publish({ type: 'finished', job, context, stored });
    }
  }

  /** Verifies again, ignoring the stored report (after the user granted an origin). */
  async reverify(reportId: string): Promise<StoredView | undefined> {
    const job = this.jobs.get(reportId);
    if (!job) return this.reports.get(reportId);
    return this.runOnce(job, false);
  }

  getReport(reportId: string): Promise<StoredView | undefined> {
    return this.reports.get(reportId);
  }

  private runOnce(job: Job, reuse: boolean): Promise<StoredReport> {
    let running = this.inflight.get(job.reportId);
    if (!running) {
      running = this.run(job, reuse).finally(() => this.inflight.delete(job.reportId));
      this.inflight.set(job.reportId, running);
    }
    return running;
  }

  private async run(job: Job, reuse: boolean): Promise<StoredReport> {
    if (reuse) {
      const cached = await this.reports.get(job.reportId);
      if (cached && !('pdfId' in cached) && Date.parse(cached.report.verifiedAt) + this.gate.reportTtlSeconds * 1000 > Date.now()) return cached;
    }
    const { fetch: fetchImpl, failedOrigins } = recordFailedOrigins(this);
    const trust = await this.trustLists();
    const trainingRegistries = (await this.deps.trainingRegistries?.().catch(() => [])) ?? [];
    const report = await this.verifyWithSettings(job.input, { fetch: fetchImpl, cache: this.cache, trust, trainingRegistries });
    const stored: StoredReport = { reportId: job.reportId, kind: job.kind, source: job.source, report, blockedOrigins: await this.blockedOrigins(failedOrigins) };
    if (job.pageUrl) stored.pageUrl = job.pageUrl;
    await this.reports.put(stored);
    return stored;
  }
}
