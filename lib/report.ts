import { CODES, type CheckCode, type CodeEffect, type CodeInfo } from './codes/index.js';
import type { CheckDetails, UntypedDetails } from './details.js';
import type { RegistryFinding } from './training-registry/types.js';
export { ioFailureOf } from './details.js';

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip';
export type Verdict = 'verified' | 'warning' | 'invalid' | 'unverifiable';
/** The state a UI shows: a verdict, or `pending` while verification runs. */
export type VerificationState = Verdict | 'pending';

export type FormatId =
  | 'vc-di'
  | 'vc-jwt'
  | 'vc-jose'
  | 'sd-jwt-vc'
  | 'ob2-hosted'
  | 'ob2-signed'
  | 'edc'
  | 'ebsi-jwt'
  | 'vp'
  | 'vp-jwt'
  | 'unknown';

/** Stable check ids; the UI keys its labels on them. Formats may add ids of their own. */
export type CheckId =
  | 'input'
  | 'format'
  | 'proof'
  | 'issuer-key'
  | 'disclosures'
  | 'key-binding'
  | 'validity'
  | 'status'
  | 'schema'
  | 'recipient'
  | 'refresh'
  | 'endorsements'
  | 'hosted-origin'
  | 'seal-integrity'
  | 'seal-certificate'
  | 'seal-qualified'
  | 'seal-identity'
  | 'seal-revocation'
  | 'seal-timestamp'
  | 'trust'
  | 'registry'
  | 'microcredential'
  | (string & {});

/** One check with code `C`: its `details` have the shape `CheckDetails<C>` (lib/details.ts). */
export interface CheckOf<C extends CheckCode> {
  id: CheckId;
  status: CheckStatus;
  code: C;
  message: string;
  /** Machine-readable facts behind the message (which key, which list, nested endorsement reports...). */
  details?: CheckDetails<C>;
}

/** A check of any code: narrowing on `code` gives its typed `details`. */
export type Check = { [C in CheckCode]: CheckOf<C> }[CheckCode];

/** `CheckOf` spread over a union of codes (a check whose code is only known to be one of several). */
export type CheckFor<C extends CheckCode> = C extends CheckCode ? CheckOf<C> : never;

/** A check announced in the plan, before it has run. */
export interface PlannedCheck {
  id: CheckId;
}

export interface PartySummary {
  id?: string;
  name?: string;
  country?: string;
  url?: string;
  /** Legal identifier (eIDAS, VAT, registration number) where the credential states one. */
  legalIdentifier?: string;
  image?: string;
  email?: string;
}

export interface CredentialSummary {
  id?: string;
  types: string[];
  title?: string;
  description?: string;
  image?: string;
  issuer?: PartySummary;
  subject?: PartySummary;
  issued?: string;
  validFrom?: string;
  validUntil?: string;
  /** Achievement (OB 3.0, CLR), badge class (OB 2.0) or learning achievement (ELM). */
  achievement?: {
    id?: string;
    name?: string;
    description?: string;
    criteria?: string;
    image?: string;
    type?: string;
  };
  learningOutcomes?: string[];
  /** Claims an SD-JWT VC holder disclosed (only those), or other format-specific visible claims. */
  claims?: Record<string, unknown>;
  evidence?: Array<{ id?: string; name?: string; description?: string }>;
}

export type MicrocredentialElement =
  | 'learner'
  | 'title'
  | 'issuerCountry'
  | 'awardingBody'
  | 'issued'
  | 'learningOutcomes'
  | 'workload'
  | 'level'
  | 'assessment'
  | 'participation'
  | 'qualityAssurance';

export const MICROCREDENTIAL_ELEMENTS: readonly MicrocredentialElement[] = [
  'learner',
  'title',
  'issuerCountry',
  'awardingBody',
  'issued',
  'learningOutcomes',
  'workload',
  'level',
  'assessment',
  'participation',
  'qualityAssurance',
];

export interface MicrocredentialElementValue {
  present: boolean;
  value: unknown;
  /** Where in the credential the value came from (a JSON path or claim name). */
  source?: string;
}

export interface MicrocredentialProfile {
  complete: boolean;
  elements: Record<MicrocredentialElement, MicrocredentialElementValue>;
  missing: MicrocredentialElement[];
  /** True when the credential presents itself as a micro-credential (EDC profile, OB achievementType...). */
  claimsMicrocredential?: boolean;
}

export interface VerificationReport {
  verdict: Verdict;
  format: FormatId;
  checks: Check[];
  credential?: CredentialSummary;
  microcredential?: MicrocredentialProfile;
  /** Formats `vp` and `vp-jwt` only: the holder and every credential's own report (docs/presentations.md). */
  presentation?: PresentationReport;
  /** What the `registry` check found in the training registries the caller configured (docs/registries.md). */
  registry?: RegistryFinding;
  verifiedAt: string;
}

/** What a Verifiable Presentation is: who presents it, how it is secured, and what it carries. */
export interface PresentationReport {
  id?: string;
  types: string[];
  /** The holder the presentation names (`holder`, or a VP-JWT's `iss`). */
  holder?: string;
  /** How the holder secured it: an embedded Data Integrity proof, a JWS (VP-JWT / VC-JOSE), or nothing (a container). */
  securedBy: 'data-integrity' | 'jose' | 'none';
  /** Outcome of the holder's proof: `valid` only when the key is the holder's authentication key and the signature verifies. */
  proof: 'valid' | 'invalid' | 'unverifiable' | 'none';
  /** The challenge (`nonce`) and domain (`aud`) the signed presentation carries. */
  challenge?: string;
  domain?: string[];
  credentials: PresentedCredential[];
}

export interface PresentedCredential {
  /** Position in the presentation's `verifiableCredential`. */
  index: number;
  /** The media type of an `EnvelopedVerifiableCredential`'s data: URL, when the entry was one. */
  envelope?: string;
  /** Whether the credential's subject is the holder; absent when either is not stated. */
  subjectIsHolder?: boolean;
  report: VerificationReport;
}

export function statusForEffect(effect: CodeEffect): CheckStatus {
  switch (effect) {
    case 'pass':
      return 'pass';
    case 'fail':
      return 'fail';
    case 'skip':
      return 'skip';
    case 'warning':
    case 'unverifiable':
      return 'warn';
  }
}

/** Builds a check whose status follows from its code, so status and code can never disagree. */
export function check<C extends CheckCode>(id: CheckId, code: C, message: string, details?: CheckDetails<C>): CheckFor<C> {
  const result: CheckOf<C> = { id, status: statusForEffect(CODES[code].effect), code, message };
  if (details !== undefined) result.details = details;
  return result as CheckFor<C>;
}

/**
 * The same check with more facts in its details (several proofs, several status entries): fields
 * of the code's typed shape keep their meaning, the added ones are extra.
 */
export function withDetails(c: Check, extra: UntypedDetails | undefined): Check {
  return extra ? ({ ...c, details: { ...c.details, ...extra } } as Check) : c;
}

/** From best to worst: what a set of reports (a PDF, a presentation, a page) is judged by. */
const VERDICT_RANK: Readonly<Record<Verdict, number>> = { verified: 0, warning: 1, unverifiable: 2, invalid: 3 };

/** The worst of several verdicts (invalid > unverifiable > warning > verified); none is `verified`. */
export function worstVerdict(verdicts: Iterable<Verdict>): Verdict {
  let worst: Verdict = 'verified';
  for (const v of verdicts) if (VERDICT_RANK[v] > VERDICT_RANK[worst]) worst = v;
  return worst;
}

/**
 * The verdict, derived here and only here (docs/report.md):
 * a failed check → invalid; else a check that could not decide authenticity → unverifiable;
 * else no passed authenticity check (proof, OB 2.0 hosted origin) → unverifiable;
 * else any warning → warning; else verified.
 */
export function deriveVerdict(checks: readonly Check[]): Verdict {
  const effects = checks.map((c) => CODES[c.code].effect);
  if (effects.includes('fail')) return 'invalid';
  if (effects.includes('unverifiable')) return 'unverifiable';
  const authentic = checks.some((c) => c.status === 'pass' && (CODES[c.code] as CodeInfo).authentic === true);
  if (!authentic) return 'unverifiable';
  if (effects.includes('warning')) return 'warning';
  return 'verified';
}
