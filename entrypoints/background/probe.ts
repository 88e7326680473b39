import { pngChunks } from '../../lib/tools.js';
import { isCredentialJson, isCredentialJwt } from '../shared/credential-text.js';

/** What a QR code or an image can hand to `verify()`. */
export type Payload = { kind: 'qr'; input: string } | { kind: 'baked'; input: Uint8Array };

const PNG = [0x89, 0x50, 0x4e, 0x47];
const BAKED_KEYWORDS = new Set(['openbadges', 'openbadgecredential']);

/** True when the image carries Open Badges data (the full read and checks happen in `verify()`). */
export function looksBaked(bytes: Uint8Array): boolean {
  if (PNG.every((b, i) => bytes[i] === b)) {
    try {
      for (const chunk of pngChunks(bytes)) {
        if (chunk.type === 'IDAT' || chunk.type === 'IEND') continue;
        if (chunk.type !== 'iTXt' && chunk.type !== 'tEXt') continue;
        const nul = chunk.data.indexOf(0);
        if (nul > 0 && BAKED_KEYWORDS.has(new TextDecoder('latin1').decode(chunk.data.subarray(0, nul)))) return true;
      }
    } catch {
      return false;
    }
    return false;
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 64 * 1024));
  return /<svg[\s>]/i.test(head) && /<openbadges:(assertion|credential)[\s>]/i.test(head);
}

/**
 * The QR texts worth verifying: credentials themselves (JWT, SD-JWT, JSON) and links that a
 * credential platform claims. Any other QR code (a company's app, a map) is left alone.
 */
export function credentialQrTexts(texts: readonly string[], isCredentialLink: (url: string) => boolean): string[] {
  return texts.filter((t) => {
    const text = t.trim();
    if (/^https:\/\//i.test(text)) return isCredentialLink(text);
    if (text.startsWith('{')) return isCredentialJson(text);
    return /^eyJ/.test(text) && isCredentialJwt(text);
  });
}

export function dataUrlBytes(dataUrl: string): Uint8Array | undefined {
  const m = /^data:image\/[a-z+.-]+;base64,([A-Za-z0-9+/=]+)$/i.exec(dataUrl);
  if (!m?.[1]) return undefined;
  try {
    const raw = atob(m[1]);
    const out = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}
