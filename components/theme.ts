import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * Design tokens. Each private `--_x` reads the public `--credlens-x` custom property (the host page's
 * theme) and falls back to the light or dark default. Dark applies with `theme="dark"`, or with
 * `prefers-color-scheme: dark` unless `theme="light"`. All pairs meet WCAG AA (4.5:1) for text.
 */
const LIGHT: Record<string, string> = {
  background: '#ffffff',
  surface: '#f6f8fa',
  color: '#1b1f24',
  'muted-color': '#525a63',
  'border-color': '#c9d1d9',
  'accent-color': '#0a58ca',
  'focus-ring': '#0a58ca',
  'verified-color': '#0f5a25',
  'verified-background': '#dcf5e3',
  'warning-color': '#6f4400',
  'warning-background': '#fff1c7',
  'invalid-color': '#9c0d23',
  'invalid-background': '#ffe6e4',
  'unverifiable-color': '#3d444d',
  'unverifiable-background': '#e9edf1',
  'pending-color': '#0b4f9c',
  'pending-background': '#e0efff',
};

const DARK: Record<string, string> = {
  background: '#15191e',
  surface: '#1d232a',
  color: '#e8edf2',
  'muted-color': '#a8b3bf',
  'border-color': '#3a434d',
  'accent-color': '#79b8ff',
  'focus-ring': '#79b8ff',
  'verified-color': '#86e0a0',
  'verified-background': '#12341f',
  'warning-color': '#f5cf67',
  'warning-background': '#3b2d06',
  'invalid-color': '#ffa19c',
  'invalid-background': '#44171a',
  'unverifiable-color': '#d3dae1',
  'unverifiable-background': '#2b323a',
  'pending-color': '#9ccbff',
  'pending-background': '#11304f',
};

function declarations(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([name, value]) => `--_${name}: var(--credlens-${name}, ${value});`)
    .join('\n');
}

export const THEME_PROPERTIES = Object.keys(LIGHT).map((name) => `--credlens-${name}`);

export const tokens: CSSResult = css`
  :host {
    ${unsafeCSS(declarations(LIGHT))}
    --_font-family: var(--credlens-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_radius: var(--credlens-radius, 8px);
    color-scheme: light;
    font-family: var(--_font-family);
    color: var(--_color);
  }
  :host([theme='dark']) {
    ${unsafeCSS(declarations(DARK))}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${unsafeCSS(declarations(DARK))}
      color-scheme: dark;
    }
  }
  [hidden] {
    display: none !important;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  svg .spin {
    transform-origin: 12px 12px;
    animation: credlens-spin 1s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    svg .spin {
      animation: none;
    }
  }
  @keyframes credlens-spin {
    to {
      transform: rotate(360deg);
    }
  }
`;

/** Terms and values of a fact list (`dl`), and identifiers in monospace: shared by the card and its views. */
export const factStyles: CSSResult = css`
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
`;
