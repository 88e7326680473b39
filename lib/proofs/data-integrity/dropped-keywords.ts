import { CredlensError } from '../../errors.js';
/**
 * JSON-LD expansion silently ignores some keyword-like members of node objects (`@index`, `@none`,
 * `@version`, `@protected`, `@vocab`, the framing keywords `@embed`, `@explicit`...): they never reach
 * the canonical N-Quads, so an RDF signature does not cover them, and even safe mode lets them pass.
 * A credential carrying one holds content nobody signed: it is refused.
 *
 * Only these keywords may name members outside a `@context` (they all produce or shape RDF).
 */
const SIGNED_KEYWORDS = new Set(['@context', '@id', '@type', '@value', '@language', '@direction', '@list', '@set', '@graph', '@reverse', '@included', '@nest', '@json']);

export class UnsignedKeywordError extends CredlensError {
  constructor(readonly member: string, readonly path: string) {
    super('JSONLD_REFUSED', `The credential has a member "${member}" at ${path} that JSON-LD drops before signing, so no signature covers it`, { check: 'DI_UNDEFINED_TERM' });
  }
}

/** Throws `UnsignedKeywordError` for the first keyword-like member an RDF signature would not cover. */
export function assertNoUnsignedKeywords(value: unknown, path = '$'): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertNoUnsignedKeywords(item, `${path}[${i}]`));
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [key, member] of Object.entries(value)) {
    if (key.startsWith('@') && !SIGNED_KEYWORDS.has(key)) throw new UnsignedKeywordError(key, path);
    // A context defines terms (its own keywords are fine); a literal's @value is signed as it is.
    if (key === '@context' || key === '@value') continue;
    assertNoUnsignedKeywords(member, `${path}.${key}`);
  }
}
