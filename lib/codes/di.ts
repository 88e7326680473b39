import type { CodeTable } from './types.js';

/** Data Integrity proofs on JSON-LD credentials (W3C VC 1.1 / 2.0, Open Badges 3.0, CLR 2.0). */
export const DI_CODES = {
  DI_PROOF_VALID: { effect: 'pass', authentic: true, summary: 'The credential\'s digital signature is valid: its content is exactly what the issuer signed.' },
  DI_PROOF_MISSING: { effect: 'fail', summary: 'The credential carries no digital signature (proof).' },
  DI_PROOF_MALFORMED: { effect: 'fail', summary: 'The credential\'s proof is incomplete or malformed.' },
  DI_TOO_MANY_PROOFS: { effect: 'fail', summary: 'The credential carries more proofs than Credlens checks.' },
  DI_SIGNATURE_INVALID: { effect: 'fail', summary: 'The digital signature does not match the content: the credential or its proof was changed after signing.' },
  DI_CRYPTOSUITE_UNSUPPORTED: { effect: 'unverifiable', summary: 'The credential is signed with a proof type or cryptosuite Credlens cannot check.' },
  DI_CRYPTOSUITE_KEY_MISMATCH: { effect: 'fail', summary: 'The proof names a cryptosuite that does not fit the signing key\'s type.' },
  DI_PROOF_PURPOSE_INVALID: { effect: 'fail', summary: 'The proof was not made for issuing credentials (its purpose is not assertionMethod).' },
  DI_PROOF_EXPIRED: { effect: 'fail', summary: 'The proof states an expiry date that has passed.' },
  DI_PROOF_CHAIN_BROKEN: { effect: 'fail', summary: 'A proof in the chain refers to an earlier proof that is not there.' },
  DI_SD_BASE_PROOF: { effect: 'fail', summary: 'A selective-disclosure base proof was presented directly; only the holder\'s derived proof may be shown to a verifier.' },
  DI_SD_DERIVED_UNSUPPORTED: { effect: 'unverifiable', summary: 'The credential uses a selective-disclosure derived proof (ecdsa-sd-2023) that Credlens cannot check yet.' },
  DI_CONTEXT_UNKNOWN: { effect: 'unverifiable', summary: 'The credential uses a JSON-LD context that Credlens does not ship and was not provided: what was signed cannot be interpreted, so who made it cannot be established.' },
  DI_CONTEXT_INVALID: { effect: 'fail', summary: 'A JSON-LD context of the credential is malformed.' },
  DI_UNDEFINED_TERM: { effect: 'fail', summary: 'The credential contains properties that its JSON-LD contexts do not define, so they are not covered by the signature.' },
  DI_CANONICALIZATION_FAILED: { effect: 'fail', summary: 'The credential could not be put into canonical form for signature checking.' },
  DI_KEY_NOT_CHECKED: { effect: 'skip', summary: 'The signature was not checked, because the signing key could not be obtained or is not authorised by the issuer.' },
  DI_ISSUER_MISSING: { effect: 'fail', summary: 'The credential does not name its issuer.' },
} as const satisfies CodeTable;
