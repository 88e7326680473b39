import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareZXingModule as prepareWriter, writeBarcode } from 'zxing-wasm/writer';
import { configureQrDecoder, decodeQrCodes } from '../../../lib/input/qr.js';
import { png } from '../../support/ob2-issuer.js';

const wasm = (file: string) => readFileSync(`node_modules/zxing-wasm/dist/${file}`).buffer as ArrayBuffer;

beforeAll(() => {
  prepareWriter({ overrides: { wasmBinary: wasm('writer/zxing_writer.wasm') }, fireImmediately: true });
  configureQrDecoder({ wasmBinary: wasm('reader/zxing_reader.wasm') });
});

async function qr(text: string): Promise<Uint8Array> {
  const out = await writeBarcode(text, { format: 'QRCode', scale: 4 });
  return new Uint8Array(await out.image!.arrayBuffer());
}

describe('decodeQrCodes', () => {
  it('reads the link in a QR code image without touching the network', async () => {
    expect(await decodeQrCodes(await qr('https://www.credly.com/badges/6b2c1d4e-8f3a-4b5c-9d7e-0a1b2c3d4e5f'))).toEqual(['https://www.credly.com/badges/6b2c1d4e-8f3a-4b5c-9d7e-0a1b2c3d4e5f']);
  });
  it('returns nothing for an image without a QR code', async () => {
    expect(await decodeQrCodes(png())).toEqual([]);
  });
});
