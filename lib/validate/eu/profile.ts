import { MICROCREDENTIAL_ELEMENTS, type MicrocredentialElement, type MicrocredentialElementValue, type MicrocredentialProfile } from '../../report.js';

/** Collects the eleven elements as a mapper finds them; `build()` makes the report's profile. */
export class ProfileBuilder {
  private readonly elements = new Map<MicrocredentialElement, MicrocredentialElementValue>();
  claims = false;

  /** Records an element unless already found; empty values (``, [], {}) do not count. */
  set(element: MicrocredentialElement, value: unknown, source: string): this {
    if (this.elements.get(element)?.present || isEmpty(value)) return this;
    this.elements.set(element, { present: true, value, source });
    return this;
  }

  build(): MicrocredentialProfile {
    const elements = Object.fromEntries(
      MICROCREDENTIAL_ELEMENTS.map((e) => [e, this.elements.get(e) ?? { present: false, value: null }]),
    ) as Record<MicrocredentialElement, MicrocredentialElementValue>;
    const missing = MICROCREDENTIAL_ELEMENTS.filter((e) => !elements[e].present);
    return { complete: missing.length === 0, elements, missing, claimsMicrocredential: this.claims };
  }
}

export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).every(isEmpty);
  if (typeof value === 'number') return !Number.isFinite(value);
  return false;
}
