import type { CodeTable } from './types.js';

/** Open Badges 3.0 and CLR 2.0 specific steps: recipient, refresh, embedded endorsements. */
export const OB3_CODES = {
  RECIPIENT_MATCH: { effect: 'pass', summary: 'The credential was awarded to the person you named.' },
  RECIPIENT_MISMATCH: { effect: 'fail', summary: 'The credential was awarded to someone other than the person you named.' },
  RECIPIENT_NOT_CHECKED: { effect: 'skip', summary: 'No recipient was given to compare the credential\'s subject with.' },
  RECIPIENT_UNKNOWN: { effect: 'warning', summary: 'The credential does not identify its recipient in a way that can be compared with the person you named.' },
  REFRESH_NONE: { effect: 'skip', summary: 'The credential offers no refresh service.' },
  REFRESH_CURRENT: { effect: 'pass', summary: 'The issuer\'s refresh service returned a verified copy of the credential; it was checked too.' },
  REFRESH_FAILED: { effect: 'warning', summary: 'The issuer\'s refresh service did not return a verified copy of this credential; the original was checked instead.' },
  REFRESH_UNSUPPORTED: { effect: 'skip', summary: 'The credential\'s refresh service is of a kind Credlens does not use.' },
  ENDORSEMENTS_NONE: { effect: 'skip', summary: 'The credential carries no embedded endorsements.' },
  ENDORSEMENTS_VALID: { effect: 'pass', summary: 'Every endorsement embedded in the credential verified.' },
  ENDORSEMENT_INVALID: { effect: 'warning', summary: 'An endorsement embedded in the credential did not verify; the credential itself is not affected.' },
  ENDORSEMENTS_TOO_MANY: { effect: 'warning', summary: 'The credential carries more endorsements than Credlens checks; the rest were not verified.' },
} as const satisfies CodeTable;
