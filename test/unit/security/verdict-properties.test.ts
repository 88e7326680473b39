import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODES, type CheckCode, type CodeInfo } from '../../../lib/codes/index.js';
import { check, deriveVerdict } from '../../../lib/report.js';

/**
 * The verdict is derived in one place from the check codes. Whatever the checks, it is never
 * `verified` or `warning` without a passed authenticity check, never with a failed check, and the
 * status of every check follows from its code.
 */
const ALL = Object.keys(CODES) as CheckCode[];
const info = (code: CheckCode) => CODES[code] as CodeInfo;

describe('deriveVerdict over any list of checks', () => {
  const checks = fc.array(fc.constantFrom(...ALL), { maxLength: 12 }).map((codes) => codes.map((code, i) => check(`step-${i}`, code, code)));

  it('is invalid whenever any check failed', () => {
    fc.assert(
      fc.property(checks, (list) => {
        if (list.some((c) => info(c.code).effect === 'fail')) expect(deriveVerdict(list)).toBe('invalid');
      }),
      { numRuns: 500 },
    );
  });

  it('is never verified or warning without a passed check that establishes authenticity', () => {
    fc.assert(
      fc.property(checks, (list) => {
        const verdict = deriveVerdict(list);
        if (verdict === 'verified' || verdict === 'warning') expect(list.some((c) => c.status === 'pass' && info(c.code).authentic === true)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('is verified only when no check failed, warned or could not decide', () => {
    fc.assert(
      fc.property(checks, (list) => {
        if (deriveVerdict(list) === 'verified') expect(list.every((c) => c.status === 'pass' || c.status === 'skip')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('only proof-level codes establish authenticity (a check list of everything else is never verified)', () => {
    // A new code that establishes authenticity must be added here on purpose: it is a security review point.
    const authentic = ALL.filter((code) => info(code).authentic === true).sort();
    // VP_CREDENTIALS_AUTHENTIC: emitted only when every credential of a presentation is itself verified
    // or warning, i.e. each passed one of the proof-level codes (lib/formats/vp/credentials.ts).
    expect(authentic).toEqual(['DI_PROOF_VALID', 'OB2_HOSTED_ORIGIN_VALID', 'OB2_SIGNATURE_VALID', 'PROOF_VALID', 'SEAL_VALID', 'VP_CREDENTIALS_AUTHENTIC']);
    const others = ALL.filter((code) => info(code).authentic !== true && info(code).effect === 'pass').map((code, i) => check(`s${i}`, code, code));
    expect(deriveVerdict(others)).toBe('unverifiable');
  });
});
