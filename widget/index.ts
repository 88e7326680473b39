/**
 * The embeddable verifier: one script tag defines `<credlens-verifier>` and the components it uses.
 * Importing this module twice (two copies on one page) is harmless: registration is guarded.
 */
export { CredlensVerifier, type WidgetVerifyOptions } from './credlens-verifier.js';
export { CredlensChangeEvent, CredlensVerifiedEvent, type CredlensChangeDetail } from './events.js';
export { proxiedFetch } from './proxy.js';
// From each file, not components/index.ts: that also names the views this module loads only when needed.
export { CredlensVerdictBadge } from '../components/verdict-badge.js';
export { CredlensCheckList } from '../components/check-list.js';
export { CredlensCredentialCard } from '../components/credential-card.js';
export type { VerificationReport, Check, Verdict, VerificationState } from '../lib/index.js';
