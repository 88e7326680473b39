/**
 * The pinned JSON-LD contexts Credlens ships. A context URL not listed here is never fetched: it is
 * used only when the caller's resource bundle provides it, and otherwise the proof check fails with
 * `DI_CONTEXT_UNKNOWN`. Each file is loaded on first use (a dynamic import), so formats that are not
 * JSON-LD never pay for them. To add a context: put the file in `files/`, add one line below, one
 * row to `files/SOURCES.md` and its SHA-256 to `files/SHA256SUMS` (a unit test checks every shipped
 * file against its pinned hash, so a context can never change unnoticed).
 */
type Loader = () => Promise<{ default: unknown }>;

export const PINNED_CONTEXTS: Readonly<Record<string, Loader>> = {
  'https://www.w3.org/2018/credentials/v1': () => import('./files/credentials-v1.json', { with: { type: 'json' } }),
  'https://www.w3.org/ns/credentials/v2': () => import('./files/credentials-v2.json', { with: { type: 'json' } }),
  'https://www.w3.org/ns/credentials/undefined-terms/v2': () => import('./files/credentials-undefined-terms-v2.json', { with: { type: 'json' } }),
  'https://www.w3.org/2018/credentials/examples/v1': () => import('./files/credentials-examples-v1.json', { with: { type: 'json' } }),
  'https://www.w3.org/ns/credentials/examples/v2': () => import('./files/credentials-examples-v2.json', { with: { type: 'json' } }),
  'https://www.w3.org/ns/credentials/status/v1': () => import('./files/credentials-status-v1.json', { with: { type: 'json' } }),
  'https://w3id.org/vc/status-list/2021/v1': () => import('./files/status-list-2021-v1.json', { with: { type: 'json' } }),
  'https://w3id.org/vc-revocation-list-2020/v1': () => import('./files/revocation-list-2020-v1.json', { with: { type: 'json' } }),
  'https://w3id.org/security/data-integrity/v1': () => import('./files/data-integrity-v1.json', { with: { type: 'json' } }),
  'https://w3id.org/security/data-integrity/v2': () => import('./files/data-integrity-v2.json', { with: { type: 'json' } }),
  'https://w3id.org/security/multikey/v1': () => import('./files/multikey-v1.json', { with: { type: 'json' } }),
  'https://w3id.org/security/suites/ed25519-2018/v1': () => import('./files/ed25519-2018-v1.json', { with: { type: 'json' } }),
  'https://w3id.org/security/suites/ed25519-2020/v1': () => import('./files/ed25519-2020-v1.json', { with: { type: 'json' } }),
  'https://w3id.org/security/v1': () => import('./files/security-v1.json', { with: { type: 'json' } }),
  'https://w3id.org/security/v2': () => import('./files/security-v2.json', { with: { type: 'json' } }),
  'https://www.w3.org/ns/did/v1': () => import('./files/did-v1.json', { with: { type: 'json' } }),
  'https://purl.imsglobal.org/spec/ob/v3p0/context.json': () => import('./files/ob-v3p0-3.0.0.json', { with: { type: 'json' } }),
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.0.json': () => import('./files/ob-v3p0-3.0.0.json', { with: { type: 'json' } }),
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json': () => import('./files/ob-v3p0-3.0.1.json', { with: { type: 'json' } }),
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json': () => import('./files/ob-v3p0-3.0.2.json', { with: { type: 'json' } }),
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': () => import('./files/ob-v3p0-3.0.3.json', { with: { type: 'json' } }),
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': () => import('./files/ob-v3p0-extensions.json', { with: { type: 'json' } }),
  'https://purl.imsglobal.org/spec/clr/v2p0/context.json': () => import('./files/clr-v2p0-2.0.0.json', { with: { type: 'json' } }),
  'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json': () => import('./files/clr-v2p0-2.0.1.json', { with: { type: 'json' } }),
  'https://w3c-ccg.github.io/vc-ed/plugfest-1-2022/jff-vc-edu-plugfest-1-context.json': () => import('./files/jff-plugfest-1.json', { with: { type: 'json' } }),
};

const loaded = new Map<string, Promise<unknown>>();

/** The pinned context for `url`, or undefined when Credlens does not ship it. Loaded once per process. */
export function pinnedContext(url: string): Promise<unknown> | undefined {
  const load = PINNED_CONTEXTS[url];
  if (!load) return undefined;
  let promise = loaded.get(url);
  if (!promise) {
    promise = load().then((m) => m.default);
    loaded.set(url, promise);
  }
  return promise;
}

export function isPinnedContext(url: string): boolean {
  return Object.prototype.hasOwnProperty.call(PINNED_CONTEXTS, url);
}
