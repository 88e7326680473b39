import type { CheckCode } from '../codes/index.js';

/**
 * Expected failures (a malformed seal, a key that is not authorised, a bad disclosure) are
 * returned, not thrown: `Result` carries either the value or the check the failure becomes
 * (docs/errors.md). `F` is a `Failure` where the caller still has to place it in a check
 * (`check(id, failure.code, failure.message, failure.details)`), or a whole `Check` where the
 * step already built it.
 */
export interface Failure<C extends CheckCode = CheckCode> {
  code: C;
  message: string;
  details?: Record<string, unknown>;
}

export type Result<T, F = Failure> = { ok: true; value: T } | { ok: false; check: F };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function failure<C extends CheckCode>(code: C, message: string, details?: Record<string, unknown>): { ok: false; check: Failure<C> } {
  return { ok: false, check: details ? { code, message, details } : { code, message } };
}
