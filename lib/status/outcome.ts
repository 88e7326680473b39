import { resolveDid } from '../keys/index.js';
import type { VerifyContext } from '../pipeline/types.js';
import { check, type Check, type VerificationReport } from '../report.js';
import { isRecord } from '../util/json.js';

/*
 * The revocation rule every status mechanism shares (docs/verdicts.md "Revocation"): negative
 * evidence needs less proof than positive. A list the signed credential names that marks it revoked
 * or suspended is honoured whoever signed the list; "not revoked" counts only from a list
 * authenticated as the issuer's.
 */

/**
 * Whether a status list is authenticated as the credential issuer's (docs/verdicts.md "Revocation"):
 * its own proof verified, and it is signed by the issuer itself, by a key the issuer's DID document
 * lists under `assertionMethod`, or by a party a trust list you rely on names in the issuer's
 * `statusListSigners`. `signer` is who the list says signed it, for the message.
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


/** The keys that signed a verified list (DI: every valid proof's key; JOSE: the header's key). */
export function listSigningKeys(report: VerificationReport): string[] {
  const key = report.checks.find((c) => c.id === 'issuer-key' && c.code === 'KEY_VALID');
  if (!key?.details) return [];
  const ids: string[] = [];
  if (Array.isArray(key.details.keys)) for (const k of key.details.keys) if (isRecord(k) && typeof k.id === 'string') ids.push(k.id);
  if (typeof key.details.keyId === 'string') ids.push(key.details.keyId);
  return ids;
}

function referencedIds(doc: Record<string, unknown>, relationship: string): string[] {
  const base = typeof doc.id === 'string' ? doc.id : '';
  const list = doc[relationship];
  if (!Array.isArray(list)) return [];
  return list
    .map((entry) => (typeof entry === 'string' ? entry : isRecord(entry) && typeof entry.id === 'string' ? entry.id : undefined))
    .filter((id): id is string => id !== undefined)
    .map((id) => (id.startsWith('#') ? `${base}${id}` : id));
}

/**
 * The key among `keys` that the issuer's DID document authorises to issue in its name (listed, or
 * referenced from another DID, under `assertionMethod`), or undefined. The list's own verification
 * already proved that key signed the list; this says the issuer vouches for that key.
 */
export async function issuerDocumentAuthorises(issuer: string | undefined, keys: readonly string[], ctx: VerifyContext): Promise<string | undefined> {
  if (!issuer?.startsWith('did:') || keys.length === 0) return undefined;
  const resolved = await resolveDid(issuer, ctx);
  const doc = resolved.didDocument as unknown as Record<string, unknown> | null;
  if (!doc || resolved.didDocumentMetadata.deactivated === true) return undefined;
  const authorised = new Set(referencedIds(doc, 'assertionMethod'));
  return keys.find((k) => authorised.has(k));
}
