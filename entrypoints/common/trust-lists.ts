import { parseJsonText } from '../../lib/tools.js';
import { parseTrustList, TrustListError } from '../../lib/index.js';
import type { TrustList } from '../../lib/index.js';

/**
 * The user's trust lists, in `storage.local` under `trustLists` (too large for `storage.sync`):
 * each the list's JSON as published (docs/trust.md), plus where it came from. The background
 * parses them again for every verification; a list that no longer parses is left out, never
 * half-used.
 */
export const TRUST_LISTS_KEY = 'trustLists';
export const MAX_TRUST_LIST_BYTES = 2 * 1024 * 1024;
export const MAX_TRUST_LISTS = 20;

export interface StoredTrustList extends Record<string, unknown> {
  credlensSource?: string;
  credlensAddedAt?: string;
}

export interface TrustListView {
  index: number;
  list: TrustList;
  source: string;
  addedAt?: string;
}

export interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

function label(i: number): string {
  return `Credlens settings, list ${i + 1}`;
}

export async function readStoredTrustLists(area: LocalArea): Promise<StoredTrustList[]> {
  const value = (await area.get(TRUST_LISTS_KEY))[TRUST_LISTS_KEY];
  return Array.isArray(value) ? (value.filter((v) => typeof v === 'object' && v !== null && !Array.isArray(v)) as StoredTrustList[]) : [];
}

/** The lists that parse, in order (the first is the most authoritative). */
export function parseStoredTrustLists(stored: readonly StoredTrustList[]): TrustListView[] {
  return stored.flatMap((value, index): TrustListView[] => {
    try {
      const source = typeof value.credlensSource === 'string' ? value.credlensSource : label(index);
      const view: TrustListView = { index, list: parseTrustList(value, source), source };
      if (typeof value.credlensAddedAt === 'string') view.addedAt = value.credlensAddedAt;
      return [view];
    } catch {
      return [];
    }
  });
}

/**
 * Checks a trust list's text (from a file or a URL) and returns what to store; throws
 * `TrustListError` with the place of the first problem, in words a person can act on.
 */
export function acceptTrustListText(text: string, source: string, now = new Date()): { stored: StoredTrustList; list: TrustList } {
  if (text.length > MAX_TRUST_LIST_BYTES) throw new TrustListError(`${source}: the list is larger than 2 MB`);
  let json: unknown;
  try {
    json = parseJsonText(text);
  } catch (error) {
    throw new TrustListError(`${source}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const list = parseTrustList(json, source);
  const stored: StoredTrustList = { ...(json as Record<string, unknown>), credlensSource: source, credlensAddedAt: now.toISOString() };
  return { stored, list };
}

export async function addTrustList(area: LocalArea, stored: StoredTrustList): Promise<void> {
  const lists = await readStoredTrustLists(area);
  const same = lists.findIndex((l) => l.credlensSource !== undefined && l.credlensSource === stored.credlensSource);
  if (same >= 0) lists[same] = stored; // adding the same URL again refreshes it
  else {
    if (lists.length >= MAX_TRUST_LISTS) throw new TrustListError(`At most ${MAX_TRUST_LISTS} trust lists can be kept.`);
    lists.push(stored);
  }
  await area.set({ [TRUST_LISTS_KEY]: lists });
}

export async function removeTrustList(area: LocalArea, index: number): Promise<void> {
  const lists = await readStoredTrustLists(area);
  lists.splice(index, 1);
  await area.set({ [TRUST_LISTS_KEY]: lists });
}

/** The issuers a list vouches for, as lines a person reads ("Northwind Academy (DE) - trusted - did:web:…"). */
export function describeIssuers(list: TrustList): string[] {
  return list.issuers.map((i) => {
    const who = i.name ?? i.id ?? i.origin ?? i.legalIdentifier ?? 'unnamed issuer';
    const country = i.country ? ` (${i.country})` : '';
    const ids = [i.id, i.origin, i.legalIdentifier].filter((x) => x && x !== who).join(', ');
    return `${who}${country} - ${i.tier ?? 'trusted'}${ids ? ` - ${ids}` : ''}`;
  });
}
