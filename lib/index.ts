/** Credlens core: verify learning credentials. Pure TypeScript on Web APIs; runs in browsers, workers and Node. */
export { verify, DEFAULT_EBSI_API_BASE, type VerifyOptions } from './verify.js';
export { verifyAll, type VerifyAllOptions, type LocatedReport, type CredentialLocation } from './verify-all.js';
export type { VerifyInput } from './input/sniff.js';
export type { VerifyProgress, KeyBindingExpectation } from './pipeline/types.js';
export {
  deriveVerdict,
  worstVerdict,
  MICROCREDENTIAL_ELEMENTS,
  type Check,
  type CheckId,
  type CheckStatus,
  type CredentialSummary,
  type FormatId,
  type MicrocredentialElement,
  type MicrocredentialProfile,
  type PartySummary,
  type PlannedCheck,
  type PresentationReport,
  type PresentedCredential,
  type Verdict,
  type VerificationReport,
  type VerificationState,
  type CheckOf,
  type CheckFor,
} from './report.js';
export {
  ioFailureOf,
  type CheckDetails,
  type CheckDetailsByCode,
  type UntypedDetails,
  type IoFailure,
  type IoFailureDetails,
  type InputReadDetails,
  type InputUrlDetails,
  type KeyResolutionDetails,
  type KeyValidDetails,
  type TrustDetails,
  type NestedReportSummary,
  type EndorsementsDetails,
  type RefreshDetails,
  type ValidityDetails,
  type MicrocredentialDetails,
  type PdfPageDetails,
  type PdfPagesCappedDetails,
  type ProofAlgDetails,
  type DisclosureIndexDetails,
} from './details.js';
export { CODES, type CheckCode, type CodeEffect, type CodeInfo } from './codes/index.js';
export { CredlensError, UsageError, IoError, InputError, type ErrorCode, type IoErrorCode } from './errors.js';
export { MemoryCache, memoryBundle, chainBundles, type FetchLike, type NetworkPolicy, type ResourceBundle, type ResourceCache } from './io/index.js';
export type { TrustList, TrustedIssuer, TrustTier, TrustRegistry, TrustSourceOutcome } from './trust/types.js';
export { parseTrustList, loadTrustList, TrustListError } from './trust/list.js';
export { LIMITS } from './limits.js';
export {
  parseTrainingRegistry,
  TrainingRegistryError,
  TRAINING_REGISTRY_FORMAT,
  summariseLearning,
  type TrainingRegistry,
  type RegistryEntry,
  type RegistryFinding,
  type LearningSummary,
  type QualificationGroup,
} from './training-registry/index.js';
