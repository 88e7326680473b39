import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import '../components/check-list.js';
import '../components/credential-card.js';
import '../components/presentation-view.js';
import '../components/verdict-badge.js';
import { define } from '../components/define.js';
import { LocalizedElement } from '../components/localized-element.js';
import { formatDateTime, valueText } from '../components/format.js';
import { codeSummary, fill, formatName, messages, type Lang } from '../components/i18n/index.js';
import { blockedByNetwork } from '../components/report-facts.js';
import type { FetchLike } from '../lib/index.js';
import type { Check, CredentialSummary, PlannedCheck, VerificationReport, VerificationState } from '../lib/index.js';
import { verify as verifyCredential, type VerifyOptions } from '../lib/verify.js';
import { AttachmentError, formValue, fromFile, fromText, isPdf, verifyInput, type Attachment } from './attachment.js';
import { reportCard } from './report-card.js';
import { verifierStyles } from './credlens-verifier.styles.js';
import { CredlensVerifiedEvent } from './events.js';
import type { FoundCredential, PdfScanResult } from './pdf.js';
import { proxiedFetch } from './proxy.js';

/** pdfjs-dist's worker, copied beside the widget by the build (scripts/build-widget.mjs); fetched only for a PDF. */
const PDF_WORKER_URL = new URL('./pdf.worker.js', import.meta.url);

/** What a PDF the learner dropped holds, and which of its credentials the learner chose. */
interface PdfState {
  name: string;
  result?: PdfScanResult;
  chosen: boolean[];
  expanded: boolean[];
}

const SEVERITY: Record<VerificationState, number> = { pending: 0, verified: 1, warning: 2, unverifiable: 3, invalid: 4 };

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
 * @attr state - reflected, read-only: `pending | verified | warning | invalid | unverifiable`
 * @fires credlens-verified - when a verification finishes; `detail` is the report (bubbles, composed)
 * @fires change - when the learner attaches or removes a credential (upload mode)
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
    theme: { reflect: true },
    lang: {},
    state: { reflect: true },
    options: { attribute: false },
    _planned: { state: true },
    _checks: { state: true },
    _preview: { state: true },
    _report: { state: true },
    _attachment: { state: true },
    _expanded: { state: true },
    _notice: { state: true },
    _announcement: { state: true },
    _dragging: { state: true },
    _pdf: { state: true },
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
  declare theme: string | undefined;
  /** Reflected as the `state` attribute; absent until there is something to verify. */
  declare state: VerificationState | undefined;
  /** Options for lib's verify() for this element (merged over `CredlensVerifier.defaultOptions`). */
  declare options: WidgetVerifyOptions;

  declare private _planned: PlannedCheck[];
  declare private _checks: Array<Check | undefined>;
  declare private _preview: CredentialSummary | undefined;
  declare private _report: VerificationReport | undefined;
  declare private _attachment: Attachment | undefined;
  declare private _expanded: boolean;
  declare private _notice: string | undefined;
  declare private _announcement: string;
  declare private _dragging: boolean;
  declare private _pdf: PdfState | undefined;

  private readonly internals: ElementInternals | undefined;
  private controller: AbortController | undefined;
  private run = 0;
  private autoVerifyQueued = false;

  constructor() {
    super();
    this.upload = false;
    this.required = false;
    this.disabled = false;
    this.compact = false;
    this.name = '';
    this.options = {};
    this._planned = [];
    this._checks = [];
    this._expanded = false;
    this._announcement = '';
    this._dragging = false;
    this.internals = typeof this.attachInternals === 'function' ? this.attachInternals() : undefined;
  }

  /** The report of the last finished verification (docs/report.md), or undefined. */
  get report(): VerificationReport | undefined {
    return this._report;
  }

  /** The associated form, when the element is inside one. */
  get form(): HTMLFormElement | null {
    return this.internals?.form ?? null;
  }

  get validity(): ValidityState | undefined {
    return this.internals?.validity;
  }

  get validationMessage(): string {
    return this.internals?.validationMessage ?? '';
  }

  checkValidity(): boolean {
    return this.internals?.checkValidity() ?? true;
  }

  reportValidity(): boolean {
    return this.internals?.reportValidity() ?? true;
  }

  /**
   * Verifies what the element holds now (the learner's attachment, else `credential`, else `src`)
   * and resolves with the report; a newer call cancels an older one (which then resolves undefined).
   */
  async verify(): Promise<VerificationReport | undefined> {
    if (this._attachment && isPdf(this._attachment)) {
      await this.verifyPdf(this._attachment.bytes, this._attachment.name);
      return undefined;
    }
    this._pdf = undefined;
    const input = this.currentInput();
    this.controller?.abort();
    if (input === undefined) {
      this.resetResult();
      return undefined;
    }
    const { controller, run } = this.startRun();
    this.state = 'pending';
    this._announcement = messages(this.language).verdict.pending.label;
    this.updateValidity();
    let report: VerificationReport;
    try {
      report = await verifyCredential(input, {
        ...this.verifyOptions(),
        signal: controller.signal,
        onProgress: (event) => {
          if (run !== this.run) return;
          if (event.type === 'plan') {
            this._planned = event.checks;
            this._checks = [];
            this._preview = event.credential;
          } else {
            const next = [...this._checks];
            next[event.index] = event.check;
            this._checks = next;
          }
        },
      });
    } catch (error) {
      if (run !== this.run) return undefined;
      // verify() throws only for misuse (a bad option): say so rather than show a verdict.
      this.state = 'unverifiable';
      this._notice = error instanceof Error ? error.message : String(error);
      this._announcement = `${messages(this.language).verdict.unverifiable.label}. ${this._notice}`;
      this.updateValidity();
      return undefined;
    }
    if (run !== this.run) return undefined;
    this._report = report;
    this._checks = report.checks;
    this._planned = report.checks.map((c) => ({ id: c.id }));
    this.state = report.verdict;
    this._notice = blockedByNetwork(report) && !this.proxy ? messages(this.language).ui.corsHint : undefined;
    this._announcement = this.announcementFor(report);
    this.updateValidity();
    this.dispatchEvent(new CredlensVerifiedEvent(report));
    return report;
  }

  /** For a PDF: every credential found, with where it was found and its report (in document order). */
  get reports(): Array<Pick<FoundCredential, 'location' | 'report'>> | undefined {
    return this._pdf?.result?.found.map(({ location, report }) => ({ location, report }));
  }

  /**
   * Searches a PDF for credentials and verifies each (lib's verifyAll, pdf.js in a Worker). Fires
   * `credlens-verified` once per credential found; nothing is chosen until the learner ticks it.
   */
  private async verifyPdf(bytes: Uint8Array, name: string): Promise<void> {
    const { controller, run } = this.startRun();
    this._pdf = { name, chosen: [], expanded: [] };
    this.state = 'pending';
    const t = messages(this.language);
    this._announcement = fill(t.pdf.scanning, { name });
    this.updateValidity();
    let result: PdfScanResult;
    try {
      const { scanPdfUpload } = await import('./pdf.js');
      result = await scanPdfUpload(bytes, { ...this.verifyOptions(), signal: controller.signal }, PDF_WORKER_URL);
    } catch (error) {
      if (run !== this.run) return;
      this._pdf = { name, result: { found: [], notices: [] }, chosen: [], expanded: [] };
      this.state = 'unverifiable';
      this._notice = error instanceof Error ? error.message : String(error);
      this._announcement = this._notice;
      this.updateValidity();
      return;
    }
    if (run !== this.run) return;
    this._pdf = { name, result, chosen: result.found.map(() => false), expanded: result.found.map(() => false) };
    this.state = this.pdfState();
    const count = result.found.length;
    this._announcement = fill(count === 0 ? t.pdf.none : count === 1 ? t.pdf.foundOne : t.pdf.foundMany, { name, count: String(count) });
    this.updateValidity();
    for (const found of result.found) this.dispatchEvent(new CredlensVerifiedEvent(found.report));
  }

  /** A PDF's state: the worst verdict among the chosen credentials; nothing chosen, no state. */
  private pdfState(): VerificationState | undefined {
    const pdf = this._pdf;
    if (!pdf?.result) return pdf ? 'pending' : undefined;
    const chosen = pdf.result.found.filter((_, i) => pdf.chosen[i]).map((f) => f.report.verdict);
    if (chosen.length === 0) return pdf.result.found.length === 0 ? 'unverifiable' : undefined;
    return chosen.reduce((worst, v) => (SEVERITY[v] > SEVERITY[worst] ? v : worst));
  }

  private onChoose(index: number, event: Event): void {
    const pdf = this._pdf;
    if (!pdf) return;
    const chosen = [...pdf.chosen];
    chosen[index] = (event.target as HTMLInputElement).checked;
    this._pdf = { ...pdf, chosen };
    this.state = this.pdfState();
    this.updateValidity();
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private onToggleFound(index: number): void {
    const pdf = this._pdf;
    if (!pdf) return;
    const expanded = [...pdf.expanded];
    expanded[index] = !expanded[index];
    this._pdf = { ...pdf, expanded };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    CredlensVerifier.live.add(this);
    this.updateValidity();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    CredlensVerifier.live.delete(this);
    this.controller?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('src') || changed.has('credential')) && !this._attachment) this.queueAutoVerify();
    else if (this.hasUpdated && (changed.has('options') || changed.has('proxy'))) this.queueAutoVerify();
    if (changed.has('required') || changed.has('name') || changed.has('credential') || changed.has('src')) this.updateValidity();
  }

  /** Form reset: the learner's attachment goes away. */
  formResetCallback(): void {
    if (this._attachment) this.setAttachment(undefined);
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  private queueAutoVerify(): void {
    if (this.autoVerifyQueued || this.currentInput() === undefined) return;
    this.autoVerifyQueued = true;
    queueMicrotask(() => {
      this.autoVerifyQueued = false;
      if (this.isConnected) void this.verify();
    });
  }

  private currentInput(): string | Uint8Array | undefined {
    if (this._attachment) return verifyInput(this._attachment);
    if (this.credential && this.credential.trim()) return this.credential;
    if (this.src && this.src.trim()) return new URL(this.src.trim(), this.ownerDocument.baseURI).href;
    return undefined;
  }

  private verifyOptions(): VerifyOptions {
    const merged: VerifyOptions = { ...CredlensVerifier.defaults, ...this.options };
    const base: FetchLike = merged.fetch ?? ((url, init) => fetch(url, init));
    merged.fetch = this.proxy ? proxiedFetch(this.proxy, base, this.ownerDocument.baseURI) : base;
    return merged;
  }

  /** Cancels the verification under way and starts another: its cancel signal and its number, the last result forgotten. */
  private startRun(): { controller: AbortController; run: number } {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const run = ++this.run;
    this.clearResult();
    return { controller, run };
  }

  /** Forgets the last report, its checks, the preview and the notice. */
  private clearResult(): void {
    this._report = undefined;
    this._planned = [];
    this._checks = [];
    this._preview = undefined;
    this._notice = undefined;
  }

  private resetResult(): void {
    this.run++;
    this._pdf = undefined;
    this.clearResult();
    this._announcement = '';
    this.state = undefined;
    this.updateValidity();
  }

  private announcementFor(report: VerificationReport): string {
    const t = messages(this.language);
    const title = valueText(report.credential?.title) || valueText(report.credential?.achievement?.name);
    const words = t.verdict[report.verdict];
    return [words.label, title, words.description].filter(Boolean).join('. ');
  }

  private formValueNow(): string | File | FormData | null {
    if (this._pdf) return this.pdfFormValue();
    if (this._attachment) return formValue(this._attachment);
    if (this.credential && this.credential.trim()) return this.credential;
    if (this.src && this.src.trim()) return this.src.trim();
    return null;
  }

  /** One entry per chosen credential, all under the element's name (what `FormData.getAll(name)` returns on the server). */
  private pdfFormValue(): FormData | null {
    const pdf = this._pdf;
    const chosen = pdf?.result?.found.filter((_, i) => pdf.chosen[i]) ?? [];
    if (chosen.length === 0 || !this.name) return null;
    const data = new FormData();
    for (const found of chosen) data.append(this.name, found.value);
    return data;
  }

  private updateValidity(): void {
    const internals = this.internals;
    if (!internals || typeof internals.setFormValue !== 'function') return;
    const value = this.formValueNow();
    internals.setFormValue(value);
    const t = messages(this.language);
    const anchor = this.renderRoot?.querySelector<HTMLElement>('[data-anchor]') ?? undefined;
    if (this.required && value === null) internals.setValidity({ valueMissing: true }, this._pdf?.result?.found.length ? t.pdf.requiredMessage : t.ui.requiredMessage, anchor);
    else if (this.state === 'invalid') internals.setValidity({ customError: true }, t.ui.invalidMessage, anchor);
    else internals.setValidity({});
  }

  private setAttachment(attachment: Attachment | undefined): void {
    // Keep keyboard users where they were: the control they used is replaced by "Remove" (or back).
    const hadFocus = this.matches(':focus-within');
    this._attachment = attachment;
    if (hadFocus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-anchor]')?.focus());
    this.dispatchEvent(new Event('change', { bubbles: true }));
    if (attachment) void this.verify();
    else if (this.credential || this.src) void this.verify();
    else this.resetResult();
  }

  private async onFiles(files: FileList | null | undefined): Promise<void> {
    const file = files?.[0];
    if (!file) return;
    try {
      this.setAttachment(await fromFile(file));
    } catch (error) {
      this._notice = error instanceof AttachmentError ? error.message : messages(this.language).ui.readError;
    }
  }

  private onPick(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click();
  }

  private onFileChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    void this.onFiles(input.files).finally(() => {
      input.value = '';
    });
  }

  private onDragOver(event: DragEvent): void {
    if (this.disabled) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this._dragging = true;
  }

  private onDragLeave(): void {
    this._dragging = false;
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this._dragging = false;
    if (this.disabled) return;
    const data = event.dataTransfer;
    if (data?.files?.length) {
      void this.onFiles(data.files);
      return;
    }
    const text = data?.getData('text/uri-list') || data?.getData('text/plain');
    if (text) this.useText(text.split(/\r?\n/).find((line) => line && !line.startsWith('#')) ?? text);
  }

  private useText(text: string): void {
    const attachment = fromText(text);
    if (attachment) this.setAttachment(attachment);
  }

  private onPaste(event: ClipboardEvent): void {
    const text = event.clipboardData?.getData('text/plain');
    if (!text) return;
    event.preventDefault();
    const area = event.target as HTMLTextAreaElement;
    area.value = text;
    this.useText(text);
  }

  private onVerifyClick(): void {
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea');
    if (area) this.useText(area.value);
  }

  private onTextKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.onVerifyClick();
    }
  }

  private onRemove(): void {
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea');
    if (area) area.value = '';
    this.setAttachment(undefined);
  }

  private onToggle(): void {
    this._expanded = !this._expanded;
  }

  protected override updated(): void {
    // The validity anchor exists only after render.
    if (this.internals && this.required && !this.internals.validity.valid) this.updateValidity();
  }

  override render() {
    const lang = this.language;
    const t = messages(lang);
    return html`<div part="base" class="base">
      ${this.upload ? this.renderUpload(lang) : nothing}
      <div role="status" aria-live="polite" aria-atomic="true" class="sr-only">${this._announcement}</div>
      ${this._pdf ? this.renderPdf(lang, this._pdf) : this.state ? this.renderResult(lang) : nothing}
      ${this._notice ? html`<p part="notice" class="notice">${this._notice}</p>` : nothing}
      ${this._report && this.proxy && !this._notice ? html`<p class="meta">${t.ui.proxyHint}</p>` : nothing}
    </div>`;
  }

  private renderUpload(lang: Lang) {
    const t = messages(lang);
    const id = 'paste';
    if (this._attachment) {
      return html`<div class="attached">
        <span>${fill(t.ui.attached, { name: this._attachment.name })}</span>
        <button part="button" type="button" data-anchor @click=${this.onRemove} ?disabled=${this.disabled}>${t.ui.remove}</button>
      </div>`;
    }
    return html`<div
      part="dropzone"
      class="dropzone ${this._dragging ? 'dragging' : ''}"
      @dragover=${this.onDragOver}
      @dragenter=${this.onDragOver}
      @dragleave=${this.onDragLeave}
      @drop=${this.onDrop}
    >
      <p class="upload-label">${t.ui.attachLabel}${this.required ? html`<span aria-hidden="true"> *</span>` : nothing}</p>
      <div class="drop-row">
        <button part="button" type="button" class="primary" data-anchor @click=${this.onPick} ?disabled=${this.disabled}>${t.ui.chooseFile}</button>
        <span class="hint">${t.ui.dropHint}</span>
        <input
          type="file"
          hidden
          tabindex="-1"
          aria-label=${t.ui.chooseFile}
          accept=".json,.jsonld,.jwt,.txt,.png,.svg,.pdf,application/pdf,application/json,application/ld+json,application/vc+ld+json,application/vc+jwt,image/png,image/svg+xml,text/plain"
          @change=${this.onFileChange}
        />
      </div>
      <div class="paste">
        <label for=${id}>${t.ui.pasteLabel}</label>
        <textarea
          part="textarea"
          id=${id}
          rows="2"
          spellcheck="false"
          autocomplete="off"
          placeholder=${t.ui.pastePlaceholder}
          ?disabled=${this.disabled}
          aria-required=${this.required ? 'true' : 'false'}
          @paste=${this.onPaste}
          @keydown=${this.onTextKeydown}
        ></textarea>
        <div><button part="button" type="button" @click=${this.onVerifyClick} ?disabled=${this.disabled}>${t.ui.verifyButton}</button></div>
      </div>
    </div>`;
  }

  private renderPdf(lang: Lang, pdf: PdfState) {
    const t = messages(lang);
    if (!pdf.result) {
      return html`<div class="pdf"><p class="pdf-summary">${fill(t.pdf.scanning, { name: pdf.name })}</p>
        <credlens-verdict-badge state="pending" lang=${lang} theme=${this.theme ?? nothing}></credlens-verdict-badge></div>`;
    }
    const { found, notices } = pdf.result;
    const count = found.length;
    const summary = fill(count === 0 ? t.pdf.none : count === 1 ? t.pdf.foundOne : t.pdf.foundMany, { name: pdf.name, count: String(count) });
    const chosen = pdf.chosen.filter(Boolean).length;
    // "Nothing found" is already the summary; other document findings (a page not searched, encrypted) are told.
    const shownNotices = notices.filter((c) => c.code !== 'PDF_NO_CREDENTIAL' || count > 0);
    return html`<div class="pdf">
      <p class="pdf-summary" id="pdf-summary">${summary}</p>
      ${count
        ? html`<ul class="found" aria-label=${fill(t.pdf.listLabel, { name: pdf.name })}>
              ${found.map((f, i) => this.renderFound(lang, f, i, pdf))}
            </ul>
            <p class="meta" aria-live="polite">${fill(t.pdf.chosen, { count: String(chosen), total: String(count) })}</p>`
        : nothing}
      ${shownNotices.map((c) => html`<p part="notice" class="notice">${c.message}</p>`)}
      <p class="meta">${t.pdf.qrNotRead}</p>
    </div>`;
  }

  private renderFound(lang: Lang, found: FoundCredential, index: number, pdf: PdfState) {
    const t = messages(lang);
    const { report, location } = found;
    const title = valueText(report.credential?.title) || valueText(report.credential?.achievement?.name) || (report.format !== 'unknown' ? formatName(report.format, lang) : '') || t.ui.untitled;
    const where = [location.page ? fill(t.pdf.page, { page: String(location.page) }) : '', t.pdf.where[location.kind], location.name ?? location.url ?? ''].filter(Boolean).join(' · ');
    const attachable = report.verdict !== 'invalid';
    // Why, in the learner's words: the first check that failed.
    const failure = attachable ? undefined : report.checks.find((c) => c.status === 'fail');
    const id = `found-${index}`;
    const expanded = pdf.expanded[index] === true;
    const credential = report.credential;
    return html`<li class="found-item ${pdf.chosen[index] ? 'chosen' : ''}" data-verdict=${report.verdict} data-kind=${location.kind}>
      <div class="found-row">
        <input
          type="checkbox"
          id=${id}
          .checked=${pdf.chosen[index] === true}
          ?disabled=${!attachable || this.disabled}
          aria-describedby=${attachable ? `${id}-where` : `${id}-where ${id}-note`}
          @change=${(e: Event) => this.onChoose(index, e)}
        />
        <label class="found-label" for=${id}>
          <credlens-verdict-badge state=${report.verdict} lang=${lang} theme=${this.theme ?? nothing}></credlens-verdict-badge>
          <span class="found-title">${title}</span>
          <span class="found-where" id="${id}-where">${where}</span>
        </label>
        <button part="toggle button" class="toggle" type="button" aria-expanded=${expanded ? 'true' : 'false'} aria-controls="${id}-details" @click=${() => this.onToggleFound(index)}>
          ${expanded ? t.ui.hideDetails : t.ui.showDetails}
        </button>
      </div>
      ${attachable ? nothing : html`<p class="found-note" id="${id}-note">${t.pdf.notAttachable} ${failure ? codeSummary(failure.code, lang) : ''}</p>`}
      <div class="found-details" id="${id}-details" ?hidden=${!expanded}>
        ${expanded
          ? html`${reportCard(lang, this.theme, credential, report, report.verdict === 'invalid')}
              <credlens-check-list lang=${lang} theme=${this.theme ?? nothing} .planned=${report.checks.map((c) => ({ id: c.id }))} .checks=${report.checks}></credlens-check-list>`
          : nothing}
      </div>
    </li>`;
  }

  private renderResult(lang: Lang) {
    const t = messages(lang);
    const state = this.state ?? 'pending';
    const report = this._report;
    const credential = report?.credential ?? this._preview;
    const title = valueText(credential?.title) || valueText(credential?.achievement?.name);
    const showDetails = !this.compact || this._expanded;
    const detailsId = 'details';
    return html`<div part="summary" class="summary">
        <credlens-verdict-badge
          part="badge"
          exportparts="label: badge-label, icon: badge-icon"
          state=${state}
          lang=${lang}
          theme=${this.theme ?? nothing}
          ?detailed=${!this.compact}
        ></credlens-verdict-badge>
        ${this.compact && title ? html`<span class="title">${title}</span>` : nothing}
        ${this.compact
          ? html`<button part="toggle button" class="toggle" type="button" aria-expanded=${this._expanded ? 'true' : 'false'} aria-controls=${detailsId} @click=${this.onToggle}>
              ${this._expanded ? t.ui.hideDetails : t.ui.showDetails}
            </button>`
          : nothing}
      </div>
      <div part="details" id=${detailsId} class="details ${credential || report?.presentation ? 'two' : ''}" ?hidden=${!showDetails}>
        ${report?.presentation ? html`<credlens-presentation-view class="panel" lang=${lang} theme=${this.theme ?? nothing} .presentation=${report.presentation}></credlens-presentation-view>` : nothing}
        ${reportCard(lang, this.theme, credential, report, state === 'invalid')}
        <div>
          <credlens-check-list lang=${lang} theme=${this.theme ?? nothing} .planned=${this._planned} .checks=${this._checks}></credlens-check-list>
          ${report
            ? html`<p class="meta">
                ${t.ui.format}: ${report.format === 'unknown' ? '—' : formatName(report.format, lang)} ·
                ${t.ui.checkedAt}: ${formatDateTime(report.verifiedAt, lang)}
              </p>`
            : nothing}
        </div>
      </div>`;
  }
}

define('credlens-verifier', CredlensVerifier);

declare global {
  interface HTMLElementTagNameMap {
    'credlens-verifier': CredlensVerifier;
  }
}
