import type { CodeTable } from './types.js';

/** Validity periods (step id `validity`), shared by every credential format. */
export const VALIDITY_CODES = {
  VALIDITY_OK: { effect: 'pass', summary: 'The credential is within its validity period.' },
  VALIDITY_EXPIRED: { effect: 'fail', summary: 'The credential has expired.' },
  VALIDITY_NOT_YET_VALID: { effect: 'fail', summary: 'The credential is not valid yet.' },
  VALIDITY_DATE_MALFORMED: { effect: 'fail', summary: 'A validity date in the credential is not a valid date and time.' },
} as const satisfies CodeTable;
