/**
 * Credlens core, browser-only entry point: what needs IndexedDB. Kept out of `lib/index.ts` so that
 * Node never loads it (docs/architecture.md, "Entry points").
 */
export { IdbCache } from './io/idb-cache.js';
