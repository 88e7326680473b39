import { deflateSync } from 'node:zlib';
import { crc32 } from '../../../lib/input/baked.js';

/** Builds PNG files chunk by chunk (valid CRCs), for tests that need hostile but well-formed images. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)) >>> 0);
  return out;
}

export function ihdr(width: number, height: number): Uint8Array {
  const data = new Uint8Array(13);
  const view = new DataView(data.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  data[8] = 8; // bit depth
  data[9] = 0; // greyscale
  return pngChunk('IHDR', data);
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

const SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A real greyscale PNG of the given size, every pixel white. */
export function whitePng(width: number, height: number): Uint8Array {
  const raw = new Uint8Array((width + 1) * height).fill(0xff);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0; // filter byte: none
  return concat(SIGNATURE, ihdr(width, height), pngChunk('IDAT', new Uint8Array(deflateSync(raw))), pngChunk('IEND', new Uint8Array()));
}

/** A PNG whose header declares `width` × `height` pixels but whose data is a few bytes. */
export function declaredPng(width: number, height: number): Uint8Array {
  return concat(SIGNATURE, ihdr(width, height), pngChunk('IDAT', new Uint8Array(deflateSync(new Uint8Array(64)))), pngChunk('IEND', new Uint8Array()));
}

/** An iTXt chunk with the given keyword; `compress` zlib-compresses the text. */
export function itxt(keyword: string, text: string | Uint8Array, compress = false): Uint8Array {
  const body = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const payload = compress ? new Uint8Array(deflateSync(body, { level: 9 })) : body;
  const head = new TextEncoder().encode(keyword);
  return pngChunk('iTXt', concat(head, new Uint8Array([0, compress ? 1 : 0, 0, 0, 0]), payload));
}

export function pngWith(...chunks: Uint8Array[]): Uint8Array {
  const plain = whitePng(1, 1);
  // Insert before IEND (the last 12 bytes).
  return concat(plain.subarray(0, plain.length - 12), ...chunks, plain.subarray(plain.length - 12));
}
