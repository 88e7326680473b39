import { isCredentialJson, isCredentialJwt } from '../common/credential-text.js';

/** What a QR code or an image can hand to `verify()`. */
export type Payload = { kind: 'qr'; input: string } | { kind: 'baked'; input: Uint8Array };

export { looksBaked } from '../../lib/tools.js';

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
