import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { LIMITS } from '../../limits.js';
import { decodeQrCodes } from '../qr.js';
import { loadPdfjs } from './open.js';

/** Render at 200 dpi: a 2 cm QR code of version 6 (41 modules) gets about 3.8 pixels a module. */
const TARGET_SCALE = 200 / 72;
/** A page drawn with this much path data (numbers in path operators) may carry a QR code drawn as vectors. */
const VECTOR_WEIGHT_WORTH_SCANNING = 400;

interface CanvasPair {
  canvas: { width: number; height: number };
  context: { getImageData(x: number, y: number, w: number, h: number): ImageData };
}
export interface CanvasFactoryLike {
  create(width: number, height: number): CanvasPair;
  destroy(pair: CanvasPair): void;
}

export type PageScanResult =
  | { scanned: true; texts: string[] }
  | { scanned: false; reason: 'no-graphics' }
  | { scanned: false; reason: 'too-large' | 'timeout' | 'render-failed' | 'decoder-failed'; message: string };

/**
 * Whether a page has anything a QR code could be: an image, or enough vector drawing. Text-only
 * pages (most of a CV) are not rendered at all.
 */
export async function worthScanning(page: PDFPageProxy): Promise<boolean> {
  const { OPS } = await loadPdfjs();
  const imageOps = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageXObjectRepeat,
    OPS.paintImageMaskXObject,
    OPS.paintImageMaskXObjectGroup,
    OPS.paintImageMaskXObjectRepeat,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintSolidColorImageMask,
  ]);
  const list = await page.getOperatorList();
  let vectorWeight = 0;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i] as number;
    if (imageOps.has(fn)) return true;
    if (fn === OPS.constructPath) {
      const data = (list.argsArray[i] as unknown[] | undefined)?.[1] as ArrayLike<unknown>[] | undefined;
      vectorWeight += data?.[0]?.length ?? 1;
      if (vectorWeight >= VECTOR_WEIGHT_WORTH_SCANNING) return true;
    }
  }
  return false;
}

/** Renders one page (bounded in size and time) and decodes the QR codes on it. */
export async function scanPageForQr(page: PDFPageProxy, canvasFactory: CanvasFactoryLike, timeoutMs: number): Promise<PageScanResult> {
  const base = page.getViewport({ scale: 1 });
  const area = base.width * base.height;
  if (area > LIMITS.maxPdfPageArea) {
    return { scanned: false, reason: 'too-large', message: `the page measures ${Math.round(base.width)}×${Math.round(base.height)} points, larger than Credlens draws` };
  }
  if (!(await worthScanning(page))) return { scanned: false, reason: 'no-graphics' };
  const scale = Math.min(TARGET_SCALE, Math.sqrt(LIMITS.maxPdfRenderPixels / area));
  const viewport = page.getViewport({ scale });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  let pair: CanvasPair | undefined;
  try {
    pair = canvasFactory.create(width, height);
    const task = page.render({
      canvas: pair.canvas as HTMLCanvasElement,
      canvasContext: pair.context as unknown as CanvasRenderingContext2D,
      viewport,
      background: 'rgb(255,255,255)',
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(1, timeoutMs));
    });
    const outcome = await Promise.race([task.promise.then(() => 'done' as const), timedOut]).finally(() => clearTimeout(timer));
    if (outcome === 'timeout') {
      task.cancel();
      await task.promise.catch(() => undefined);
      return { scanned: false, reason: 'timeout', message: `drawing the page took longer than ${timeoutMs} ms` };
    }
  } catch (error) {
    if (pair) canvasFactory.destroy(pair);
    return { scanned: false, reason: 'render-failed', message: `the page could not be drawn: ${(error as Error).message}` };
  }
  try {
    const pixels = pair.context.getImageData(0, 0, width, height);
    return { scanned: true, texts: await decodeQrCodes(pixels) };
  } catch (error) {
    return { scanned: false, reason: 'decoder-failed', message: `QR codes could not be read: ${(error as Error).message}` };
  } finally {
    canvasFactory.destroy(pair);
  }
}
