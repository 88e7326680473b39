import { css, html, type PropertyDeclarations } from 'lit';
import type { VerificationState } from '../lib/index.js';
import { define } from './define.js';
import { LocalizedElement } from './localized-element.js';
import { messages } from './i18n/index.js';
import { stateIcon } from './icons.js';
import { tokens } from './theme.js';

const STATES: readonly VerificationState[] = ['pending', 'verified', 'warning', 'invalid', 'unverifiable'];

/**
 * The verdict of a verification: an icon whose shape differs per state, a colour, and words.
 * It renders a state; it never verifies.
 *
 * @tag credlens-verdict-badge
 * @attr state - `pending | verified | warning | invalid | unverifiable`
 * @attr detailed - also show the one-sentence meaning of the verdict
 * @attr theme - `light | dark`; default follows `prefers-color-scheme`
 * @csspart badge - the pill holding icon and label
 * @csspart icon - the state icon
 * @csspart label - the verdict words
 * @csspart description - the sentence under the label (with `detailed`)
 * @cssproperty --credlens-verified-color - text and icon colour of a verified badge (likewise `warning`, `invalid`, `unverifiable`, `pending`)
 * @cssproperty --credlens-verified-background - background of a verified badge (likewise for the other states)
 * @cssproperty --credlens-font-family - the font
 */
export class CredlensVerdictBadge extends LocalizedElement {
  static override properties: PropertyDeclarations = {
    state: { reflect: true },
    detailed: { type: Boolean, reflect: true },
    lang: {},
  };

  static override styles = [
    tokens,
    css`
      :host {
        display: inline-block;
        vertical-align: middle;
      }
      .badge {
        display: inline-flex;
        align-items: center;
        gap: 0.4em;
        padding: 0.25em 0.7em 0.25em 0.5em;
        border-radius: 999px;
        font-weight: 650;
        font-size: 0.95em;
        line-height: 1.3;
        border: 1px solid currentColor;
      }
      .icon {
        display: inline-flex;
        font-size: 1.2em;
      }
      .description {
        display: block;
        margin-top: 0.3em;
        font-size: 0.9em;
        color: var(--_muted-color);
      }
      .verified { color: var(--_verified-color); background: var(--_verified-background); }
      .warning { color: var(--_warning-color); background: var(--_warning-background); }
      .invalid { color: var(--_invalid-color); background: var(--_invalid-background); }
      .unverifiable { color: var(--_unverifiable-color); background: var(--_unverifiable-background); }
      .pending { color: var(--_pending-color); background: var(--_pending-background); }
    `,
  ];

  declare state: VerificationState;
  declare detailed: boolean;

  constructor() {
    super();
    this.state = 'pending';
    this.detailed = false;
  }

  override render() {
    const state = STATES.includes(this.state) ? this.state : 'pending';
    const words = messages(this.language).verdict[state];
    return html`<span part="badge" class="badge ${state}"
        ><span part="icon" class="icon">${stateIcon(state)}</span><span part="label">${words.label}</span></span
      >${this.detailed ? html`<span part="description" class="description">${words.description}</span>` : ''}`;
  }
}

define('credlens-verdict-badge', CredlensVerdictBadge);

declare global {
  interface HTMLElementTagNameMap {
    'credlens-verdict-badge': CredlensVerdictBadge;
  }
}
