import { css, html, nothing } from 'lit';
import { valueText } from '../../components/format.js';
import { codeSummary, fill, formatName, messages, type Lang } from '../../components/i18n/index.js';
import type { PdfListing } from '../controllers/pdf-listing.js';
import type { FoundCredential, PdfScanResult } from '../pdf.js';
import { reportCard } from '../report-card.js';

export interface PdfListView {
  lang: Lang;
  theme: string | undefined;
  disabled: boolean;
  listing: PdfListing;
  onChoose: (index: number, chosen: boolean) => void;
  onToggle: (index: number) => void;
}

/**
 * The credentials found in a PDF, each with its verdict, where it was found, a tick box and its
 * details. Loaded with the PDF module (widget/pdf.ts), only when a learner drops a PDF.
 */
export function pdfListTemplate(view: PdfListView, result: PdfScanResult) {
  const { lang, listing } = view;
  const t = messages(lang);
  const { found, notices } = result;
  const count = found.length;
  const summary = fill(count === 0 ? t.pdf.none : count === 1 ? t.pdf.foundOne : t.pdf.foundMany, { name: listing.name, count: String(count) });
  const chosen = listing.chosen.filter(Boolean).length;
  // "Nothing found" is already the summary; other document findings (a page not searched, encrypted) are told.
  const shownNotices = notices.filter((c) => c.code !== 'PDF_NO_CREDENTIAL' || count > 0);
  return html`<div class="pdf">
    <p class="pdf-summary" id="pdf-summary">${summary}</p>
    ${count
      ? html`<ul class="found" aria-label=${fill(t.pdf.listLabel, { name: listing.name })}>
            ${found.map((f, i) => foundTemplate(view, f, i))}
          </ul>
          <p class="meta" aria-live="polite">${fill(t.pdf.chosen, { count: String(chosen), total: String(count) })}</p>`
      : nothing}
    ${shownNotices.map((c) => html`<p part="notice" class="notice">${c.message}</p>`)}
    <p class="meta">${t.pdf.qrNotRead}</p>
  </div>`;
}

function foundTemplate({ lang, theme, disabled, listing, onChoose, onToggle }: PdfListView, found: FoundCredential, index: number) {
  const t = messages(lang);
  const { report, location } = found;
  const title = valueText(report.credential?.title) || valueText(report.credential?.achievement?.name) || (report.format !== 'unknown' ? formatName(report.format, lang) : '') || t.ui.untitled;
  const where = [location.page ? fill(t.pdf.page, { page: String(location.page) }) : '', t.pdf.where[location.kind], location.name ?? location.url ?? ''].filter(Boolean).join(' · ');
  const attachable = report.verdict !== 'invalid';
  // Why, in the learner's words: the first check that failed.
  const failure = attachable ? undefined : report.checks.find((c) => c.status === 'fail');
  const id = `found-${index}`;
  const expanded = listing.expanded[index] === true;
  const ticked = listing.chosen[index] === true;
  return html`<li class="found-item ${ticked ? 'chosen' : ''}" data-verdict=${report.verdict} data-kind=${location.kind}>
    <div class="found-row">
      <input
        type="checkbox"
        id=${id}
        .checked=${ticked}
        ?disabled=${!attachable || disabled}
        aria-describedby=${attachable ? `${id}-where` : `${id}-where ${id}-note`}
        @change=${(e: Event) => onChoose(index, (e.target as HTMLInputElement).checked)}
      />
      <label class="found-label" for=${id}>
        <credlens-verdict-badge state=${report.verdict} lang=${lang} theme=${theme ?? nothing}></credlens-verdict-badge>
        <span class="found-title">${title}</span>
        <span class="found-where" id="${id}-where">${where}</span>
      </label>
      <button part="toggle button" class="toggle" type="button" aria-expanded=${expanded ? 'true' : 'false'} aria-controls="${id}-details" @click=${() => onToggle(index)}>
        ${expanded ? t.ui.hideDetails : t.ui.showDetails}
      </button>
    </div>
    ${attachable ? nothing : html`<p class="found-note" id="${id}-note">${t.pdf.notAttachable} ${failure ? codeSummary(failure.code, lang) : ''}</p>`}
    <div class="found-details" id="${id}-details" ?hidden=${!expanded}>
      ${expanded
        ? html`${reportCard(lang, theme, report.credential, report, report.verdict === 'invalid')}
            <credlens-check-list lang=${lang} theme=${theme ?? nothing} .planned=${report.checks.map((c) => ({ id: c.id }))} .checks=${report.checks}></credlens-check-list>`
        : nothing}
    </div>
  </li>`;
}

/** The list's own styles, adopted beside the element's (widget/credlens-verifier.styles.ts) when the list loads. */
export const pdfListStyles = css`
  .found {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5em;
  }
  .found-item {
    border: 1px solid var(--_border-color);
    border-radius: var(--_radius);
    padding: 0.6em 0.75em;
    display: grid;
    gap: 0.5em;
    background: var(--_background);
  }
  .found-item.chosen {
    border-color: var(--_accent-color);
    box-shadow: inset 4px 0 0 var(--_accent-color);
  }
  .found-row {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: start;
    gap: 0.4em 0.75em;
  }
  @container (max-width: 480px) {
    .found-row {
      grid-template-columns: auto minmax(0, 1fr);
    }
    .found-row .toggle {
      grid-column: 2;
      justify-self: start;
    }
  }
  .found-row input[type='checkbox'] {
    width: 1.25em;
    height: 1.25em;
    margin: 0.3em 0 0;
    accent-color: var(--_accent-color);
    flex: none;
  }
  .found-row input[type='checkbox']:focus-visible {
    outline: 3px solid var(--_focus-ring);
    outline-offset: 2px;
  }
  .found-label {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.3em 0.6em;
    min-width: 0;
    font-size: 1em;
    font-weight: 400;
    cursor: pointer;
  }
  .found-title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .found-where {
    flex-basis: 100%;
    color: var(--_muted-color);
    font-size: 0.85em;
    overflow-wrap: anywhere;
  }
  .found-note {
    margin: 0;
    /* under the label, not under the checkbox */
    padding-inline-start: 2em;
    font-size: 0.88em;
    color: var(--_color);
  }
  .found-details {
    display: grid;
    gap: 0.8em;
  }
`;
