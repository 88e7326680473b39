import type { HistoryStore } from '../common/history.js';
import type { Settings } from '../common/settings.js';
import type { Observer } from './hub.js';

const HOUR_MS = 3_600_000;

/**
 * Keeps the history of finished verifications (when the user has it on), pruned to the chosen
 * number of days at most once an hour. An observer of the hub: nothing calls it directly.
 */
export function historyObserver(history: Pick<HistoryStore, 'record' | 'prune'>, settings: () => Settings): Observer {
  let lastPrune = 0;
  return async (event) => {
    if (event.type !== 'finished' || !event.stored) return;
    const current = settings();
    if (!current.historyEnabled) return;
    const { stored } = event;
    try {
      await history.record({ reportId: stored.reportId, report: stored.report, source: stored.source, via: event.context.via, kind: stored.kind, ...(stored.pageUrl ? { pageUrl: stored.pageUrl } : {}) });
      if (Date.now() - lastPrune > HOUR_MS) {
        lastPrune = Date.now();
        await history.prune(current.historyDays);
      }
    } catch {
      // History is a convenience: a full or broken database never stops a verification.
    }
  };
}
