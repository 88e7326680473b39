// Node-only: the QR decoder's WebAssembly read from the installed zxing-wasm package (never fetched).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { configureQrDecoder } from '../lib/qr.js';

let decoderReady = false;

/** Configures QR decoding (QR codes on PDF pages and images) from the local zxing-wasm; call once before `verifyAll` of a PDF. */
export async function setUpNodeQrDecoder(): Promise<void> {
  if (decoderReady) return;
  const path = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
  const wasm = await readFile(path);
  configureQrDecoder({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer });
  decoderReady = true;
}
