import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareZXingModule as prepareWriter, writeBarcode } from 'zxing-wasm/writer';
import { configureQrDecoder, decodeQrCodes } from '../../../lib/input/qr.js';
import { finderHits, recurringHits } from '../../../lib/input/qr-prescan.js';

const wasm = (file: string) => readFileSync(`node_modules/zxing-wasm/dist/${file}`).buffer as ArrayBuffer;
const SIZE = 1000;

beforeAll(() => {
  prepareWriter({ overrides: { wasmBinary: wasm('writer/zxing_writer.wasm') }, fireImmediately: true });
  configureQrDecoder({ wasmBinary: wasm('reader/zxing_reader.wasm') });
});

/** A page-like picture: a gradient with dark bars (text lines), deterministic. */
function page(): Uint8ClampedArray {
  const px = new Uint8ClampedArray(SIZE * SIZE * 4);
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < SIZE * SIZE; i++) {
    const x = i % SIZE;
    const y = Math.floor(i / SIZE);
    const v = 200 + Math.round(40 * Math.sin(x / 90) * Math.cos(y / 70));
    px.set([v, v - 10, v - 25, 255], i * 4);
  }
  for (let n = 0; n < 300; n++) {
    const w = 20 + Math.floor(rand() * 180);
    const h = 6 + Math.floor(rand() * 10);
    const x0 = Math.floor(rand() * (SIZE - w));
    const y0 = Math.floor(rand() * (SIZE - h));
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) px.fill(40, (y * SIZE + x) * 4, (y * SIZE + x) * 4 + 3);
  }
  return px;
}

/** Draws a QR code of `text` with modules of `scale` pixels at (x0, y0). */
async function drawQr(px: Uint8ClampedArray, text: string, x0: number, y0: number, scale: number): Promise<void> {
  const out = await writeBarcode(text, { format: 'QRCode', scale: 1 });
  const rows = out.utf8.split('\n').filter((r) => r.length > 0);
  // utf8: each character is two vertical modules (▀ top, ▄ bottom, █ both, space none).
  const modules: boolean[][] = [];
  for (const row of rows) {
    const top: boolean[] = [];
    const bottom: boolean[] = [];
    for (const ch of row) {
      top.push(ch === '▀' || ch === '█');
      bottom.push(ch === '▄' || ch === '█');
    }
    modules.push(top, bottom);
  }
  const side = modules[0]!.length + 8;
  for (let r = 0; r < side * scale; r++) {
    for (let c = 0; c < side * scale; c++) {
      const mr = Math.floor(r / scale) - 4;
      const mc = Math.floor(c / scale) - 4;
      const dark = mr >= 0 && mc >= 0 && mr < modules.length && mc < modules[0]!.length && modules[mr]![mc] === true;
      px.fill(dark ? 20 : 250, ((y0 + r) * SIZE + x0 + c) * 4, ((y0 + r) * SIZE + x0 + c) * 4 + 3);
    }
  }
}

const asImage = (data: Uint8ClampedArray) => ({ data, width: SIZE, height: SIZE, colorSpace: 'srgb' }) as unknown as ImageData;

describe('QR prescan (finder patterns before ZXing)', () => {
  it('finds no confirmed finder pattern in a page without a code, and decodeQrCodes says none', async () => {
    const px = page();
    expect(recurringHits(finderHits({ data: px, width: SIZE, height: SIZE }))).toEqual([]);
    expect(await decodeQrCodes(asImage(px))).toEqual([]);
  });

  it('confirms the three finder patterns of a code and decodes it from the pixels', async () => {
    const px = page();
    const link = 'https://www.credly.com/badges/6b2c1d4e-8f3a-4b5c-9d7e-0a1b2c3d4e5f';
    await drawQr(px, link, 560, 600, 6);
    const confirmed = recurringHits(finderHits({ data: px, width: SIZE, height: SIZE }));
    expect(new Set(confirmed.map((h) => `${Math.round(h.x / 20)},${Math.round(h.module)}`)).size).toBeGreaterThanOrEqual(2);
    expect(await decodeQrCodes(asImage(px))).toEqual([link]);
  });

  it('reads two codes of very different sizes in one picture (the downscaled pass must not hide the small one)', async () => {
    const px = page();
    await drawQr(px, 'https://issuer.example/big', 80, 80, 9);
    await drawQr(px, 'https://issuer.example/small', 700, 700, 2);
    expect((await decodeQrCodes(asImage(px))).sort()).toEqual(['https://issuer.example/big', 'https://issuer.example/small']);
  });
});
