import { describe, expect, it } from 'vitest';
import type { FetchLike, ResourceCache, VerificationReport, VerifyOptions } from '../../../lib/index.js';
import { MemoryCache } from '../../../lib/io/index.js';
import { registerExtensionPages } from '../../../entrypoints/background/adapters/extension-pages.js';
import { createDiscovery, registerDiscovery } from '../../../entrypoints/background/adapters/discovery.js';
import { registerPageMarks } from '../../../entrypoints/background/adapters/page-marks.js';
import { FindResolver } from '../../../entrypoints/background/finds.js';
import { historyObserver } from '../../../entrypoints/background/history-observer.js';
import { PER_ORIGIN_LIMIT, VerificationHub, type VerifyFn } from '../../../entrypoints/background/hub.js';
import { memoryReportPersistence, ReportStore } from '../../../entrypoints/background/report-store.js';
import { classifySender, listen, Router, type PortLike, type RuntimeLike, type SenderInfo } from '../../../entrypoints/background/router.js';
import { SettingsGate } from '../../../entrypoints/background/settings-gate.js';
import type { ReportSurface } from '../../../entrypoints/background/surface.js';
import { TabTally, tallyObserver } from '../../../entrypoints/background/tab-tally.js';
import { UserInputs } from '../../../entrypoints/background/user-inputs.js';
import type { HistoryEntry, HistoryRecord } from '../../../entrypoints/common/history.js';
import { MESSAGES, PAGES_PORT, type StoredReport } from '../../../entrypoints/common/protocol.js';
import type { SettingsStorage } from '../../../entrypoints/common/settings.js';

const ORIGIN = 'chrome-extension://abcdefghijklmnop';
const RUNTIME_ID = 'abcdefghijklmnop';
const CREDLY = 'https://www.credly.com/badges/6c6b4d4d-5a46-4b2b-9e3a-0d8c4b1f2a11';

function memoryStorage(values: Record<string, unknown> = {}): SettingsStorage {
  return { local: { get: async (key) => (key in values ? { [key]: values[key] } : {}), set: async (items) => void Object.assign(values, items) } };
}

function report(verdict: VerificationReport['verdict'] = 'verified'): VerificationReport {
  return { verdict, format: 'vc-di', checks: [], verifiedAt: new Date().toISOString() } as unknown as VerificationReport;
}

/** A network that counts requests in flight per origin and answers after `delayMs`. */
function countingNetwork(delayMs = 5) {
  const active = new Map<string, number>();
  let peak = 0;
  let total = 0;
  const fetch: FetchLike = async (url) => {
    const origin = new URL(url).origin;
    active.set(origin, (active.get(origin) ?? 0) + 1);
    peak = Math.max(peak, active.get(origin)!);
    total++;
    await new Promise((r) => setTimeout(r, delayMs));
    active.set(origin, active.get(origin)! - 1);
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, peak: () => peak, total: () => total };
}

function makeHub(options: { verify?: VerifyFn; fetch?: FetchLike; cache?: ResourceCache; reports?: ReportStore; settings?: Record<string, unknown> } = {}) {
  const gate = new SettingsGate(memoryStorage(options.settings));
  return new VerificationHub({
    verify: options.verify ?? (async () => report()),
    fetch: options.fetch ?? (async () => new Response('x')),
    cache: options.cache ?? new MemoryCache(),
    reports: options.reports ?? new ReportStore(),
    trustLists: async () => [],
    gate,
    isOriginAllowed: async () => true,
    decodeQr: async () => [],
  });
}

const surfaceStub = (opened: Array<[number, string]> = []) =>
  ({ openReport: (tabId: number, reportId: string) => void opened.push([tabId, reportId]), selectedFor: async () => undefined, scanTab: async () => undefined }) as unknown as ReportSurface;

const content = { kind: 'content' as const, tabId: 7, pageUrl: 'https://www.linkedin.com/in/jane/' };
const page = { kind: 'extension' as const, url: `${ORIGIN}/sidepanel.html` };

describe('the verification hub', () => {
  it('allows 4 requests per origin in total, across concurrent verifications and every adapter that fetches', async () => {
    const network = countingNetwork();
    // Each verification reads ten resources from the same issuer, as a page of forty Credly links would.
    const verify: VerifyFn = async (_input, options: VerifyOptions) => {
      await Promise.all(Array.from({ length: 10 }, (_, i) => options.fetch!(`https://issuer.example/r/${i}`, {})));
      return report();
    };
    const hub = makeHub({ verify, fetch: network.fetch });
    const inputs = new UserInputs({ fetch: hub.fetch, cache: hub.cache, decodeQr: async () => [], offline: () => false });
    const jobs = await Promise.all(['a', 'b', 'c'].map((t) => inputs.jobFor({ kind: 'text', text: `{"n":"${t}"}` })));
    await Promise.all([
      ...jobs.map((job) => hub.verify(job, { via: 'popup' })),
      ...Array.from({ length: 6 }, (_, i) => hub.fetch(`https://issuer.example/direct/${i}`, {})),
    ]);
    expect(network.total()).toBe(36);
    expect(PER_ORIGIN_LIMIT).toBe(4);
    expect(network.peak()).toBe(4);
  });

  it('gives every verification the one resource cache, whichever adapter started it', async () => {
    const cache = new MemoryCache();
    const seen: unknown[] = [];
    const hub = makeHub({ cache, verify: async (_i, options) => (seen.push(options.cache), report()) });
    const router = new Router();
    const inputs = new UserInputs({ fetch: hub.fetch, cache: hub.cache, decodeQr: async () => [], offline: () => false });
    registerPageMarks(router, hub, new FindResolver({ fetch: hub.fetch, cache: hub.cache, decodeQr: async () => [] }), surfaceStub());
    registerExtensionPages(router, hub, inputs, surfaceStub(), new TabTally());
    const marked = router.dispatch({ type: 'verify', find: { kind: 'link', url: CREDLY } }, content);
    const pasted = router.dispatch({ type: 'verify-input', input: { kind: 'text', text: '{"a":1}' }, via: 'popup' }, page);
    expect(marked.accepted && pasted.accepted).toBe(true);
    await Promise.all([marked.accepted && marked.result, pasted.accepted && pasted.result]);
    expect(seen).toHaveLength(2);
    expect(seen.every((c) => c === cache)).toBe(true);
  });

  it('runs one verification per report id at a time, and reuses a fresh report for page marks only', async () => {
    let runs = 0;
    const hub = makeHub({ verify: async () => (runs++, await new Promise((r) => setTimeout(r, 5)), report()) });
    const job = { reportId: 'r1', kind: 'link' as const, input: CREDLY, source: CREDLY };
    await Promise.all([hub.verify(job, { via: 'page' }), hub.verify(job, { via: 'page' })]);
    expect(runs).toBe(1);
    await hub.verify(job, { via: 'page' }, { reuse: true });
    expect(runs).toBe(1);
    await hub.verify(job, { via: 'popup' });
    expect(runs).toBe(2);
    await hub.reverify('r1');
    expect(runs).toBe(3);
  });

  it('tells its observers: the tab tally sees pending then the verdict, the history sees finished verifications only when enabled', async () => {
    const hub = makeHub({ verify: async () => report('invalid') });
    const tally = new TabTally();
    const states: string[] = [];
    hub.observe(async (e) => void states.push(e.type === 'started' ? 'pending' : (e.stored?.report.verdict ?? '-')));
    hub.observe(tallyObserver(tally));
    const recorded: HistoryRecord[] = [];
    let historyEnabled = true;
    hub.observe(historyObserver({ record: async (r) => (recorded.push(r), {} as HistoryEntry), prune: async () => 0 }, () => ({ ...hub.gate.settings, historyEnabled })));
    hub.observe(() => {
      throw new Error('a broken observer');
    });
    await hub.verify({ reportId: 'r2', kind: 'link', input: CREDLY, source: CREDLY }, { via: 'page', mark: { tabId: 3, key: `link ${CREDLY}` } });
    expect(states).toEqual(['pending', 'invalid']);
    expect((await tally.summary(3)).counts).toMatchObject({ invalid: 1, pending: 0 });
    expect(recorded.map((r) => [r.reportId, r.via])).toEqual([['r2', 'page']]);
    historyEnabled = false;
    await hub.verify({ reportId: 'r3', kind: 'text', input: 'x', source: 'x' }, { via: 'popup' });
    expect(recorded).toHaveLength(1);
  });

  it('frees a slot when a request fails: the limit holds through errors, and other origins are not held back', async () => {
    let active = 0;
    let peak = 0;
    const fetch: FetchLike = async (url) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 2));
      active--;
      if (url.endsWith('/fail')) throw new TypeError('Failed to fetch');
      return new Response('{}');
    };
    const hub = makeHub({ fetch });
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => hub.fetch(`https://issuer.example/${i % 2 ? 'fail' : 'ok'}`, {})));
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(6);
    expect(peak).toBe(PER_ORIGIN_LIMIT);
    // Eight requests to two origins at once: four each run together.
    peak = 0;
    await Promise.all(Array.from({ length: 8 }, (_, i) => hub.fetch(`https://${i % 2 ? 'a' : 'b'}.example/x`, {})));
    expect(peak).toBe(2 * PER_ORIGIN_LIMIT);
  });

  it('tells the observers once per finished verification: two callers sharing one run are two verifications, a failed one is one too', async () => {
    let runs = 0;
    let fail = false;
    const hub = makeHub({
      verify: async () => {
        runs++;
        await new Promise((r) => setTimeout(r, 5));
        if (fail) throw new Error('verify broke');
        return report('warning');
      },
    });
    const finished: Array<string | undefined> = [];
    hub.observe((e) => void (e.type === 'finished' && finished.push(e.stored?.report.verdict)));
    const job = { reportId: 'shared', kind: 'link' as const, input: CREDLY, source: CREDLY };
    await Promise.all([hub.verify(job, { via: 'page' }), hub.verify(job, { via: 'popup' })]);
    expect(runs).toBe(1);
    expect(finished).toEqual(['warning', 'warning']);
    fail = true;
    await expect(hub.verify({ ...job, reportId: 'broken' }, { via: 'popup' })).rejects.toThrow('verify broke');
    expect(finished).toEqual(['warning', 'warning', undefined]);
  });

  it('refuses at the network seam an origin the settings block, for every verification', async () => {
    const network = countingNetwork(0);
    const hub = makeHub({ fetch: network.fetch, settings: { settings: { blockedOrigins: ['https://issuer.example'], savedAt: 1 } } });
    await hub.gate.refresh();
    await expect(hub.fetch('https://issuer.example/x', {})).rejects.toThrow(/do not allow/);
    expect(network.total()).toBe(0);
  });
});

describe('the report store', () => {
  it('is bounded: the oldest reports leave memory and disk once the bound is reached', async () => {
    const disk = memoryReportPersistence();
    const store = new ReportStore(disk, 3);
    const stored = (id: string): StoredReport => ({ reportId: id, kind: 'text', source: id, report: report(), blockedOrigins: [] });
    for (const id of ['r1', 'r2', 'r3']) await store.put(stored(id));
    await store.get('r1'); // read recently: stays in memory
    await store.put(stored('r4'));
    await store.put(stored('r5'));
    expect(store.size).toBe(3);
    expect([...disk.entries.keys()]).toEqual(['r3', 'r4', 'r5']);
    expect(await store.get('r2')).toBeUndefined();
    expect(await store.get('r1')).toMatchObject({ reportId: 'r1' }); // still in memory
    // A new service worker (empty memory) reads what is on disk.
    expect(await new ReportStore(disk, 3).get('r4')).toMatchObject({ reportId: 'r4' });
  });
});

describe('the report store in memory only', () => {
  it('keeps at most its bound, least recently used out first, and a read counts as use', async () => {
    const store = new ReportStore(undefined, 2);
    const stored = (id: string): StoredReport => ({ reportId: id, kind: 'text', source: id, report: report(), blockedOrigins: [] });
    await store.put(stored('a'));
    await store.put(stored('b'));
    await store.get('a');
    await store.put(stored('c'));
    expect(store.size).toBe(2);
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toMatchObject({ reportId: 'a' });
    expect(await store.get('c')).toMatchObject({ reportId: 'c' });
  });

  it('still answers from memory when the disk fails', async () => {
    const broken = { get: async () => Promise.reject(new Error('disk')), put: async () => Promise.reject(new Error('disk')), trim: async () => undefined };
    const store = new ReportStore(broken, 5);
    await store.put({ reportId: 'x', kind: 'text', source: 'x', report: report(), blockedOrigins: [] });
    expect(await store.get('x')).toMatchObject({ reportId: 'x' });
    expect(await store.get('missing')).toBeUndefined();
  });
});

describe('the router', () => {
  function routerWithAll() {
    const hub = makeHub();
    const router = new Router();
    const inputs = new UserInputs({ fetch: hub.fetch, cache: hub.cache, decodeQr: async () => [], offline: () => false });
    const discovery = createDiscovery(hub);
    const finds = new FindResolver({ fetch: hub.fetch, cache: hub.cache, decodeQr: async () => [] }, discovery);
    registerPageMarks(router, hub, finds, surfaceStub());
    registerDiscovery(router, hub, finds, discovery);
    registerExtensionPages(router, hub, inputs, surfaceStub(), new TabTally());
    return { hub, router };
  }

  it('refuses a content script every message meant for extension pages, and extension pages the content script\'s', async () => {
    const { hub, router } = routerWithAll();
    await hub.reports.put({ reportId: 'secret', kind: 'text', source: 's', report: report(), blockedOrigins: [] });
    for (const [name, entry] of Object.entries(MESSAGES)) {
      if (entry.from === 'extension') expect(router.dispatch({ type: name }, content).accepted, name).toBe(false);
    }
    expect(router.dispatch({ type: 'get-report', reportId: 'secret' }, content)).toEqual({ accepted: false });
    expect(router.dispatch({ type: 'tab-summary', tabId: 7 }, content)).toEqual({ accepted: false });
    expect(router.dispatch({ type: 'verify-input', input: { kind: 'text', text: 'x' }, via: 'popup' }, content)).toEqual({ accepted: false });
    expect(router.dispatch({ type: 'open-report', reportId: 'secret' }, page)).toEqual({ accepted: false });
    const allowed = router.dispatch({ type: 'get-report', reportId: 'secret' }, page);
    expect(allowed.accepted && (await allowed.result)).toMatchObject({ reportId: 'secret' });
  });

  it('has a handler for every message of the protocol, and refuses a second handler for one', () => {
    const { router } = routerWithAll();
    // verify-pdf is registered by the PDF adapter (which needs the browser's offscreen API).
    expect(router.unhandled()).toEqual(['verify-pdf']);
    expect(() => router.on('get-report', async () => undefined)).toThrow(/Two handlers/);
  });

  it('tells senders apart by extension id and origin, never by what the message says', () => {
    expect(classifySender({ id: RUNTIME_ID, url: `${ORIGIN}/popup.html` }, RUNTIME_ID, ORIGIN)).toEqual({ kind: 'extension', url: `${ORIGIN}/popup.html` });
    expect(classifySender({ id: RUNTIME_ID, url: 'https://evil.example/', tab: { id: 2, url: 'https://evil.example/' } }, RUNTIME_ID, ORIGIN)).toEqual({ kind: 'content', tabId: 2, pageUrl: 'https://evil.example/' });
    // A page whose URL merely contains the extension's origin is still a content script.
    expect(classifySender({ id: RUNTIME_ID, url: `https://evil.example/?${ORIGIN}/popup.html`, tab: { id: 2 } }, RUNTIME_ID, ORIGIN)?.kind).toBe('content');
    expect(classifySender({ id: 'another-extension', url: `${ORIGIN}/popup.html` }, RUNTIME_ID, ORIGIN)).toBeUndefined();
    expect(classifySender({ id: RUNTIME_ID, url: 'https://evil.example/' }, RUNTIME_ID, ORIGIN)).toBeUndefined(); // no tab, not ours
  });

  it('answers nothing to a content script asking a privileged message on either channel', async () => {
    const { hub, router } = routerWithAll();
    await hub.reports.put({ reportId: 'secret', kind: 'text', source: 's', report: report(), blockedOrigins: [] });
    let onMessage: Parameters<RuntimeLike['onMessage']['addListener']>[0] = () => false;
    let onConnect: (port: PortLike) => void = () => undefined;
    const runtime: RuntimeLike = { id: RUNTIME_ID, onMessage: { addListener: (l) => void (onMessage = l) }, onConnect: { addListener: (l) => void (onConnect = l) } };
    listen(router, runtime, ORIGIN);
    const contentSender: SenderInfo = { id: RUNTIME_ID, url: 'https://www.linkedin.com/in/jane/', tab: { id: 7, url: 'https://www.linkedin.com/in/jane/' } };
    const answers: unknown[] = [];
    expect(onMessage({ type: 'get-report', reportId: 'secret' }, contentSender, (r) => answers.push(r))).toBe(false);
    expect(answers).toEqual([undefined]);

    let disconnected = false;
    const posted: unknown[] = [];
    let portListener: ((m: unknown) => void) | undefined;
    onConnect({ name: PAGES_PORT, sender: contentSender, postMessage: (m) => void posted.push(m), disconnect: () => void (disconnected = true), onMessage: { addListener: (l) => void (portListener = l) } });
    expect(disconnected).toBe(true);
    expect(portListener).toBeUndefined();

    // The same request from the side panel is answered.
    const fromPanel = await new Promise((resolve) => {
      const keep = onMessage({ type: 'get-report', reportId: 'secret' }, { id: RUNTIME_ID, url: `${ORIGIN}/sidepanel.html` }, resolve);
      expect(keep).toBe(true);
    });
    expect(fromPanel).toMatchObject({ reportId: 'secret' });
  });
});
