/**
 * Shape helpers for JSON that came from outside (a credential, a DID document, a status list):
 * the ground floor of lib/, importing nothing, so every folder can use them without a cycle.
 */

export type JsonRecord = Record<string, unknown>;

/** A JSON object (not an array, not null). */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON-LD "one or many" value as a list: absent (undefined or null) is empty, one value is a list of one. */
export function asArray(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

/** The strings of a "one or many" value; anything else in it is dropped. */
export function stringsOf(value: unknown): string[] {
  return asArray(value).filter((x): x is string => typeof x === 'string');
}

/** The objects of a "one or many" value; anything else in it is dropped. */
export function recordsOf(value: unknown): JsonRecord[] {
  return asArray(value).filter(isRecord);
}

/** A node's types: `type`, or its JSON-LD keyword form `@type` when `type` is absent. Not an object: none. */
export function typesOf(value: unknown): string[] {
  if (!isRecord(value)) return [];
  return stringsOf(value.type ?? value['@type']);
}
