import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { LIMITS } from '../limits.js';
import { MAX_IMAGE_PIXELS, assertDecodableImage } from './image-size.js';

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

/**
 * Decodes every QR code in an image (PNG, JPEG, GIF, BMP bytes, or RGBA pixels as ImageData) and
 * returns their texts. An image without a QR code gives `[]`; bytes that are not an image throw.
 */
export async function decodeQrCodes(image: Uint8Array | ImageData): Promise<string[]> {
  if (!configured) throw new Error('decodeQrCodes: call configureQrDecoder() first (the decoder is never fetched from the network)');
  if (image instanceof Uint8Array && image.byteLength > LIMITS.maxImageBytes) throw new Error(`The image is larger than ${LIMITS.maxImageBytes} bytes`);
  // A tiny file may declare gigapixels: judge the header before the decoder allocates anything.
  if (image instanceof Uint8Array) assertDecodableImage(image);
  else if (image.width * image.height > MAX_IMAGE_PIXELS) throw new Error(`The image has ${image.width} × ${image.height} pixels, more than ${MAX_IMAGE_PIXELS}`);
  const results = await readBarcodes(image, { formats: ['QRCode', 'MicroQRCode'], tryHarder: true, maxNumberOfSymbols: MAX_CODES });
  const texts: string[] = [];
  for (const r of results) if (r.isValid && r.text && !texts.includes(r.text)) texts.push(r.text);
  return texts;
}
