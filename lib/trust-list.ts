/**
 * Leaf entry point: reading trust lists (parse, load through the guarded seam, `TrustListError`),
 * for a shell that loads them on demand without the rest of lib (the command line's `--trust-list`).
 */
export { parseTrustList, loadTrustList, TrustListError } from './trust/list.js';
