import type { CodeTable } from './types.js';

/** Issuer trust (a separate axis from integrity) and the EU micro-credential profile. */
export const TRUST_CODES = {
  TRUST_LISTED: { effect: 'pass', summary: 'A trust list you rely on vouches for the issuer.' },
  TRUST_KNOWN: { effect: 'pass', summary: 'The issuer is known to a registry, though not vouched for by a trust list.' },
  TRUST_UNKNOWN: { effect: 'warning', summary: 'No trust list you rely on knows the issuer: the credential is authentic, but who the issuer is was not confirmed.' },
  TRUST_UNTRUSTED: { effect: 'fail', summary: 'A trust list you rely on marks the issuer as not trusted.' },
  TRUST_LIST_UNAVAILABLE: { effect: 'warning', summary: 'A trust list or registry could not be consulted.' },
  MICROCREDENTIAL_COMPLETE: { effect: 'pass', summary: 'The credential states all eleven elements the EU requires of a micro-credential.' },
  MICROCREDENTIAL_INCOMPLETE: { effect: 'warning', summary: 'The credential presents itself as a micro-credential but lacks elements the EU requires.' },
  MICROCREDENTIAL_INFORMATIONAL: { effect: 'skip', summary: 'Not a micro-credential: the EU elements are shown for information only.' },
} as const satisfies CodeTable;
