import type { TrustDetails } from '../details.js';
import type { Io } from '../io/types.js';
import { check, type Check, type PartySummary } from '../report.js';
import type { IssuerCertificates, TrustList, TrustedIssuer, TrustRegistry, TrustSourceOutcome, TrustTier } from './types.js';

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

/** How a list entry names the issuer (`id`, `legalIdentifier`, `origin`), or undefined. */
function matchOf(entry: TrustedIssuer, issuer: PartySummary): 'id' | 'legalIdentifier' | 'origin' | undefined {
  if (entry.id && issuer.id && entry.id === issuer.id) return 'id';
  if (entry.legalIdentifier && issuer.legalIdentifier && entry.legalIdentifier.toUpperCase() === issuer.legalIdentifier.toUpperCase()) return 'legalIdentifier';
  const origin = originOf(issuer.id) ?? didWebOrigin(issuer.id) ?? originOf(issuer.url);
  return entry.origin && origin && originOf(entry.origin) === origin ? 'origin' : undefined;
}

export interface TrustInputs {
  issuer: PartySummary | undefined;
  /** Trust lists, most authoritative first. */
  lists: readonly TrustList[];
  /** Registries, consulted after the lists, most authoritative first. */
  registries?: readonly TrustRegistry[];
  /** The chain that authenticated the issuer, when a certificate did (eSeal, x5c). */
  certificates?: () => Promise<IssuerCertificates | undefined>;
  io: Io;
  now: Date;
  ebsiApiBase: string;
}

interface Decision {
  tier: Exclude<TrustTier, 'unknown'>;
  outcome: TrustSourceOutcome;
}

const OUTCOME: Record<Decision['tier'], TrustSourceOutcome['outcome']> = { trusted: 'vouches', known: 'knows', untrusted: 'untrusted' };

/**
 * The issuer's trust tier, from the lists and registries you rely on, in order of authority: the
 * first source that names the issuer (by DID or URL, origin, legal identifier, a certificate
 * anchor its seal or x5c chain reaches, or a registry entry) decides. Sources after it are not
 * contacted. A registry that cannot be read is reported (TRUST_LIST_UNAVAILABLE), never a pass:
 * it decides nothing, and a less authoritative source cannot outvote it.
 */
export async function evaluateTrust(input: TrustInputs): Promise<Check> {
  const { issuer, lists } = input;
  const registries = input.registries ?? [];
  const consulted: TrustSourceOutcome[] = [];
  let decision: Decision | undefined;
  let certificates: Promise<IssuerCertificates | undefined> | undefined;

  for (const list of lists) {
    const base = { source: list.name, kind: 'list' as const };
    if (decision) {
      consulted.push({ ...base, outcome: 'not-consulted' });
      continue;
    }
    const found = issuer ? list.issuers.map((entry) => ({ entry, by: matchOf(entry, issuer) })).find((m) => m.by) : undefined;
    if (found?.by) {
      const tier = found.entry.tier ?? 'trusted';
      decision = { tier, outcome: { ...base, outcome: OUTCOME[tier], matchedBy: found.by, ...(found.entry.name ? { name: found.entry.name } : {}) } };
      consulted.push(decision.outcome);
      continue;
    }
    if (list.anchors?.length && input.certificates) {
      certificates ??= input.certificates().catch(() => undefined);
      const certs = await certificates;
      // X.509 path building (pkijs) loads only when a list has anchors and the credential a chain.
      const anchor = certs ? await (await import('./anchors.js')).chainReachesAnchors(certs, list.anchors) : undefined;
      if (anchor) {
        decision = { tier: 'trusted', outcome: { ...base, outcome: 'vouches', matchedBy: 'anchor', reason: `the issuer's certificate chains to ${anchor}, an anchor of this list` } };
        consulted.push(decision.outcome);
        continue;
      }
    }
    consulted.push({ ...base, outcome: 'not-listed' });
  }

  const env = { io: input.io, now: input.now, ebsiApiBase: input.ebsiApiBase };
  // Registry clients (jose for OpenID Federation) load only when registries are configured.
  const { lookupRegistry, registryName } = registries.length ? await import('./registries/index.js') : { lookupRegistry: undefined, registryName: undefined };
  for (const registry of registries) {
    if (!lookupRegistry || !registryName) break;
    const base = { source: registryName(registry, env), kind: registry.kind };
    if (decision) {
      consulted.push({ ...base, outcome: 'not-consulted' });
      continue;
    }
    const answer = await lookupRegistry(issuer?.id, registry, env);
    switch (answer.state) {
      case 'listed':
        decision = { tier: answer.tier, outcome: { ...base, outcome: OUTCOME[answer.tier], matchedBy: 'registry', ...(answer.name ? { name: answer.name } : {}), ...(answer.detail ? { reason: answer.detail } : {}) } };
        consulted.push(decision.outcome);
        break;
      case 'not-listed':
        consulted.push({ ...base, outcome: 'not-listed', ...(answer.detail ? { reason: answer.detail } : {}) });
        break;
      case 'not-applicable':
        consulted.push({ ...base, outcome: 'not-applicable', reason: answer.detail });
        break;
      case 'unavailable':
        consulted.push({ ...base, outcome: 'unavailable', reason: answer.reason });
        break;
    }
  }
  return toCheck(issuer, decision, consulted, lists.length + registries.length);
}

function toCheck(issuer: PartySummary | undefined, decision: Decision | undefined, consulted: TrustSourceOutcome[], configured: number): Check {
  const who = issuer?.name ?? issuer?.id ?? 'the issuer';
  const unavailableAbove = consulted.slice(0, decision ? consulted.indexOf(decision.outcome) : consulted.length).filter((o) => o.outcome === 'unavailable');
  const details: TrustDetails = { tier: decision?.tier ?? 'unknown', consulted };
  if (decision) {
    details.list = decision.outcome.source;
    if (decision.outcome.matchedBy) details.matchedBy = decision.outcome.matchedBy;
  }
  if (unavailableAbove.length > 0) details.unavailable = unavailableAbove.map((o) => o.source);
  const why = unavailableAbove.map((o) => `"${o.source}" could not be checked: ${o.reason ?? 'no reason given'}`).join('; ');

  if (decision?.tier === 'untrusted') {
    const note = decision.outcome.reason ? ` (${decision.outcome.reason})` : '';
    return check('trust', 'TRUST_UNTRUSTED', `"${decision.outcome.source}" marks ${who} as not trusted${note}`, details);
  }
  if (decision && unavailableAbove.length > 0) {
    const verb = decision.tier === 'trusted' ? 'vouches for' : 'knows';
    return check('trust', 'TRUST_LIST_UNAVAILABLE', `"${decision.outcome.source}" ${verb} ${who}, but a source you rank above it could not be consulted (${why})`, details);
  }
  if (decision) {
    const how = decision.outcome.matchedBy === 'anchor' ? `: ${decision.outcome.reason ?? 'its certificate chains to an anchor of the list'}` : decision.outcome.reason ? ` (${decision.outcome.reason})` : '';
    return decision.tier === 'trusted'
      ? check('trust', 'TRUST_LISTED', `"${decision.outcome.source}" vouches for ${who}${how}`, details)
      : check('trust', 'TRUST_KNOWN', `${who} is known to "${decision.outcome.source}"${how}`, details);
  }
  if (unavailableAbove.length > 0) {
    return check('trust', 'TRUST_LIST_UNAVAILABLE', `${who} is not confirmed by any source that could be checked; ${why}`, details);
  }
  return check(
    'trust',
    'TRUST_UNKNOWN',
    configured === 0 ? `No trust list or registry is configured, so ${who} is not confirmed by anyone you rely on` : `${who} is on none of the ${configured} trust list(s) and registries consulted`,
    details,
  );
}
