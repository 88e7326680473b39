/**
 * A cheap look at a picture before ZXing reads it (issue 17): is there anything shaped like a QR
 * finder pattern, and where? Written by hand because no library offers a finder-pattern prescan on
 * its own; ZXing (zxing-wasm) stays the decoder and the judge of every code.
 *
 * The scan reads every `ROW_STEP`-th row of the green channel (ZXing's luminance is dominated by
 * it), binarises each row against the mid-point of the darkest and lightest pixel in 32-pixel
 * segments (so gradients and shadows do not hide a pattern), and looks for five runs in the ratio
 * 1:1:3:1:1, dark or light (inverted codes). A finder pattern of modules m pixels wide has a centre
 * run 3m tall, so with rows 3 apart every pattern whose modules are at least 1 pixel is crossed. The contrast floor is ZXing's own (HybridBinarizer, 24).
 * It errs towards "maybe": a false hit only costs the ordinary decode, a miss would lose a code.
 */

/** An RGBA picture as ZXing reads it (ImageData or the same shape). */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export interface FinderHit {
  x: number;
  y: number;
  /** Estimated module size, pixels. */
  module: number;
}

const ROW_STEP = 3;
const SEGMENT = 32;
/** A segment whose darkest and lightest pixels differ by less than this is flat: no edges in it. */
const MIN_CONTRAST = 24;
/** More hits than this and the picture is text or texture: stop counting, it is "maybe" anyway. */
const MAX_HITS = 4096;

/** Finder-pattern candidates, at most `MAX_HITS`; none means the picture holds no QR code ZXing could read. */
export function finderHits(image: Pixels): FinderHit[] {
  const { data, width, height } = image;
  const hits: FinderHit[] = [];
  const dark = new Uint8Array(width);
  const runs = new Int32Array(width + 1);
  // A QR code is at least 21 modules (Micro QR 11) plus its quiet zone.
  const maxModule = Math.min(width, height) / 11;
  for (let y = 0; y < height && hits.length < MAX_HITS; y += ROW_STEP) {
    const row = y * width * 4 + 1;
    for (let x0 = 0; x0 < width; x0 += SEGMENT) {
      const x1 = Math.min(width, x0 + SEGMENT);
      let lo = 255;
      let hi = 0;
      for (let x = x0; x < x1; x++) {
        const g = data[row + x * 4] as number;
        if (g < lo) lo = g;
        if (g > hi) hi = g;
      }
      // A flat segment inherits its left neighbour's last colour, so a wide module is not split.
      const mid = hi - lo < MIN_CONTRAST ? -1 : (lo + hi) >> 1;
      for (let x = x0; x < x1; x++) dark[x] = mid < 0 ? (x > 0 ? (dark[x - 1] as number) : 0) : (data[row + x * 4] as number) < mid ? 1 : 0;
    }
    // Run lengths of alternating colours along the row.
    let count = 0;
    let length = 1;
    for (let x = 1; x <= width; x++) {
      if (x < width && dark[x] === dark[x - 1]) length++;
      else {
        runs[count++] = length;
        length = 1;
      }
    }
    let start = 0;
    for (let i = 0; i + 4 < count; i++) {
      if (ratioFits(runs, i)) {
        const total = (runs[i] as number) + (runs[i + 1] as number) + (runs[i + 2] as number) + (runs[i + 3] as number) + (runs[i + 4] as number);
        const centre = start + (runs[i] as number) + (runs[i + 1] as number) + ((runs[i + 2] as number) >> 1);
        const module = total / 7;
        if (module <= maxModule && crossesVertically(image, centre, y, module, dark[centre] === 1)) hits.push({ x: centre, y, module });
        if (hits.length >= MAX_HITS) break;
      }
      start += runs[i] as number;
    }
  }
  return hits;
}

/**
 * ZXing's cross-check: the column through the candidate's centre must show the same 1:1:3:1:1
 * pattern. Binarised at the mid-point between the centre and the ring around it (1.5 modules out),
 * so it follows the pattern's own contrast.
 */
function crossesVertically(image: Pixels, x: number, y: number, module: number, centreDark: boolean): boolean {
  const { data, width, height } = image;
  const at = (yy: number) => data[(yy * width + x) * 4 + 1] as number;
  const ring = Math.round(1.5 * module) + 1;
  const inner = data[(y * width + Math.max(0, x - ring)) * 4 + 1] as number;
  const mid = (at(y) + inner) >> 1;
  const isCentre = (yy: number) => (at(yy) < mid) === centreDark;
  const limit = Math.ceil(module * 5);
  const counts = new Int32Array(5);
  const walk = (from: number, step: 1 | -1, slots: readonly number[]): void => {
    let yy = from;
    slots.forEach((slot, k) => {
      const wantCentre = k % 2 === 0;
      while (yy >= 0 && yy < height && isCentre(yy) === wantCentre && (counts[slot] as number) <= limit) {
        counts[slot] = (counts[slot] as number) + 1;
        yy += step;
      }
    });
  };
  // From the centre outwards: centre run, ring, outer run; upwards, then downwards.
  walk(y, -1, [2, 1, 0]);
  walk(y + 1, 1, [2, 3, 4]);
  return ratioFits(counts, 0);
}

/** Runs i..i+4 in the ratio 1:1:3:1:1, each within half a module (ZXing's own tolerance). */
function ratioFits(runs: Int32Array, i: number): boolean {
  const a = runs[i] as number;
  const b = runs[i + 1] as number;
  const c = runs[i + 2] as number;
  const d = runs[i + 3] as number;
  const e = runs[i + 4] as number;
  const total = a + b + c + d + e;
  if (total < 7) return false;
  const m = total / 7;
  const tolerance = m / 2;
  return Math.abs(a - m) < tolerance && Math.abs(b - m) < tolerance && Math.abs(c - 3 * m) < 3 * tolerance && Math.abs(d - m) < tolerance && Math.abs(e - m) < tolerance;
}

/**
 * The box around the finder candidates that recur on neighbouring rows (a real pattern is crossed
 * by several sampled rows; a lone hit is usually text), widened by a QR code's reach from a finder
 * centre, or undefined when no candidate recurs.
 */
export function candidateBox(hits: readonly FinderHit[], width: number, height: number): { x: number; y: number; width: number; height: number } | undefined {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  let reach = 0;
  for (const h of recurringHits(hits)) {
    left = Math.min(left, h.x);
    right = Math.max(right, h.x);
    top = Math.min(top, h.y);
    bottom = Math.max(bottom, h.y);
    reach = Math.max(reach, h.module);
  }
  if (left === Infinity) return undefined;
  // From a finder's centre to the code's far edge: 3.5 modules of pattern, 4 of quiet zone, and slack for skew.
  const margin = Math.ceil(reach * 12);
  const x = Math.max(0, Math.floor(left - margin));
  const y = Math.max(0, Math.floor(top - margin));
  return { x, y, width: Math.min(width, Math.ceil(right + margin)) - x, height: Math.min(height, Math.ceil(bottom + margin)) - y };
}

/** Hits that another sampled row confirms at the same place (hits come in row order). */
export function recurringHits(hits: readonly FinderHit[]): FinderHit[] {
  const out: FinderHit[] = [];
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as FinderHit;
    const reachY = Math.max(ROW_STEP, 2 * h.module);
    let found = false;
    for (let j = i - 1; j >= 0 && !found && h.y - (hits[j] as FinderHit).y <= reachY; j--) found = isNeighbour(h, hits[j] as FinderHit);
    for (let j = i + 1; j < hits.length && !found && (hits[j] as FinderHit).y - h.y <= reachY; j++) found = isNeighbour(h, hits[j] as FinderHit);
    if (found) out.push(h);
  }
  return out;
}

function isNeighbour(a: FinderHit, b: FinderHit): boolean {
  return a.y !== b.y && Math.abs(a.x - b.x) <= Math.max(1, a.module);
}

/** A rectangle of the picture, copied (ZXing reads whole pixmaps). */
export function crop(image: Pixels, box: { x: number; y: number; width: number; height: number }): Pixels {
  const out = new Uint8ClampedArray(box.width * box.height * 4);
  for (let r = 0; r < box.height; r++) {
    const from = ((box.y + r) * image.width + box.x) * 4;
    out.set(image.data.subarray(from, from + box.width * 4), r * box.width * 4);
  }
  return { data: out, width: box.width, height: box.height };
}

/** The picture averaged down by `factor` in each direction (box filter on 2 × 2 samples per cell). */
export function downscale(image: Pixels, factor: number): Pixels {
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const out = new Uint8ClampedArray(width * height * 4);
  const half = factor >> 1;
  const { data } = image;
  for (let y = 0; y < height; y++) {
    const r0 = y * factor * image.width;
    const r1 = (y * factor + half) * image.width;
    for (let x = 0; x < width; x++) {
      const c0 = x * factor;
      const c1 = c0 + half;
      const o = (y * width + x) * 4;
      for (let k = 0; k < 3; k++) {
        out[o + k] = ((data[(r0 + c0) * 4 + k] as number) + (data[(r0 + c1) * 4 + k] as number) + (data[(r1 + c0) * 4 + k] as number) + (data[(r1 + c1) * 4 + k] as number) + 2) >> 2;
      }
      out[o + 3] = 255;
    }
  }
  return { data: out, width, height };
}
