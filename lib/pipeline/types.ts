import type { Io } from '../io/types.js';
import type { Sniffed } from '../input/sniff.js';
import type { Check, CheckId, CredentialSummary, FormatId, MicrocredentialProfile, PlannedCheck, PresentationReport, VerificationReport } from '../report.js';
import type { IssuerCertificates, TrustList } from '../trust/types.js';

/** Progress: first the whole plan (so a UI can draw every check at once), then each result. */
export type VerifyProgress =
  | { type: 'plan'; format: FormatId; checks: PlannedCheck[]; credential?: CredentialSummary }
  | { type: 'check'; index: number; check: Check };

export interface KeyBindingExpectation {
  /** The audience (`aud`) the holder's key-binding JWT must name. */
  audience?: string;
  /** The nonce the key-binding JWT must carry. */
  nonce?: string;
}

export interface PresentationBinding {
  challenge?: string;
  domain?: string;
}

/** Everything a step may use. Built once per `verify()` call; nothing reaches for globals. */
export interface VerifyContext {
  io: Io;
  /** The instant the credential is verified as of. */
  now: Date;
  clockSkewSeconds: number;
  trustLists: readonly TrustList[];
  profile: 'eu-microcredential' | undefined;
  /** `email:ADDRESS`, `did:…`, or a URL: who the credential should belong to. */
  recipient: string | undefined;
  keyBinding: KeyBindingExpectation | undefined;
  /** The challenge and domain a presentation must answer (the caller's; absent: not checked). */
  presentationBinding?: PresentationBinding;
  /** Base URL of the EBSI APIs (DID registry, trusted issuers registry). */
  ebsiApiBase: string;
  signal: AbortSignal | undefined;
  /** The URL the credential was read from, when it came from the network. */
  retrievedFrom: string | undefined;
  /** 0 for the credential given; 1 for an endorsement or refreshed copy of it, and so on. */
  depth: number;
  /** Verifies another credential met inside this one (an endorsement, a refreshed copy, a status list). */
  verifyNested(input: unknown, overrides?: { retrievedFrom?: string }): Promise<VerificationReport>;
}

/** One check of a plan. Steps never throw for bad input: they return a check. */
export interface Step {
  id: CheckId;
  /** Decides authenticity (proof, key, seal integrity): unless it passes, later `needsAuthenticity` steps are skipped. */
  gate?: boolean;
  needsAuthenticity?: boolean;
  run(): Promise<Check>;
}

/** What a format handler makes of a credential before verifying it. */
export interface CredentialPlan {
  /** The normalised summary; steps may complete it (an SD-JWT's disclosed claims). */
  credential?: CredentialSummary;
  microcredential?: MicrocredentialProfile;
  /**
   * The credential as a JSON document (a JWT's `vc` claim or payload, an SD-JWT's disclosed claims,
   * an ELM payload): what the EU micro-credential mapping reads when `microcredential` is not set.
   */
  document?: Record<string, unknown>;
  /**
   * The X.509 chain that authenticated the issuer (an eSeal, an x5c whose key verified the proof),
   * asked for by the trust step after the steps ran; a list whose anchor it reaches vouches.
   */
  issuerCertificates?: () => Promise<IssuerCertificates | undefined>;
  steps: Step[];
  /**
   * Presentations: the holder and the nested credential reports, read after the steps ran. A plan
   * with it is a container: no issuer trust or EU profile step is added for it.
   */
  presentation?: () => Promise<PresentationReport>;
}

/** The sniffed input with what classification already decoded. */
export interface Classified {
  format: FormatId;
  sniffed: Sniffed;
  /** Compact or JSON JWS: the decoded protected header of the (first) signature. */
  header?: Record<string, unknown>;
  /** Compact JWS or SD-JWT: the decoded payload when it is JSON; JSON input: the value. */
  payload?: unknown;
}

export interface FormatHandler {
  readonly format: FormatId;
  plan(input: Classified, ctx: VerifyContext): Promise<CredentialPlan>;
}
