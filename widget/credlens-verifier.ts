import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import '../components/check-list.js';
import '../components/credential-card.js';
import '../components/verdict-badge.js';
import { define } from '../components/define.js';
import { LocalizedElement } from '../components/localized-element.js';
import { fill, messages } from '../components/i18n/index.js';
import { blockedByNetwork } from '../components/report-facts.js';
import type { VerificationReport, VerificationState } from '../lib/index.js';
import type { VerifyOptions } from '../lib/verify.js';
import type { Attachment } from './attachment.js';
import { FormAssociationController } from './controllers/form-association.js';
import { LaterStyles, UploadController } from './controllers/upload.js';
import { PdfListingController } from './controllers/pdf-listing.js';
import { VerificationController, type RunResult } from './controllers/verification.js';
import { verifierStyles } from './credlens-verifier.styles.js';
import { CredlensChangeEvent, CredlensVerifiedEvent } from './events.js';
import type { FoundCredential } from './pdf.js';
import { runOptions } from './run-options.js';
import { announcementFor, resultTemplate } from './templates/result.js';

/** pdfjs-dist's worker, copied beside the widget by the build (scripts/build-widget.mjs); fetched only for a PDF. */
const PDF_WORKER_URL = new URL('./pdf.worker.js', import.meta.url);

/** Options passed to lib's verify() (everything but the progress callback and the signal, which the element owns). */
export type WidgetVerifyOptions = Omit<VerifyOptions, 'onProgress' | 'signal'>;

/**
 * Verifies a learning credential in place and shows the verdict, what the credential says and every
 * check with why. With `upload`, the learner attaches a credential (file, pasted text or link); it
 * is verified at once and becomes the element's form value. A PDF (a CV) is searched for every
 * credential it carries; the learner ticks the ones to attach, and the form gets one entry per
 * chosen credential under the element's name.
 *
 * @tag credlens-verifier
 * @attr src - URL of a credential, or of a page that links to one
 * @attr credential - the credential inline: JSON or JWT / SD-JWT text
 * @attr upload - boolean: the learner can drop or pick a file, paste text or a link
 * @attr name - the form field name; the form value is the credential as submitted
 * @attr required - boolean: a form will not submit without a credential
 * @attr disabled - boolean: the upload controls are disabled
 * @attr lang - language of the UI (en, de, fr, es, it, pl); default: the page's
 * @attr compact - boolean: one line (badge and title) with a button that shows the details
 * @attr proxy - URL template on the host site's own server for reads the issuer blocks cross-origin, e.g. `/proxy?url={url}`
 * @attr theme - `light | dark`; default follows `prefers-color-scheme`
 * @attr registries - space-separated URLs (this page's origin, or https) of training registries in Credlens's JSON format (docs/registries.md); the report's `registry` check says whether the training is listed
 * @attr state - reflected, read-only: `pending | verified | warning | invalid | unverifiable`
 * @fires credlens-verified - when a verification finishes; `detail` is the report (bubbles, composed)
 * @fires change - {CredlensChangeEvent} when the learner attaches or removes a credential, or ticks or unticks one found in a PDF (upload mode); `detail` is a `CredlensChangeDetail`
 * @csspart base - the outer box
 * @csspart summary - the verdict line (badge, title, details button)
 * @csspart badge - the verdict badge (its own parts are exported as `badge-label`, `badge-icon`)
 * @csspart details - the card and the check list
 * @csspart toggle - the show / hide details button (compact)
 * @csspart notice - explanations such as a cross-origin block
 * @csspart dropzone - the upload drop area
 * @csspart button - upload and verify buttons
 * @csspart textarea - the paste field
 * @cssproperty --credlens-background - background of the widget
 * @cssproperty --credlens-surface - background of inner panels
 * @cssproperty --credlens-color - text colour
 * @cssproperty --credlens-muted-color - secondary text
 * @cssproperty --credlens-border-color - borders
 * @cssproperty --credlens-accent-color - links and primary buttons
 * @cssproperty --credlens-focus-ring - keyboard focus outline
 * @cssproperty --credlens-radius - corner radius
 * @cssproperty --credlens-font-family - the font
 * @cssproperty --credlens-verified-color - verified text colour (and `-background`; likewise `warning`, `invalid`, `unverifiable`, `pending`)
 */
export class CredlensVerifier extends LocalizedElement {
  static formAssociated = true;

  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /**
   * Options applied to every element on the page (trust lists, a resource bundle). Per-element
   * `options` override them. Network policy overrides (`network.allowHttp`) are for local demos only.
   */
  static get defaultOptions(): WidgetVerifyOptions {
    return CredlensVerifier.defaults;
  }

  /** Setting the defaults re-verifies the elements already on the page with them. */
  static set defaultOptions(options: WidgetVerifyOptions) {
    CredlensVerifier.defaults = options;
    for (const element of CredlensVerifier.live) element.queueAutoVerify();
  }

  private static defaults: WidgetVerifyOptions = {};
  private static readonly live = new Set<CredlensVerifier>();

  static override properties: PropertyDeclarations = {
    src: { reflect: true },
    credential: {},
    upload: { type: Boolean, reflect: true },
    name: { reflect: true },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    compact: { type: Boolean, reflect: true },
    proxy: {},
    registries: {},
    theme: { reflect: true },
    lang: {},
    state: { reflect: true },
    options: { attribute: false },
    _attachment: { state: true },
    _expanded: { state: true },
    _notice: { state: true },
    _announcement: { state: true },
  };

  static override styles = verifierStyles;

  declare src: string | undefined;
  declare credential: string | undefined;
  declare upload: boolean;
  declare name: string;
  declare required: boolean;
  declare disabled: boolean;
  declare compact: boolean;
  declare proxy: string | undefined;
  /** Space-separated URLs of training registries (docs/registries.md), loaded for every verification. */
  declare registries: string | undefined;
  declare theme: string | undefined;
  /** Reflected as the `state` attribute; absent until there is something to verify. */
  declare state: VerificationState | undefined;
  /** Options for lib's verify() for this element (merged over `CredlensVerifier.defaultOptions`). */
  declare options: WidgetVerifyOptions;

  declare private _attachment: Attachment | undefined;
  declare private _expanded: boolean;
  declare private _notice: string | undefined;
  declare private _announcement: string;

  private readonly formField = new FormAssociationController(this, () => {
    const t = messages(this.language);
    return {
      value: this.formValueNow(),
      required: this.required,
      invalid: this.state === 'invalid',
      requiredMessage: this.pdf.current?.result?.found.length ? t.pdf.requiredMessage : t.ui.requiredMessage,
      invalidMessage: t.ui.invalidMessage,
      anchor: this.renderRoot?.querySelector<HTMLElement>('[data-anchor]') ?? undefined,
    };
  });

  private readonly laterStyles = new LaterStyles(this);
  private readonly uploader = new UploadController(this, {
    attach: (attachment) => this.setAttachment(attachment),
    unreadable: (message) => (this._notice = message ?? messages(this.language).ui.readError),
  }, this.laterStyles);
  private readonly pdf = new PdfListingController(this, (styles) => this.laterStyles.adopt(styles));
  private readonly run = new VerificationController(
    this,
    () => runOptions({ defaults: CredlensVerifier.defaults, options: this.options, proxy: this.proxy, registries: this.registries, document: this.ownerDocument }),
    PDF_WORKER_URL,
  );
  private autoVerifyQueued = false;

  constructor() {
    super();
    this.upload = false;
    this.required = false;
    this.disabled = false;
    this.compact = false;
    this.name = '';
    this.options = {};
    this._expanded = false;
    this._announcement = '';
  }

  /** The report of the last finished verification (docs/report.md), or undefined. */
  get report(): VerificationReport | undefined {
    return this.run.report;
  }

  /** For a PDF: every credential found, with where it was found and its report (in document order). */
  get reports(): Array<Pick<FoundCredential, 'location' | 'report'>> | undefined {
    return this.pdf.current?.result?.found.map(({ location, report }) => ({ location, report }));
  }

  /** The associated form, when the element is inside one. */
  get form(): HTMLFormElement | null {
    return this.formField.form;
  }

  get validity(): ValidityState | undefined {
    return this.formField.validity;
  }

  get validationMessage(): string {
    return this.formField.validationMessage;
  }

  checkValidity(): boolean {
    return this.formField.checkValidity();
  }

  reportValidity(): boolean {
    return this.formField.reportValidity();
  }

  /**
   * Verifies what the element holds now (the learner's attachment, else `credential`, else `src`)
   * and resolves with the report; a newer call cancels an older one (which then resolves undefined).
   * A PDF resolves undefined once its list is ready (`reports`).
   */
  async verify(): Promise<VerificationReport | undefined> {
    const attachment = this._attachment;
    if (attachment?.pdf) {
      await this.verifyPdf(attachment.input, attachment.name);
      return undefined;
    }
    this.pdf.clear();
    const input = this.currentInput();
    if (input === undefined) {
      this.resetResult();
      return undefined;
    }
    this.beginRun(messages(this.language).verdict.pending.label);
    const result = await this.run.start({ kind: 'credential', input });
    if (!this.finishedRun(result) || result.outcome.kind !== 'report') return undefined;
    const report = result.outcome.report;
    this.state = report.verdict;
    this._notice = blockedByNetwork(report) && !this.proxy ? messages(this.language).ui.corsHint : undefined;
    this._announcement = announcementFor(report, this.language);
    this.dispatchEvent(new CredlensVerifiedEvent(report));
    return report;
  }

  /**
   * Searches a PDF for credentials and verifies each (lib's verifyAll, pdf.js in a Worker). Fires
   * `credlens-verified` once per credential found; nothing is chosen until the learner ticks it.
   */
  private async verifyPdf(bytes: Uint8Array, name: string): Promise<void> {
    const t = messages(this.language);
    this.pdf.scanning(name);
    this.beginRun(fill(t.pdf.scanning, { name }));
    const result = await this.run.start({ kind: 'pdf', bytes, name });
    if (result.status === 'failed') this.pdf.listed(name, { found: [], notices: [] });
    if (!this.finishedRun(result) || result.outcome.kind !== 'pdf') return;
    const { found } = result.outcome.result;
    this.pdf.listed(name, result.outcome.result);
    this.state = this.pdf.state;
    this._announcement = fill(found.length === 0 ? t.pdf.none : found.length === 1 ? t.pdf.foundOne : t.pdf.foundMany, { name, count: String(found.length) });
    for (const each of found) this.dispatchEvent(new CredlensVerifiedEvent(each.report));
  }

  private beginRun(announcement: string): void {
    this._notice = undefined;
    this.state = 'pending';
    this._announcement = announcement;
  }

  /** A run that ended: true when it produced an outcome; a failure is told (lib throws only for misuse, or the PDF reader could not start). */
  private finishedRun(result: RunResult): result is Extract<RunResult, { status: 'done' }> {
    if (result.status !== 'failed') return result.status === 'done';
    const message = result.error instanceof Error ? result.error.message : String(result.error);
    this.state = 'unverifiable';
    this._notice = message;
    this._announcement = this.pdf.current ? message : `${messages(this.language).verdict.unverifiable.label}. ${message}`;
    return false;
  }

  private onChoose(index: number, chosen: boolean): void {
    if (!this.pdf.choose(index, chosen)) return;
    this.state = this.pdf.state;
    this.dispatchChange();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    CredlensVerifier.live.add(this);
    // A verification cut off when the element was moved elsewhere on the page runs again.
    if (this.run.takeInterrupted()) this.queueAutoVerify(true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    CredlensVerifier.live.delete(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.upload) void this.uploader.load();
    // Most reports are of one credential: the presentation view loads only for a presentation.
    if (this.run.report?.presentation) void import('../components/presentation-view.js');
    if ((changed.has('src') || changed.has('credential')) && !this._attachment) this.queueAutoVerify();
    else if (this.hasUpdated && (changed.has('options') || changed.has('proxy') || changed.has('registries'))) this.queueAutoVerify();
  }

  /** Form reset: the learner's attachment goes away. */
  formResetCallback(): void {
    if (this._attachment) this.setAttachment(undefined);
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  private queueAutoVerify(force = false): void {
    if (this.autoVerifyQueued || (!force && this.currentInput() === undefined)) return;
    this.autoVerifyQueued = true;
    queueMicrotask(() => {
      this.autoVerifyQueued = false;
      if (this.isConnected) void this.verify();
    });
  }

  private currentInput(): string | Uint8Array | undefined {
    if (this._attachment) return this._attachment.input;
    if (this.credential && this.credential.trim()) return this.credential;
    if (this.src && this.src.trim()) return new URL(this.src.trim(), this.ownerDocument.baseURI).href;
    return undefined;
  }

  private resetResult(): void {
    this.run.cancel();
    this.pdf.clear();
    this._notice = undefined;
    this._announcement = '';
    this.state = undefined;
  }

  private formValueNow(): string | File | FormData | null {
    if (this.pdf.current || this._attachment?.pdf) return this.pdf.formValue(this.name);
    if (this._attachment) return this._attachment.value;
    if (this.credential && this.credential.trim()) return this.credential;
    if (this.src && this.src.trim()) return this.src.trim();
    return null;
  }

  private dispatchChange(): void {
    const value = this.formValueNow();
    const attachment = this._attachment ? { kind: this._attachment.kind, name: this._attachment.name } : undefined;
    const values = value === null ? [] : value instanceof FormData ? value.getAll(this.name) : [value];
    const pdf = this.pdf.current;
    this.dispatchEvent(new CredlensChangeEvent({ attachment, value: values, ...(pdf ? { chosen: this.pdf.chosenIndices } : {}) }));
  }

  private setAttachment(attachment: Attachment | undefined): void {
    // Keep keyboard users where they were: the control they used is replaced by "Remove" (or back).
    const hadFocus = this.matches(':focus-within');
    this._attachment = attachment;
    this.pdf.clear();
    if (hadFocus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-anchor]')?.focus());
    this.dispatchChange();
    if (attachment || this.credential || this.src) void this.verify();
    else this.resetResult();
  }

  private onRemove(): void {
    this.uploader.clearText();
    this.setAttachment(undefined);
  }

  override render() {
    const lang = this.language;
    const t = messages(lang);
    const listing = this.pdf.current;
    const report = this.run.report;
    const problems = this.run.outcome?.registryProblems ?? [];
    return html`<div part="base" class="base">
      ${this.upload ? this.uploader.render({ lang, attachment: this._attachment, required: this.required, disabled: this.disabled, onRemove: () => this.onRemove() }) : nothing}
      <div role="status" aria-live="polite" aria-atomic="true" class="sr-only">${this._announcement}</div>
      ${listing
        ? listing.result && this.pdf.view
          ? this.pdf.view({ lang, theme: this.theme, disabled: this.disabled, listing, onChoose: (i, on) => this.onChoose(i, on), onToggle: (i) => this.pdf.toggle(i) }, listing.result)
          : html`<div class="pdf">
              <p class="pdf-summary">${fill(t.pdf.scanning, { name: listing.name })}</p>
              <credlens-verdict-badge state="pending" lang=${lang} theme=${this.theme ?? nothing}></credlens-verdict-badge>
            </div>`
        : this.state
          ? resultTemplate({
              lang,
              theme: this.theme,
              state: this.state,
              compact: this.compact,
              expanded: this._expanded,
              report,
              preview: this.run.preview,
              planned: this.run.planned,
              checks: this.run.checks,
              onToggle: () => (this._expanded = !this._expanded),
            })
          : nothing}
      ${this._notice ? html`<p part="notice" class="notice">${this._notice}</p>` : nothing}
      ${problems.map((p) => html`<p part="notice" class="notice" data-registry=${p.url}>${fill(t.ui.registryUnreadable, { url: p.url, reason: p.reason })}</p>`)}
      ${report && this.proxy && !this._notice ? html`<p class="meta">${t.ui.proxyHint}</p>` : nothing}
    </div>`;
  }
}

define('credlens-verifier', CredlensVerifier);

declare global {
  interface HTMLElementTagNameMap {
    'credlens-verifier': CredlensVerifier;
  }
}
