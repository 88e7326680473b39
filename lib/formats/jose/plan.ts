import { constantStep } from '../../pipeline/constant-step.js';
import { isRecord } from '../../util/json.js';
import type { KeyResolution } from '../../keys/index.js';
import type { Classified, CredentialPlan, Step, VerifyContext } from '../../pipeline/types.js';
import { parseCompactJws, verifyCompactJws, headerCheck, type CompactJws } from '../../proofs/jws.js';
import { check, type Check, type CredentialSummary, type FormatId } from '../../report.js';
import { jwtValidityDates, validityCheck, validityDatesOf, type ValidityDates } from '../../validate/dates.js';
import { issuerIdOf, summariseVc } from '../vc-summary.js';
import { resolveIssuerKey } from './issuer-key.js';
import { jwtStatusStep, statusStep } from '../../status/index.js';

/** Memoises the issuer key lookup so the proof and issuer-key steps share one resolution. */
export function lazyKey(run: () => Promise<KeyResolution>): () => Promise<KeyResolution> {
  let pending: Promise<KeyResolution> | undefined;
  return () => (pending ??= run());
}

/** The `proof` and `issuer-key` steps every JOSE credential has. */
export function signatureSteps(jws: CompactJws, issuer: string | undefined, key: () => Promise<KeyResolution>, understoodCrit: readonly string[] = []): Step[] {
  return [
    {
      id: 'proof',
      gate: true,
      run: async () => {
        const rejected = headerCheck(jws.header, understoodCrit);
        if (rejected) return rejected;
        const resolution = await key();
        if (!resolution.ok) return check('proof', 'SKIPPED_NOT_AUTHENTIC', 'The signature was not checked: no authorised issuer key was found (see the issuer key check)');
        return verifyCompactJws(jws, resolution.key.publicKeyJwk, { understoodCrit, signer: resolution.key.id });
      },
    },
    {
      id: 'issuer-key',
      gate: true,
      run: async () => {
        const resolution = await key();
        if (!resolution.ok) return resolution.check;
        const k = resolution.key;
        return check('issuer-key', 'KEY_VALID', `${k.id} is ${issuer ?? k.controller}'s key, authorised to issue credentials`, { keyId: k.id, type: k.type, controller: k.controller });
      },
    },
  ];
}

/** A NumericDate (seconds) as ISO 8601, or `undefined` when it is not one Date can hold. */
function isoSeconds(seconds: unknown): string | undefined {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return undefined;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function numericSeconds(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : Math.floor(t / 1000);
}

function subjectIds(vc: Record<string, unknown>): string[] {
  const subjects = Array.isArray(vc.credentialSubject) ? vc.credentialSubject : [vc.credentialSubject];
  return subjects.filter(isRecord).map((s) => s.id).filter((id): id is string => typeof id === 'string');
}

/**
 * The JWT's registered claims against the credential's own properties: the signer must be who the
 * credential says it is (docs/jose.md "Claims"). `iss` vs `issuer`, `sub` vs `credentialSubject.id`,
 * `jti` vs `id`, `nbf`/`exp` vs the validity dates: each, where both are present, must agree, or the
 * check fails (CLAIMS_MISMATCH). VC Data Model 1.1 §6.3.1 lets a decoder take these values from the
 * JWT; it does not make a token whose `iss` differs from `vc.issuer` a credential of `vc.issuer`, and
 * showing the credential's claimed issuer over another party's signature is exactly the forgery a
 * verifier exists to stop.
 */
export function claimsCheck(claims: Record<string, unknown>, vc: Record<string, unknown>): Check {
  const problems: string[] = [];
  const vcIssuer = issuerIdOf(vc);
  const iss = typeof claims.iss === 'string' ? claims.iss : undefined;
  if (!iss && !vcIssuer) return check('claims', 'CLAIMS_MISSING', 'Neither the token (iss) nor the credential (issuer) names an issuer');
  if (iss && vcIssuer && iss !== vcIssuer) problems.push(`the token is signed by ${iss} but the credential names ${vcIssuer} as its issuer`);
  if (typeof claims.sub === 'string') {
    const ids = subjectIds(vc);
    if (ids.length && !ids.includes(claims.sub)) problems.push(`the token's subject ${claims.sub} is not the credential subject ${ids.join(', ')}`);
  }
  if (typeof claims.jti === 'string' && typeof vc.id === 'string' && claims.jti !== vc.id) problems.push(`the token id ${claims.jti} differs from the credential id ${vc.id}`);
  const start = numericSeconds(vc.validFrom) ?? numericSeconds(vc.issuanceDate);
  if (typeof claims.nbf === 'number' && start !== undefined && Math.floor(claims.nbf) !== start) {
    problems.push(`nbf (${isoSeconds(claims.nbf) ?? claims.nbf}) differs from the credential's start date`);
  }
  const end = numericSeconds(vc.validUntil) ?? numericSeconds(vc.expirationDate);
  if (typeof claims.exp === 'number' && end !== undefined && Math.floor(claims.exp) !== end) {
    problems.push(`exp (${isoSeconds(claims.exp) ?? claims.exp}) differs from the credential's end date`);
  }
  if (problems.length) return check('claims', 'CLAIMS_MISMATCH', `The signed token and the credential inside it disagree, so the signer is not who the credential says: ${problems.join('; ')}`, { problems });
  return check('claims', 'CLAIMS_OK', 'The token\'s issuer, subject, id and dates agree with the credential');
}

/** VC-JWT and EBSI: the credential is the `vc` claim. */
export function vcClaimOf(payload: Record<string, unknown>): Record<string, unknown> | undefined {
  return isRecord(payload.vc) ? payload.vc : undefined;
}

/** VC-JWT and EBSI: the token's `iss` names who must hold the key, else the credential's issuer. */
export function issuerFromIss(payload: Record<string, unknown>, vc: Record<string, unknown>): string | undefined {
  return typeof payload.iss === 'string' ? payload.iss : issuerIdOf(vc);
}

/** `jwt-overrides` (VC-JWT): the report's summary takes issuer, subject, id and dates from the JWT claims (VC DM 1.1 §6.3.1); the claims check still requires agreement where both are present. */
export type ClaimsPrecedence = 'must-agree' | 'jwt-overrides';

/** VC Data Model 1.1 §6.3.1: the decoded credential takes its issuer, subject, id and dates from the JWT. */
function applyJwtClaims(credential: CredentialSummary, claims: Record<string, unknown>): void {
  if (typeof claims.iss === 'string') credential.issuer = { ...(credential.issuer ?? {}), id: claims.iss };
  if (typeof claims.sub === 'string') credential.subject = { ...(credential.subject ?? {}), id: claims.sub };
  if (typeof claims.jti === 'string') credential.id = claims.jti;
  const iso = isoSeconds;
  const nbf = iso(claims.nbf);
  const exp = iso(claims.exp);
  if (nbf) credential.validFrom = nbf;
  if (exp) credential.validUntil = exp;
}

export interface JoseVcPlanOptions {
  format: FormatId;
  /** Where the report's summary takes issuer, subject, id and dates from. */
  claimsPrecedence: ClaimsPrecedence;
  /** `vc` claim (VC-JWT, EBSI) or the payload itself (VC-JOSE). */
  credentialOf(payload: Record<string, unknown>): Record<string, unknown> | undefined;
  /** Who must hold the key. */
  issuerOf(payload: Record<string, unknown>, vc: Record<string, unknown>): string | undefined;
  /** An additional check of the header (`typ`). */
  headerRule?(header: Record<string, unknown>): Check | undefined;
}

function constant(result: Check, gate = true): Step {
  return constantStep(result, { gate });
}

/** Plans a credential secured as a compact JWS whose payload is (or carries) a VC. */
export function planJoseVc(input: Classified, ctx: VerifyContext, options: JoseVcPlanOptions): CredentialPlan {
  const text = input.sniffed.kind === 'jws-compact' ? input.sniffed.text : '';
  // Classification decoded this token's header and payload already (the same decodeJwsPart).
  const parsed = parseCompactJws(text, 'proof', input.sniffed.kind === 'jws-compact' && input.header ? { header: input.header, payload: input.payload } : undefined);
  if (!parsed.ok) return { steps: [constant(parsed.check)] };
  const jws = parsed.value;
  const payload = jws.payload;
  const vc = payload ? options.credentialOf(payload) : undefined;
  if (!payload || !vc) return { steps: [constant(check('proof', 'PROOF_MALFORMED', 'The token carries no credential object'))] };

  const issuer = options.issuerOf(payload, vc);
  const key = lazyKey(() => resolveIssuerKey({ issuer, header: jws.header }, ctx));
  const headerProblem = options.headerRule?.(jws.header);
  const steps: Step[] = headerProblem ? [constant(headerProblem)] : signatureSteps(jws, issuer, key);
  steps.push({ id: 'claims', run: async () => claimsCheck(payload, vc) });
  const dates: ValidityDates = { ...validityDatesOf(vc), ...jwtValidityDates(payload) };
  steps.push({ id: 'validity', run: async () => validityCheck(dates, ctx) });
  // A JWT may name an IETF token status list (`status.status_list`) besides, or instead of, `credentialStatus`.
  const tokenStatus = isRecord(payload.status) && 'status_list' in payload.status;
  steps.push(tokenStatus ? jwtStatusStep(payload, vc, { issuer, resolveKey: (header) => resolveIssuerKey({ issuer, header }, ctx) }, ctx) : statusStep(vc, issuer, ctx));

  const credential = summariseVc(vc);
  if (options.claimsPrecedence === 'jwt-overrides') applyJwtClaims(credential, payload);
  if (issuer && !credential.issuer?.id) credential.issuer = { ...(credential.issuer ?? {}), id: issuer };
  return { credential, document: vc, steps };
}
