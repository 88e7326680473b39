import { verifyAll, type LocatedReport, type VerifyAllOptions } from '../lib/verify-all.js';
import type { Check, CredentialLocation, VerificationReport, VerifyOptions } from '../lib/index.js';

// The list the learner chooses from loads with this module: pages where nobody drops a PDF never download it.
export { pdfListStyles, pdfListTemplate } from './templates/pdf-list.js';

/**
 * PDF upload (loaded only when a learner drops a PDF): every credential the document carries,
 * verified by lib's verifyAll with pdf.js parsing in a Worker, so the page stays responsive.
 */
export interface FoundCredential {
  location: CredentialLocation;
  report: VerificationReport;
  /** What the form submits when the learner chooses it: a link or the credential's text, or the attached file. */
  value: string | File;
}

export interface PdfScanResult {
  found: FoundCredential[];
  /** Findings about the document itself (nothing found, a page not searched, encrypted, damaged). */
  notices: Check[];
}

const PNG = [0x89, 0x50, 0x4e, 0x47];

export class PdfReaderError extends Error {}

export async function scanPdfUpload(bytes: Uint8Array, options: VerifyOptions, workerUrl: URL): Promise<PdfScanResult> {
  // A module worker running pdfjs-dist's own worker build, served beside the widget (same origin).
  const worker = new Worker(workerUrl, { type: 'module', name: 'credlens-pdf' });
  let results: LocatedReport[];
  try {
    // QR codes are not read in the widget: that needs a WebAssembly decoder and drawing every page.
    const all: VerifyAllOptions = { ...options, pdfWorker: worker, pdfQr: false, withInputs: true };
    // pdf.js waits for its worker forever: a worker that cannot load (blocked, missing file) must end the wait.
    const failed = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        reject(new PdfReaderError(`The PDF reader could not start (${workerUrl.pathname}): ${event.message || 'the worker script did not load'}`));
      });
    });
    results = await Promise.race([verifyAll(bytes, all), failed]);
  } finally {
    worker.terminate();
  }
  const found: FoundCredential[] = [];
  const notices: Check[] = [];
  for (const result of results) {
    if (result.location.kind === 'document') notices.push(...result.report.checks);
    else found.push({ location: result.location, report: result.report, value: valueOf(result) });
  }
  return { found, notices };
}

/** Text credentials and links are submitted as text; binary ones (a baked PNG) as a file named after the attachment. */
function valueOf(result: LocatedReport): string | File {
  const input = result.input ?? result.location.url ?? '';
  if (typeof input === 'string') return input;
  const isPng = PNG.every((b, i) => input[i] === b);
  if (!isPng) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(input);
      if (!/^\s*</.test(text)) return text;
    } catch {
      // binary: submitted as a file
    }
  }
  const name = result.location.name ?? 'credential';
  const type = isPng ? 'image/png' : /\.svg$/i.test(name) ? 'image/svg+xml' : 'application/octet-stream';
  return new File([input.slice().buffer as ArrayBuffer], name, { type });
}
