import type { Browser } from 'wxt/browser';
import type { FetchLike, LocatedReport, TrustList } from '../../lib/index.js';
import { LIMITS } from '../../lib/index.js';
import { readCapped } from '../../lib/tools.js';
import type { FromHost, ProxiedResponse, ToHost } from '../common/pdf-messages.js';
import { bytesToBase64 } from '../common/wallet.js';

type Port = Browser.runtime.Port;

/** Opens and closes the page that reads PDFs (offscreen document in Chrome, a frame in Firefox). */
export interface PdfHostOpener {
  open(): Promise<void>;
  close(): Promise<void>;
}

export type PdfInput = { kind: 'url'; url: string } | { kind: 'bytes'; base64: string };

interface Job {
  resolve: (results: LocatedReport[]) => void;
  reject: (error: Error) => void;
  fetch: FetchLike;
  timer: ReturnType<typeof setTimeout>;
}

/** No body a credential check needs is larger than this: lib rejects anything longer as too large. */
const PROXY_BODY_CAP = LIMITS.maxImageBytes + 1;
/** The host page must connect within this time after being opened. */
const CONNECT_TIMEOUT_MS = 15_000;
/** A whole PDF: reading, drawing pages (60 s budget in lib), verifying up to 32 credentials. */
const JOB_TIMEOUT_MS = 180_000;

/** Reads at most `cap` bytes of a body (a server that sends more gets cut off; lib then reports it as too large). */
async function readBody(response: Response, cap: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer()).subarray(0, cap);
  return (await readCapped(response.body, cap)).bytes;
}

/**
 * The background's side of the PDF reader: opens the host page on the first PDF (the service
 * worker never loads pdf.js), hands it each PDF, answers its network reads with the background's
 * own fetch, and closes it when idle.
 */
export class PdfEngine {
  private port: Port | undefined;
  private connecting: Promise<Port> | undefined;
  private onConnected: ((port: Port) => void) | undefined;
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;
  private idle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly opener: PdfHostOpener,
    private readonly idleMs = 60_000,
  ) {}

  /** The host page connected (the caller checked that the port comes from the extension's pdf-host page). */
  accept(port: Port): void {
    this.port?.disconnect();
    this.port = port;
    port.onMessage.addListener((message: unknown) => void this.onMessage(port, message as FromHost));
    port.onDisconnect.addListener(() => {
      if (this.port !== port) return;
      this.port = undefined;
      this.connecting = undefined;
      for (const [id, job] of this.jobs) this.finish(id, job, new Error('The PDF reader stopped.'));
    });
    this.onConnected?.(port);
  }

  /** Verifies every credential in the PDF (or at the link) through lib's `verifyAll`, run in the host page. */
  async scan(input: PdfInput, trust: TrustList[], offline: boolean, fetchImpl: FetchLike): Promise<LocatedReport[]> {
    if (this.idle) clearTimeout(this.idle);
    const port = await this.ensure();
    const id = this.nextId++;
    return new Promise<LocatedReport[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        const job = this.jobs.get(id);
        if (job) this.finish(id, job, new Error('Reading the PDF took too long.'));
      }, JOB_TIMEOUT_MS);
      this.jobs.set(id, { resolve, reject, fetch: fetchImpl, timer });
      const message: ToHost = { type: 'scan', id, input, trust, offline };
      port.postMessage(message);
    });
  }

  private ensure(): Promise<Port> {
    if (this.port) return Promise.resolve(this.port);
    this.connecting ??= new Promise<Port>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.onConnected = undefined;
        this.connecting = undefined;
        reject(new Error('The PDF reader did not start.'));
      }, CONNECT_TIMEOUT_MS);
      this.onConnected = (port) => {
        clearTimeout(timer);
        this.onConnected = undefined;
        resolve(port);
      };
      this.opener.open().catch((error: unknown) => {
        clearTimeout(timer);
        this.onConnected = undefined;
        this.connecting = undefined;
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
    return this.connecting;
  }

  private finish(id: number, job: Job, outcome: LocatedReport[] | Error): void {
    this.jobs.delete(id);
    clearTimeout(job.timer);
    if (outcome instanceof Error) job.reject(outcome);
    else job.resolve(outcome);
    if (this.jobs.size === 0) {
      if (this.idle) clearTimeout(this.idle);
      this.idle = setTimeout(() => void this.shutDown(), this.idleMs);
    }
  }

  private async shutDown(): Promise<void> {
    if (this.jobs.size) return;
    this.port?.disconnect();
    this.port = undefined;
    this.connecting = undefined;
    await this.opener.close().catch(() => undefined);
  }

  private async onMessage(port: Port, message: FromHost): Promise<void> {
    const job = this.jobs.get(message?.id);
    if (!job) return;
    switch (message.type) {
      case 'scanned':
        return this.finish(message.id, job, Array.isArray(message.results) ? message.results : []);
      case 'scan-failed':
        return this.finish(message.id, job, new Error(String(message.message)));
      case 'fetch': {
        const { fetchId } = message;
        const reply = (answer: ToHost) => {
          if (this.port === port) port.postMessage(answer);
        };
        try {
          // lib's guard in the host checked the address; the background refuses anything but https as well.
          if (new URL(message.url).protocol !== 'https:') throw new Error(`Credlens reads only https addresses, not ${message.url}`);
          const response = await job.fetch(message.url, { ...message.init });
          const body = await readBody(response, PROXY_BODY_CAP);
          const answer: ProxiedResponse = {
            status: response.status,
            statusText: response.statusText,
            headers: [...response.headers.entries()],
            url: response.url || message.url,
            redirected: response.redirected,
            base64: bytesToBase64(body),
          };
          reply({ type: 'fetch-done', id: message.id, fetchId, response: answer });
        } catch (error) {
          reply({ type: 'fetch-failed', id: message.id, fetchId, message: error instanceof Error ? error.message : String(error) });
        }
      }
    }
  }
}

/** Chrome: the offscreen document (reason WORKERS: it starts pdf.js's worker). */
export function offscreenOpener(offscreen: { createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>; closeDocument(): Promise<void> }): PdfHostOpener {
  const params = { url: 'pdf-host.html', reasons: ['WORKERS'], justification: 'Reads PDF documents with pdf.js in a worker and draws their pages to find QR codes.' };
  return {
    async open() {
      try {
        await offscreen.createDocument(params);
      } catch {
        // One left from before the service worker restarted: its port is gone, start a fresh one.
        await offscreen.closeDocument().catch(() => undefined);
        await offscreen.createDocument(params);
      }
    },
    close: () => offscreen.closeDocument(),
  };
}

/** Firefox: the background is a page, so the reader is a frame of it. */
export function frameOpener(doc: Document, url: string): PdfHostOpener {
  let frame: HTMLIFrameElement | undefined;
  return {
    async open() {
      frame?.remove();
      frame = doc.createElement('iframe');
      frame.src = url;
      doc.body.append(frame);
    },
    async close() {
      frame?.remove();
      frame = undefined;
    },
  };
}
