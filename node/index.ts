/**
 * `credlens/node`: what only Node can do. Credential files and standard input, offline resource
 * folders, the DNS-pinned fetch that never contacts a private address, and the QR decoder's
 * WebAssembly from the installed package. Everything else is in `credlens` itself.
 */
export { readInputBytes, directoryBundle, InputReadError, isPdfBytes } from './input.js';
export { pinnedFetch, resolveHost, nodeNetworkOptions, type PinnedFetchOptions } from './fetch.js';
export { setUpNodeQrDecoder } from './qr.js';
export { verifyFile } from './verify-file.js';
