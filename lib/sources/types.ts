/**
 * How a shared link leads to a credential:
 * - `endpoint`: the link is a human page; `credentialUrl` is the machine-readable credential behind it;
 * - `direct`: the link itself serves the credential (JSON-LD, JWT, hosted assertion);
 * - `page`: a web page to inspect for a declared credential (`<link rel="alternate">`, embedded
 *   JSON-LD); a platform page that declares none is reported as offering no verifiable credential.
 */
export type LinkKind = 'endpoint' | 'direct' | 'page';

export interface RecognisedLink {
  /** The source id, e.g. `credly`. */
  source: string;
  kind: LinkKind;
  credentialUrl?: string;
}

export interface SourceExample {
  url: string;
  kind: LinkKind;
  credentialUrl?: string;
}

/** One platform where credentials are shared. Pure data and regular expressions: the content script bundles these. */
export interface LinkSource {
  id: string;
  name: string;
  /** What the machine-readable side is and how Credlens verifies it. */
  verifiedAs: string;
  /** Where each URL pattern comes from (documentation, source code), for whoever maintains this file. */
  references: readonly string[];
  /**
   * Substrings (matched case-insensitively) of the raw link that every link `recognise` accepts
   * contains: its hosts or path markers. The content script parses no link without one of them.
   */
  linkMarkers: readonly string[];
  /** Links the tests require this source to recognise, with what they must map to. */
  examples: readonly SourceExample[];
  recognise(url: URL): Omit<RecognisedLink, 'source'> | undefined;
  /**
   * Picks the credential out of the platform's response when it wraps it (a JSON envelope).
   * Returns `undefined` when the response holds no credential.
   */
  extract?(value: unknown): unknown;
}
