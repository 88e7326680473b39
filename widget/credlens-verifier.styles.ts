import { css } from 'lit';
import { tokens } from '../components/theme.js';

/** The styles of `<credlens-verifier>` (theme tokens from components/theme.ts, then its own layout). */
export const verifierStyles = [
  tokens,
  css`
    :host {
      display: block;
      container-type: inline-size;
      font-size: 1rem;
      line-height: 1.45;
    }
    .base {
      background: var(--_background);
      border: 1px solid var(--_border-color);
      border-radius: var(--_radius);
      padding: 1em;
      display: grid;
      gap: 0.9em;
    }
    :host([compact]) .base {
      padding: 0.5em 0.75em;
      gap: 0.5em;
    }
    .summary {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 0.75em;
    }
    .summary .title {
      font-weight: 600;
      overflow-wrap: anywhere;
      flex: 1 1 12em;
      min-width: 0;
    }
    .summary .toggle {
      margin-inline-start: auto;
    }
    .meta {
      color: var(--_muted-color);
      font-size: 0.85em;
      margin: 0;
    }
    .details {
      display: grid;
      gap: 1.2em;
      grid-template-columns: 1fr;
    }
    @container (min-width: 760px) {
      .details.two {
        grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr);
      }
    }
    .panel {
      background: var(--_surface);
      border-radius: var(--_radius);
      padding: 0.85em;
    }
    .notice {
      margin: 0 0 0.6em;
      padding: 0.6em 0.8em;
      border-inline-start: 4px solid var(--_warning-color);
      background: var(--_warning-background);
      color: var(--_color);
      border-radius: calc(var(--_radius) / 2);
      font-size: 0.9em;
    }
    button {
      font: inherit;
      font-size: 0.92em;
      font-weight: 600;
      padding: 0.4em 0.9em;
      border-radius: calc(var(--_radius) * 0.75);
      border: 1px solid var(--_accent-color);
      background: var(--_background);
      color: var(--_accent-color);
      cursor: pointer;
      min-height: 2.25em;
    }
    button.primary {
      background: var(--_accent-color);
      color: var(--_background);
    }
    button:disabled {
      opacity: 0.6;
      cursor: not-allowed;
    }
    button:focus-visible,
    textarea:focus-visible {
      outline: 3px solid var(--_focus-ring);
      outline-offset: 2px;
    }
    .pdf {
      display: grid;
      gap: 0.6em;
    }
    .pdf-summary {
      margin: 0;
      font-weight: 600;
    }
  `,
];
