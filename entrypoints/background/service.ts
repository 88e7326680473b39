import type { FetchLike, ResourceCache, TrustList, VerificationReport, VerifyInput, VerifyOptions } from '../../lib/index.js';
import { createIo } from '../../lib/io/index.js';
import { LIMITS } from '../../lib/limits.js';
import { recogniseLink } from '../../lib/sources/index.js';
import type { FindRef, ProbeResult, StoredReport, VerifyResult } from '../shared/messages.js';
import { credentialQrTexts, looksBaked, type Payload } from './probe.js';
import { recordFailedOrigins } from './failed-origins.js';
import { sha256Hex } from './sha256.js';

export interface ServiceDeps {
  verify: (input: VerifyInput, options: VerifyOptions) => Promise<VerificationReport>;
  /** The per-origin-limited fetch; every remote read of the extension goes through it. */
  fetch: FetchLike;
  /** DID documents, status lists, credentials (IndexedDB in the extension). */
  cache: ResourceCache;
  /** Finished reports, keyed by report id. */
  reports: ResourceCache;
  decodeQr: (bytes: Uint8Array) => Promise<string[]>;
  /** Origins the extension may not contact (no host permission); used to explain an unverifiable result. */
  isOriginAllowed: (origin: string) => Promise<boolean>;
  /** Trust lists the user (or their organisation) configured; none by default. */
  trustLists?: () => Promise<TrustList[]>;
  reportTtlSeconds?: number;
  /**
   * Discovery for links no platform claims (lib/sources/discover.ts through entrypoints/background/discovery.ts):
   * a URL in a QR code is kept when a credential is behind it; a link is verified once a credential was found there.
   */
  discovery?: { isCredentialUrl(url: string): Promise<boolean>; isDiscovered(url: string): boolean };
}

const MAX_PAYLOADS = 500;
const encoder = new TextEncoder();

/**
 * The verification service in the background: probes images for QR codes and baked badges,
 * verifies finds with lib, shares one verification between every tab that shows the same
 * credential, and keeps finished reports for the side panel.
 */
export class VerificationService {
  private readonly payloads = new Map<string, Payload & { source: string }>();
  private readonly inflight = new Map<string, Promise<StoredReport>>();
  private readonly memory = new Map<string, StoredReport>();
  /** What each report was made from, so that it can be verified again after a permission grant. */
  private readonly inputs = new Map<string, { kind: FindRef['kind']; input: VerifyInput; source: string; pageUrl?: string }>();

  constructor(private readonly deps: ServiceDeps) {}

  /** Image bytes (fetched here, never trusted from the page) → the credentials they carry. */
  async probeBytes(bytes: Uint8Array, source: string): Promise<ProbeResult> {
    const finds: ProbeResult['finds'] = [];
    if (await looksBaked(bytes)) finds.push({ kind: 'baked', id: await this.keep({ kind: 'baked', input: bytes }, source) });
    let texts: string[] = [];
    try {
      texts = await this.deps.decodeQr(bytes);
    } catch {
      texts = []; // not a raster image the decoder reads (SVG, unknown format)
    }
    for (const text of credentialQrTexts(texts, (url) => recogniseLink(url) !== undefined)) {
      finds.push({ kind: 'qr', id: await this.keep({ kind: 'qr', input: text.trim() }, source) });
    }
    // Every other https URL in a QR code is a candidate: kept only when discovery finds a credential behind it.
    const discovery = this.deps.discovery;
    if (discovery) {
      for (const url of texts.map((t) => t.trim()).filter((t) => /^https:\/\/\S+$/i.test(t) && t.length <= 4096 && !recogniseLink(t))) {
        if (await discovery.isCredentialUrl(url).catch(() => false)) finds.push({ kind: 'qr', id: await this.keep({ kind: 'qr', input: url }, source) });
      }
    }
    return { finds };
  }

  /** Fetches an image through the guarded network seam (https, size cap, no cookies) and probes it. */
  async probeImage(src: string): Promise<ProbeResult> {
    const io = createIo({ fetch: this.deps.fetch, cache: this.deps.cache });
    try {
      const response = await io.get(src, { kind: 'image', maxBytes: LIMITS.maxImageBytes });
      return await this.probeBytes(response.body, src);
    } catch {
      return { finds: [] };
    }
  }

  private async keep(payload: Payload, source: string): Promise<string> {
    const id = (await sha256Hex(typeof payload.input === 'string' ? payload.input : payload.input)).slice(0, 40);
    this.payloads.delete(id);
    this.payloads.set(id, { ...payload, source });
    while (this.payloads.size > MAX_PAYLOADS) this.payloads.delete(this.payloads.keys().next().value as string);
    return id;
  }

  /** What `verify()` gets for a find; `undefined` when the find is not one the background accepts. */
  private async resolve(find: FindRef): Promise<{ key: string; input: VerifyInput; source: string } | undefined> {
    switch (find.kind) {
      case 'link': {
        // Re-recognised here: a content script cannot make the background fetch an arbitrary URL.
        // Or a link discovery found a credential behind (the background's own record, never the page's word).
        const recognised = recogniseLink(find.url);
        if (!recognised && !this.deps.discovery?.isDiscovered(find.url)) return undefined;
        // lib maps the platform page to its credential again (and unwraps the platform's envelope).
        const target = recognised?.credentialUrl ?? find.url;
        return { key: `link ${target}`, input: find.url, source: find.url };
      }
      case 'text':
        return { key: `text ${await sha256Hex(find.text)}`, input: find.text, source: 'Credential pasted in the page' };
      case 'qr':
      case 'baked': {
        const payload = this.payloads.get(find.id);
        if (!payload || payload.kind !== find.kind) return undefined;
        return { key: `${find.kind} ${find.id}`, input: payload.input, source: payload.source };
      }
    }
  }

  async verifyFind(find: FindRef, pageUrl?: string): Promise<VerifyResult | undefined> {
    const resolved = await this.resolve(find);
    if (!resolved) return undefined;
    const reportId = (await sha256Hex(resolved.key)).slice(0, 40);
    this.inputs.delete(reportId);
    this.inputs.set(reportId, { kind: find.kind, input: resolved.input, source: resolved.source, ...(pageUrl ? { pageUrl } : {}) });
    while (this.inputs.size > MAX_PAYLOADS) this.inputs.delete(this.inputs.keys().next().value as string);
    const stored = await this.runOnce(reportId, find.kind, resolved, pageUrl, false);
    const result: VerifyResult = { reportId, state: stored.report.verdict };
    const title = stored.report.credential?.title ?? stored.report.credential?.achievement?.name;
    if (title) result.title = title.slice(0, 120);
    return result;
  }

  /** One verification per credential at a time, shared by every tab and frame that asks. */
  private runOnce(reportId: string, kind: FindRef['kind'], resolved: { input: VerifyInput; source: string }, pageUrl: string | undefined, fresh: boolean): Promise<StoredReport> {
    let running = this.inflight.get(reportId);
    if (!running) {
      running = this.run(reportId, kind, resolved, pageUrl, fresh).finally(() => this.inflight.delete(reportId));
      this.inflight.set(reportId, running);
    }
    return running;
  }

  private async run(reportId: string, kind: FindRef['kind'], resolved: { input: VerifyInput; source: string }, pageUrl: string | undefined, fresh: boolean): Promise<StoredReport> {
    const cached = fresh ? undefined : (this.memory.get(reportId) ?? (await this.readStored(reportId)));
    if (cached && Date.parse(cached.report.verifiedAt) + (this.deps.reportTtlSeconds ?? 600) * 1000 > Date.now()) return cached;
    const { fetch: fetchImpl, failedOrigins } = recordFailedOrigins(this.deps);
    const trust = (await this.deps.trustLists?.().catch(() => [])) ?? [];
    const report = await this.deps.verify(resolved.input, { fetch: fetchImpl, cache: this.deps.cache, trust });
    const blockedOrigins: string[] = [];
    for (const origin of failedOrigins) if (!(await this.deps.isOriginAllowed(origin))) blockedOrigins.push(origin);
    const stored: StoredReport = { reportId, kind, source: resolved.source, report, blockedOrigins };
    if (pageUrl) stored.pageUrl = pageUrl;
    this.memory.set(reportId, stored);
    const body = encoder.encode(JSON.stringify(stored));
    await this.deps.reports.set(reportId, { url: reportId, finalUrl: reportId, body }, this.deps.reportTtlSeconds ?? 600).catch(() => undefined);
    return stored;
  }

  /** Verifies again, ignoring the stored report (after the user granted an origin). */
  async reverify(reportId: string): Promise<StoredReport | undefined> {
    const input = this.inputs.get(reportId);
    if (!input) return this.getReport(reportId);
    return this.runOnce(reportId, input.kind, input, input.pageUrl, true);
  }

  async getReport(reportId: string): Promise<StoredReport | undefined> {
    return this.memory.get(reportId) ?? (await this.readStored(reportId));
  }

  private async readStored(reportId: string): Promise<StoredReport | undefined> {
    const entry = await this.deps.reports.get(reportId).catch(() => undefined);
    if (!entry || entry.body.byteLength === 0) return undefined;
    try {
      const stored = JSON.parse(new TextDecoder().decode(entry.body)) as StoredReport;
      this.memory.set(reportId, stored);
      return stored;
    } catch {
      return undefined;
    }
  }
}
