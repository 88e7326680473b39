import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { LIMITS } from '../limits.js';
import { MAX_IMAGE_PIXELS, assertDecodableImage } from './image-size.js';
import { candidateBox, crop, downscale, finderHits, recurringHits, type FinderHit, type Pixels } from './qr-prescan.js';

/**
 * QR codes in images (job-board images, canvases, PDF pages), decoded with ZXing-C++ compiled to
 * WebAssembly. The .wasm is never fetched from a CDN: each shell says where it is, once, before the
 * first decode: the extension by URL (`locateFile`), Node and tests by bytes (`wasmBinary`).
 */
export interface QrDecoderSetup {
  /** The zxing_reader.wasm bytes (Node, tests). */
  wasmBinary?: ArrayBuffer;
  /** Maps the wasm file name to a URL (extension: `browser.runtime.getURL('/zxing_reader.wasm')`). */
  locateFile?: (path: string, prefix: string) => string;
}

let configured = false;

export function configureQrDecoder(setup: QrDecoderSetup): void {
  if (!setup.wasmBinary && !setup.locateFile) throw new Error('configureQrDecoder: pass wasmBinary or locateFile');
  const overrides: Record<string, unknown> = {};
  if (setup.wasmBinary) overrides.wasmBinary = setup.wasmBinary;
  if (setup.locateFile) overrides.locateFile = setup.locateFile;
  prepareZXingModule({ overrides, fireImmediately: false });
  configured = true;
}

/** Upper bound on the QR codes read from one image; a page of 500 codes is not a credential. */
const MAX_CODES = 8;

type ReadOptions = Parameters<typeof readBarcodes>[1];
/** ZXing at its most thorough: rotations, inverted codes, its own downscaling. */
const THOROUGH: ReadOptions = { formats: ['QRCode', 'MicroQRCode'], tryHarder: true, maxNumberOfSymbols: MAX_CODES };
/** One plain pass: for a picture already downscaled, where a clean code reads at once. */
const QUICK: ReadOptions = { formats: ['QRCode', 'MicroQRCode'], tryHarder: false, tryRotate: false, tryInvert: true, tryDownscale: false, maxNumberOfSymbols: MAX_CODES };

/**
 * Decodes every QR code in an image (PNG, JPEG, GIF, BMP bytes, or RGBA pixels as ImageData) and
 * returns their texts. An image without a QR code gives `[]`; bytes that are not an image throw.
 *
 * Pixels (a canvas, a rendered PDF page) take the fast route (issue 17): a picture with no finder
 * pattern at all is answered at once without ZXing (`qr-prescan.ts`); otherwise ZXing reads the
 * region around the finder patterns, first downscaled to modules of about 2 pixels, and the whole picture as
 * before only when that region gave nothing. Encoded bytes are decoded inside ZXing as before.
 */
export async function decodeQrCodes(image: Uint8Array | ImageData): Promise<string[]> {
  if (!configured) throw new Error('decodeQrCodes: call configureQrDecoder() first (the decoder is never fetched from the network)');
  if (image instanceof Uint8Array && image.byteLength > LIMITS.maxImageBytes) throw new Error(`The image is larger than ${LIMITS.maxImageBytes} bytes`);
  // A tiny file may declare gigapixels: judge the header before the decoder allocates anything.
  if (image instanceof Uint8Array) {
    assertDecodableImage(image);
    return texts(await readBarcodes(image, THOROUGH));
  }
  if (image.width * image.height > MAX_IMAGE_PIXELS) throw new Error(`The image has ${image.width} × ${image.height} pixels, more than ${MAX_IMAGE_PIXELS}`);
  return decodePixels(image);
}

async function decodePixels(image: Pixels): Promise<string[]> {
  const hits = finderHits(image);
  // A real finder pattern with modules of 2 pixels or more is crossed by at least two sampled rows:
  // lone hits of that size are text or texture. Smaller ones are left for ZXing to judge.
  if (recurringHits(hits).length === 0 && hits.every((h) => h.module >= 2)) return [];
  const box = candidateBox(hits, image.width, image.height);
  const region = box && box.width * box.height < image.width * image.height * 0.8 ? crop(image, box) : image;
  const confirmed = recurringHits(hits);
  if (confirmed.length > 0) {
    // Read the region first downscaled so that the smallest confirmed code has modules of about
    // 2 pixels, in one plain pass: ZXing's time grows with the module size, not only the area.
    const factor = Math.max(1, Math.min(4, Math.floor(Math.min(...confirmed.map((h) => h.module)) / 2)));
    const small = await readBarcodes(asImageData(factor > 1 ? downscale(region, factor) : region), QUICK);
    // Accept that reading only if it accounts for every confirmed finder pattern, so a second code
    // that did not survive the downscaling is not lost.
    const found = small.filter((r) => r.isValid && r.text);
    const origin = region === image ? { x: 0, y: 0 } : (box as { x: number; y: number });
    if (found.length > 0 && confirmed.every((h) => found.some((r) => covers(r.position, factor, origin, h)))) return texts(found);
  }
  const inRegion = texts(await readBarcodes(asImageData(region), THOROUGH));
  if (inRegion.length > 0 || region === image) return inRegion;
  return texts(await readBarcodes(asImageData(image), THOROUGH));
}

type Position = Awaited<ReturnType<typeof readBarcodes>>[number]['position'];

/** Whether a finder hit (full-picture pixels) lies within a code found at `scale` in a region at `origin`, with a module's slack. */
function covers(position: Position, scale: number, origin: { x: number; y: number }, hit: FinderHit): boolean {
  const corners = [position.topLeft, position.topRight, position.bottomLeft, position.bottomRight];
  const xs = corners.map((p) => origin.x + p.x * scale);
  const ys = corners.map((p) => origin.y + p.y * scale);
  const slack = hit.module * 2;
  return hit.x >= Math.min(...xs) - slack && hit.x <= Math.max(...xs) + slack && hit.y >= Math.min(...ys) - slack && hit.y <= Math.max(...ys) + slack;
}

function asImageData(pixels: Pixels): ImageData {
  return pixels as unknown as ImageData;
}

function texts(results: Awaited<ReturnType<typeof readBarcodes>>): string[] {
  const out: string[] = [];
  for (const r of results) if (r.isValid && r.text && !out.includes(r.text)) out.push(r.text);
  return out;
}
