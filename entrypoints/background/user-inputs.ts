import type { FetchLike, ResourceCache, VerifyInput } from '../../lib/index.js';
import { createIo } from '../../lib/tools.js';
import { LIMITS } from '../../lib/index.js';
import { acquire } from '../../lib/tools.js';
import type { FetchedCredential, InputRef } from '../common/protocol.js';
import { base64ToBytes, bytesToBase64 } from '../common/wallet.js';
import type { Job } from './hub.js';
import { credentialQrTexts, looksBaked } from './probe.js';
import { sha256Hex } from './sha256.js';

type Described = Omit<Job, 'reportId'>;

export interface UserInputDeps {
  fetch: FetchLike;
  cache: ResourceCache;
  decodeQr: (bytes: Uint8Array) => Promise<string[]>;
  offline: () => boolean;
}

/** The id of a report the user asked for: the same input gives the same report (the history keeps one line). */
async function withId(job: Described): Promise<Job> {
  const content = typeof job.input === 'string' ? job.input : job.input instanceof Uint8Array ? job.input : JSON.stringify(job.input);
  const reportId = (await sha256Hex(`everyday ${job.kind} ${await sha256Hex(content as string | Uint8Array)}`)).slice(0, 40);
  return { reportId, ...job };
}

/**
 * What the user hands over outside page marks (popup, wallet, context menu: pasted text, a link, a
 * file, an image on a page), turned into jobs for the hub.
 */
export class UserInputs {
  constructor(private readonly deps: UserInputDeps) {}

  /** Bytes of an image or file → what to verify: a baked badge, else a credential in a QR code, else the bytes as they are. */
  private async fromBytes(bytes: Uint8Array, mediaType: string, name: string, pageUrl?: string): Promise<Job> {
    const base = pageUrl ? { pageUrl } : {};
    if (await looksBaked(bytes)) return withId({ ...base, kind: 'baked', input: bytes, source: name });
    if (mediaType.startsWith('image/') || /\.(png|jpe?g|gif|webp|bmp)$/i.test(name)) {
      const texts = await this.deps.decodeQr(bytes).catch(() => [] as string[]);
      const [text] = credentialQrTexts(texts, () => true);
      if (text) return withId({ ...base, kind: 'qr', input: text.trim(), source: /^https:\/\//i.test(text.trim()) ? text.trim() : `QR code in ${name}` });
    }
    return withId({ ...base, kind: 'text', input: bytes, source: name });
  }

  jobFor(input: InputRef): Promise<Job> {
    switch (input.kind) {
      case 'text': {
        const text = input.text.trim();
        if (/^https:\/\/\S+$/i.test(text)) return withId({ kind: 'link', input: text, source: text });
        return withId({ kind: 'text', input: text, source: 'Credential pasted as text' });
      }
      case 'url':
        return withId({ kind: 'link', input: input.url, source: input.url });
      case 'bytes':
        return this.fromBytes(base64ToBytes(input.base64), input.mediaType, input.name || 'Dropped file');
    }
  }

  /** An image on a page (context menu): read through the guarded network seam, never from the page. */
  async imageJob(src: string, pageUrl: string | undefined): Promise<Job> {
    if (src.startsWith('data:')) {
      const m = /^data:([a-z0-9.+-]+\/[a-z0-9.+-]+)?(;base64)?,(.*)$/is.exec(src);
      if (m && m[2] && m[3] && m[3].length <= LIMITS.maxImageBytes * 1.4) return this.fromBytes(base64ToBytes(m[3]), m[1] ?? 'image/png', 'Image on the page', pageUrl);
      return withId({ kind: 'text', input: new Uint8Array(), source: 'Image on the page', ...(pageUrl ? { pageUrl } : {}) });
    }
    const io = createIo({ fetch: this.deps.fetch, cache: this.deps.cache });
    try {
      const response = await io.get(src, { kind: 'image', maxBytes: LIMITS.maxImageBytes });
      const job = await this.fromBytes(response.body, response.contentType ?? 'image/', src, pageUrl);
      return job.kind === 'text' ? { ...job, source: src } : job;
    } catch {
      // Unreadable here: lib follows the URL itself and reports why (blocked, offline, HTTP status).
      return this.linkJob(src, pageUrl);
    }
  }

  /** A link (context menu, pasted, imported): lib follows platform pages to their credential. */
  linkJob(url: string, pageUrl?: string): Promise<Job> {
    return withId({ kind: 'link', input: url as VerifyInput, source: url, ...(pageUrl ? { pageUrl } : {}) });
  }

  textJob(text: string, pageUrl?: string): Promise<Job> {
    return withId({ kind: 'text', input: text.trim(), source: pageUrl ? 'Text selected on the page' : 'Credential pasted as text', ...(pageUrl ? { pageUrl } : {}) });
  }

  /** Reads the credential behind a link (what the wallet keeps and attaches); throws with a reason a person reads. */
  async fetchCredential(url: string): Promise<FetchedCredential> {
    const io = createIo({ fetch: this.deps.fetch, cache: this.deps.cache, ...(this.deps.offline() ? { offline: true } : {}) });
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
}
