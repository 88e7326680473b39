import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the form should know about the element now. */
export interface FormState {
  /** The form value (`null`: nothing to submit). */
  value: string | File | FormData | null;
  required: boolean;
  /** The verdict is `invalid`: the field is invalid too, so the form does not submit it. */
  invalid: boolean;
  /** The messages the browser shows for a missing value and for an invalid credential. */
  requiredMessage: string;
  invalidMessage: string;
  /** Where the browser points its validation bubble (the first upload control), once rendered. */
  anchor: HTMLElement | undefined;
}

/**
 * Form association for a custom element (ElementInternals): the form value and the validity,
 * synced after every update of the host and whenever the host asks (`sync()`). The host still
 * declares `static formAssociated = true` and the form callbacks; this keeps the bookkeeping.
 */
export class FormAssociationController implements ReactiveController {
  private readonly internals: ElementInternals | undefined;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly read: () => FormState,
  ) {
    this.internals = typeof host.attachInternals === 'function' ? host.attachInternals() : undefined;
    host.addController(this);
  }

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

  hostConnected(): void {
    this.sync();
  }

  hostUpdated(): void {
    this.sync();
  }

  /** Tells the form the value and validity now. */
  sync(): void {
    const internals = this.internals;
    if (!internals || typeof internals.setFormValue !== 'function') return;
    const state = this.read();
    internals.setFormValue(state.value);
    if (state.required && state.value === null) internals.setValidity({ valueMissing: true }, state.requiredMessage, state.anchor);
    else if (state.invalid) internals.setValidity({ customError: true }, state.invalidMessage, state.anchor);
    else internals.setValidity({});
  }
}
