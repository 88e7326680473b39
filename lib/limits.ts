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
  /** PDF pages searched for links and QR codes; later pages are reported as not searched. */
  maxPdfPages: 100,
  /** A PDF page larger than this (PDF points², about A1) is not rendered for QR codes. */
  maxPdfPageArea: 1684 * 2384,
  /** Pixels of one rendered PDF page (RGBA); the resolution drops to stay under it. */
  maxPdfRenderPixels: 12_000_000,
  /** Milliseconds to render one PDF page for QR codes. */
  pdfRenderTimeoutMs: 15_000,
  /** Milliseconds spent rendering all pages of one PDF; later pages are reported as not searched. */
  pdfRenderBudgetMs: 60_000,
  /** One file embedded in a PDF (attachment); a baked badge image fits easily. */
  maxPdfEmbeddedFileBytes: 5 * 1024 * 1024,
  /** Credential candidates verified from one PDF (links, files, QR codes). */
  maxPdfCandidates: 32,
} as const;
