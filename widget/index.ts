/**
 * The embeddable verifier: one script tag defines `<credlens-verifier>` and the components it uses.
 * Importing this module twice (two copies on one page) is harmless: registration is guarded.
 */
export { CredlensVerifier, type WidgetVerifyOptions } from './credlens-verifier.js';
export { CredlensChangeEvent, CredlensVerifiedEvent, type CredlensChangeDetail } from './events.js';
export { proxiedFetch } from './proxy.js';
export { CredlensVerdictBadge, CredlensCheckList, CredlensCredentialCard } from '../components/index.js';
export type { VerificationReport, Check, Verdict, VerificationState } from '../lib/index.js';
