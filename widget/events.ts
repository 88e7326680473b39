import type { VerificationReport } from '../lib/index.js';

/** Fired when a verification finishes; `detail` is the report (docs/report.md). */
export class CredlensVerifiedEvent extends CustomEvent<VerificationReport> {
  static readonly type = 'credlens-verified';
  constructor(report: VerificationReport) {
    super(CredlensVerifiedEvent.type, { detail: report, bubbles: true, composed: true });
  }
}

/** What the learner has attached, as a `change` event tells it (docs/widget.md, "Properties, methods, events"). */
export interface CredlensChangeDetail {
  /** What the learner attached (a file, pasted text or a link); `undefined` after *Remove* or a form reset. */
  attachment: { kind: 'file' | 'text' | 'link'; name: string } | undefined;
  /** What the form submits under the element's name now, as `FormData.getAll(name)` lists it (empty: nothing). */
  value: Array<string | File>;
  /** For a PDF: the positions (document order, as in `reports`) of the credentials the learner ticked. */
  chosen?: number[];
}

/**
 * Fired when the learner attaches or removes a credential, or ticks or unticks one found in a PDF
 * (upload mode). A `change` event like a native field's (bubbles, not composed), with a typed `detail`.
 */
export class CredlensChangeEvent extends CustomEvent<CredlensChangeDetail> {
  static readonly type = 'change';
  constructor(detail: CredlensChangeDetail) {
    super(CredlensChangeEvent.type, { detail, bubbles: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'credlens-verified': CredlensVerifiedEvent;
  }
}
