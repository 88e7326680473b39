/**
 * Credlens core, second public entry point: the building blocks beyond `verify()` that the shells
 * (extension, widget, command line, server) compose. Shells import lib only through `lib/index.ts`,
 * this file, `lib/browser.ts`, `lib/qr.ts` and `lib/sources/index.ts` (docs/architecture.md, "Entry points");
 * `npm test` enforces it (.dependency-cruiser.cjs).
 */
export { createIo, defaultPolicy, assertAllowedUrl, type Io, type IoOptions } from './io/index.js';
export { isNonPublicAddress } from './io/address.js';
export { acquire } from './input/acquire.js';
export { parseJsonText, parseJsonBytes } from './util/strict-json.js';
export { isRecord, asArray, typesOf } from './util/json.js';
export { readCapped, type CappedRead } from './util/stream.js';
export { pngChunks } from './input/baked.js';
export { readImageSize, MAX_IMAGE_PIXELS } from './input/image-size.js';
export { stackCredentials, type CredentialStack } from './validate/eu/index.js';
export { durationHours } from './validate/eu/stack.js';
export { discoverCredential, followLink, isCredential, looksBaked, CREDENTIAL_ACCEPT, type Discovery } from './input/follow-link.js';
export { codeKey } from './training-registry/index.js';
