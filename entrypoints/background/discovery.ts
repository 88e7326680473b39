import type { FetchLike, ResourceCache } from '../../lib/index.js';
import { createIo, discoverCredential, type Discovery } from '../../lib/tools.js';
import { recogniseLink } from '../../lib/sources/index.js';
import type { DiscoverResult, VerifyResult } from '../common/protocol.js';

/**
 * Discovery in the background for candidate links (issue #20): a link in a credential context, or a
 * URL in a QR code, that no known platform claims. One `discoverCredential` (lib/input/follow-link.ts,
 * the same code `verify(url)` follows links with) through the extension's guarded, per-origin
 * limited fetch; results cached per URL; what the user's settings allow decided per host.
 *
 * Kept in its own file with one entry point (`discover`) so that it plugs into the background's
 * message router as one handler.
 */
export interface DiscoveryDeps {
  /** The guarded, per-origin-limited, settings-gated fetch of the background. */
  fetch: FetchLike;
  cache: ResourceCache;
  /** The user's settings allow fetching this candidate (auto-check option, allow/deny hosts). */
  mayDiscover: (url: string) => Promise<boolean>;
  /** How long a result is reused, seconds. */
  ttlSeconds: () => number;
}

const MAX_ENTRIES = 1000;

export class DiscoveryService {
  private readonly results = new Map<string, { at: number; discovery: Discovery }>();
  private readonly inflight = new Map<string, Promise<Discovery>>();
  /** URLs a credential was found behind: the only unclaimed links the background verifies. */
  private readonly credentials = new Set<string>();

  constructor(private readonly deps: DiscoveryDeps) {}

  /** True when discovery found a credential behind `url` (the service verifies such links). */
  isDiscovered(url: string): boolean {
    return this.credentials.has(url);
  }

  /**
   * The `discover` message: a credential (verified with `verifyLink`, the normal link verification
   * of the asking tab) or nothing worth a verdict.
   */
  async discover(url: string, verifyLink: (url: string) => Promise<VerifyResult | undefined>): Promise<DiscoverResult> {
    if (recogniseLink(url)) {
      const result = await verifyLink(url);
      return result ? { found: 'credential', result } : { found: 'nothing', reason: 'unreachable', message: 'Could not be checked' };
    }
    if (!(await this.deps.mayDiscover(url))) {
      return { found: 'not-checked', message: `Your settings do not let Credlens check links to ${hostOf(url)} automatically` };
    }
    const discovery = await this.find(url);
    if (discovery.found === 'nothing') return { found: 'nothing', reason: discovery.reason, message: explain(discovery) };
    const result = await verifyLink(url);
    return result ? { found: 'credential', result } : { found: 'nothing', reason: 'unreachable', message: 'Could not be checked' };
  }

  /** For a URL decoded from a QR code: is a credential behind it (settings permitting)? */
  async isCredentialUrl(url: string): Promise<boolean> {
    if (recogniseLink(url)) return true;
    if (!(await this.deps.mayDiscover(url))) return false;
    return (await this.find(url)).found === 'credential';
  }

  private async find(url: string): Promise<Discovery> {
    const cached = this.results.get(url);
    if (cached && cached.at + this.deps.ttlSeconds() * 1000 > Date.now()) return cached.discovery;
    let running = this.inflight.get(url);
    if (!running) {
      const io = createIo({ fetch: this.deps.fetch, cache: this.deps.cache });
      running = discoverCredential(url, io).finally(() => this.inflight.delete(url));
      this.inflight.set(url, running);
    }
    const discovery = await running;
    // An unreachable server may answer later: only what was decided is kept.
    if (discovery.found !== 'nothing' || discovery.reason !== 'unreachable') {
      this.results.delete(url);
      this.results.set(url, { at: Date.now(), discovery });
      while (this.results.size > MAX_ENTRIES) this.results.delete(this.results.keys().next().value as string);
    }
    if (discovery.found === 'credential') {
      this.credentials.add(url);
      while (this.credentials.size > MAX_ENTRIES) this.credentials.delete(this.credentials.values().next().value as string);
    }
    return discovery;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return 'this server';
  }
}

/** One sentence for the neutral mark's tooltip: what was looked at and why it is no credential. */
function explain(discovery: Extract<Discovery, { found: 'nothing' }>): string {
  const host = hostOf(discovery.url);
  switch (discovery.reason) {
    case 'page-without-credential':
      return `No credential found: the page on ${host} neither links to nor embeds one.`;
    case 'not-a-credential':
      return `No credential found: ${host} answered with something that is not a credential.`;
    case 'unreachable':
      return `No credential found: ${host} could not be read (it may not allow Credlens to read it).`;
  }
}
