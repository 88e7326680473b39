import { html, nothing } from 'lit';
import { trustTierOf } from '../components/report-facts.js';
import { messages, type Lang } from '../components/i18n/index.js';
import type { CredentialSummary, VerificationReport } from '../lib/index.js';

/**
 * The credential card of one report, written once: the single result and each credential found in
 * a PDF use it. A component that shows more of a report (a presentation's holder) is mounted here.
 */
export function reportCard(lang: Lang, theme: string | undefined, credential: CredentialSummary | undefined, report: VerificationReport | undefined, invalid: boolean) {
  if (!credential && !report?.microcredential) return nothing;
  return html`<div>${invalid ? html`<p part="notice" class="notice">${messages(lang).ui.unconfirmed}</p>` : nothing}<credlens-credential-card
    class="panel"
    lang=${lang}
    theme=${theme ?? nothing}
    .credential=${credential}
    .microcredential=${report?.microcredential}
    .trustTier=${trustTierOf(report)}
    .registry=${report?.registry}
  ></credlens-credential-card></div>`;
}
