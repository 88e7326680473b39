import { css, html, nothing, type PropertyDeclarations } from 'lit';
import type { Check, CheckStatus, PlannedCheck } from '../lib/index.js';
import { define } from './define.js';
import { LocalizedElement } from './localized-element.js';
import { shortenTokens } from './format.js';
import { checkTitle, codeSummary, fill, messages, type Lang } from './i18n/index.js';
import { statusIcon } from './icons.js';
import { tokens } from './theme.js';

/**
 * The whole plan of checks at once, each filled in as it finishes: an icon, the check's title,
 * its status in words, and why (the code's plain-language meaning plus the check's own message).
 * Set `planned` when lib's `onProgress` reports the plan, then `checks[index]` as each check
 * arrives (assign a new array so the element updates), or just `checks` for a finished report.
 *
 * @tag credlens-check-list
 * @attr theme - `light | dark`; default follows `prefers-color-scheme`
 * @csspart base - the wrapper
 * @csspart label - the list's caption
 * @csspart list - the ordered list
 * @csspart item - one check (also `item-pass`, `item-fail`, `item-warn`, `item-skip`, `item-pending`)
 * @csspart title - a check's title
 * @csspart status - a check's status in words
 * @csspart why - the plain-language meaning of the result
 * @csspart message - the specific message of the check
 * @cssproperty --credlens-color - text colour
 * @cssproperty --credlens-muted-color - secondary text colour
 * @cssproperty --credlens-border-color - separators
 */
export class CredlensCheckList extends LocalizedElement {
  static override properties: PropertyDeclarations = {
    planned: { attribute: false },
    checks: { attribute: false },
    lang: {},
  };

  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      .label {
        margin: 0 0 0.4em;
        font-weight: 650;
        font-size: 0.95em;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: grid;
        grid-template-columns: 1.4em 1fr;
        gap: 0.5em;
        padding: 0.5em 0;
        border-top: 1px solid var(--_border-color);
      }
      li:first-child {
        border-top: none;
      }
      .icon {
        display: inline-flex;
        font-size: 1.25em;
        padding-top: 0.05em;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0 0.75em;
      }
      .title {
        font-weight: 600;
      }
      .status {
        font-size: 0.85em;
        font-weight: 600;
      }
      p {
        margin: 0.15em 0 0;
        font-size: 0.88em;
        overflow-wrap: anywhere;
      }
      .message {
        color: var(--_muted-color);
      }
      .pass .icon, .pass .status { color: var(--_verified-color); }
      .fail .icon, .fail .status { color: var(--_invalid-color); }
      .warn .icon, .warn .status { color: var(--_warning-color); }
      .skip .icon, .skip .status, .pending .icon, .pending .status { color: var(--_muted-color); }
      .skip .title, .pending .title { font-weight: 500; }
    `,
  ];

  declare planned: PlannedCheck[];
  declare checks: Array<Check | undefined>;

  constructor() {
    super();
    this.planned = [];
    this.checks = [];
  }

  override render() {
    const lang = this.language;
    const t = messages(lang);
    const rows: Array<{ id: string; check: Check | undefined }> = [];
    const count = Math.max(this.planned.length, this.checks.length);
    for (let i = 0; i < count; i++) {
      const check = this.checks[i];
      rows.push({ id: check?.id ?? this.planned[i]?.id ?? '', check });
    }
    const done = rows.filter((r) => r.check).length;
    const busy = done < rows.length;
    return html`<div part="base">
      <p part="label" class="label" id="label">${t.ui.checksHeading}</p>
      ${busy ? html`<p class="sr-only">${fill(t.ui.progress, { done, total: rows.length })}</p>` : nothing}
      <ol part="list" aria-labelledby="label" aria-busy=${busy ? 'true' : 'false'}>
        ${rows.map(({ id, check }) => this.renderRow(id, check, lang))}
      </ol>
    </div>`;
  }

  private renderRow(id: string, check: Check | undefined, lang: Lang) {
    const t = messages(lang);
    const status: CheckStatus | 'pending' = check?.status ?? 'pending';
    const why = check ? codeSummary(check.code, lang) : '';
    const message = check && check.message && !sameText(check.message, why) ? check.message : '';
    return html`<li part="item item-${status}" class=${status} data-check=${id} data-code=${check?.code ?? nothing}>
      <span class="icon">${statusIcon(status)}</span>
      <div>
        <div class="row">
          <span part="title" class="title">${checkTitle(id, lang)}</span>
          <span part="status" class="status">${t.status[status]}</span>
        </div>
        ${why ? html`<p part="why" class="why">${why}</p>` : nothing}
        ${message ? html`<p part="message" class="message" title=${message}>${shortenTokens(message)}</p>` : nothing}
      </div>
    </li>`;
  }
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return norm(a) === norm(b);
}

define('credlens-check-list', CredlensCheckList);

declare global {
  interface HTMLElementTagNameMap {
    'credlens-check-list': CredlensCheckList;
  }
}
