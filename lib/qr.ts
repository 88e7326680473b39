/**
 * Credlens core, QR entry point: decoding QR codes in images (ZXing-C++ in WebAssembly). Its own
 * entry so that a shell that never decodes QR codes never loads zxing (docs/architecture.md,
 * "Entry points").
 */
export { configureQrDecoder, decodeQrCodes, type QrDecoderSetup } from './input/qr.js';
