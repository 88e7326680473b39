import { isRecord } from '../util/json.js';
import type { VerifyContext } from '../pipeline/types.js';
import { check, type Check } from '../report.js';

/**
 * The dates that bound a credential's validity, as found in it. Strings are XML Schema / RFC 3339
 * date-times (VC data model); numbers are JWT NumericDates (seconds since the epoch).
 * Any field may be absent; a present field that is not a date makes the check fail.
 */
export interface ValidityDates {
  /** VC 2.0 `validFrom`. */
  validFrom?: unknown;
  /** VC 2.0 `validUntil`. */
  validUntil?: unknown;
  /** VC 1.1 `issuanceDate`: the credential is valid from then. */
  issuanceDate?: unknown;
  /** VC 1.1 `expirationDate`. */
  expirationDate?: unknown;
  /** JWT `nbf` (NumericDate). */
  nbf?: unknown;
  /** JWT `exp` (NumericDate). */
  exp?: unknown;
}

type DateField = keyof ValidityDates;
const START_FIELDS: readonly DateField[] = ['nbf', 'validFrom', 'issuanceDate'];
const END_FIELDS: readonly DateField[] = ['exp', 'validUntil', 'expirationDate'];
const NUMERIC_FIELDS = new Set<DateField>(['nbf', 'exp']);

// RFC 3339 / xsd:dateTime with an optional zone; a date without a time is accepted (ELM uses them).
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/i;

/** Reads the VC data model's validity dates (1.1 and 2.0) from a credential object. */
export function validityDatesOf(vc: Record<string, unknown>): ValidityDates {
  const dates: ValidityDates = {};
  for (const field of ['validFrom', 'validUntil', 'issuanceDate', 'expirationDate'] as const) {
    if (vc[field] !== undefined) dates[field] = vc[field];
  }
  return dates;
}

/** Reads `nbf` and `exp` from a JWT claims set. */
export function jwtValidityDates(claims: unknown): ValidityDates {
  const dates: ValidityDates = {};
  if (!isRecord(claims)) return dates;
  if (claims.nbf !== undefined) dates.nbf = claims.nbf;
  if (claims.exp !== undefined) dates.exp = claims.exp;
  return dates;
}

/** Parses one validity date; `undefined` when it is not a date. */
export function parseValidityDate(value: unknown, numeric: boolean): Date | undefined {
  if (numeric) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
    // Beyond ±8.64e15 ms a Date is invalid (toISOString throws): such a value is not a date.
    const date = new Date(value * 1000);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  if (typeof value !== 'string' || !DATE_TIME.test(value.trim())) return undefined;
  const trimmed = value.trim();
  // A date-time without a zone is read as UTC: the VC data model requires a zone, and UTC is the
  // reading most issuers that omit it intend.
  const withZone = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/i.test(trimmed) ? `${trimmed}Z` : trimmed;
  const date = new Date(withZone);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * Decides whether `ctx.now` lies within the credential's validity period, tolerating
 * `ctx.clockSkewSeconds` at both ends. The period starts at the latest start date and ends at the
 * earliest end date found, so a JWT's `exp` and the credential's `validUntil` both count.
 * Check id `validity`.
 */
export function validityCheck(dates: ValidityDates, ctx: Pick<VerifyContext, 'now' | 'clockSkewSeconds'>): Check {
  const starts: Array<{ field: DateField; at: Date }> = [];
  const ends: Array<{ field: DateField; at: Date }> = [];
  for (const field of [...START_FIELDS, ...END_FIELDS]) {
    const raw = dates[field];
    if (raw === undefined || raw === null) continue;
    const at = parseValidityDate(raw, NUMERIC_FIELDS.has(field));
    if (!at) {
      return check('validity', 'VALIDITY_DATE_MALFORMED', `The ${field} value ${JSON.stringify(raw).slice(0, 60)} is not a valid date`, { field });
    }
    (START_FIELDS.includes(field) ? starts : ends).push({ field, at });
  }
  const skewMs = Math.max(0, ctx.clockSkewSeconds) * 1000;
  const now = ctx.now.getTime();
  const asOf = ctx.now.toISOString();
  const start = starts.reduce<(typeof starts)[number] | undefined>((a, b) => (!a || b.at > a.at ? b : a), undefined);
  const end = ends.reduce<(typeof ends)[number] | undefined>((a, b) => (!a || b.at < a.at ? b : a), undefined);
  const details: Record<string, unknown> = { asOf, clockSkewSeconds: ctx.clockSkewSeconds };
  if (start) details.validFrom = start.at.toISOString();
  if (end) details.validUntil = end.at.toISOString();

  if (start && now + skewMs < start.at.getTime()) {
    return check('validity', 'VALIDITY_NOT_YET_VALID', `Not valid until ${start.at.toISOString()} (${start.field}); checked as of ${asOf}`, { ...details, field: start.field });
  }
  if (end && now - skewMs >= end.at.getTime()) {
    return check('validity', 'VALIDITY_EXPIRED', `Expired on ${end.at.toISOString()} (${end.field}); checked as of ${asOf}`, { ...details, field: end.field });
  }
  if (!start && !end) return check('validity', 'VALIDITY_OK', 'The credential states no validity period, so it does not expire', details);
  const until = end ? `valid until ${end.at.toISOString()}` : 'no expiry date';
  const from = start ? `valid from ${start.at.toISOString()}` : 'no start date';
  return check('validity', 'VALIDITY_OK', `Within its validity period (${from}, ${until}); checked as of ${asOf}`, details);
}
