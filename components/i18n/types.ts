import type { CheckCode } from '../../lib/index.js';
import type { CheckStatus, CredentialLocation, FormatId, MicrocredentialElement, TrustTier, VerificationState } from '../../lib/index.js';

/** Every string the components and the widget show, for one language. */
export interface Messages {
  /** The verdict (or `pending`) as a short label and one sentence saying what it means. */
  verdict: Record<VerificationState, { label: string; description: string }>;
  /** Check titles, keyed by check id; ids not listed are shown humanised. */
  checks: Record<string, string>;
  status: Record<CheckStatus | 'pending', string>;
  tier: Record<TrustTier, string>;
  /** What each credential format is called. */
  formats: Record<FormatId, string>;
  elements: Record<MicrocredentialElement, string>;
  ui: {
    checksHeading: string;
    issuer: string;
    learner: string;
    issued: string;
    validFrom: string;
    validUntil: string;
    format: string;
    checkedAt: string;
    learningOutcomes: string;
    euHeading: string;
    euComplete: string;
    euMissing: string;
    euInformational: string;
    element: string;
    present: string;
    absent: string;
    value: string;
    country: string;
    untitled: string;
    attachLabel: string;
    dropHint: string;
    chooseFile: string;
    pasteLabel: string;
    pastePlaceholder: string;
    verifyButton: string;
    remove: string;
    attached: string;
    showDetails: string;
    hideDetails: string;
    corsHint: string;
    proxyHint: string;
    requiredMessage: string;
    invalidMessage: string;
    readError: string;
    credentialImage: string;
    issuerImage: string;
    unconfirmed: string;
    progress: string;
  };
  /** The widget's PDF upload: the credentials found in a document the learner dropped. */
  pdf: {
    scanning: string;
    foundOne: string;
    foundMany: string;
    none: string;
    listLabel: string;
    chosen: string;
    notAttachable: string;
    page: string;
    where: Record<CredentialLocation['kind'], string>;
    qrNotRead: string;
    requiredMessage: string;
  };
  /** A Verifiable Presentation: its holder and the credentials it carries (components/presentation-view.ts). */
  presentation: {
    heading: string;
    holder: string;
    noHolder: string;
    proof: Record<'valid' | 'invalid' | 'unverifiable' | 'none', string>;
    challenge: string;
    domain: string;
    credentials: string;
    none: string;
    aboutHolder: string;
    aboutOther: string;
    enveloped: string;
    details: string;
  };
  /** A training-registry finding: is the training listed, eligible for learning-account funding (components/registry-view.ts, docs/registries.md). */
  registry: {
    heading: string;
    outcome: Record<'listed' | 'lapsed' | 'not-listed', string>;
    registry: string;
    code: string;
    block: string;
    level: string;
    workload: string;
    eligible: string;
    yes: string;
    no: string;
    /** Used when the registry names no funding scheme. */
    learningAccount: string;
    registration: string;
    period: string;
    since: string;
    until: string;
    provider: string;
    providerYes: string;
    providerNo: string;
    lapsedNote: string;
    claimed: string;
    notListedClaimed: string;
    notListed: string;
    information: string;
  };
}

export type Lang = 'en' | 'de' | 'fr' | 'es' | 'it' | 'pl';

/**
 * The plain-language meaning of each check code in one language (English lives in the code
 * registry, `CODES[code].summary`). A misspelt code is a type error; a missing one fails
 * test/unit/components/code-messages.test.ts, which lists what is missing.
 */
export type CodeMessages = Partial<Record<CheckCode, string>>;
