import { crc32, deflateSync } from 'node:zlib';

/**
 * Baked badges (Open Badges 2.0 "Baking", Open Badges 3.0 §5.3): a badge image that carries its
 * credential. The images are drawn here (a coloured medal) so the demo needs no binary files.
 */

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** An uncompressed iTXt chunk: keyword, NUL, compression flag and method, empty language and translated keyword. */
function itxt(keyword: string, text: string): Buffer {
  return chunk('iTXt', Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0, 0, 0, 0, 0]), Buffer.from(text, 'utf8')]));
}

/** A 120×120 medal: a filled disc with a ring, in the given colour, on transparency. */
function medalPixels(rgb: [number, number, number]): Buffer {
  const size = 120;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - size / 2 + 0.5, y - size / 2 + 0.5);
      const o = 1 + x * 4;
      if (d > 58) continue;
      const ring = d > 48 && d < 53;
      const [r, g, b] = ring ? [255, 255, 255] : rgb;
      row[o] = r;
      row[o + 1] = g;
      row[o + 2] = b;
      row[o + 3] = 255;
    }
    rows.push(row);
  }
  return Buffer.concat(rows);
}

/** A PNG badge with the credential (JSON or a JWT) in an `openbadgecredential` iTXt chunk (OB 3.0). */
export function bakePng(credential: string, rgb: [number, number, number] = [10, 88, 202]): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(120, 0);
  header.writeUInt32BE(120, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    itxt('openbadgecredential', credential),
    chunk('IDAT', deflateSync(medalPixels(rgb))),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** The visible part of the SVG badges (also the badge class image of the Open Badges 2.0 issuer). */
export function medalSvg(label: string, colour = '#0a58ca', inner = ''): string {
  const text = label.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org" width="120" height="120" viewBox="0 0 120 120">${inner}
  <circle cx="60" cy="60" r="58" fill="${colour}"/><circle cx="60" cy="60" r="50" fill="none" stroke="#fff" stroke-width="5"/>
  <text x="60" y="68" font-family="sans-serif" font-size="22" font-weight="700" fill="#fff" text-anchor="middle">${text}</text>
</svg>`;
}

/** An SVG badge holding a hosted Open Badges 2.0 assertion by URL (`verify` attribute), as OB 2.0 baking specifies. */
export function bakeSvgHosted(assertionUrl: string, label: string, colour?: string): string {
  const url = assertionUrl.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return medalSvg(label, colour, `\n  <openbadges:assertion verify="${url}"></openbadges:assertion>`);
}

/** An SVG badge holding an Open Badges 3.0 credential (JSON or JWT) in CDATA. */
export function bakeSvgCredential(credential: string, label: string, colour?: string): string {
  return medalSvg(label, colour, `\n  <openbadges:credential><![CDATA[${credential.replaceAll(']]>', ']]]]><![CDATA[>')}]]></openbadges:credential>`);
}

/** An SVG badge holding an Open Badges 3.0 VC-JWT in the `verify` attribute of openbadges:credential (OB 3.0 §5.3.2). */
export function bakeSvgVerify(jws: string, label: string, colour?: string): string {
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(jws)) throw new Error('bakeSvgVerify expects a compact JWS');
  return medalSvg(label, colour, `\n  <openbadges:credential verify="${jws}"></openbadges:credential>`);
}
