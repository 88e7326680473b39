import type { FormatHandler } from '../pipeline/types.js';
import type { FormatId } from '../report.js';

/**
 * The handlers, loaded on demand so that a JOSE credential never loads the JSON-LD engine and the
 * widget's first paint loads none of them. A recognised format without a handler is reported as
 * `FORMAT_UNSUPPORTED` (unverifiable).
 */
const HANDLERS: Partial<Record<FormatId, () => Promise<FormatHandler>>> = {
  edc: async () => (await import('./edc/index.js')).handler,
  'ob2-hosted': async () => (await import('./ob2.js')).ob2HostedHandler,
  'ob2-signed': async () => (await import('./ob2.js')).ob2SignedHandler,
  'vc-di': async () => (await import('./vc-di/index.js')).handler,
  'vc-jwt': async () => (await import('./vc-jwt.js')).vcJwtHandler,
  'vc-jose': async () => (await import('./vc-jose.js')).vcJoseHandler,
  'sd-jwt-vc': async () => (await import('./sd-jwt-vc.js')).sdJwtVcHandler,
  'ebsi-jwt': async () => (await import('./ebsi-jwt.js')).ebsiJwtHandler,
  vp: async () => (await import('./vp/index.js')).vpHandler,
  'vp-jwt': async () => (await import('./vp/index.js')).vpJwtHandler,
};

/**
 * Runs `load` once and hands every later caller the same promise; a failed load is forgotten so
 * that the next call tries again. A dynamic `import()` of a module already loaded still goes
 * through the module loader's resolution on every call (measured: a tenth of a warm Data Integrity
 * verification in Node), so each handler is imported once per process.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    if (!pending) {
      pending = load();
      pending.catch(() => {
        pending = undefined;
      });
    }
    return pending;
  };
}

const LOADED = new Map<FormatId, () => Promise<FormatHandler>>();

export async function loadHandler(format: FormatId): Promise<FormatHandler | undefined> {
  const load = HANDLERS[format];
  if (!load) return undefined;
  let once = LOADED.get(format);
  if (!once) {
    once = loadOnce(load);
    LOADED.set(format, once);
  }
  return once();
}

export const FORMAT_NAMES: Record<FormatId, string> = {
  'vc-di': 'W3C Verifiable Credential with a Data Integrity proof',
  'vc-jwt': 'W3C Verifiable Credential as a JWT (VC-JWT)',
  'vc-jose': 'W3C Verifiable Credential secured with JOSE (VC-JOSE)',
  'sd-jwt-vc': 'SD-JWT Verifiable Credential',
  'ob2-hosted': 'Open Badges 2.0 hosted assertion',
  'ob2-signed': 'Open Badges 2.0 signed assertion',
  edc: 'Europass Digital Credential (JAdES eSeal)',
  'ebsi-jwt': 'EBSI verifiable attestation',
  vp: 'W3C Verifiable Presentation',
  'vp-jwt': 'W3C Verifiable Presentation as a JWT (VP-JWT)',
  unknown: 'unknown format',
};
