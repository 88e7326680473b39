/**
 * Reads an image's pixel dimensions from its header, without decoding it. A few kilobytes of PNG or
 * GIF can declare 100 000 × 100 000 pixels: decoding that allocates tens of gigabytes. Decoders are
 * only handed images whose size is known and small enough; an image whose header cannot be read is
 * refused (fail closed), not guessed.
 */
export interface ImageSize {
  format: 'png' | 'jpeg' | 'gif' | 'bmp';
  width: number;
  height: number;
}

/** Most pixels decoded from one image (RGBA: 4 bytes each): a 48-megapixel photo is refused. */
export const MAX_IMAGE_PIXELS = 36_000_000;

export function readImageSize(bytes: Uint8Array): ImageSize | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = (i: number): number => bytes[i] ?? -1;
  if (bytes.length >= 24 && at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47 && at(12) === 0x49 && at(13) === 0x48 && at(14) === 0x44 && at(15) === 0x52) {
    return { format: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length >= 10 && at(0) === 0x47 && at(1) === 0x49 && at(2) === 0x46) {
    return { format: 'gif', width: view.getUint16(6, true), height: view.getUint16(8, true) };
  }
  if (bytes.length >= 26 && at(0) === 0x42 && at(1) === 0x4d) {
    return { format: 'bmp', width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
  }
  if (bytes.length >= 4 && at(0) === 0xff && at(1) === 0xd8) return jpegSize(bytes, view);
  return undefined;
}

function jpegSize(bytes: Uint8Array, view: DataView): ImageSize | undefined {
  let pos = 2;
  while (pos + 9 < bytes.length) {
    if (bytes[pos] !== 0xff) return undefined;
    const marker = bytes[pos + 1] as number;
    if (marker === 0xff) {
      pos++;
      continue;
    }
    // Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) do not.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { format: 'jpeg', height: view.getUint16(pos + 5), width: view.getUint16(pos + 7) };
    }
    if (marker === 0xd9 || marker === 0xda) return undefined;
    pos += 2 + view.getUint16(pos + 2);
  }
  return undefined;
}

/** Throws unless the image's header declares a size at most `maxPixels`. */
export function assertDecodableImage(bytes: Uint8Array, maxPixels: number = MAX_IMAGE_PIXELS): ImageSize {
  const size = readImageSize(bytes);
  if (!size) throw new Error('The image is not a PNG, JPEG, GIF or BMP whose size can be read');
  if (size.width === 0 || size.height === 0) throw new Error('The image declares no pixels');
  if (size.width * size.height > maxPixels) {
    throw new Error(`The image declares ${size.width} × ${size.height} pixels, more than the ${maxPixels} Credlens decodes`);
  }
  return size;
}
