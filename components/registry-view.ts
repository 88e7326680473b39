import { css, html, nothing, type PropertyDeclarations } from 'lit';
import type { RegistryFinding } from '../lib/index.js';
import { define } from './define.js';
import { LocalizedElement } from './localized-element.js';
import { countryName, formatDate, shortenTokens } from './format.js';
import { fill, messages, type Lang } from './i18n/index.js';
import { tokens } from './theme.js';

/**
 * What the `registry` check found (report.registry, docs/registries.md): whether the training is
 * listed in a training registry the reader configured, with the registry, code, title, level,
 * workload, eligibility for learning-account funding, the registration period and whether the
 * registry names the issuer as a provider; or that the registration had lapsed at the date of
 * issue; or that no registry lists it. Information only: it never speaks of authenticity. It
 * renders a finding; it never looks anything up. Everything from the finding is shown as text.
 *
 * @tag credlens-registry-view
 * @attr theme - `light | dark`; default follows `prefers-color-scheme`
 * @attr issued - the credential's date of issue (shown with a lapsed registration)
 * @csspart base - the whole view
 * @csspart outcome - the listed / lapsed / not-listed label
 * @csspart facts - the list of what the registry says
 */
export class CredlensRegistryView extends LocalizedElement {
  static override properties: PropertyDeclarations = {
    finding: { attribute: false },
    issued: {},
    lang: {},
    theme: { reflect: true },
  };

  declare finding: RegistryFinding | undefined;
  declare issued: string | undefined;
  declare theme: string | undefined;

  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        container-type: inline-size;
      }
      .base {
        display: grid;
        gap: 0.5em;
        border: 1px solid var(--_border-color);
        border-radius: var(--_radius);
        padding: 0.6em 0.75em;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3em 0.6em;
        align-items: baseline;
      }
      h3 {
        margin: 0;
        font-size: 1em;
        font-weight: 700;
      }
      .outcome {
        display: inline-block;
        padding: 0 0.5em;
        border-radius: 999px;
        border: 1px solid currentColor;
        font-size: 0.88em;
        font-weight: 600;
      }
      .outcome-listed { color: var(--_verified-color); background: var(--_verified-background); }
      .outcome-lapsed { color: var(--_warning-color); background: var(--_warning-background); }
      .outcome-not-listed { color: var(--_unverifiable-color); background: var(--_unverifiable-background); }
      .entry {
        margin: 0;
        font-weight: 650;
        overflow-wrap: anywhere;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25em 0.9em;
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
      .yes { color: var(--_verified-color); font-weight: 600; }
      .no { color: var(--_invalid-color); font-weight: 600; }
      p.note {
        margin: 0;
        font-size: 0.88em;
        color: var(--_muted-color);
      }
      p.lapsed {
        margin: 0;
        color: var(--_warning-color);
        font-weight: 600;
      }
      @container (max-width: 22em) {
        dl {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  override render() {
    const finding = this.finding;
    if (!finding) return nothing;
    const lang = this.language;
    const t = messages(lang).registry;
    return html`<section part="base" class="base" aria-label=${t.heading} data-outcome=${finding.outcome}>
      <div class="head">
        <h3>${t.heading}</h3>
        <span part="outcome" class="outcome outcome-${finding.outcome}">${t.outcome[finding.outcome]}</span>
      </div>
      ${finding.entry ? this.renderListing(finding, lang) : this.renderNotListed(finding, lang)}
      <p class="note">${t.information}</p>
    </section>`;
  }

  private renderListing(finding: RegistryFinding, lang: Lang) {
    const t = messages(lang).registry;
    const entry = finding.entry!;
    const registry = finding.registry;
    const country = countryName(registry?.country, lang);
    const workload = [entry.hours !== undefined ? `${entry.hours} h` : '', entry.ects !== undefined ? `${entry.ects} ECTS` : ''].filter(Boolean).join(' · ');
    const level = [entry.level?.eqf !== undefined ? `EQF ${entry.level.eqf}` : '', entry.level?.nqf ?? ''].filter(Boolean).join(' · ');
    const period = this.period(entry.registeredFrom, entry.registeredUntil, lang);
    const scheme = registry?.fundingScheme ?? t.learningAccount;
    return html`<p class="entry">${entry.title}</p>
      ${finding.outcome === 'lapsed' ? html`<p class="lapsed">${fill(t.lapsedNote, { issued: formatDate(this.issued, lang) ?? '?' })}</p>` : nothing}
      <dl part="facts">
        ${registry ? html`<dt>${t.registry}</dt><dd>${registry.name}${country ? ` · ${country}` : ''}</dd>` : nothing}
        <dt>${t.code}</dt>
        <dd class="mono">${entry.scheme && !entry.code.startsWith(entry.scheme) ? `${entry.scheme} ` : ''}${entry.code}</dd>
        ${finding.block ? html`<dt>${t.block}</dt><dd><span class="mono">${finding.block.code}</span> ${finding.block.title}</dd>` : nothing}
        ${level ? html`<dt>${t.level}</dt><dd>${level}</dd>` : nothing}
        ${workload ? html`<dt>${t.workload}</dt><dd>${workload}</dd>` : nothing}
        <dt>${fill(t.eligible, { scheme })}</dt>
        <dd class=${entry.eligible ? 'yes' : 'no'} data-eligible=${String(entry.eligible)}>${entry.eligible ? t.yes : t.no}</dd>
        ${period ? html`<dt>${t.registration}</dt><dd>${period}</dd>` : nothing}
        ${finding.providerIsIssuer !== undefined
          ? html`<dt>${t.provider}</dt><dd class=${finding.providerIsIssuer ? 'yes' : 'no'} data-provider=${String(finding.providerIsIssuer)}>${finding.providerIsIssuer ? t.providerYes : t.providerNo}</dd>`
          : nothing}
      </dl>`;
  }

  private renderNotListed(finding: RegistryFinding, lang: Lang) {
    const t = messages(lang).registry;
    const codes = finding.claimed.slice(0, 5).map((c) => shortenTokens(c));
    return html`<p class="entry">${codes.length ? fill(t.notListedClaimed, { codes: codes.join(', ') }) : t.notListed}</p>`;
  }

  private period(from: string | undefined, until: string | undefined, lang: Lang): string | undefined {
    const t = messages(lang).registry;
    const start = formatDate(from, lang);
    const end = formatDate(until, lang);
    if (start && end) return fill(t.period, { from: start, until: end });
    if (start) return fill(t.since, { from: start });
    if (end) return fill(t.until, { until: end });
    return undefined;
  }
}

define('credlens-registry-view', CredlensRegistryView);

declare global {
  interface HTMLElementTagNameMap {
    'credlens-registry-view': CredlensRegistryView;
  }
}
