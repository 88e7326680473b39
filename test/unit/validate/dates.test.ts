import { describe, expect, it } from 'vitest';
import { validityCheck } from '../../../lib/validate/dates.js';

const ctx = { now: new Date('2026-11-28T00:00:00Z'), clockSkewSeconds: 60 };

describe('validityCheck', () => {
  it('passes within the period and without any dates', () => {
    expect(validityCheck({ validFrom: '2025-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z' }, ctx).code).toBe('VALIDITY_OK');
    expect(validityCheck({}, ctx).code).toBe('VALIDITY_OK');
  });

  it('rejects an expired credential and says when it expired', () => {
    const result = validityCheck({ expirationDate: '2026-01-01T00:00:00Z' }, ctx);
    expect(result.code).toBe('VALIDITY_EXPIRED');
    expect(result.message).toContain('2026-01-01T00:00:00.000Z');
  });

  it('uses the earliest end (JWT exp before validUntil) and the latest start', () => {
    expect(validityCheck({ exp: Date.parse('2026-06-01T00:00:00Z') / 1000, validUntil: '2030-01-01T00:00:00Z' }, ctx).code).toBe('VALIDITY_EXPIRED');
    expect(validityCheck({ nbf: 0, issuanceDate: '2027-01-01T00:00:00Z' }, ctx).code).toBe('VALIDITY_NOT_YET_VALID');
  });

  it('tolerates the clock skew at both ends', () => {
    expect(validityCheck({ validFrom: '2026-11-28T00:00:30Z' }, ctx).code).toBe('VALIDITY_OK');
    expect(validityCheck({ validUntil: '2026-11-27T23:59:30Z' }, ctx).code).toBe('VALIDITY_OK');
    expect(validityCheck({ validUntil: '2026-11-27T23:58:00Z' }, ctx).code).toBe('VALIDITY_EXPIRED');
  });

  it('rejects dates that are not dates', () => {
    expect(validityCheck({ validUntil: 'next year' }, ctx).code).toBe('VALIDITY_DATE_MALFORMED');
    expect(validityCheck({ exp: '1700000000' }, ctx).code).toBe('VALIDITY_DATE_MALFORMED');
  });
});
