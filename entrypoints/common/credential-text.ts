/** Cheap shape tests for credentials pasted as text; the real parsing happens in lib, in the background. */
const MAX_TEXT = 256 * 1024;

function decodeSegment(segment: string): unknown {
  try {
    const b64 = segment.replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)));
  } catch {
    return undefined;
  }
}

/** A JWT whose header names an algorithm and whose payload carries credential claims, or a presentation (`vp`, VP-JWT). */
export function isCredentialJwt(token: string): boolean {
  const [h, p] = token.split('~')[0]!.split('.');
  const header = decodeSegment(h ?? '');
  const payload = decodeSegment(p ?? '');
  if (typeof header !== 'object' || header === null || typeof (header as Record<string, unknown>).alg !== 'string') return false;
  if (typeof payload !== 'object' || payload === null) return false;
  const claims = payload as Record<string, unknown>;
  return 'vc' in claims || 'vp' in claims || 'vct' in claims || 'credentialSubject' in claims || '@context' in claims || '_sd' in claims;
}

/** Pasted JSON that looks like a credential (W3C VC, Open Badges assertion, ELM). */
export function isCredentialJson(text: string): boolean {
  const t = text.trim();
  if (!t.startsWith('{') || t.length > MAX_TEXT) return false;
  const credentialish = /"credentialSubject"\s*:/.test(t) || (/"badge"\s*:/.test(t) && /"recipient"\s*:/.test(t));
  if (!credentialish) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

