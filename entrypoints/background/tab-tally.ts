import type { VerificationState } from '../../lib/index.js';
import type { TabSummary } from '../common/protocol.js';
import type { Observer } from './hub.js';

/** The subset of `storage.session` used here (absent in Firefox MV2: memory only then). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

type Marks = Record<string, VerificationState>;

const MAX_MARKS = 1000;
const STATES: VerificationState[] = ['verified', 'warning', 'invalid', 'unverifiable', 'pending'];

/**
 * The verdicts of the marks on each tab, as the background made them (a page can paint fake marks;
 * it cannot add to this tally). Kept in `storage.session` so that it survives the service worker
 * being stopped, and reset when the tab loads another page.
 */
export class TabTally {
  private readonly memory = new Map<number, Marks>();

  constructor(private readonly session?: SessionArea) {}

  private key(tabId: number): string {
    return `tally:${tabId}`;
  }

  private async marks(tabId: number): Promise<Marks> {
    const known = this.memory.get(tabId);
    if (known) return known;
    const stored = (await this.session?.get(this.key(tabId)).catch(() => undefined))?.[this.key(tabId)];
    const marks: Marks = typeof stored === 'object' && stored !== null ? { ...(stored as Marks) } : {};
    this.memory.set(tabId, marks);
    return marks;
  }

  async set(tabId: number, find: string, state: VerificationState): Promise<void> {
    const marks = await this.marks(tabId);
    if (!(find in marks) && Object.keys(marks).length >= MAX_MARKS) return;
    marks[find] = state;
    await this.session?.set({ [this.key(tabId)]: marks }).catch(() => undefined);
  }

  async reset(tabId: number): Promise<void> {
    this.memory.delete(tabId);
    await this.session?.remove(this.key(tabId)).catch(() => undefined);
  }

  async summary(tabId: number): Promise<TabSummary> {
    const marks = await this.marks(tabId);
    const counts = Object.fromEntries(STATES.map((s) => [s, 0])) as TabSummary['counts'];
    for (const state of Object.values(marks)) if (state in counts) counts[state] += 1;
    return { counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
  }
}

/** The tally as an observer of the hub: a page mark is pending when it starts, then its verdict. */
export function tallyObserver(tally: TabTally): Observer {
  return async (event) => {
    const mark = event.context.mark;
    if (!mark) return;
    if (event.type === 'started') await tally.set(mark.tabId, mark.key, 'pending');
    else await tally.set(mark.tabId, mark.key, event.stored?.report.verdict ?? 'unverifiable');
  };
}
