import type { CodeTable } from './types.js';

/** Revocation and suspension: Bitstring Status List, StatusList2021, RevocationList2020, 1EdTech revocation lists. */
export const STATUS_CODES = {
  STATUS_NONE: { effect: 'skip', summary: 'The credential declares no revocation or suspension status to check.' },
  STATUS_ACTIVE: { effect: 'pass', summary: 'The issuer\'s status list shows the credential as neither revoked nor suspended.' },
  STATUS_REVOKED: { effect: 'fail', summary: 'The status list the credential names marks it as revoked (honoured even when the list itself could not be authenticated).' },
  STATUS_SUSPENDED: { effect: 'fail', summary: 'The status list the credential names marks it as suspended (honoured even when the list itself could not be authenticated).' },
  STATUS_ENTRY_MALFORMED: { effect: 'warning', summary: 'The credential\'s status entry is incomplete or malformed, so revocation could not be checked.' },
  STATUS_TYPE_UNSUPPORTED: { effect: 'warning', summary: 'The credential uses a status method Credlens does not know, so revocation could not be checked.' },
  STATUS_LIST_UNAVAILABLE: { effect: 'warning', summary: 'The issuer\'s status list could not be downloaded, so revocation could not be checked.' },
  STATUS_LIST_UNVERIFIED: { effect: 'warning', summary: 'The status list does not mark the credential, but it could not be authenticated as the issuer\'s list (signed by another party, bad signature, expired, or another list), so "not revoked" cannot be relied on.' },
  STATUS_LIST_MALFORMED: { effect: 'warning', summary: 'The issuer\'s status list is malformed or could not be decoded, so revocation could not be checked.' },
  STATUS_LIST_TOO_LARGE: { effect: 'warning', summary: 'The issuer\'s status list is larger than Credlens decompresses, so revocation could not be checked.' },
  STATUS_LIST_TOO_SHORT: { effect: 'warning', summary: 'The issuer\'s status list is shorter than its specification requires, so revocation could not be checked.' },
  STATUS_INDEX_OUT_OF_RANGE: { effect: 'warning', summary: 'The credential\'s position in the status list lies outside the list, so revocation could not be checked.' },
  STATUS_PURPOSE_MISMATCH: { effect: 'warning', summary: 'The status list serves a different purpose than the credential\'s entry names, so revocation could not be checked.' },
  STATUS_MESSAGE: { effect: 'pass', summary: 'The issuer\'s status list holds an informational status message for this credential.' },
} as const satisfies CodeTable;
