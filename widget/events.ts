import type { VerificationReport } from '../lib/index.js';

/** Fired when a verification finishes; `detail` is the report (docs/report.md). */
export class CredlensVerifiedEvent extends CustomEvent<VerificationReport> {
  static readonly type = 'credlens-verified';
  constructor(report: VerificationReport) {
    super(CredlensVerifiedEvent.type, { detail: report, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'credlens-verified': CredlensVerifiedEvent;
  }
}
