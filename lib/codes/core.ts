import type { CodeTable } from './types.js';

/** Codes of the input, format and pipeline steps shared by every format. */
export const CORE_CODES = {
  INPUT_READ: { effect: 'pass', summary: 'The input was read and recognised as a credential container.' },
  INPUT_EMPTY: { effect: 'fail', summary: 'The input is empty.' },
  INPUT_TOO_LARGE: { effect: 'fail', summary: 'The input is larger than Credlens accepts.' },
  INPUT_MALFORMED: { effect: 'fail', summary: 'The input is not well-formed JSON, JWT, SD-JWT or image data.' },
  INPUT_TOO_DEEP: { effect: 'fail', summary: 'The JSON is nested more deeply than any credential needs.' },
  INPUT_DUPLICATE_MEMBER: { effect: 'fail', summary: 'The JSON repeats a member name, so different readers would see different content.' },
  INPUT_FETCH_FAILED: { effect: 'unverifiable', summary: 'The credential could not be downloaded from the link.' },
  INPUT_URL_BLOCKED: { effect: 'fail', summary: 'The link points at an address Credlens never contacts (not HTTPS, or a private network).' },
  INPUT_NOT_A_CREDENTIAL: { effect: 'unverifiable', summary: 'The input holds no credential Credlens recognises.' },
  FORMAT_RECOGNISED: { effect: 'pass', summary: 'The credential format was recognised.' },
  FORMAT_UNKNOWN: { effect: 'unverifiable', summary: 'The data is readable, but it is not a credential format Credlens knows.' },
  FORMAT_UNSUPPORTED: { effect: 'unverifiable', summary: 'The credential format was recognised, but this version of Credlens cannot verify it yet.' },
  CRYPTO_UNAVAILABLE: { effect: 'unverifiable', summary: 'This page offers no Web Crypto (it is not served over HTTPS), so no signature could be checked.' },
  SKIPPED_NOT_AUTHENTIC: { effect: 'skip', summary: 'Not checked, because the credential\'s authenticity could not be established.' },
  SKIPPED_NOT_APPLICABLE: { effect: 'skip', summary: 'Does not apply to this credential.' },
  CHECK_ABORTED: { effect: 'unverifiable', summary: 'Verification was cancelled before this check finished.' },
  CHECK_INTERNAL_ERROR: { effect: 'unverifiable', summary: 'Credlens met an unexpected error while running this check.' },
} as const satisfies CodeTable;
