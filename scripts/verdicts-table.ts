// Writes the severity table of every check code into docs/verdicts.md between the severity markers,
// from lib/codes and the rule each code's effect rests on (below). `node bin/run-ts.mjs
// scripts/verdicts-table.ts` rewrites it; test/unit/docs/verdicts-table.test.ts parses the table and
// fails when it and the code registry disagree, or when a code makes a credential invalid for a
// reason outside the six the verdict rule allows.
import { readFileSync, writeFileSync } from 'node:fs';
import { CODES, type CheckCode, type CodeEffect } from '../lib/codes/index.js';
import { statusForEffect } from '../lib/report.js';

/** The only reasons a check may make a credential `invalid` (docs/verdicts.md "The rule"). */
export const INVALID_RULES = {
  proof: 'proof fails or is missing',
  key: 'key not authorised by the issuer',
  revoked: 'revoked or suspended',
  validity: 'expired or not yet valid',
  jsonld: 'unsafe JSON-LD',
  unreadable: 'unreadable input',
  carried: 'a credential the presentation carries is invalid for one of the reasons above',
} as const;
export type InvalidRule = keyof typeof INVALID_RULES;

const FAIL_RULES: Record<InvalidRule, readonly CheckCode[]> = {
  proof: [
    'PROOF_INVALID_SIGNATURE', 'PROOF_ALG_FORBIDDEN', 'PROOF_ALG_KEY_MISMATCH', 'PROOF_CRIT_UNKNOWN', 'PROOF_MALFORMED', 'PROOF_TYPE_MISMATCH',
    'DI_PROOF_MISSING', 'DI_PROOF_MALFORMED', 'DI_TOO_MANY_PROOFS', 'DI_SIGNATURE_INVALID', 'DI_CRYPTOSUITE_KEY_MISMATCH', 'DI_PROOF_PURPOSE_INVALID',
    'DI_PROOF_EXPIRED', 'DI_PROOF_CHAIN_BROKEN', 'DI_SD_BASE_PROOF', 'DI_CANONICALIZATION_FAILED',
    'SD_DISCLOSURE_INVALID', 'SD_DISCLOSURE_UNREFERENCED', 'SD_DIGEST_DUPLICATE', 'SD_TOO_MANY_DISCLOSURES',
    'KB_REQUIRED', 'KB_INVALID_SIGNATURE', 'KB_MALFORMED', 'KB_NO_HOLDER_KEY', 'KB_SD_HASH_MISMATCH', 'KB_STALE', 'KB_AUDIENCE_MISMATCH', 'KB_NONCE_MISMATCH',
    'RECIPIENT_MISMATCH', 'OB2_RECIPIENT_MISMATCH', 'VP_CHALLENGE_MISMATCH', 'VP_DOMAIN_MISMATCH',
    'SEAL_SIGNATURE_INVALID', 'SEAL_MALFORMED', 'SEAL_CRIT_UNKNOWN', 'SEAL_ALG_REJECTED', 'SEAL_CERT_REFERENCE_MISMATCH', 'SEAL_TIMESTAMP_INVALID',
    'OB2_SIGNATURE_INVALID', 'OB2_ALGORITHM_NOT_ALLOWED', 'OB2_SIGNED_WITHOUT_SIGNATURE', 'OB2_VERIFICATION_TYPE_UNKNOWN', 'OB2_HOSTED_COPY_MISMATCH',
  ],
  key: [
    'KEY_NOT_FOUND', 'KEY_NOT_AUTHORISED', 'KEY_CONTROLLER_MISMATCH', 'KEY_DID_INVALID', 'KEY_MATERIAL_INVALID', 'ISSUER_METADATA_INVALID', 'ISSUER_CERTIFICATE_INVALID',
    'CLAIMS_MISMATCH', 'VP_HOLDER_MISSING', 'VP_HOLDER_MISMATCH', 'OB2_KEY_NOT_FOUND', 'OB2_KEY_NOT_AUTHORISED', 'OB2_HOSTED_ORIGIN_MISMATCH', 'OB2_HOSTED_ID_INVALID', 'OB2_ISSUER_MALFORMED',
    'SEAL_CERT_EXPIRED', 'SEAL_CERT_NOT_YET_VALID', 'SEAL_CERT_CHAIN_INVALID', 'SEAL_CERT_KEY_USAGE', 'SEAL_CERT_REVOKED', 'SEAL_IDENTITY_MISMATCH',
  ],
  revoked: ['STATUS_REVOKED', 'STATUS_SUSPENDED', 'OB2_REVOKED', 'OB2_HOSTED_NOT_FOUND', 'TRUST_UNTRUSTED'],
  validity: ['VALIDITY_EXPIRED', 'VALIDITY_NOT_YET_VALID', 'VALIDITY_DATE_MALFORMED', 'SEAL_TIME_IN_FUTURE'],
  jsonld: ['DI_CONTEXT_INVALID', 'DI_UNDEFINED_TERM'],
  unreadable: [
    'INPUT_EMPTY', 'INPUT_TOO_LARGE', 'INPUT_MALFORMED', 'INPUT_TOO_DEEP', 'INPUT_DUPLICATE_MEMBER', 'INPUT_URL_BLOCKED', 'KEY_FETCH_BLOCKED',
    'BAKED_MALFORMED', 'BAKED_TOO_LARGE', 'PDF_MALFORMED', 'PDF_EMBEDDED_FILE_TOO_LARGE', 'PDF_EMBEDDED_FILE_UNREADABLE',
    'OB2_ASSERTION_MALFORMED', 'DI_ISSUER_MISSING', 'CLAIMS_MISSING', 'VP_ENTRY_MALFORMED', 'ENVELOPE_MALFORMED',
  ],
  carried: ['VP_CREDENTIAL_INVALID'],
};

/** Why a code that is not a failure has the effect it has: one sentence per effect. */
const OTHER_WHY: Record<Exclude<CodeEffect, 'fail'>, string> = {
  pass: 'the check succeeded',
  unverifiable: 'who made it (or what was signed) could not be established; never verified on partial evidence',
  warning: 'authentic, but a person must know this (conformance, status not confirmable, trust, completeness)',
  skip: 'the check did not apply, or an earlier check decided',
};

/** Codes whose effect is a deliberate reading of the rule, with the reason in words. */
const NOTES: Partial<Record<CheckCode, string>> = {
  SCHEMA_INVALID: 'conformance is not authenticity: the member and what the schema expects are named',
  STATUS_ENTRY_MALFORMED: 'the status cannot be read, which is not evidence of revocation',
  STATUS_LIST_UNVERIFIED: '"not revoked" only counts from a list authenticated as the issuer\'s',
  STATUS_REVOKED: 'honoured from the list the signed credential names, even when that list cannot be authenticated',
  STATUS_SUSPENDED: 'honoured from the list the signed credential names, even when that list cannot be authenticated',
  OB2_REVOKED: 'honoured from the list the issuer names, even when it claims another owner',
  DI_CONTEXT_UNKNOWN: 'what was signed cannot be read without the context',
  DI_CONTEXT_INVALID: 'a context that redefines protected terms changes what the signature means',
  DI_UNDEFINED_TERM: 'content outside the signed meaning (dropped by JSON-LD)',
  SEAL_CERT_NOT_TRUSTED: 'the seal is intact, the sealer unknown: anyone can make a certificate with any name',
  KEY_HEADER_ONLY: 'a key the token carries itself says nothing about who signed',
  CLAIMS_MISMATCH: 'the signer is not the issuer (or subject, id, dates) the credential shows',
  TRUST_UNTRUSTED: 'a trust list you rely on withdraws its trust in the issuer: revocation of the issuer',
  OB2_HOSTED_NOT_FOUND: 'the issuer withdrew the hosted badge: revocation',
  RECIPIENT_MISMATCH: 'the binding you asked for (this person) fails: for them the credential proves nothing',
  OB2_RECIPIENT_MISMATCH: 'the binding you asked for (this person) fails: for them the credential proves nothing',
  KEY_FETCH_BLOCKED: 'the credential points its key at a private or non-HTTPS address: hostile input',
  INPUT_URL_BLOCKED: 'a private or non-HTTPS address: hostile input',
  VALIDITY_DATE_MALFORMED: 'an unreadable validity date may hide an expiry',
  SEAL_TIME_IN_FUTURE: 'a seal made in the future is not yet valid',
  VP_HOLDER_MISMATCH: 'the presentation was signed by someone other than the holder it names',
  VP_HOLDER_MISSING: 'a signature by nobody in particular proves nothing about the holder',
  VP_CHALLENGE_MISMATCH: 'a presentation made for another request may be a replay',
  VP_DOMAIN_MISMATCH: 'a presentation made for another domain may be a replay',
  OB2_BADGE_CLASS_MALFORMED: 'without an issuer profile, who issued the badge cannot be established',
};

export function ruleOf(code: CheckCode): InvalidRule | undefined {
  return (Object.keys(FAIL_RULES) as InvalidRule[]).find((rule) => FAIL_RULES[rule].includes(code));
}

export function whyOf(code: CheckCode): string {
  const effect = CODES[code].effect;
  let why: string;
  if (effect === 'fail') {
    const rule = ruleOf(code);
    if (!rule) throw new Error(`${code} makes a credential invalid but rests on none of the rules; add it to FAIL_RULES or change its effect`);
    why = INVALID_RULES[rule];
  } else {
    why = OTHER_WHY[effect];
  }
  const note = NOTES[code];
  return note ? `${why}: ${note}` : why;
}

const VERDICT_EFFECT: Record<CodeEffect, string> = { pass: 'none', fail: 'invalid', unverifiable: 'unverifiable', warning: 'warning', skip: 'none' };

export function severityTable(): string {
  const rows = (Object.keys(CODES) as CheckCode[])
    .sort((a, b) => a.localeCompare(b))
    .map((code) => `| \`${code}\` | ${statusForEffect(CODES[code].effect)} | ${VERDICT_EFFECT[CODES[code].effect]} | ${whyOf(code).replace(/\|/g, '\\|')} |`);
  return ['| code | status | verdict effect | why |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export const START = '<!-- severity:start -->';
export const END = '<!-- severity:end -->';

export function withSeverityTable(doc: string): string {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error('docs/verdicts.md lacks the severity markers');
  return `${doc.slice(0, start + START.length)}\n${severityTable()}\n${doc.slice(end)}`;
}

if (process.argv[1]?.endsWith('verdicts-table.ts')) {
  const path = new URL('../docs/verdicts.md', import.meta.url);
  writeFileSync(path, withSeverityTable(readFileSync(path, 'utf8')));
  console.log(`docs/verdicts.md: ${Object.keys(CODES).length} check codes`);
}
