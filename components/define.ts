/**
 * Registers a custom element once. A job board may load the widget script twice (two copies, two
 * versions): the first registration wins and the second is a no-op instead of a thrown error.
 */
export function define(name: string, constructor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry || registry.get(name)) return;
  registry.define(name, constructor);
}
