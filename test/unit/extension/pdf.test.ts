import { describe, expect, it } from 'vitest';
import type { LocatedReport } from '../../../lib/index.js';
import { LIMITS } from '../../../lib/limits.js';
import { check, deriveVerdict } from '../../../lib/report.js';
import { PdfEngine, type PdfHostOpener } from '../../../entrypoints/background/pdf-engine.js';
import { PdfService } from '../../../entrypoints/background/pdf-service.js';
import { ReportStore } from '../../../entrypoints/background/report-store.js';
import { parseRequest } from '../../../entrypoints/common/protocol.js';
import type { StoredReport } from '../../../entrypoints/common/protocol.js';
import { describeLocation, pdfVerdict, type FromHost, type ToHost } from '../../../entrypoints/common/pdf-messages.js';
import { base64ToBytes } from '../../../entrypoints/common/wallet.js';

/** A runtime.Port pair's background end, driven by the test as the host page. */
function fakePort() {
  const toHost: ToHost[] = [];
  const listeners: Array<(m: unknown) => void> = [];
  const disconnects: Array<() => void> = [];
  const port = {
    name: 'credlens-pdf-host',
    postMessage: (m: ToHost) => void toHost.push(m),
    onMessage: { addListener: (l: (m: unknown) => void) => void listeners.push(l) },
    onDisconnect: { addListener: (l: () => void) => void disconnects.push(l) },
    disconnect: () => undefined,
  };
  return { port, toHost, send: (m: FromHost) => listeners.forEach((l) => l(m)), drop: () => disconnects.forEach((l) => l()) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function report(verdict: 'verified' | 'invalid', title?: string): LocatedReport['report'] {
  const c = verdict === 'invalid' ? check('status', 'STATUS_REVOKED', 'revoked') : check('input', 'INPUT_READ', 'read');
  return { verdict, format: 'ob2-hosted', checks: [c], verifiedAt: new Date().toISOString(), ...(title ? { credential: { types: [], title } } : {}) } as LocatedReport['report'];
}

describe('PDF engine (background side of the PDF reader page)', () => {
  it('opens the reader only when a PDF is verified, and answers its network reads with the background fetch, cut off past the largest allowed body', async () => {
    const { port, toHost, send } = fakePort();
    let opened = 0;
    const engine: PdfEngine = new PdfEngine({ open: async () => void (opened++, setTimeout(() => engine.accept(port as never), 0)), close: async () => undefined });
    expect(opened).toBe(0);
    const requested: string[] = [];
    const huge = new Uint8Array(LIMITS.maxImageBytes + 5000);
    const fetchImpl = async (url: string) => {
      requested.push(url);
      return new Response(url.endsWith('big.pdf') ? huge : 'ok', { status: 200, headers: { 'content-type': 'application/pdf' } });
    };
    const running = engine.scan({ kind: 'url', url: 'https://cv.example/big.pdf' }, [], false, fetchImpl);
    await tick();
    await tick();
    expect(opened).toBe(1);
    const scan = toHost.find((m) => m.type === 'scan');
    expect(scan).toMatchObject({ type: 'scan', input: { kind: 'url', url: 'https://cv.example/big.pdf' }, offline: false });
    const id = (scan as { id: number }).id;

    send({ type: 'fetch', id, fetchId: 1, url: 'https://cv.example/big.pdf', init: {} });
    send({ type: 'fetch', id, fetchId: 2, url: 'http://cv.example/plain', init: {} });
    await new Promise((r) => setTimeout(r, 50));
    const done = toHost.find((m) => m.type === 'fetch-done' && m.fetchId === 1) as Extract<ToHost, { type: 'fetch-done' }>;
    // One byte over the cap: lib, in the reader, then refuses the body as too large.
    expect(base64ToBytes(done.response.base64).byteLength).toBe(LIMITS.maxImageBytes + 1);
    expect(toHost.find((m) => m.type === 'fetch-failed' && m.fetchId === 2)).toMatchObject({ message: expect.stringContaining('only https') });
    expect(requested).toEqual(['https://cv.example/big.pdf']);

    const results: LocatedReport[] = [{ location: { kind: 'qr', page: 2 }, report: report('verified') }];
    send({ type: 'scanned', id, results });
    await expect(running).resolves.toEqual(results);
  });

  it('fails the verification (never hangs) when the reader page goes away', async () => {
    const { port, drop } = fakePort();
    const engine: PdfEngine = new PdfEngine({ open: async () => void setTimeout(() => engine.accept(port as never), 0), close: async () => undefined } satisfies PdfHostOpener);
    const running = engine.scan({ kind: 'bytes', base64: 'JVBERi0=' }, [], false, async () => new Response('x'));
    await tick();
    await tick();
    drop();
    await expect(running).rejects.toThrow('The PDF reader stopped.');
  });
});

describe('PDF service', () => {
  it('stores the listing and each credential for the side panel, and records each credential found in the history with where it was found', async () => {
    const recorded: Array<{ source: string; via: string }> = [];
    const reports = new ReportStore();
    const service = new PdfService({
      scan: async () => [
        { location: { kind: 'annotation-link', page: 1, url: 'https://www.credly.com/badges/1' }, report: report('verified', 'Data Analysis') },
        { location: { kind: 'qr', page: 2, url: 'https://www.credly.com/badges/2' }, report: report('invalid', 'Python') },
        { location: { kind: 'document' }, report: { verdict: deriveVerdict([check('input', 'PDF_PAGES_CAPPED', 'capped')]), format: 'unknown', checks: [check('input', 'PDF_PAGES_CAPPED', 'capped')], verifiedAt: new Date().toISOString() } },
      ],
      fetch: async () => new Response('x'),
      isOriginAllowed: async () => true,
      trustLists: async () => [],
      reports,
      offline: async () => false,
      record: async (stored: StoredReport, via) => void recorded.push({ source: stored.source, via }),
    });
    const pdf = await service.verify({ kind: 'url', url: 'https://cv.example/cv.pdf' }, 'context-menu', 'https://www.linkedin.com/in/jane/');
    expect(pdf.items.map((i) => i.location?.kind)).toEqual(['annotation-link', 'qr', 'document']);
    expect(pdfVerdict(pdf)).toBe('invalid');
    // The document's own findings are not a credential: they are not in the history when credentials were found.
    expect(recorded).toEqual([
      { source: 'Page 1 · Link in the PDF · https://cv.example/cv.pdf', via: 'context-menu' },
      { source: 'Page 2 · QR code · https://cv.example/cv.pdf', via: 'context-menu' },
    ]);
    const listing = await reports.get(pdf.pdfId);
    expect(listing).toMatchObject({ kind: 'pdf', items: [{}, {}, {}] });
    expect(await reports.get(pdf.items[1]!.reportId)).toBeDefined();
  });

  it('records a PDF without any credential once, with its finding', async () => {
    const recorded: string[] = [];
    const none = check('input', 'PDF_NO_CREDENTIAL', 'No credential was found in the PDF (1 page)');
    const service = new PdfService({
      scan: async () => [{ location: { kind: 'document' }, report: { verdict: deriveVerdict([none]), format: 'unknown', checks: [none], verifiedAt: new Date().toISOString() } }],
      fetch: async () => new Response('x'),
      isOriginAllowed: async () => true,
      trustLists: async () => [],
      reports: new ReportStore(),
      offline: async () => false,
      record: async (stored: StoredReport) => void recorded.push(`${stored.source}: ${stored.report.verdict}`),
    });
    const pdf = await service.verify({ kind: 'bytes', base64: 'JVBERi0xLjcK', name: 'letter.pdf' }, 'popup');
    expect(recorded).toEqual(['letter.pdf: unverifiable']);
    expect(pdfVerdict(pdf)).toBe('unverifiable');
  });
});

describe('PDF requests and words', () => {
  it('rejects a PDF request with pasted text, an http link or an unknown origin of the request', () => {
    expect(parseRequest({ type: 'verify-pdf', input: { kind: 'url', url: 'https://cv.example/cv.pdf' }, via: 'context-menu', pageUrl: 'https://www.linkedin.com/in/x/' }, 'extension')).toBeDefined();
    expect(parseRequest({ type: 'verify-pdf', input: { kind: 'bytes', base64: 'JVBERi0=', mediaType: 'application/pdf', name: 'cv.pdf' }, via: 'popup' }, 'extension')).toBeDefined();
    expect(parseRequest({ type: 'verify-pdf', input: { kind: 'text', text: 'x' }, via: 'popup' }, 'extension')).toBeUndefined();
    expect(parseRequest({ type: 'verify-pdf', input: { kind: 'url', url: 'http://cv.example/cv.pdf' }, via: 'popup' }, 'extension')).toBeUndefined();
    expect(parseRequest({ type: 'verify-pdf', input: { kind: 'url', url: 'https://cv.example/cv.pdf' }, via: 'page' }, 'extension')).toBeUndefined();
    expect(parseRequest({ type: 'verify-pdf', input: { kind: 'url', url: 'https://cv.example/cv.pdf' }, via: 'popup', pageUrl: 'javascript:alert(1)' }, 'extension')).toBeUndefined();
  });

  it('describes where a credential was found in plain words', () => {
    expect(describeLocation({ kind: 'qr', page: 3 })).toBe('Page 3 · QR code');
    expect(describeLocation({ kind: 'embedded-file', name: 'badge.json' })).toBe('File attached to the PDF: badge.json');
    expect(describeLocation({ kind: 'text-link', page: 1, url: 'https://x' })).toBe('Page 1 · Link written in the PDF');
  });
});
