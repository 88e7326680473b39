import type { ResourceBundle } from './types.js';

const encoder = new TextEncoder();

/** A bundle held in memory: values are bytes, text, or JSON values (serialised once). */
export function memoryBundle(entries: Record<string, Uint8Array | string | object>): ResourceBundle {
  const map = new Map<string, Uint8Array>();
  for (const [id, value] of Object.entries(entries)) {
    map.set(id, value instanceof Uint8Array ? value : encoder.encode(typeof value === 'string' ? value : JSON.stringify(value)));
  }
  return { get: async (id) => map.get(id) };
}

/** Consults several bundles in order. */
export function chainBundles(...bundles: Array<ResourceBundle | undefined>): ResourceBundle {
  const present = bundles.filter((b): b is ResourceBundle => b !== undefined);
  return {
    async get(id) {
      for (const bundle of present) {
        const hit = await bundle.get(id);
        if (hit) return hit;
      }
      return undefined;
    },
  };
}
