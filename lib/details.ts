/**
 * Typed `details` per check code: the machine-readable facts behind a check's message, so a UI or
 * a server reads them by narrowing on `check.code` instead of parsing English. Codes listed in
 * `CheckDetailsByCode` carry exactly that shape; the others carry `UntypedDetails` (documented in
 * docs/errors.md as not yet typed) or none. A value of a typed shape never changes meaning; fields
 * may be added.
 */
import type { IoFailure } from './errors.js';
import type { CheckCode } from './codes/index.js';
import type { PartySummary, Verdict, VerificationReport } from './report.js';
import type { TrustSourceOutcome, TrustTier } from './trust/types.js';

export type { IoFailure };

/** Details of a check that failed because of a read through the network seam. */
export type IoFailureDetails = {
  io: IoFailure;
};

export type InputReadDetails = {
  /** What the input was sniffed as: `json`, `jws`, `sd-jwt`, `png`, `svg`, `qr`, `url`... */
  kind: string;
  /** How it was unwrapped, outermost first (a link, a baked image, a QR code...). */
  path?: string[];
  /** The media type of the VC 2.0 envelope (a `data:` URL) the credential or presentation came in. */
  envelope?: string;
};

export type InputUrlDetails = {
  url: string;
};

/** A DID or key resolution that failed: the DID Resolution error (did-resolver's vocabulary). */
export type KeyResolutionDetails = {
  did: string;
  /** `invalidDid`, `notFound`, `unsupportedDidMethod`, `invalidDidDocument`, `networkError`, `blocked`... */
  error: string;
  /** Set when the resolution failed on a read through the network seam. */
  io?: IoFailure;
};

export type KeyValidDetails = {
  keyId?: string;
  type?: string;
  controller?: string;
};

export type TrustDetails = {
  tier: TrustTier;
  consulted: TrustSourceOutcome[];
  /** The list or registry that decided the tier. */
  list?: string;
  matchedBy?: string;
  /** Sources ranked above the deciding one that could not be consulted. */
  unavailable?: string[];
};

export type NestedReportSummary = {
  verdict: Verdict;
  issuer?: PartySummary;
  id?: string;
  checks: VerificationReport['checks'];
};

export type EndorsementsDetails = {
  endorsements: NestedReportSummary[];
};

export type RefreshDetails = {
  service: string;
  report?: VerificationReport;
  io?: IoFailure;
};

export type ValidityDetails = {
  asOf?: string;
  clockSkewSeconds?: number;
  validFrom?: string;
  validUntil?: string;
  /** The member the failing date came from (`validUntil`, `exp`...). */
  field?: string;
};

export type MicrocredentialDetails = {
  missing: string[];
};

export type PdfPageDetails = {
  page: number;
};

export type PdfPagesCappedDetails = {
  pages: number;
  searched: number;
};

export type ProofAlgDetails = {
  alg: unknown;
};

export type DisclosureIndexDetails = {
  index: number;
};

/** The shape of `details` for each check code that has typed details. */
export interface CheckDetailsByCode {
  INPUT_READ: InputReadDetails;
  INPUT_FETCH_FAILED: IoFailureDetails;
  INPUT_URL_BLOCKED: IoFailureDetails;
  INPUT_TOO_LARGE: Partial<IoFailureDetails>;
  INPUT_NOT_A_CREDENTIAL: InputUrlDetails;
  KEY_FETCH_BLOCKED: IoFailureDetails;
  KEY_VALID: KeyValidDetails;
  KEY_DID_INVALID: KeyResolutionDetails;
  KEY_DID_METHOD_UNSUPPORTED: KeyResolutionDetails;
  KEY_DID_UNRESOLVABLE: KeyResolutionDetails;
  TRUST_LISTED: TrustDetails;
  TRUST_KNOWN: TrustDetails;
  TRUST_UNKNOWN: TrustDetails;
  TRUST_UNTRUSTED: TrustDetails;
  TRUST_LIST_UNAVAILABLE: TrustDetails;
  ENDORSEMENTS_VALID: EndorsementsDetails;
  ENDORSEMENTS_TOO_MANY: EndorsementsDetails;
  ENDORSEMENT_INVALID: EndorsementsDetails;
  REFRESH_CURRENT: RefreshDetails;
  REFRESH_FAILED: RefreshDetails;
  VALIDITY_OK: ValidityDetails;
  VALIDITY_EXPIRED: ValidityDetails;
  VALIDITY_NOT_YET_VALID: ValidityDetails;
  VALIDITY_DATE_MALFORMED: ValidityDetails;
  MICROCREDENTIAL_COMPLETE: MicrocredentialDetails;
  MICROCREDENTIAL_INCOMPLETE: MicrocredentialDetails;
  PDF_PAGE_NOT_SCANNED: PdfPageDetails;
  PDF_PAGES_CAPPED: PdfPagesCappedDetails;
  PROOF_ALG_FORBIDDEN: ProofAlgDetails;
  PROOF_ALG_UNSUPPORTED: ProofAlgDetails;
  PROOF_ALG_KEY_MISMATCH: ProofAlgDetails;
  SD_DISCLOSURE_INVALID: DisclosureIndexDetails;
  SD_DIGEST_DUPLICATE: DisclosureIndexDetails;
}

/** Details of a code not (yet) typed in `CheckDetailsByCode`: facts for people and logs, no promise of shape. */
export type UntypedDetails = { readonly [key: string]: unknown };

/**
 * The details of code `C`: its typed shape where `CheckDetailsByCode` lists one. Every shape is
 * also readable as `UntypedDetails`, so code that has not narrowed on `check.code` can still look
 * a fact up (as `unknown`).
 */
export type CheckDetails<C extends CheckCode = CheckCode> = (C extends keyof CheckDetailsByCode ? CheckDetailsByCode[C] : unknown) & UntypedDetails;

/** The I/O failure behind a check, whichever check recorded it (`details.io`). */
export function ioFailureOf(check: { details?: unknown }): IoFailure | undefined {
  const details = check.details;
  if (typeof details !== 'object' || details === null) return undefined;
  const io = (details as { io?: unknown }).io;
  if (typeof io !== 'object' || io === null) return undefined;
  const { code, url } = io as { code?: unknown; url?: unknown };
  return typeof code === 'string' && code.startsWith('IO_') && typeof url === 'string' ? (io as IoFailure) : undefined;
}
