/** Hard limits. Each has a test that proves it holds (test/unit/limits.test.ts and the fuzz suites). */
export const LIMITS = {
  /** A credential as text or JSON (JSON-LD, JWT, SD-JWT, JWS JSON). */
  maxCredentialBytes: 2 * 1024 * 1024,
  /** A badge image or PDF given as input. */
  maxImageBytes: 10 * 1024 * 1024,
  /** Nesting of JSON arrays and objects. */
  maxJsonDepth: 64,
  /** Proofs in one proof set or chain. */
  maxProofs: 8,
  /** Embedded endorsements verified for one credential (OB 3.0). */
  maxEndorsements: 16,
  /** Nested verification (endorsements of endorsements, refresh) depth. */
  maxNesting: 2,
  /** One HTTP response body. */
  maxResponseBytes: 2 * 1024 * 1024,
  /** A status list's bitstring after decompression. */
  maxStatusListBytes: 16 * 1024 * 1024,
  /** Redirects followed for one fetch. */
  maxRedirects: 3,
  /** Milliseconds for one fetch, headers and body. */
  fetchTimeoutMs: 10_000,
  /** SD-JWT disclosures in one credential. */
  maxDisclosures: 512,
  /** Default tolerance for clock differences between issuer and verifier. */
  clockSkewSeconds: 60,
} as const;
