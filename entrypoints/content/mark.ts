import type { MarkState } from '../common/protocol.js';
import type { MarkKind } from './sites/index.js';

const LABELS: Record<MarkState, string> = {
  pending: 'Checking…',
  verified: 'Verified',
  warning: 'Verified, with warnings',
  invalid: 'Not valid',
  unverifiable: 'Cannot verify',
  none: 'No credential',
};

const KIND_NAMES: Record<MarkKind, string> = {
  link: 'credential link',
  qr: 'QR code',
  baked: 'badge image',
  text: 'pasted credential',
};

// Shapes drawn in the mark; no colour is the only carrier of meaning (each state has its own icon and text).
const ICONS: Record<MarkState, string> = {
  pending: 'M12 4a8 8 0 1 0 8 8h-2.5A5.5 5.5 0 1 1 12 6.5z',
  verified: 'M9.5 16.2 5.3 12l-1.4 1.4 5.6 5.6 11-11-1.4-1.4z',
  warning: 'M11 7h2v7h-2zm0 9h2v2h-2z',
  invalid: 'M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z',
  unverifiable: 'M11 16h2v2h-2zm1-12a4 4 0 0 0-4 4h2a2 2 0 1 1 2 2 1 1 0 0 0-1 1v3h2v-2.2A4 4 0 0 0 12 4z',
  none: 'M6 11h12v2H6z',
};

const STYLE = `
:host { all: initial !important; display: inline-flex !important; vertical-align: middle !important; margin: 0 0 0 6px !important; }
button { all: unset; box-sizing: border-box; display: inline-flex; align-items: center; gap: 4px; cursor: pointer;
  font: 600 12px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; padding: 3px 9px 3px 6px; border-radius: 999px;
  border: 1px solid var(--b); background: var(--bg); color: var(--fg); white-space: nowrap; }
button:hover { filter: brightness(0.96); }
button:focus-visible { outline: 2px solid #1a56db; outline-offset: 2px; }
svg { width: 14px; height: 14px; fill: currentColor; flex: none; }
.brand { font-weight: 500; opacity: .75; }
:host([data-credlens-state="pending"]) button { --bg:#eef2f7; --fg:#334155; --b:#cbd5e1; }
:host([data-credlens-state="pending"]) svg { animation: spin 1s linear infinite; }
:host([data-credlens-state="verified"]) button { --bg:#e7f5ec; --fg:#0b6b2f; --b:#8fd1a7; }
:host([data-credlens-state="warning"]) button { --bg:#fff5d6; --fg:#7a4d00; --b:#f0c75e; }
:host([data-credlens-state="invalid"]) button { --bg:#fde8e7; --fg:#a3191b; --b:#f1a09d; }
:host([data-credlens-state="unverifiable"]) button { --bg:#f1f1f3; --fg:#45464d; --b:#c9cad1; }
:host([data-credlens-state="none"]) button { --bg:transparent; --fg:#5f6168; --b:#d4d5da; font-weight: 500; cursor: help; }
@media (prefers-color-scheme: dark) {
  :host([data-credlens-state="pending"]) button { --bg:#1e293b; --fg:#cbd5e1; --b:#475569; }
  :host([data-credlens-state="verified"]) button { --bg:#0f2e1b; --fg:#86efac; --b:#1f6b3a; }
  :host([data-credlens-state="warning"]) button { --bg:#33270a; --fg:#fcd34d; --b:#7a5a12; }
  :host([data-credlens-state="invalid"]) button { --bg:#3a1414; --fg:#fca5a5; --b:#7f2323; }
  :host([data-credlens-state="unverifiable"]) button { --bg:#26272b; --fg:#d4d4d8; --b:#52525b; }
  :host([data-credlens-state="none"]) button { --bg:transparent; --fg:#a1a1aa; --b:#3f3f46; }
}
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { svg { animation: none !important; } }
`;

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface Mark {
  readonly host: HTMLElement;
  readonly kind: MarkKind;
  readonly state: MarkState;
  reportId: string | undefined;
  setState(state: MarkState, title?: string): void;
}

/**
 * The in-page mark: a `credlens-mark` host (docs/report.md) with a closed shadow root, so page
 * scripts and styles cannot read or restyle it. It is a hint; the side panel is the authority.
 */
export function createMark(doc: Document, kind: MarkKind, onActivate: (mark: Mark) => void): Mark {
  const host = doc.createElement('credlens-mark');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const button = doc.createElement('button');
  button.type = 'button';
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS(SVG_NS, 'path');
  svg.append(path);
  const brand = doc.createElement('span');
  brand.className = 'brand';
  brand.textContent = 'Credlens';
  const label = doc.createElement('span');
  button.append(svg, label, brand);
  shadow.append(style, button);

  let state: MarkState = 'pending';
  const mark: Mark = {
    host,
    kind,
    get state() {
      return state;
    },
    reportId: undefined,
    setState(next, title) {
      state = next;
      host.setAttribute('data-credlens-state', next);
      path.setAttribute('d', ICONS[next]);
      label.textContent = LABELS[next];
      if (next === 'none') {
        // Nothing to verify: says why, offers no report.
        const why = title ?? 'This link leads to no credential Credlens can read.';
        button.setAttribute('aria-label', `Credlens: ${LABELS[next]}. ${why}`);
        button.title = `Credlens: ${why} Nothing to verify; this says nothing about the certificate itself.`;
        return;
      }
      const about = title ? ` "${title}"` : '';
      const action = next === 'pending' ? '' : ' Open the verification report.';
      button.setAttribute('aria-label', `Credlens: ${KIND_NAMES[kind]}${about}: ${LABELS[next]}.${action}`);
      button.title = `Credlens: ${LABELS[next]}${about}.${action}`;
    },
  };
  host.setAttribute('data-credlens-kind', kind);
  mark.setState('pending');
  button.addEventListener('click', (event) => {
    if (!event.isTrusted) return; // only the user opens a report, never a page script
    event.preventDefault();
    event.stopPropagation();
    onActivate(mark);
  });
  return mark;
}
