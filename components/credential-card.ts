import { css, html, nothing, type PropertyDeclarations } from 'lit';
import { MICROCREDENTIAL_ELEMENTS, type CredentialSummary, type MicrocredentialProfile } from '../lib/report.js';
import type { TrustTier } from '../lib/index.js';
import type { RegistryFinding } from '../lib/index.js';
import { define } from './define.js';
import { LocalizedElement } from './localized-element.js';
import { countryName, formatDate, shortenTokens, valueText } from './format.js';
import { fill, messages, type Lang } from './i18n/index.js';
import { safeImage, safeLink } from './safe.js';
import { tokens } from './theme.js';
import { CredlensRegistryView } from './registry-view.js';

/**
 * What a credential says, as text: title, image, issuer (with trust tier and country), learner,
 * dates, learning outcomes, and the eleven EU micro-credential elements with what is missing.
 * Nothing from the credential is parsed as HTML; links are https only; images are https or
 * inline PNG/JPEG/SVG data, always through <img>.
 *
 * @tag credlens-credential-card
 * @attr theme - `light | dark`; default follows `prefers-color-scheme`
 * @csspart base - the card
 * @csspart image - the credential's image
 * @csspart title - the credential's title
 * @csspart description - its description
 * @csspart facts - the issuer / learner / dates list
 * @csspart tier - the issuer's trust tier
 * @csspart outcomes - the learning outcomes list
 * @csspart eu - the EU micro-credential section
 * @csspart eu-table - the table of the eleven elements
 * @csspart registry - the training-registry finding (components/registry-view.ts), when the report has one
 * @cssproperty --credlens-surface - background of the card
 * @cssproperty --credlens-border-color - borders
 * @cssproperty --credlens-accent-color - links
 * @cssproperty --credlens-radius - corner radius
 */
export class CredlensCredentialCard extends LocalizedElement {
  static override properties: PropertyDeclarations = {
    credential: { attribute: false },
    microcredential: { attribute: false },
    trustTier: { attribute: 'trust-tier' },
    registry: { attribute: false },
    lang: {},
  };

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
      .head {
        display: flex;
        gap: 0.85em;
        align-items: flex-start;
      }
      img {
        width: 4.5em;
        height: 4.5em;
        object-fit: contain;
        border-radius: calc(var(--_radius) / 2);
        background: var(--_surface);
        flex: none;
      }
      .title {
        margin: 0;
        font-size: 1.1em;
        font-weight: 700;
        line-height: 1.3;
        overflow-wrap: anywhere;
      }
      .description {
        margin: 0.25em 0 0;
        font-size: 0.9em;
        color: var(--_muted-color);
        overflow-wrap: anywhere;
        white-space: pre-line;
      }
      dl {
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
      a {
        color: var(--_accent-color);
      }
      a:focus-visible, summary:focus-visible {
        outline: 2px solid var(--_focus-ring);
        outline-offset: 2px;
      }
      .tier {
        display: inline-block;
        margin-inline-start: 0.4em;
        padding: 0 0.45em;
        border-radius: 999px;
        border: 1px solid currentColor;
        font-size: 0.85em;
        font-weight: 600;
      }
      .tier-trusted { color: var(--_verified-color); background: var(--_verified-background); }
      .tier-known { color: var(--_pending-color); background: var(--_pending-background); }
      .tier-unknown { color: var(--_warning-color); background: var(--_warning-background); }
      .tier-untrusted { color: var(--_invalid-color); background: var(--_invalid-background); }
      .sub {
        display: block;
        color: var(--_muted-color);
        font-size: 0.92em;
      }
      .label {
        margin: 0 0 0.25em;
        font-weight: 650;
        font-size: 0.92em;
      }
      ul {
        margin: 0;
        padding-inline-start: 1.2em;
        font-size: 0.9em;
      }
      details {
        border: 1px solid var(--_border-color);
        border-radius: var(--_radius);
        padding: 0.4em 0.7em;
      }
      summary {
        cursor: pointer;
        font-weight: 650;
        font-size: 0.92em;
      }
      .note {
        margin: 0.4em 0;
        font-size: 0.88em;
        color: var(--_muted-color);
      }
      .table-wrap {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.86em;
      }
      th, td {
        text-align: start;
        vertical-align: top;
        padding: 0.3em 0.5em 0.3em 0;
        border-top: 1px solid var(--_border-color);
        overflow-wrap: anywhere;
      }
      /* Element names break between words only, so the column is as wide as its longest word ("Participation"). */
      th {
        overflow-wrap: break-word;
      }
      .table-wrap {
        container-type: inline-size;
      }
      /* Narrow: each element is a row of name and mark, with its value on the line below. */
      @container (max-width: 420px) {
        thead {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip-path: inset(50%);
        }
        tbody tr {
          display: grid;
          grid-template-columns: minmax(0, 1fr) auto;
          border-top: 1px solid var(--_border-color);
          padding: 0.3em 0;
        }
        tbody th,
        tbody td {
          border-top: none;
          padding: 0 0.5em 0 0;
        }
        tbody td:last-child {
          grid-column: 1 / -1;
        }
        tbody td:last-child:empty {
          display: none;
        }
      }
      thead th {
        border-top: none;
        color: var(--_muted-color);
        font-weight: 600;
      }
      .yes { color: var(--_verified-color); font-weight: 600; white-space: nowrap; }
      .no { color: var(--_invalid-color); font-weight: 600; white-space: nowrap; }
    `,
  ];

  declare credential: CredentialSummary | undefined;
  declare microcredential: MicrocredentialProfile | undefined;
  declare trustTier: TrustTier | undefined;
  /** report.registry: what the `registry` check found in the configured training registries. */
  declare registry: RegistryFinding | undefined;

  override render() {
    const c = this.credential;
    if (!c && !this.microcredential) return nothing;
    const lang = this.language;
    const t = messages(lang);
    const title = valueText(c?.title) || valueText(c?.achievement?.name) || t.ui.untitled;
    const description = valueText(c?.description) || valueText(c?.achievement?.description);
    const image = safeImage(c?.image) ?? safeImage(c?.achievement?.image);
    const outcomes = this.outcomes();
    return html`<article part="base" class="base" aria-label=${title}>
      <div class="head">
        ${image ? html`<img part="image" src=${image} alt=${t.ui.credentialImage} referrerpolicy="no-referrer" loading="lazy" />` : nothing}
        <div>
          <p part="title" class="title">${title}</p>
          ${description ? html`<p part="description" class="description">${description}</p>` : nothing}
        </div>
      </div>
      ${c ? this.renderFacts(c, lang) : nothing}
      ${outcomes.length
        ? html`<div part="outcomes"><p class="label">${t.ui.learningOutcomes}</p><ul>${outcomes.map((o) => html`<li>${o}</li>`)}</ul></div>`
        : nothing}
      ${this.registry
        ? html`<credlens-registry-view part="registry" lang=${lang} theme=${this.getAttribute('theme') ?? nothing} .finding=${this.registry} .issued=${c?.issued ?? c?.validFrom}></credlens-registry-view>`
        : nothing}
      ${this.renderEu(lang)}
    </article>`;
  }

  private renderFacts(c: CredentialSummary, lang: Lang) {
    const t = messages(lang);
    const issuer = c.issuer;
    const issuerName = valueText(issuer?.name) || shortenTokens(valueText(issuer?.id));
    const issuerLink = safeLink(issuer?.url) ?? safeLink(issuer?.id);
    const country = countryName(issuer?.country, lang);
    const learner = valueText(c.subject?.name) || valueText(c.subject?.email) || valueText(c.subject?.id);
    const dates: Array<[string, string | undefined]> = [
      [t.ui.issued, formatDate(c.issued, lang)],
      [t.ui.validFrom, c.validFrom && c.validFrom !== c.issued ? formatDate(c.validFrom, lang) : undefined],
      [t.ui.validUntil, formatDate(c.validUntil, lang)],
    ];
    return html`<dl part="facts">
      ${issuerName || this.trustTier
        ? html`<dt>${t.ui.issuer}</dt>
            <dd>
              ${issuerLink ? html`<a href=${issuerLink} rel="noopener noreferrer nofollow" target="_blank">${issuerName || issuerLink}</a>` : issuerName}
              ${this.trustTier ? html`<span part="tier" class="tier tier-${this.trustTier}">${t.tier[this.trustTier]}</span>` : nothing}
              ${country ? html`<span class="sub">${t.ui.country}: ${country}</span>` : nothing}
              ${issuer?.name && issuer.id ? html`<span class="sub" title=${issuer.id}>${shortenTokens(issuer.id)}</span>` : nothing}
            </dd>`
        : nothing}
      ${learner ? html`<dt>${t.ui.learner}</dt><dd>${learner}</dd>` : nothing}
      ${dates.map(([label, value]) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : nothing))}
    </dl>`;
  }

  private outcomes(): string[] {
    const fromSummary = this.credential?.learningOutcomes ?? [];
    const list = fromSummary.length ? fromSummary : asList(this.microcredential?.elements.learningOutcomes?.value);
    return list.map((o) => valueText(o)).filter(Boolean).slice(0, 20);
  }

  private renderEu(lang: Lang) {
    const profile = this.microcredential;
    if (!profile) return nothing;
    const t = messages(lang);
    const claimed = profile.claimsMicrocredential === true;
    const missing = profile.missing.map((e) => t.elements[e] ?? e);
    const status = profile.complete ? t.ui.euComplete : fill(t.ui.euMissing, { list: missing.join(', ') });
    return html`<details part="eu" ?open=${claimed}>
      <summary>${t.ui.euHeading} (${11 - profile.missing.length}/11)</summary>
      <p class="note">${claimed ? '' : `${t.ui.euInformational} `}${status}</p>
      <div class="table-wrap">
        <table part="eu-table">
          <thead>
            <tr><th scope="col">${t.ui.element}</th><th scope="col">${t.ui.present}</th><th scope="col">${t.ui.value}</th></tr>
          </thead>
          <tbody>
            ${MICROCREDENTIAL_ELEMENTS.map((element) => {
              const entry = profile.elements[element];
              const present = entry?.present === true;
              return html`<tr data-element=${element}>
                <th scope="row">${t.elements[element]}</th>
                <td class=${present ? 'yes' : 'no'}>${present ? `✓ ${t.ui.present}` : `✗ ${t.ui.absent}`}</td>
                <td>${present ? valueText(entry?.value) : ''}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </details>`;
  }
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

// Defined here too (define() is idempotent): a bundler that treats components as side-effect free drops a bare import.
define('credlens-registry-view', CredlensRegistryView);
define('credlens-credential-card', CredlensCredentialCard);

declare global {
  interface HTMLElementTagNameMap {
    'credlens-credential-card': CredlensCredentialCard;
  }
}
