import pLimit from 'p-limit';
import { CREDENTIAL_ACCEPT } from './input/acquire.js';
import { ContainerError } from './input/container-error.js';
import type { CredentialLocation, PdfCandidate, PdfScan } from './input/pdf/types.js';
import { sniff, type VerifyInput } from './input/sniff.js';
import { chainBundles, memoryBundle, MemoryCache } from './io/index.js';
import { LIMITS } from './limits.js';
import { check, deriveVerdict, type Check, type VerificationReport } from './report.js';
import { recogniseLink } from './sources/index.js';
import { ioForOptions, verify, type VerifyOptions } from './verify.js';

export type { CredentialLocation } from './input/pdf/types.js';

export interface VerifyAllOptions extends VerifyOptions {
  /** PDF engine: in a browser, a Worker running pdfjs-dist's `pdf.worker.mjs`. */
  pdfWorker?: Worker;
  /** Render PDF pages and read QR codes (default true; needs `configureQrDecoder()` first). */
  pdfQr?: boolean;
  /** Give each result the `input` that was verified, so a caller can pass the credential on (the widget's form value). */
  withInputs?: boolean;
}

export interface LocatedReport {
  location: CredentialLocation;
  report: VerificationReport;
  /** With `withInputs`: what was verified (a link, the credential's text, or an attached file's bytes); absent for the document entry. */
  input?: string | Uint8Array;
}

/** Candidates verified at the same time. */
const CONCURRENCY = 3;
/** What an attachment that is not a credential at all (a photo, some other JSON) reports; such attachments are left out. */
const NOT_A_CREDENTIAL = new Set(['FORMAT_UNKNOWN', 'BAKED_NO_CREDENTIAL', 'INPUT_NOT_A_CREDENTIAL']);

/**
 * Verifies every credential in the input. A PDF (a CV, a certificate) may carry many: each is
 * reported with where it was found. Any other input gives its single report (location `document`).
 * Like `verify()`, never throws for bad input; throws `UsageError` for misuse.
 */
export async function verifyAll(input: VerifyInput, options: VerifyAllOptions = {}): Promise<LocatedReport[]> {
  const shared: VerifyOptions = { ...options, cache: options.cache ?? new MemoryCache() };
  const bytes = await pdfBytes(input, shared);
  if (bytes.kind === 'other') return [{ location: { kind: 'document' }, report: await verify(bytes.input, bytes.options) }];

  let scan: PdfScan;
  try {
    const { scanPdf } = await import('./input/pdf/scan.js');
    const scanOptions: Parameters<typeof scanPdf>[1] = {};
    if (options.pdfWorker) scanOptions.workerPort = options.pdfWorker;
    if (options.pdfQr === false) scanOptions.qr = false;
    if (options.signal) scanOptions.signal = options.signal;
    scan = await scanPdf(bytes.bytes, scanOptions);
  } catch (error) {
    const finding =
      error instanceof ContainerError
        ? check('input', error.check, error.message, error.details)
        : check('input', 'PDF_MALFORMED', `The PDF cannot be read: ${(error as Error).message}`);
    return [documentEntry([finding])];
  }

  const reports = await mapLimited(scan.candidates, CONCURRENCY, (candidate) => verifyCandidate(candidate, shared));
  const results: LocatedReport[] = [];
  scan.candidates.forEach((candidate, i) => {
    const report = reports[i] as VerificationReport;
    const quiet = candidate.location.kind === 'embedded-file' && 'input' in candidate && report.checks.some((c) => NOT_A_CREDENTIAL.has(c.code));
    if (quiet) return;
    results.push(options.withInputs && 'input' in candidate ? { location: candidate.location, report, input: candidate.input } : { location: candidate.location, report });
  });
  const notices = [...scan.notices];
  if (results.length === 0) {
    notices.unshift(
      check('input', 'PDF_NO_CREDENTIAL', `No credential was found in the PDF (${scan.pageCount} page${scan.pageCount === 1 ? '' : 's'}): no credential link, attached credential or QR code`),
    );
  }
  if (notices.length) results.push(documentEntry(notices));
  return results;
}

type Prepared = { kind: 'pdf'; bytes: Uint8Array } | { kind: 'other'; input: VerifyInput; options: VerifyOptions };

/**
 * The PDF's bytes when the input is one. A link is read once through the network seam: a PDF is
 * scanned, anything else is verified from the bytes already read (kept in a one-entry bundle, so
 * the pipeline still sees where it came from).
 */
async function pdfBytes(input: VerifyInput, options: VerifyOptions): Promise<Prepared> {
  let sniffed;
  try {
    sniffed = sniff(input);
  } catch {
    return { kind: 'other', input, options };
  }
  if (sniffed.kind === 'pdf') return { kind: 'pdf', bytes: sniffed.bytes };
  if (sniffed.kind !== 'url' || recogniseLink(sniffed.url)) return { kind: 'other', input, options };
  const io = ioForOptions(options);
  try {
    const response = await io.get(sniffed.url, { kind: 'credential', accept: `${CREDENTIAL_ACCEPT}, application/pdf;q=0.5`, maxBytes: LIMITS.maxImageBytes });
    const body = response.body;
    if (isPdf(body)) return { kind: 'pdf', bytes: body };
    const bundle = memoryBundle({ [response.finalUrl]: body });
    return { kind: 'other', input: response.finalUrl, options: { ...options, resources: chainBundles(bundle, options.resources) } };
  } catch {
    // verify() reads the link again and reports exactly why it failed.
    return { kind: 'other', input, options };
  }
}

function isPdf(bytes: Uint8Array): boolean {
  return bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}

async function verifyCandidate(candidate: PdfCandidate, options: VerifyOptions): Promise<VerificationReport> {
  if ('check' in candidate) {
    return { verdict: deriveVerdict([candidate.check]), format: 'unknown', checks: [candidate.check], verifiedAt: new Date().toISOString() };
  }
  // One candidate's progress is not the caller's progress through the document.
  const { onProgress: _ignored, ...rest } = options;
  return verify(candidate.input, rest);
}

function documentEntry(checks: Check[]): LocatedReport {
  return { location: { kind: 'document' }, report: { verdict: deriveVerdict(checks), format: 'unknown', checks, verifiedAt: new Date().toISOString() } };
}

/** `fn` over every item, at most `concurrency` at a time (p-limit), results in the items' order. */
function mapLimited<T, R>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const limit = pLimit(concurrency);
  return Promise.all(items.map((item) => limit(() => fn(item))));
}
