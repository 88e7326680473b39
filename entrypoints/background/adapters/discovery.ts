import { mayDiscover } from '../../common/settings.js';
import type { VerifyResult } from '../../common/protocol.js';
import { DiscoveryService } from '../discovery.js';
import { findKey, type FindResolver } from '../finds.js';
import type { VerificationHub } from '../hub.js';
import type { Router } from '../router.js';

/** The discovery service of the hub: its fetch and cache, the user's settings per host. */
export function createDiscovery(hub: VerificationHub): DiscoveryService {
  return new DiscoveryService({
    fetch: hub.fetch,
    cache: hub.cache,
    mayDiscover: async (url) => mayDiscover(await hub.gate.refresh(), url),
    ttlSeconds: () => hub.gate.reportTtlSeconds || 60,
  });
}

/**
 * Discovery for the page marks (issue #20): a content script's candidate link (a credential context,
 * no platform claims it) is checked for a credential; only when one is there is it verified as a
 * link through the hub (history and the tab tally see it), otherwise the answer says why not.
 */
export function registerDiscovery(router: Router, hub: VerificationHub, finds: FindResolver, discovery: DiscoveryService): void {
  router.on('discover', ({ url }, caller) =>
    discovery.discover(url, async (link): Promise<VerifyResult | undefined> => {
      const find = { kind: 'link' as const, url: link };
      const job = await finds.jobFor(find, caller.pageUrl);
      if (!job) return undefined;
      const stored = await hub.verify(job, { via: 'page', mark: { tabId: caller.tabId, key: findKey(find) } }, { reuse: true }).catch(() => undefined);
      if (!stored) return undefined;
      const result: VerifyResult = { reportId: stored.reportId, state: stored.report.verdict };
      const title = stored.report.credential?.title ?? stored.report.credential?.achievement?.name;
      if (title) result.title = title.slice(0, 120);
      return result;
    }),
  );
}
