import { ioFailureOf } from '../lib/report.js';
import type { TrustTier, VerificationReport } from '../lib/index.js';

const TIERS: readonly TrustTier[] = ['trusted', 'known', 'unknown', 'untrusted'];

/** The issuer's trust tier as the `trust` check decided it, when that check ran. */
export function trustTierOf(report: VerificationReport | undefined): TrustTier | undefined {
  const trust = report?.checks.find((c) => c.id === 'trust' && c.status !== 'skip');
  const tier = trust?.details?.tier;
  return typeof tier === 'string' && (TIERS as string[]).includes(tier) ? (tier as TrustTier) : undefined;
}

const NETWORK_REASONS = new Set(['IO_NETWORK']);

/**
 * True when the report's unverifiable verdict came from a read the browser refused: a cross-origin
 * read without CORS headers surfaces in fetch as a bare network error (IO_NETWORK), which lib
 * reports as a check the network could not complete.
 */
export function blockedByNetwork(report: VerificationReport | undefined): boolean {
  if (!report || report.verdict !== 'unverifiable') return false;
  return report.checks.some((c) => {
    if (c.status !== 'warn') return false;
    // Codes only, never the English message: lib records the I/O failure in details.io.
    const io = ioFailureOf(c);
    return io !== undefined && NETWORK_REASONS.has(io.code);
  });
}
