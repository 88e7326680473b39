import fc from 'fast-check';

/** A path into a JSON value: member names and array indexes. */
export type JsonPath = Array<string | number>;

export type Mutation =
  | { kind: 'replace'; path: JsonPath; value: unknown }
  | { kind: 'remove'; path: JsonPath }
  | { kind: 'add'; path: JsonPath; key: string; value: unknown }
  | { kind: 'swap'; path: JsonPath; i: number; j: number };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path in the value, with what is there. */
export function paths(value: unknown, prefix: JsonPath = []): Array<{ path: JsonPath; value: unknown }> {
  const out: Array<{ path: JsonPath; value: unknown }> = [{ path: prefix, value }];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function parentOf(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const step of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[step];
  return node;
}

function at(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const step of path) node = (node as Record<string | number, unknown>)[step];
  return node;
}

/** Applies a mutation to a deep copy; `undefined` when it would leave the value as it was. */
export function applyMutation(original: Record<string, unknown>, m: Mutation): Record<string, unknown> | undefined {
  const copy = structuredClone(original);
  const before = JSON.stringify(copy);
  switch (m.kind) {
    case 'replace': {
      if (m.path.length === 0) return undefined;
      const parent = parentOf(copy, m.path) as Record<string | number, unknown>;
      parent[m.path[m.path.length - 1] as string] = m.value;
      break;
    }
    case 'remove': {
      if (m.path.length === 0) return undefined;
      const parent = parentOf(copy, m.path);
      const last = m.path[m.path.length - 1] as string | number;
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete (parent as Record<string, unknown>)[last as string];
      break;
    }
    case 'add': {
      const target = at(copy, m.path);
      if (!target || typeof target !== 'object' || Array.isArray(target)) return undefined;
      (target as Record<string, unknown>)[m.key] = m.value;
      break;
    }
    case 'swap': {
      const target = at(copy, m.path);
      if (!Array.isArray(target) || m.i >= target.length || m.j >= target.length) return undefined;
      [target[m.i], target[m.j]] = [target[m.j], target[m.i]];
      break;
    }
  }
  return JSON.stringify(copy) === before ? undefined : copy;
}

function valueArbitrary(withEmpty: boolean): fc.Arbitrary<Json> {
  const scalars: Array<fc.Arbitrary<Json>> = [fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant('did:example:attacker')];
  if (withEmpty) scalars.push(fc.constant(null));
  const scalar = fc.oneof(...scalars);
  return fc.oneof(scalar, fc.array(scalar, { minLength: withEmpty ? 0 : 1, maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 6 }), scalar, { maxKeys: 2 }));
}

/**
 * Mutations of the signed content: a value changed (also to another type), a member added or
 * removed, an array element changed, removed or (when `orderMatters`) reordered.
 */
export function mutationOf(
  doc: Record<string, unknown>,
  options: { orderMatters: boolean; exclude?: (path: JsonPath) => boolean; emptyValuesAreChanges?: boolean },
): fc.Arbitrary<Mutation> {
  // JSON-LD drops null and [] values: under RDF canonicalisation adding one leaves the signed data equal.
  const value = valueArbitrary(options.emptyValuesAreChanges ?? true);
  const all = paths(doc).filter((p) => p.path.length > 0 && !(options.exclude?.(p.path) ?? false));
  const objects = paths(doc).filter((p) => p.value && typeof p.value === 'object' && !Array.isArray(p.value) && !(options.exclude?.(p.path) ?? false));
  const arrays = all.filter((p) => Array.isArray(p.value) && (p.value as unknown[]).length > 1);
  const pick = <T>(items: T[]): fc.Arbitrary<T> => fc.constantFrom(...items);
  const kinds: Array<fc.Arbitrary<Mutation>> = [
    fc.record({ kind: fc.constant('replace' as const), path: pick(all).map((p) => p.path), value }),
    fc.record({ kind: fc.constant('remove' as const), path: pick(all).map((p) => p.path) }),
    fc.record({
      kind: fc.constant('add' as const),
      path: pick(objects).map((p) => p.path),
      key: fc.oneof(fc.constantFrom('name', 'description', 'id', 'type', 'validUntil', 'evil'), fc.string({ minLength: 1, maxLength: 8 })),
      value,
    }),
  ];
  if (options.orderMatters && arrays.length > 0) {
    kinds.push(
      pick(arrays).chain((p) => {
        const n = (p.value as unknown[]).length;
        return fc.record({ kind: fc.constant('swap' as const), path: fc.constant(p.path), i: fc.nat(n - 1), j: fc.nat(n - 1) });
      }),
    );
  }
  return fc.oneof(...kinds);
}

/** The same JSON with every object's members in another order. */
export function shuffledKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => shuffledKeys(v, seed + i + 1));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    const rotated = entries.map((_, i) => entries[(i + seed) % entries.length] as [string, unknown]).reverse();
    return Object.fromEntries(rotated.map(([k, v]) => [k, shuffledKeys(v, seed + k.length)]));
  }
  return value;
}
