import { css, html, nothing, type PropertyDeclarations } from 'lit';
import type { PresentationReport, PresentedCredential } from '../lib/index.js';
import './check-list.js';
import './credential-card.js';
import { define } from './define.js';
import { LocalizedElement } from './localized-element.js';
import { shortenTokens, valueText } from './format.js';
import { fill, messages, type Lang } from './i18n/index.js';
import { trustTierOf } from './report-facts.js';
import { tokens } from './theme.js';
import './verdict-badge.js';

/**
 * A Verifiable Presentation as a person reads it: who presents it (the holder, and whether the
 * holder's signature holds), then each credential it carries with its own verdict, whether it is
 * about the holder, and, on demand, its card and checks. It renders a report; it never verifies.
 * Everything from the presentation is shown as text.
 *
 * @tag credlens-presentation-view
 * @attr theme - `light | dark`; default follows `prefers-color-scheme`
 * @csspart base - the whole view
 * @csspart holder - the holder section
 * @csspart credentials - the list of credentials
 * @csspart credential - one credential of the list
 */
export class CredlensPresentationView extends LocalizedElement {
  static override properties: PropertyDeclarations = {
    presentation: { attribute: false },
    lang: {},
    theme: { reflect: true },
  };

  declare presentation: PresentationReport | undefined;
  declare theme: string | undefined;

  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      .base {
        display: grid;
        gap: 0.75em;
      }
      h3 {
        margin: 0;
        font-size: 1.05em;
        font-weight: 700;
      }
      .holder {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.3em 0.9em;
        margin: 0;
        font-size: 0.92em;
      }
      dt {
        color: var(--_muted-color);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .mono {
        font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
        font-size: 0.92em;
      }
      .proof {
        display: inline-block;
        margin-top: 0.2em;
        padding: 0 0.45em;
        border-radius: 999px;
        border: 1px solid currentColor;
        font-size: 0.88em;
        font-weight: 600;
      }
      .proof-valid { color: var(--_verified-color); background: var(--_verified-background); }
      .proof-invalid { color: var(--_invalid-color); background: var(--_invalid-background); }
      .proof-unverifiable { color: var(--_unverifiable-color); background: var(--_unverifiable-background); }
      .proof-none { color: var(--_muted-color); }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5em;
      }
      li {
        border: 1px solid var(--_border-color);
        border-radius: var(--_radius);
        padding: 0.6em 0.75em;
      }
      /* The badge beside the text when there is room; above it on a phone, so the title keeps the full width. */
      details > summary {
        cursor: pointer;
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 0.35em 0.6em;
        align-items: flex-start;
      }
      /* Says the row opens (the native marker is hidden for the layout). */
      .more {
        margin-left: auto;
        color: var(--_muted-color);
        font-size: 0.9em;
        white-space: nowrap;
      }
      .more::before {
        content: '▸ ';
      }
      details[open] .more::before {
        content: '▾ ';
      }
      details[open] .show,
      details:not([open]) .hide {
        display: none;
      }
      .text {
        flex: 1 1 14em;
        min-width: 0;
        display: grid;
        gap: 0.15em;
      }
      details > summary::-webkit-details-marker {
        display: none;
      }
      summary:focus-visible {
        outline: 2px solid var(--_focus-ring);
        outline-offset: 2px;
      }
      .title {
        font-weight: 650;
        overflow-wrap: anywhere;
      }
      .sub {
        color: var(--_muted-color);
        font-size: 0.88em;
        overflow-wrap: anywhere;
      }
      .other {
        color: var(--_warning-color);
      }
      .inner {
        display: grid;
        gap: 0.75em;
        margin-top: 0.75em;
        padding-top: 0.75em;
        border-top: 1px solid var(--_border-color);
      }
      .empty {
        margin: 0;
        color: var(--_muted-color);
      }
    `,
  ];

  override render() {
    const p = this.presentation;
    if (!p) return nothing;
    const lang = this.language;
    const t = messages(lang).presentation;
    return html`<section part="base" class="base" aria-label=${t.heading}>
      <h3>${t.heading}</h3>
      <dl part="holder" class="holder">
        <dt>${t.holder}</dt>
        <dd>
          ${p.holder ? html`<span class="mono">${shortenTokens(p.holder)}</span>` : t.noHolder}<br />
          <span class="proof proof-${p.proof}">${t.proof[p.proof]}</span>
        </dd>
        ${p.challenge ? html`<dt>${t.challenge}</dt><dd class="mono">${p.challenge}</dd>` : nothing}
        ${p.domain?.length ? html`<dt>${t.domain}</dt><dd class="mono">${p.domain.join(', ')}</dd>` : nothing}
      </dl>
      <h3>${fill(t.credentials, { count: p.credentials.length })}</h3>
      ${p.credentials.length === 0
        ? html`<p class="empty">${t.none}</p>`
        : html`<ol part="credentials">${p.credentials.map((c) => this.renderCredential(c, lang))}</ol>`}
    </section>`;
  }

  private renderCredential(c: PresentedCredential, lang: Lang) {
    const theme = this.theme ?? nothing;
    const t = messages(lang);
    const report = c.report;
    const credential = report.credential;
    const title = valueText(credential?.title) || valueText(credential?.achievement?.name) || t.ui.untitled;
    const issuer = valueText(credential?.issuer?.name) || credential?.issuer?.id;
    const subject = credential?.subject?.id;
    const about =
      c.subjectIsHolder === true
        ? html`<span class="sub">${t.presentation.aboutHolder}</span>`
        : c.subjectIsHolder === false
          ? html`<span class="sub other">${fill(t.presentation.aboutOther, { subject: shortenTokens(subject ?? '') })}</span>`
          : nothing;
    return html`<li part="credential">
      <details>
        <summary aria-label=${fill(t.presentation.details, { n: c.index + 1 })}>
          <credlens-verdict-badge state=${report.verdict} lang=${lang} theme=${theme}></credlens-verdict-badge>
          <span class="text">
            <span class="title">${title}</span>
            ${issuer ? html`<span class="sub">${t.ui.issuer}: ${shortenTokens(issuer)}</span>` : nothing}
            ${about}
            ${c.envelope ? html`<span class="sub">${fill(t.presentation.enveloped, { type: c.envelope })}</span>` : nothing}
          </span>
          <span class="more" aria-hidden="true"><span class="show">${t.ui.showDetails}</span><span class="hide">${t.ui.hideDetails}</span></span>
        </summary>
        <div class="inner">
          ${credential || report.microcredential
            ? html`<div>
                ${report.verdict === 'invalid' ? html`<p class="sub">${t.ui.unconfirmed}</p>` : nothing}
                <credlens-credential-card lang=${lang} theme=${theme} .credential=${credential} .microcredential=${report.microcredential} .trustTier=${trustTierOf(report)} .registry=${report.registry}></credlens-credential-card>
              </div>`
            : nothing}
          <credlens-check-list lang=${lang} theme=${theme} .planned=${report.checks.map((k) => ({ id: k.id }))} .checks=${report.checks}></credlens-check-list>
        </div>
      </details>
    </li>`;
  }
}

define('credlens-presentation-view', CredlensPresentationView);

declare global {
  interface HTMLElementTagNameMap {
    'credlens-presentation-view': CredlensPresentationView;
  }
}
