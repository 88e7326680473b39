import type { CodeTable } from './types.js';

/** Europass digital credentials: the JAdES electronic seal and its certificate. */
export const EDC_CODES = {
  // seal-integrity (the gate)
  SEAL_VALID: { effect: 'pass', authentic: true, summary: 'The electronic seal is intact: the credential has not been changed since it was sealed.' },
  SEAL_SIGNATURE_INVALID: { effect: 'fail', summary: 'The electronic seal does not match the credential: it was changed after sealing, or the seal is forged.' },
  SEAL_MALFORMED: { effect: 'fail', summary: 'The electronic seal is not built the way a JAdES seal must be.' },
  SEAL_CRIT_UNKNOWN: { effect: 'fail', summary: 'The seal requires a feature Credlens does not understand, so it must be rejected.' },
  SEAL_ALG_REJECTED: { effect: 'fail', summary: 'The seal uses a signature algorithm that is not accepted for electronic seals.' },
  SEAL_CERT_REFERENCE_MISMATCH: { effect: 'fail', summary: 'The seal names a different certificate from the one it carries.' },
  SEAL_NO_CERTIFICATE: { effect: 'unverifiable', summary: 'The seal does not carry its certificate, so its key cannot be found.' },
  SEAL_DETACHED_UNSUPPORTED: { effect: 'unverifiable', summary: 'The seal covers content stored elsewhere (a detached seal), which Credlens cannot check.' },
  // seal-certificate
  SEAL_CERT_TRUSTED: { effect: 'pass', summary: 'The seal certificate was valid when the seal was made and leads to a trusted certification authority.' },
  SEAL_CERT_NOT_TRUSTED: { effect: 'unverifiable', summary: 'The seal is intact, but its certificate leads to no certification authority you trust, so who sealed it cannot be established (anyone can make a certificate with any name).' },
  SEAL_CERT_EXPIRED: { effect: 'fail', summary: 'The seal certificate had expired when the seal was made.' },
  SEAL_CERT_NOT_YET_VALID: { effect: 'fail', summary: 'The seal certificate was not yet valid when the seal was made.' },
  SEAL_CERT_CHAIN_INVALID: { effect: 'fail', summary: 'The chain of certificates behind the seal is broken.' },
  SEAL_CERT_KEY_USAGE: { effect: 'fail', summary: 'The seal certificate is not allowed to be used for signing or sealing.' },
  // seal-qualified
  SEAL_QUALIFIED: { effect: 'pass', summary: 'A qualified electronic seal: its certificate is qualified for seals and its authority is on an EU trusted list.' },
  SEAL_QUALIFIED_BY_ANCHOR: { effect: 'pass', summary: 'The certificate declares itself a qualified seal certificate and leads to a certification authority you chose to trust.' },
  SEAL_QUALIFIED_UNCONFIRMED: { effect: 'warning', summary: 'The certificate declares itself qualified, but no EU trusted list you rely on confirms its authority.' },
  SEAL_NOT_QUALIFIED: { effect: 'warning', summary: 'An advanced seal, not a qualified one: it carries no legal presumption of origin under the eIDAS Regulation.' },
  // seal-identity
  SEAL_IDENTITY_MATCH: { effect: 'pass', summary: 'The organisation named in the seal certificate is the issuer named in the credential.' },
  SEAL_IDENTITY_BY_MANDATE: { effect: 'pass', summary: 'The seal belongs to another organisation acting for the issuer, and the credential carries its mandate.' },
  SEAL_IDENTITY_MISMATCH: { effect: 'fail', summary: 'The organisation named in the seal certificate is not the issuer the credential names.' },
  SEAL_IDENTITY_UNDETERMINED: { effect: 'warning', summary: 'Whether the sealing organisation is the issuer could not be decided: a legal identifier is missing.' },
  // seal-revocation
  SEAL_NOT_REVOKED: { effect: 'pass', summary: 'The seal certificate was not revoked when the seal was made, according to revocation data in the seal.' },
  SEAL_CERT_REVOKED: { effect: 'fail', summary: 'The seal certificate had been revoked when the seal was made.' },
  SEAL_REVOCATION_UNKNOWN: { effect: 'warning', summary: 'Whether the seal certificate was revoked could not be confirmed from the data in the seal.' },
  // seal-timestamp
  SEAL_TIMESTAMP_VALID: { effect: 'pass', summary: 'A trusted time-stamping authority confirms when the seal was made.' },
  SEAL_TIMESTAMP_UNTRUSTED: { effect: 'warning', summary: 'A time-stamp confirms when the seal was made, but its authority is on no trusted list you rely on.' },
  SEAL_TIMESTAMP_INVALID: { effect: 'fail', summary: 'The seal\'s time-stamp is damaged or belongs to another seal.' },
  SEAL_TIME_CLAIMED: { effect: 'pass', summary: 'The seal states when it was made; no independent time-stamp confirms it.' },
  SEAL_TIME_MISSING: { effect: 'warning', summary: 'The seal does not say when it was made, so the certificate was checked as of now.' },
  SEAL_TIME_IN_FUTURE: { effect: 'fail', summary: 'The seal claims to have been made in the future.' },
} as const satisfies CodeTable;
