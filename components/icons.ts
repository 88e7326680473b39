import { svg, type SVGTemplateResult } from 'lit';
import type { CheckStatus, VerificationState } from '../lib/index.js';

/** Our own static icons (never credential content). Decorative: words always accompany them. */
const ICONS = {
  check: svg`<path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/>`,
  cross: svg`<path d="M7 7l10 10M17 7L7 17" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"/>`,
  alert: svg`<path d="M12 7v6" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"/><circle cx="12" cy="17" r="1.4" fill="currentColor"/>`,
  question: svg`<path d="M9.2 9.2a2.9 2.9 0 1 1 4 2.7c-.8.4-1.2 1-1.2 1.9v.4" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"/><circle cx="12" cy="17.6" r="1.3" fill="currentColor"/>`,
  dash: svg`<path d="M7 12h10" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"/>`,
  spinner: svg`<circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" stroke-width="2.5" stroke-dasharray="36 14" stroke-linecap="round" class="spin"/>`,
};

const FRAMES = {
  circle: svg`<circle cx="12" cy="12" r="10.5" fill="none" stroke="currentColor" stroke-width="1.8"/>`,
  triangle: svg`<path d="M12 2.8L22 20.5H2z" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/>`,
  octagon: svg`<path d="M8 1.8h8l6.2 6.2v8L16 22.2H8L1.8 16V8z" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/>`,
};

function icon(frame: SVGTemplateResult | null, glyph: SVGTemplateResult): SVGTemplateResult {
  return svg`<svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">${frame ?? ''}${glyph}</svg>`;
}

/** Distinct shapes per state, so the state never rests on colour alone. */
export function stateIcon(state: VerificationState): SVGTemplateResult {
  switch (state) {
    case 'verified':
      return icon(FRAMES.circle, ICONS.check);
    case 'warning':
      return icon(FRAMES.triangle, svg`<g transform="translate(0 1.2)">${ICONS.alert}</g>`);
    case 'invalid':
      return icon(FRAMES.octagon, ICONS.cross);
    case 'unverifiable':
      return icon(FRAMES.circle, ICONS.question);
    case 'pending':
      return icon(null, ICONS.spinner);
  }
}

export function statusIcon(status: CheckStatus | 'pending'): SVGTemplateResult {
  switch (status) {
    case 'pass':
      return icon(FRAMES.circle, ICONS.check);
    case 'fail':
      return icon(FRAMES.octagon, ICONS.cross);
    case 'warn':
      return icon(FRAMES.triangle, svg`<g transform="translate(0 1.2)">${ICONS.alert}</g>`);
    case 'skip':
      return icon(FRAMES.circle, ICONS.dash);
    case 'pending':
      return icon(null, ICONS.spinner);
  }
}
