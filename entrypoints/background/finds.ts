import type { FetchLike, ResourceCache, VerifyInput } from '../../lib/index.js';
import { createIo } from '../../lib/tools.js';
import { LIMITS } from '../../lib/index.js';
import { recogniseLink } from '../../lib/sources/index.js';
import type { FindRef, ProbeResult } from '../common/protocol.js';
import type { Job } from './hub.js';
import { credentialQrTexts, looksBaked, type Payload } from './probe.js';
import { sha256Hex } from './sha256.js';

const MAX_PAYLOADS = 500;

/** The key naming a find on its tab (the tally counts each once). */
export function findKey(find: FindRef): string {
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
 * What a content script found, turned into jobs for the hub. Images are fetched and probed here
 * (never trusted from the page); what they carry is kept under an id the content script can only
 * refer to, so a page cannot make the background verify bytes it chose.
 */
export class FindResolver {
  private readonly payloads = new Map<string, Payload & { source: string }>();

  constructor(
    private readonly io: { fetch: FetchLike; cache: ResourceCache; decodeQr: (bytes: Uint8Array) => Promise<string[]> },
    /**
     * Discovery for links no platform claims (./discovery.ts): a URL in a QR code is kept when a
     * credential is behind it; a link is verified once discovery found a credential there.
     */
    private readonly discovery?: { isCredentialUrl(url: string): Promise<boolean>; isDiscovered(url: string): boolean },
  ) {}

  /** Image bytes → the credentials they carry. */
  async probeBytes(bytes: Uint8Array, source: string): Promise<ProbeResult> {
    const finds: ProbeResult['finds'] = [];
    if (await looksBaked(bytes)) finds.push({ kind: 'baked', id: await this.keep({ kind: 'baked', input: bytes }, source) });
    const texts = await this.io.decodeQr(bytes).catch(() => [] as string[]); // not a raster image the decoder reads
    for (const text of credentialQrTexts(texts, (url) => recogniseLink(url) !== undefined)) {
      finds.push({ kind: 'qr', id: await this.keep({ kind: 'qr', input: text.trim() }, source) });
    }
    // Every other https URL in a QR code is a candidate: kept only when discovery finds a credential behind it.
    if (this.discovery) {
      for (const url of texts.map((t) => t.trim()).filter((t) => /^https:\/\/\S+$/i.test(t) && t.length <= 4096 && !recogniseLink(t))) {
        if (await this.discovery.isCredentialUrl(url).catch(() => false)) finds.push({ kind: 'qr', id: await this.keep({ kind: 'qr', input: url }, source) });
      }
    }
    return { finds };
  }

  /** Fetches an image through the guarded network seam (https, size cap, no cookies) and probes it. */
  async probeImage(src: string): Promise<ProbeResult> {
    const io = createIo({ fetch: this.io.fetch, cache: this.io.cache });
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

  /** The job for a find; `undefined` when the find is not one the background accepts. */
  async jobFor(find: FindRef, pageUrl?: string): Promise<Job | undefined> {
    const resolved = await this.resolve(find);
    if (!resolved) return undefined;
    const reportId = (await sha256Hex(resolved.key)).slice(0, 40);
    return { reportId, kind: find.kind, input: resolved.input, source: resolved.source, ...(pageUrl ? { pageUrl } : {}) };
  }

  private async resolve(find: FindRef): Promise<{ key: string; input: VerifyInput; source: string } | undefined> {
    switch (find.kind) {
      case 'link': {
        // Re-recognised here: a content script cannot make the background fetch an arbitrary URL.
        // Or a link discovery found a credential behind (the background's own record, never the page's word).
        const recognised = recogniseLink(find.url);
        if (!recognised && !this.discovery?.isDiscovered(find.url)) return undefined;
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
}
