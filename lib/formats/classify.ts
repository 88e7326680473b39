import { decodeJwsPart } from '../input/jws-parts.js';
import { isRecord, stringsOf, typesOf } from '../util/json.js';
import type { Sniffed } from '../input/sniff.js';
import type { Classified } from '../pipeline/types.js';
import type { FormatId } from '../report.js';

const VP_JOSE_TYPES = new Set(['vp+jwt', 'vp+ld+jwt', 'vp+ld+json+jwt', 'application/vp+jwt', 'application/vp+ld+json+jwt']);
const VC_JOSE_TYPES = new Set(['vc+jwt', 'vc+ld+jwt', 'vc+ld+json+jwt', 'vc-ld+jwt', 'application/vc+jwt', 'application/vc+ld+json+jwt']);

function contextsOf(value: unknown): string[] {
  if (!isRecord(value)) return [];
  return stringsOf(value['@context']);
}

function isElm(value: unknown): boolean {
  return (
    contextsOf(value).some((c) => c.includes('data.europa.eu/snb')) ||
    typesOf(value).some((t) => t === 'EuropeanDigitalCredential' || t === 'europassCredential')
  );
}

function isOb2Assertion(value: unknown): boolean {
  if (!isRecord(value) || !('badge' in value && 'recipient' in value)) return false;
  // Open Badges 1.0 assertions carry neither a context nor a type, but their `verify` object or `uid`
  // (the OB 2.0 handler reports them precisely as unsupported).
  return (
    contextsOf(value).some((c) => /openbadges|openbadgespec\.org/.test(c)) ||
    typesOf(value).some((t) => t === 'Assertion') ||
    'verify' in value ||
    'uid' in value
  );
}

function isEbsi(payload: Record<string, unknown>, vc: unknown): boolean {
  const iss = typeof payload.iss === 'string' ? payload.iss : '';
  return iss.startsWith('did:ebsi:') || typesOf(vc).includes('VerifiableAttestation');
}

function isJades(header: Record<string, unknown> | undefined): boolean {
  return Boolean(header && (header.b64 === false || 'sigT' in header || 'sigD' in header || 'x5t#o' in header || 'sigX5ts' in header));
}

/** Decides the credential format from what the input is; decoding failures fall to `unknown`. */
export function classify(sniffed: Sniffed): Classified {
  switch (sniffed.kind) {
    case 'sd-jwt': {
      const [jws = ''] = sniffed.text.split('~');
      const [h = '', p = ''] = jws.split('.');
      return { format: 'sd-jwt-vc', sniffed, header: asRecord(decodeJwsPart(h)), payload: decodeJwsPart(p) };
    }
    case 'jws-compact': {
      const [h = '', p = ''] = sniffed.text.split('.');
      const header = asRecord(decodeJwsPart(h));
      const payload = p === '' ? undefined : decodeJwsPart(p);
      return { format: compactFormat(header, payload), sniffed, header, payload };
    }
    case 'jws-json': {
      const signatures = Array.isArray(sniffed.value.signatures) ? sniffed.value.signatures : [sniffed.value];
      const first = signatures[0];
      const header = isRecord(first) && typeof first.protected === 'string' ? asRecord(decodeJwsPart(first.protected)) : undefined;
      const rawPayload = sniffed.value.payload;
      let payload: unknown;
      if (typeof rawPayload === 'string') {
        payload = header?.b64 === false ? tryJson(rawPayload) : decodeJwsPart(rawPayload);
      }
      const format: FormatId = isJades(header) || isElm(payload) ? 'edc' : 'unknown';
      return { format, sniffed, header, payload };
    }
    case 'json': {
      const value = sniffed.value;
      let format: FormatId = 'unknown';
      if (typesOf(value).includes('VerifiablePresentation')) format = 'vp';
      else if (isElm(value)) format = 'edc';
      else if (isOb2Assertion(value)) format = 'ob2-hosted';
      else if (typesOf(value).includes('VerifiableCredential') || contextsOf(value).some((c) => c.startsWith('https://www.w3.org/2018/credentials') || c.startsWith('https://www.w3.org/ns/credentials'))) format = 'vc-di';
      return { format, sniffed, payload: value };
    }
    default:
      return { format: 'unknown', sniffed };
  }
}

function compactFormat(header: Record<string, unknown> | undefined, payload: unknown): FormatId {
  if (!header) return 'unknown';
  if (isJades(header)) return 'edc';
  if (!isRecord(payload)) return 'unknown';
  const typ = typeof header.typ === 'string' ? header.typ.toLowerCase() : '';
  if (isRecord(payload.vp) || VP_JOSE_TYPES.has(typ) || typesOf(payload).includes('VerifiablePresentation')) return 'vp-jwt';
  if (isRecord(payload.vc)) return isEbsi(payload, payload.vc) ? 'ebsi-jwt' : 'vc-jwt';
  if (VC_JOSE_TYPES.has(typ) || typesOf(payload).includes('VerifiableCredential')) return isElm(payload) ? 'edc' : 'vc-jose';
  if ('badge' in payload && 'recipient' in payload) return 'ob2-signed';
  return 'unknown';
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
