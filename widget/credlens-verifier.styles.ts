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
    .dropzone {
      border: 2px dashed var(--_border-color);
      border-radius: var(--_radius);
      padding: 0.9em;
      display: grid;
      gap: 0.6em;
      background: var(--_surface);
    }
    .dropzone.dragging {
      border-color: var(--_accent-color);
    }
    .drop-row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em 0.9em;
      align-items: center;
    }
    .upload-label {
      font-weight: 650;
      margin: 0;
    }
    .hint {
      margin: 0;
      color: var(--_muted-color);
      font-size: 0.9em;
    }
    label {
      font-size: 0.9em;
      font-weight: 600;
    }
    textarea {
      font: inherit;
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 0.85em;
      width: 100%;
      box-sizing: border-box;
      min-height: 3.2em;
      resize: vertical;
      padding: 0.45em;
      border-radius: calc(var(--_radius) * 0.75);
      border: 1px solid var(--_border-color);
      background: var(--_background);
      color: var(--_color);
    }
    .paste {
      display: grid;
      gap: 0.35em;
    }
    .attached {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      align-items: center;
      justify-content: space-between;
    }
    .attached span {
      overflow-wrap: anywhere;
      min-width: 0;
      font-size: 0.92em;
    }
    .pdf {
      display: grid;
      gap: 0.6em;
    }
    .pdf-summary {
      margin: 0;
      font-weight: 600;
    }
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
  `,
];
