import type { CodeTable } from './types.js';

/** Finding the credential behind a shared link, a web page or a badge image. */
export const SOURCE_CODES = {
  SOURCE_PAGE_ONLY: {
    effect: 'unverifiable',
    summary: 'The platform shows this credential only as a web page and publishes no machine-verifiable credential for it.',
  },
  SOURCE_NO_CREDENTIAL_IN_PAGE: { effect: 'unverifiable', summary: 'The web page neither links to nor embeds a credential Credlens can verify.' },
  SOURCE_RESPONSE_UNEXPECTED: { effect: 'unverifiable', summary: 'The platform answered, but not with a credential Credlens can read.' },
  BAKED_NO_CREDENTIAL: { effect: 'unverifiable', summary: 'The image carries no embedded badge or credential.' },
  BAKED_MALFORMED: { effect: 'fail', summary: 'The badge data embedded in the image is damaged or malformed.' },
  BAKED_TOO_LARGE: { effect: 'fail', summary: 'The badge data embedded in the image is larger than any badge needs.' },
} as const satisfies CodeTable;
