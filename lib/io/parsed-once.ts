/**
 * What was made from a cached resource's bytes, kept for as long as the bytes are: a thousand
 * credentials that read one status list or one DID document from a shared cache parse it once.
 *
 * The key is the body itself (the `Uint8Array` a `MemoryCache` or a resource bundle hands out again
 * on every hit), so an entry lives exactly as long as the cache keeps the resource, and the memo
 * needs no bound or expiry of its own. A cache that copies its bytes on every read (IndexedDB,
 * Redis) gives a new body each time and simply gets no sharing. Values are deep-frozen: every
 * caller receives the same object, so none may change what the next one reads.
 */
const derived = new WeakMap<Uint8Array, Map<string, unknown>>();

export function parsedOnce<T>(body: Uint8Array, what: string, parse: (body: Uint8Array) => T): T {
  let made = derived.get(body);
  if (made === undefined) {
    made = new Map();
    derived.set(body, made);
  }
  if (made.has(what)) return made.get(what) as T;
  const value = deepFreeze(parse(body));
  made.set(what, value);
  return value;
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
