import { html, nothing } from 'lit';
import { formatDateTime, valueText } from '../../components/format.js';
import { formatName, messages, type Lang } from '../../components/i18n/index.js';
import type { Check, CredentialSummary, PlannedCheck, VerificationReport, VerificationState } from '../../lib/index.js';
import { reportCard } from '../report-card.js';

export interface ResultView {
  lang: Lang;
  theme: string | undefined;
  state: VerificationState;
  compact: boolean;
  expanded: boolean;
  /** The finished report, or what is known while the checks run. */
  report: VerificationReport | undefined;
  preview: CredentialSummary | undefined;
  planned: PlannedCheck[];
  checks: Array<Check | undefined>;
  onToggle: () => void;
}

/** One credential's result: the verdict line (with *Show details* when compact), the card and every check. */
export function resultTemplate({ lang, theme, state, compact, expanded, report, preview, planned, checks, onToggle }: ResultView) {
  const t = messages(lang);
  const credential = report?.credential ?? preview;
  const title = valueText(credential?.title) || valueText(credential?.achievement?.name);
  const showDetails = !compact || expanded;
  return html`<div part="summary" class="summary">
      <credlens-verdict-badge
        part="badge"
        exportparts="label: badge-label, icon: badge-icon"
        state=${state}
        lang=${lang}
        theme=${theme ?? nothing}
        ?detailed=${!compact}
      ></credlens-verdict-badge>
      ${compact && title ? html`<span class="title">${title}</span>` : nothing}
      ${compact
        ? html`<button part="toggle button" class="toggle" type="button" aria-expanded=${expanded ? 'true' : 'false'} aria-controls="details" @click=${onToggle}>
            ${expanded ? t.ui.hideDetails : t.ui.showDetails}
          </button>`
        : nothing}
    </div>
    <div part="details" id="details" class="details ${credential || report?.presentation ? 'two' : ''}" ?hidden=${!showDetails}>
      ${report?.presentation ? html`<credlens-presentation-view class="panel" lang=${lang} theme=${theme ?? nothing} .presentation=${report.presentation}></credlens-presentation-view>` : nothing}
      ${reportCard(lang, theme, credential, report, state === 'invalid')}
      <div>
        <credlens-check-list lang=${lang} theme=${theme ?? nothing} .planned=${planned} .checks=${checks}></credlens-check-list>
        ${report
          ? html`<p class="meta" data-format=${report.format}>
              ${t.ui.format}: ${report.format === 'unknown' ? '—' : formatName(report.format, lang)} · ${t.ui.checkedAt}: ${formatDateTime(report.verifiedAt, lang)}
            </p>`
          : nothing}
      </div>
    </div>`;
}

/** What the live region says when a verification finishes: the verdict, the title, what the verdict means. */
export function announcementFor(report: VerificationReport, lang: Lang): string {
  const words = messages(lang).verdict[report.verdict];
  const title = valueText(report.credential?.title) || valueText(report.credential?.achievement?.name);
  return [words.label, title, words.description].filter(Boolean).join('. ');
}
