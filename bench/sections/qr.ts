import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import type * as QrModule from '../../lib/input/qr.js';
import { summarise, type Summary } from '../table.js';

export interface QrCase {
  name: string;
  summary: Summary;
  /** zxing-wasm's readBarcodes alone on the same input (tryHarder, what decodeQrCodes did before issue 17), interleaved. */
  baseline?: Summary;
  firstMs: number;
  result: string;
}

export interface QrResult {
  width: number;
  height: number;
  cases: QrCase[];
  unavailable?: string;
}

const SIZE = 1000;
const root = resolve(import.meta.dirname, '../..');

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A plain RGBA PNG (filter 0): the bytes the background receives for a page image. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
}

/** A photo-like page image: a gradient with scattered dark blocks (text lines, shapes). Deterministic. */
function background(): Uint8Array {
  const px = new Uint8Array(SIZE * SIZE * 4);
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const i = (y * SIZE + x) * 4;
      const v = 200 + Math.round(40 * Math.sin(x / 90) * Math.cos(y / 70));
      px[i] = v;
      px[i + 1] = v - 10;
      px[i + 2] = v - 25;
      px[i + 3] = 255;
    }
  }
  for (let n = 0; n < 400; n++) {
    const w = 20 + Math.floor(rand() * 180);
    const h = 6 + Math.floor(rand() * 10);
    const x0 = Math.floor(rand() * (SIZE - w));
    const y0 = Math.floor(rand() * (SIZE - h));
    const shade = Math.floor(rand() * 90);
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) px.fill(shade, (y * SIZE + x) * 4, (y * SIZE + x) * 4 + 3);
  }
  return px;
}

async function withQr(text: string): Promise<Uint8Array> {
  const QRCode = (await import('qrcode')).default as { create(text: string, options: object): { modules: { size: number; get(r: number, c: number): number } } };
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const px = background();
  const scale = Math.floor(280 / (modules.size + 8));
  const x0 = 560;
  const y0 = 600;
  const side = (modules.size + 8) * scale;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const r = Math.floor(y / scale) - 4;
      const c = Math.floor(x / scale) - 4;
      const dark = r >= 0 && c >= 0 && r < modules.size && c < modules.size && modules.get(r, c) === 1;
      px.fill(dark ? 20 : 250, ((y0 + y) * SIZE + x0 + x) * 4, ((y0 + y) * SIZE + x0 + x) * 4 + 3);
    }
  }
  return px;
}

/** Time to find and decode a QR code in a 1,000 × 1,000 PNG, and to reject one without any. */
export async function measureQr(runs: number, log: (line: string) => void): Promise<QrResult> {
  let qr: typeof QrModule;
  try {
    qr = await import('../../lib/input/qr.js');
  } catch (error) {
    return { width: SIZE, height: SIZE, cases: [], unavailable: `lib/input/qr.ts could not be loaded: ${String(error)}` };
  }
  const wasm = readFileSync(resolve(root, 'node_modules/zxing-wasm/dist/reader/zxing_reader.wasm'));
  qr.configureQrDecoder({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer });
  const payload = 'https://www.credly.com/badges/11111111-2222-4333-8444-555555555555/public_url';
  const { readBarcodes } = await import('zxing-wasm/reader');
  const withCode = await withQr(payload);
  const without = background();
  const pixels = (rgba: Uint8Array) => ({ data: new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.byteLength), width: SIZE, height: SIZE, colorSpace: 'srgb' }) as unknown as ImageData;
  const images: { name: string; input: Uint8Array | ImageData; expect: string[] }[] = [
    { name: 'with a QR code (280 px, at the lower right), RGBA pixels', input: pixels(withCode), expect: [payload] },
    { name: 'without a QR code, RGBA pixels', input: pixels(without), expect: [] },
    { name: 'with a QR code (280 px, at the lower right), PNG bytes', input: encodePng(SIZE, SIZE, withCode), expect: [payload] },
    { name: 'without a QR code, PNG bytes', input: encodePng(SIZE, SIZE, without), expect: [] },
  ];
  const cases: QrCase[] = [];
  for (const image of images) {
    const t0 = performance.now();
    const first = await qr.decodeQrCodes(image.input);
    const firstMs = performance.now() - t0;
    const samples: number[] = [];
    const baseline: number[] = [];
    const bare = async () => (await readBarcodes(image.input, { formats: ['QRCode', 'MicroQRCode'], tryHarder: true, maxNumberOfSymbols: 8 })).filter((r) => r.isValid).map((r) => r.text);
    const bareFirst = await bare();
    // Warm-up, so the JavaScript around ZXing (the prescan's loops) is optimised before timing.
    for (let i = 0; i < 10; i++) {
      await qr.decodeQrCodes(image.input);
      await bare();
    }
    for (let i = 0; i < runs; i++) {
      // Interleaved, alternating which goes first, so the machine's noise falls on both alike.
      for (const which of i % 2 === 0 ? ['credlens', 'bare'] : ['bare', 'credlens']) {
        const t = performance.now();
        if (which === 'credlens') await qr.decodeQrCodes(image.input);
        else await bare();
        (which === 'credlens' ? samples : baseline).push(performance.now() - t);
      }
    }
    const ok = JSON.stringify(first) === JSON.stringify(image.expect) && JSON.stringify(bareFirst) === JSON.stringify(image.expect);
    cases.push({ name: image.name, summary: summarise(samples), baseline: summarise(baseline), firstMs, result: ok ? (first.length ? 'decoded' : 'none found (correct)') : `WRONG: ${JSON.stringify(first)} (zxing alone: ${JSON.stringify(bareFirst)})` });
    log(`  ${image.name}: ${summarise(samples).median.toFixed(1)} ms (zxing alone ${summarise(baseline).median.toFixed(1)} ms)`);
  }
  return { width: SIZE, height: SIZE, cases };
}
