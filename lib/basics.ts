/**
 * Credlens core, light entry point: limits, JSON parsing, the in-memory cache and the network
 * address policy, without the verifiers. For shells that must start fast (the command line's cold
 * start loads only what a verification needs); see docs/architecture.md, "Entry points".
 */
export { LIMITS } from './limits.js';
export { parseJsonText, parseJsonBytes } from './util/strict-json.js';
export { MemoryCache } from './io/memory-cache.js';
export { isNonPublicAddress } from './io/address.js';
