import type { CredentialPlan, FormatHandler, Step } from '../pipeline/types.js';
import { parseCompactJws } from '../proofs/jws.js';
import { check, type CredentialSummary } from '../report.js';
import { jwtStatusStep } from '../status/index.js';
import { jwtValidityDates, validityCheck } from '../validate/dates.js';
import { resolveIssuerKey } from './jose/issuer-key.js';
import { lazyKey, signatureSteps } from './jose/plan.js';
import { processDisclosures, type DisclosureResult } from './sd-jwt/disclosures.js';
import { keyBindingCheck } from './sd-jwt/key-binding.js';

/** SD-JWT VC media types: `dc+sd-jwt` (current) and `vc+sd-jwt` (earlier drafts). */
const TYPES = new Set(['dc+sd-jwt', 'vc+sd-jwt']);

/** Claims about the token rather than the holder: shown as summary fields, not as disclosed claims. */
const TECHNICAL = new Set(['iss', 'iat', 'nbf', 'exp', 'cnf', 'vct', 'vct#integrity', 'status', 'sub', '_sd_alg']);

function summaryOf(claims: Record<string, unknown>): CredentialSummary {
  const summary: CredentialSummary = { types: typeof claims.vct === 'string' ? [claims.vct] : [] };
  if (typeof claims.iss === 'string') summary.issuer = { id: claims.iss };
  if (typeof claims.sub === 'string') summary.subject = { id: claims.sub };
  const seconds = (v: unknown) => {
    // A NumericDate beyond what Date holds is shown as absent, not thrown on (toISOString of an invalid Date throws).
    const date = typeof v === 'number' && Number.isFinite(v) ? new Date(v * 1000) : undefined;
    return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
  };
  const issued = seconds(claims.iat);
  if (issued) summary.issued = issued;
  const from = seconds(claims.nbf);
  if (from) summary.validFrom = from;
  const until = seconds(claims.exp);
  if (until) summary.validUntil = until;
  const given = typeof claims.given_name === 'string' ? claims.given_name : undefined;
  const family = typeof claims.family_name === 'string' ? claims.family_name : undefined;
  if (given || family) summary.subject = { ...(summary.subject ?? {}), name: [given, family].filter(Boolean).join(' ') };
  summary.claims = Object.fromEntries(Object.entries(claims).filter(([k]) => !TECHNICAL.has(k)));
  return summary;
}

/**
 * SD-JWT VC (draft-ietf-oauth-sd-jwt-vc, RFC 9901): the issuer's signature, every disclosure's
 * digest, the holder's key binding, validity and status. The report shows only what the holder
 * disclosed.
 */
export const sdJwtVcHandler: FormatHandler = {
  format: 'sd-jwt-vc',
  async plan(input, ctx): Promise<CredentialPlan> {
    const text = input.sniffed.kind === 'sd-jwt' ? input.sniffed.text : '';
    const parts = text.split('~');
    const issuerJwt = parts[0] ?? '';
    const kbJwt = parts.length > 1 ? (parts[parts.length - 1] as string) : '';
    const disclosures = parts.slice(1, -1);
    const presented = text.slice(0, text.length - kbJwt.length);

    const parsed = parseCompactJws(issuerJwt);
    if (!parsed.ok) return { steps: [{ id: 'proof', gate: true, run: async () => parsed.check }] };
    const jws = parsed.value;
    const payload = jws.payload;
    if (!payload) return { steps: [{ id: 'proof', gate: true, run: async () => check('proof', 'PROOF_MALFORMED', 'The SD-JWT payload is not a JSON object') }] };
    if (disclosures.some((d) => d === '')) {
      return { steps: [{ id: 'proof', gate: true, run: async () => check('proof', 'PROOF_MALFORMED', 'The SD-JWT has an empty disclosure (two ~ in a row)') }] };
    }

    const typ = typeof jws.header.typ === 'string' ? jws.header.typ.toLowerCase() : '';
    const issuer = typeof payload.iss === 'string' ? payload.iss : undefined;
    const key = lazyKey(() => resolveIssuerKey({ issuer, header: jws.header, allowIssuerMetadata: true, allowX5c: true }, ctx));
    const steps: Step[] = TYPES.has(typ)
      ? signatureSteps(jws, issuer, key)
      : [{ id: 'proof', gate: true, run: async () => check('proof', 'PROOF_TYPE_MISMATCH', `An SD-JWT VC must declare the type dc+sd-jwt, not "${typ.slice(0, 60)}"`) }];

    const disclosed: DisclosureResult = processDisclosures(payload, disclosures);
    steps.push({ id: 'disclosures', run: async () => disclosed.check });
    steps.push({ id: 'key-binding', needsAuthenticity: true, run: () => keyBindingCheck({ payload, presented, kbJwt }, ctx) });
    steps.push({ id: 'validity', run: async () => validityCheck(jwtValidityDates(payload), ctx) });

    const claims = disclosed.ok ? disclosed.claims : Object.fromEntries(Object.entries(payload).filter(([k]) => k !== '_sd' && k !== '_sd_alg'));
    // SD-JWT VC §3.2.2.2: `status` must not be selectively disclosable, or a holder could withhold it.
    const statusDisclosed = !('status' in payload) && 'status' in claims;
    steps.push(
      statusDisclosed
        ? { id: 'status', needsAuthenticity: true, run: async () => check('status', 'STATUS_ENTRY_MALFORMED', 'The status claim is selectively disclosable; an SD-JWT VC must carry it in the issuer-signed part, where a holder cannot withhold it') }
        : jwtStatusStep(payload, claims, { issuer, resolveKey: (header) => resolveIssuerKey({ issuer, header, allowIssuerMetadata: true, allowX5c: true }, ctx) }, ctx),
    );
    // Only when the x5c chain was the key that verified the proof may its anchor vouch for the issuer.
    const issuerCertificates = async () => {
      const resolved = await key();
      const x5c = resolved.ok && resolved.key.type === 'X509Certificate' ? resolved.key.controllerDocument.x5c : undefined;
      return Array.isArray(x5c) && x5c.every((c) => typeof c === 'string') ? { x5c: x5c as string[], at: ctx.now } : undefined;
    };
    return { credential: summaryOf(claims), document: claims, issuerCertificates, steps };
  },
};

export default sdJwtVcHandler;
