import type { GeneratedValidator } from '../generated/validator.js';

type ValidationError = NonNullable<GeneratedValidator['errors']>[number];

/** `/credentialSubject/achievement` → `credentialSubject.achievement` (JSON Pointer unescaped). */
function memberPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

const COMBINATORS = new Set(['oneOf', 'anyOf', 'allOf', 'if', 'not']);

/**
 * The error worth showing a person. ajv reports every failed branch of a `oneOf`; a missing
 * required member says the most, then the deepest error, then the combinator's own summary.
 */
export function mainError(errors: readonly ValidationError[]): { text: string; missing?: string; path: string } | undefined {
  const required = errors.find((e) => e.keyword === 'required');
  if (required) {
    const parent = memberPath(required.instancePath);
    const missing = String(required.params.missingProperty ?? '');
    const member = parent ? `${parent}.${missing}` : missing;
    return { text: `the required member "${member}" is missing`, missing: member, path: parent };
  }
  const specific = errors.filter((e) => !COMBINATORS.has(e.keyword));
  const chosen = (specific.length ? specific : errors).reduce<ValidationError | undefined>(
    (best, e) => (!best || e.instancePath.length > best.instancePath.length ? e : best),
    undefined,
  );
  if (!chosen) return undefined;
  const path = memberPath(chosen.instancePath);
  return { text: `${path ? `"${path}"` : 'the credential'} ${chosen.message ?? `fails "${chosen.keyword}"`}`, path };
}
