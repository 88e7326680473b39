import { MAX_IMAGE_PIXELS, readImageSize } from '../../lib/tools.js';
import { decodeQrCodes } from '../../lib/qr.js';

/** QR codes in image bytes. Raster formats zxing cannot read from bytes are drawn first (WebP, AVIF). */
export async function decodeQr(bytes: Uint8Array): Promise<string[]> {
  const direct = await decodeQrCodes(bytes).catch(() => [] as string[]);
  // A format zxing reads itself was judged there (a declared gigapixel image is refused): never redraw it.
  if (direct.length || readImageSize(bytes) || typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') return direct;
  try {
    const bitmap = await createImageBitmap(new Blob([bytes as BlobPart]));
    if (bitmap.width * bitmap.height > MAX_IMAGE_PIXELS) {
      bitmap.close();
      return [];
    }
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = canvas.getContext('2d');
    if (!g) return [];
    g.drawImage(bitmap, 0, 0);
    return await decodeQrCodes(g.getImageData(0, 0, bitmap.width, bitmap.height));
  } catch {
    return [];
  }
}
