import type { VerifyContext } from '../pipeline/types.js';
import { check, type Check } from '../report.js';

/*
 * The revocation rule every status mechanism shares (docs/verdicts.md "Revocation"): negative
 * evidence needs less proof than positive. A list the signed credential names that marks it revoked
 * or suspended is honoured whoever signed the list; "not revoked" counts only from a list
 * authenticated as the issuer's.
 */

/**
 * Whether a status list is authenticated as the credential issuer's (docs/verdicts.md "Revocation"):
 * its own proof verified, and it is signed by the issuer itself or by a party a trust list you rely on
 * names in the issuer's `statusListSigners`. `signer` is who the list says signed it, for the message.
 */
export interface ListAuthentication {
  authenticated: boolean;
  signer: string | undefined;
  /** Why the list is not the issuer's, in plain words (only when not authenticated). */
  why?: string;
  details?: Record<string, unknown>;
}

export function authorisedStatusSigner(issuer: string | undefined, signer: string | undefined, ctx: VerifyContext): boolean {
  if (!issuer || !signer) return false;
  if (signer === issuer) return true;
  return ctx.trustLists.some((list) => list.issuers.some((entry) => entry.id === issuer && entry.tier !== 'untrusted' && (entry.statusListSigners ?? []).includes(signer)));
}

/**
 * The verdict a decoded entry gives, under the rule of docs/verdicts.md "Revocation": a list the
 * signed credential names that marks it revoked or suspended is honoured whoever signed the list (a
 * forged "revoked" can only cause a false reject); "not revoked" counts only from an authenticated list.
 */
export function statusOutcome(
  outcome: 'revoked' | 'suspended' | 'active',
  where: string,
  auth: ListAuthentication,
  details: Record<string, unknown>,
  activeText = 'Not revoked',
): Check {
  const all = { ...details, listAuthenticated: auth.authenticated, ...(auth.signer ? { listSigner: auth.signer } : {}), ...(auth.details ?? {}) };
  const caveat = auth.authenticated ? '' : `. The list itself could not be authenticated as the issuer's (${auth.why}); a list the signed credential names is honoured when it says ${outcome}`;
  if (outcome === 'revoked') return check('status', 'STATUS_REVOKED', `${auth.authenticated ? 'The issuer revoked this credential' : 'The status list the credential names marks it as revoked'} (${where})${caveat}`, all);
  if (outcome === 'suspended') return check('status', 'STATUS_SUSPENDED', `${auth.authenticated ? 'The issuer suspended this credential' : 'The status list the credential names marks it as suspended'} (${where})${caveat}`, all);
  if (auth.authenticated) return check('status', 'STATUS_ACTIVE', `${activeText} (${where})`, all);
  return check('status', 'STATUS_LIST_UNVERIFIED', `The status list does not mark this credential (${where}), but it could not be authenticated as the issuer's: ${auth.why}. "Not revoked" is not relied on`, all);
}

