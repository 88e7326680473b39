import { adoptStyles, type CSSResult, type LitElement } from 'lit';
import type { InputCallbacks, InputController, InputHost } from './input.js';
import type { UploadView, uploadTemplate } from '../templates/upload.js';


/**
 * Styles of parts loaded after the element (the upload, the PDF list), adopted after the element's
 * own in the order they arrive (Lit's `adoptStyles`, so a strict CSP is no obstacle).
 */
export class LaterStyles {
  private readonly sheets: CSSResult[] = [];

  constructor(private readonly host: LitElement) {}

  adopt(styles: CSSResult): void {
    this.sheets.push(styles);
    const root = this.host.renderRoot;
    if (root instanceof ShadowRoot) adoptStyles(root, [...(this.host.constructor as typeof LitElement).elementStyles, ...this.sheets]);
  }
}

/**
 * The upload of an element with `upload`: its input controller, template and styles load on first
 * use (widget/upload.ts), so a page that only shows credentials never downloads them.
 */
export class UploadController {
  private loaded: { input: InputController; view: typeof uploadTemplate } | undefined;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly host: InputHost & LitElement,
    private readonly callbacks: InputCallbacks,
    private readonly styles: LaterStyles,
  ) {}

  /** Loads the upload (once); the host renders it when it is there. */
  load(): Promise<void> {
    this.loading ??= import('../upload.js').then(({ InputController, uploadStyles, uploadTemplate }) => {
      this.styles.adopt(uploadStyles);
      this.loaded = { input: new InputController(this.host, this.callbacks), view: uploadTemplate };
      this.host.requestUpdate();
    });
    return this.loading;
  }

  /** Clears the paste field (after *Remove*). */
  clearText(): void {
    this.loaded?.input.clearText();
  }

  /** The drop zone and paste field, or what is attached; nothing until loaded. */
  render(view: Omit<UploadView, 'input'>) {
    return this.loaded ? this.loaded.view({ ...view, input: this.loaded.input }) : undefined;
  }
}
