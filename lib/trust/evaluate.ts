import { check, type Check, type PartySummary } from '../report.js';
import type { TrustList, TrustedIssuer, TrustTier } from './types.js';

export interface TrustDecision {
  tier: TrustTier;
  list?: string;
  entry?: TrustedIssuer;
}

function originOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

function didWebOrigin(did: string | undefined): string | undefined {
  const match = did ? /^did:web:([^:#?]+)/.exec(did) : null;
  return match?.[1] ? `https://${decodeURIComponent(match[1])}` : undefined;
}

function matches(entry: TrustedIssuer, issuer: PartySummary): boolean {
  if (entry.id && issuer.id && entry.id === issuer.id) return true;
  if (entry.legalIdentifier && issuer.legalIdentifier && entry.legalIdentifier.toUpperCase() === issuer.legalIdentifier.toUpperCase()) return true;
  const origin = originOf(issuer.id) ?? didWebOrigin(issuer.id) ?? originOf(issuer.url);
  return Boolean(entry.origin && origin && originOf(entry.origin) === origin);
}

/** The first list (in order of authority) that names the issuer decides its tier. */
export function decideTrust(issuer: PartySummary | undefined, lists: readonly TrustList[]): TrustDecision {
  if (!issuer) return { tier: 'unknown' };
  for (const list of lists) {
    const entry = list.issuers.find((e) => matches(e, issuer));
    if (entry) return { tier: entry.tier ?? 'trusted', list: list.name, entry };
  }
  return { tier: 'unknown' };
}

export function trustCheck(issuer: PartySummary | undefined, lists: readonly TrustList[]): Check {
  const decision = decideTrust(issuer, lists);
  const who = issuer?.name ?? issuer?.id ?? 'the issuer';
  const details = { tier: decision.tier, ...(decision.list ? { list: decision.list } : {}), consulted: lists.map((l) => l.name) };
  switch (decision.tier) {
    case 'trusted':
      return check('trust', 'TRUST_LISTED', `${who} is on the trust list "${decision.list}"`, details);
    case 'known':
      return check('trust', 'TRUST_KNOWN', `${who} is known to "${decision.list}"`, details);
    case 'untrusted':
      return check('trust', 'TRUST_UNTRUSTED', `The trust list "${decision.list}" marks ${who} as not trusted`, details);
    case 'unknown':
      return check(
        'trust',
        'TRUST_UNKNOWN',
        lists.length === 0 ? `No trust list is configured, so ${who} is not confirmed by anyone you rely on` : `${who} is on none of the ${lists.length} trust list(s) consulted`,
        details,
      );
  }
}
