import type { CSSResult, ReactiveController, ReactiveControllerHost } from 'lit';
import type { VerificationState } from '../../lib/index.js';
import { worstVerdict } from '../../lib/report.js';
import type { FoundCredential, PdfScanResult } from '../pdf.js';
import type { pdfListTemplate } from '../templates/pdf-list.js';

/** What a PDF the learner dropped holds, and which of its credentials the learner chose. */
export interface PdfListing {
  name: string;
  /** Absent while the PDF is being searched. */
  result?: PdfScanResult;
  chosen: readonly boolean[];
  expanded: readonly boolean[];
}

/**
 * The credentials found in a PDF (a CV): the listing while it is searched and once it is, which
 * ones the learner ticked (only those that did not fail verification can be), which ones are
 * opened, the state they add up to and the form value they make.
 */
export class PdfListingController implements ReactiveController {
  private listing: PdfListing | undefined;
  /** The list's template, loaded with the PDF module when the first PDF arrives. */
  view: typeof pdfListTemplate | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Adds the list's styles to the host's shadow root (they load with the list). */
    private readonly adoptStyles: (styles: CSSResult) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The PDF shown now, if any. */
  get current(): PdfListing | undefined {
    return this.listing;
  }

  /** A PDF is being searched. */
  scanning(name: string): void {
    this.set({ name, chosen: [], expanded: [] });
    if (!this.view) void this.loadView();
  }

  private async loadView(): Promise<void> {
    const { pdfListStyles, pdfListTemplate } = await import('../pdf.js');
    this.adoptStyles(pdfListStyles);
    this.view = pdfListTemplate;
    this.host.requestUpdate();
  }

  /** The search is done: nothing chosen, nothing opened. */
  listed(name: string, result: PdfScanResult): void {
    this.set({ name, result, chosen: result.found.map(() => false), expanded: result.found.map(() => false) });
  }

  clear(): void {
    this.set(undefined);
  }

  /** Ticks or unticks a found credential; one that failed verification stays unticked. Returns whether anything changed. */
  choose(index: number, chosen: boolean): boolean {
    const listing = this.listing;
    const found = listing?.result?.found[index];
    if (!listing || !found || (chosen && found.report.verdict === 'invalid') || listing.chosen[index] === chosen) return false;
    const next = [...listing.chosen];
    next[index] = chosen;
    this.set({ ...listing, chosen: next });
    return true;
  }

  /** Opens or closes one credential's details. */
  toggle(index: number): void {
    const listing = this.listing;
    if (!listing?.result?.found[index]) return;
    const expanded = [...listing.expanded];
    expanded[index] = !expanded[index];
    this.set({ ...listing, expanded });
  }

  /** The credentials the learner ticked, in document order. */
  get chosen(): FoundCredential[] {
    const listing = this.listing;
    return listing?.result?.found.filter((_, i) => listing.chosen[i]) ?? [];
  }

  /** Positions of the ticked credentials (document order). */
  get chosenIndices(): number[] {
    return this.listing?.chosen.flatMap((c, i) => (c ? [i] : [])) ?? [];
  }

  /**
   * The element's state for this PDF: pending while searching, the worst verdict among the ticked
   * credentials, none when nothing is ticked, and unverifiable when the PDF holds no credential.
   */
  get state(): VerificationState | undefined {
    const listing = this.listing;
    if (!listing) return undefined;
    if (!listing.result) return 'pending';
    const verdicts = this.chosen.map((f) => f.report.verdict);
    if (verdicts.length === 0) return listing.result.found.length === 0 ? 'unverifiable' : undefined;
    return worstVerdict(verdicts);
  }

  /** One entry per ticked credential, all under `name` (what `FormData.getAll(name)` returns on the server). */
  formValue(name: string): FormData | null {
    const chosen = this.chosen;
    if (chosen.length === 0 || !name) return null;
    const data = new FormData();
    for (const found of chosen) data.append(name, found.value);
    return data;
  }

  private set(listing: PdfListing | undefined): void {
    this.listing = listing;
    this.host.requestUpdate();
  }
}
