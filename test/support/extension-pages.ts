import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { prepareZXingModule, writeBarcode } from 'zxing-wasm/writer';

const PAGES_DIR = fileURLToPath(new URL('../e2e/extension/pages', import.meta.url));
const ZXING_WRITER_WASM = fileURLToPath(new URL('../../node_modules/zxing-wasm/dist/writer/zxing_writer.wasm', import.meta.url));

let writerPrepared = false;

/** A page of test/e2e/extension/pages with every `{{KEY}}` replaced by its value. */
export function extensionPage(file: string, values: Record<string, string> = {}): string {
  let text = readFileSync(join(PAGES_DIR, file), 'utf8');
  for (const [key, value] of Object.entries(values)) text = text.replaceAll(`{{${key}}}`, value);
  return text;
}

/** A PNG of a QR code holding `text` (zxing-wasm's writer, its .wasm read from node_modules, never a CDN). */
export async function qrCodePng(text: string): Promise<Uint8Array> {
  if (!writerPrepared) {
    prepareZXingModule({ overrides: { wasmBinary: readFileSync(ZXING_WRITER_WASM).buffer as ArrayBuffer }, fireImmediately: true });
    writerPrepared = true;
  }
  const out = await writeBarcode(text, { format: 'QRCode', scale: 6, ecLevel: 'M' });
  if (!out.image) throw new Error(out.error);
  return new Uint8Array(await out.image.arrayBuffer());
}
