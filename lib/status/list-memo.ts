import { Lru } from '../memo/lru.js';
import { sha256Hex } from './list-cache.js';
import type { VerifyContext } from '../pipeline/types.js';
import type { VerificationReport } from '../report.js';

/**
 * Status list credentials verified in this process, so that a thousand credentials pointing at one
 * list verify the list once. The key is the list's URL, the SHA-256 of the bytes read, and what
 * else changes the nested verdict: the verification instant (to the minute, so the list's own
 * validity period is re-checked as time passes), the clock skew, the profile, the trust lists and
 * the EBSI base (the SHA-256 comes from `list-cache.ts`, once per cached copy). Only lists that verified are kept: a failure may come from the network (an issuer
 * DID document that could not be read) and must not outlive it.
 */
const verified = new Lru<string, Promise<VerificationReport>>(100);
const trustListIds = new WeakMap<object, number>();
let nextTrustListId = 1;
const NOW_BUCKET_MS = 60_000;

export function statusListVerified(report: VerificationReport): boolean {
  return report.verdict === 'verified' || report.verdict === 'warning';
}

/** The nested verification of a status list, shared with every earlier one of the same bytes in the same conditions. */
export async function verifyListOnce(url: string, text: string, ctx: VerifyContext, digest: () => Promise<string> = () => sha256Hex(text)): Promise<VerificationReport> {
  const key = `${url}\n${await digest()}\n${memoConditions(ctx)}`;
  const shared = verified.get(key);
  if (shared !== undefined) {
    const report = await shared;
    if (statusListVerified(report)) return report;
  }
  const mine = ctx.verifyNested(text, { retrievedFrom: url });
  verified.set(key, mine);
  const report = await mine;
  if (!statusListVerified(report) && verified.get(key) === mine) verified.delete(key);
  return report;
}

/** Forgets every memoised status list (tests; or after trust settings change). */
export function clearStatusListMemo(): void {
  verified.clear();
}

function memoConditions(ctx: VerifyContext): string {
  let trust = 0;
  if (ctx.trustLists.length > 0) {
    trust = trustListIds.get(ctx.trustLists) ?? nextTrustListId++;
    trustListIds.set(ctx.trustLists, trust);
  }
  return [Math.floor(ctx.now.getTime() / NOW_BUCKET_MS), ctx.clockSkewSeconds, ctx.profile ?? '', trust, ctx.ebsiApiBase].join('\n');
}
