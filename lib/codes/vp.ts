import type { CodeTable } from './types.js';

/** Verifiable Presentations (VC Data Model 1.1 and 2.0, VP-JWT) and enveloped credentials (VC 2.0 §4.13). */
export const VP_CODES = {
  VP_HOLDER_KEY_VALID: { effect: 'pass', summary: 'The key that signed the presentation belongs to its holder, who lists it for authentication.' },
  VP_HOLDER_MISSING: { effect: 'fail', summary: 'The presentation is signed but does not say who its holder is, so the signature proves nothing about anyone.' },
  VP_HOLDER_MISMATCH: { effect: 'fail', summary: 'The presentation was signed by someone other than the holder it names.' },
  VP_UNSIGNED: { effect: 'skip', summary: 'The presentation is not signed by its holder: it only carries credentials, each verified on its own.' },
  VP_CHALLENGE_MATCH: { effect: 'pass', summary: 'The presentation answers the challenge you gave, so it was made for this request and is not a replay.' },
  VP_CHALLENGE_MISMATCH: { effect: 'fail', summary: 'The presentation does not answer the challenge you gave: it may be a replay of one made for someone else.' },
  VP_CHALLENGE_NOT_CHECKED: { effect: 'skip', summary: 'No challenge was given to compare the presentation with.' },
  VP_DOMAIN_MATCH: { effect: 'pass', summary: 'The presentation was made for your domain.' },
  VP_DOMAIN_MISMATCH: { effect: 'fail', summary: 'The presentation was made for another domain than yours.' },
  VP_DOMAIN_NOT_CHECKED: { effect: 'skip', summary: 'No domain was given to compare the presentation with.' },
  VP_CREDENTIALS_AUTHENTIC: { effect: 'pass', authentic: true, summary: 'Every credential in the presentation is authentic.' },
  VP_CREDENTIALS_VERIFIED: { effect: 'pass', summary: 'Every credential in the presentation verified without reservation.' },
  VP_CREDENTIAL_WARNING: { effect: 'warning', summary: 'The credentials in the presentation are authentic, but at least one needs your attention.' },
  VP_CREDENTIAL_WARNINGS_NOT_CHECKED: { effect: 'skip', summary: 'Not every credential in the presentation is authentic, so their remaining reservations are not summed up.' },
  VP_CREDENTIAL_UNVERIFIABLE: { effect: 'unverifiable', summary: 'At least one credential in the presentation could not be verified.' },
  VP_CREDENTIAL_INVALID: { effect: 'fail', summary: 'At least one credential in the presentation is not valid.' },
  VP_NO_CREDENTIALS: { effect: 'skip', summary: 'The presentation carries no credentials.' },
  VP_TOO_MANY_CREDENTIALS: { effect: 'unverifiable', summary: 'The presentation carries more credentials than Credlens verifies at once; the rest were not checked.' },
  VP_ENTRY_MALFORMED: { effect: 'fail', summary: 'An entry of the presentation is neither a credential nor a signed credential token.' },
  VP_HOLDER_IS_SUBJECT: { effect: 'pass', summary: 'Every credential in the presentation is about its holder.' },
  VP_HOLDER_NOT_SUBJECT: { effect: 'warning', summary: 'At least one credential in the presentation is about someone other than the holder who presents it.' },
  VP_HOLDER_NOT_CHECKED: { effect: 'skip', summary: 'Whether the credentials are about the holder was not checked: the presentation does not prove who its holder is.' },
  ENVELOPE_MALFORMED: { effect: 'fail', summary: 'The enveloped credential or presentation is not a readable data: URL of a known media type.' },
} as const satisfies CodeTable;
