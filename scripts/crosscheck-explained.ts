// The disagreements with the reference verifiers that are explained in docs/verdicts.md
// ("Agreement with reference verifiers"), keyed by the credential's path under the corpus or
// test/vectors, with the verdict Credlens gives. A disagreement not listed here fails
// `npm run crosscheck` and test/unit/docs/crosscheck.test.ts.
const NO_ID =
  'verifier-core rejects a credential whose id is not a URL (it calls new URL(credential.id) and stops with invalid_credential_id); ' +
  'these JFF plugfest 1 badges have no id, which VC Data Model 1.1 §4.2 allows ("id" is optional). The proof (Ed25519Signature2018) verifies in Credlens; ' +
  'verifier-core has no Ed25519Signature2018 suite, @digitalbazaar/vc here neither (n/a). Credlens: authentic, issuer on no trust list (warning).';
const ED25519_2018 =
  'verifier-core verifies only Ed25519Signature2020 and eddsa-rdfc-2022 proofs (the two suites it installs), so every Ed25519Signature2018 proof is invalid_signature to it; ' +
  'Ed25519Signature2018 is a published suite (W3C CCG "Ed25519 Signature 2018") that the JFF plugfest 3 badges use, and it verifies in Credlens. Credlens: authentic, issuer on no trust list (warning).';

const CORE_OFFLINE =
  'verifier-core reads status lists itself over the network (it takes no resource bundle), so offline it cannot read the list and marks revocation_status invalid; ' +
  '@digitalbazaar/vc with the same list from the bundle finds it valid and not revoked, as Credlens does (warning: issuer on no trust list).';
const FOREIGN_ACTIVE =
  'the list says "not revoked" but is signed by another party than the issuer. The reference libraries treat a status list they cannot tie to the issuer as a failed check (not valid); ' +
  'Bitstring Status List v1.0 §3.2 makes such a list a STATUS_VERIFICATION_ERROR, i.e. the status is unknown, not "revoked". Credlens: authentic, status not confirmable (warning, STATUS_LIST_UNVERIFIED), docs/verdicts.md "Revocation" rule 3.';
const OTHER_LIST =
  'the document served at the statusListCredential URL is another list (its id differs). The reference libraries fail the check; Credlens reads it as saying nothing about this credential: ' +
  'BSL v1.0 §2.1 makes statusListCredential the URL of *the* status list credential, and a credential with another id is not it (warning, STATUS_LIST_UNVERIFIED), docs/verdicts.md "Revocation" rule 1.';

const RL2020 =
  'neither reference verifier reads RevocationList2020 (W3C CCG "Revocation List 2020", superseded by StatusList2021 and the Bitstring Status List but still in issued credentials): ' +
  "verifier-core's document loader (@digitalcredentials/security-document-loader) has no https://w3id.org/vc-revocation-list-2020/v1 context, so it cannot canonicalise the credential and reports invalid_signature; " +
  '@digitalcredentials/vc-bitstring-status-list, the status check given to @digitalbazaar/vc here, rejects any entry whose type is not BitstringStatusListEntry. ' +
  "Credlens ships the context pinned (npm vc-revocation-list-context 1.0.0), verifies the proof and reads the issuer's own list: not revoked (warning: issuer on no trust list). " +
  'Its revoked twin rl2020-own-list-revoked.json agrees only because both references fail on it for these same reasons.';

export const EXPLAINED: Readonly<Record<string, { credlens: string; why: string }>> = {
  'verdicts/own-list-active.json': { credlens: 'warning', why: CORE_OFFLINE },
  'verdicts/foreign-list-active.json': { credlens: 'warning', why: FOREIGN_ACTIVE },
  'verdicts/other-list-revoked.json': { credlens: 'warning', why: OTHER_LIST },
  'verdicts/rl2020-own-list-active.json': { credlens: 'warning', why: RL2020 },
  'w3c-ccg-vc-ed/plugfest-1-2022__plugfest-1-ex-1.json': { credlens: 'warning', why: NO_ID },
  'w3c-ccg-vc-ed/plugfest-1-2022__plugfest-1-ex-2.json': { credlens: 'warning', why: NO_ID },
  'w3c-ccg-vc-ed/plugfest-3-2023__signed_badge_example-p3.json': { credlens: 'warning', why: ED25519_2018 },
};
