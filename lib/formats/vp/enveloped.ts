import { base64AnyDecode, utf8Decode } from '../../util/bytes.js';
import { isRecord, typesOf } from '../../util/json.js';
import { sniff, type Sniffed } from '../../input/sniff.js';
import { check, type Check } from '../../report.js';

/**
 * VC Data Model 2.0 §4.13 "Enveloped Verifiable Credentials" and "Enveloped Verifiable
 * Presentations": an object whose `id` is a data: URL holding a credential secured by an enveloping
 * mechanism (VC-JOSE-COSE §3: `application/vc+jwt`, `application/vc+sd-jwt`, `application/vp+jwt`...).
 * Opening it yields the secured text, which is then verified as what it is.
 */

const ENVELOPE_TYPES = {
  EnvelopedVerifiableCredential: 'credential',
  EnvelopedVerifiablePresentation: 'presentation',
} as const;

/** The media types an envelope may carry, and the shape the text inside must have. */
const MEDIA_TYPES: Record<string, { kind: 'credential' | 'presentation'; text: 'jws' | 'sd-jwt' }> = {
  'application/vc+jwt': { kind: 'credential', text: 'jws' },
  'application/vc+ld+json+jwt': { kind: 'credential', text: 'jws' },
  'application/vc-ld+jwt': { kind: 'credential', text: 'jws' },
  'application/jwt': { kind: 'credential', text: 'jws' },
  'application/vc+sd-jwt': { kind: 'credential', text: 'sd-jwt' },
  'application/dc+sd-jwt': { kind: 'credential', text: 'sd-jwt' },
  'application/vp+jwt': { kind: 'presentation', text: 'jws' },
  'application/vp+ld+json+jwt': { kind: 'presentation', text: 'jws' },
};

export type Opened =
  | { ok: true; sniffed: Sniffed; mediaType: string; kind: 'credential' | 'presentation' }
  | { ok: false; check: Check };


/** The envelope type of a JSON value, when it is one. */
export function envelopeKind(value: unknown): 'credential' | 'presentation' | undefined {
  if (!isRecord(value)) return undefined;
  for (const t of typesOf(value)) if (t in ENVELOPE_TYPES) return ENVELOPE_TYPES[t as keyof typeof ENVELOPE_TYPES];
  return undefined;
}

/** Splits `data:<media type>[;params][;base64],<data>` (RFC 2397). */
function parseDataUrl(url: string): { mediaType: string; text: string } | undefined {
  if (!/^data:/i.test(url)) return undefined;
  const comma = url.indexOf(',');
  if (comma < 0) return undefined;
  const params = url.slice(5, comma).split(';').map((p) => p.trim());
  const mediaType = (params[0] ?? '').toLowerCase();
  const base64 = params.slice(1).some((p) => p.toLowerCase() === 'base64');
  const body = url.slice(comma + 1);
  try {
    if (base64) return { mediaType, text: utf8Decode(base64AnyDecode(body)) };
    return { mediaType, text: decodeURIComponent(body) };
  } catch {
    return undefined;
  }
}

const fail = (message: string, details?: Record<string, unknown>): Opened => ({ ok: false, check: check('input', 'ENVELOPE_MALFORMED', message, details) });

/**
 * Opens an enveloped credential or presentation. `undefined` when `value` is not an envelope;
 * otherwise the secured text inside, sniffed, or the `ENVELOPE_MALFORMED` check that says why not.
 */
export function openEnvelope(value: unknown, expected?: 'credential' | 'presentation'): Opened | undefined {
  const kind = envelopeKind(value);
  if (!kind || !isRecord(value)) return undefined;
  const name = kind === 'credential' ? 'EnvelopedVerifiableCredential' : 'EnvelopedVerifiablePresentation';
  if (expected && kind !== expected) return fail(`A presentation may carry credentials, not an ${name}`);
  if (typeof value.id !== 'string') return fail(`The ${name} has no id holding the secured ${kind} as a data: URL`);
  const parsed = parseDataUrl(value.id);
  if (!parsed) return fail(`The id of the ${name} is not a readable data: URL`, { id: value.id.slice(0, 80) });
  const media = MEDIA_TYPES[parsed.mediaType];
  if (!media) return fail(`The ${name} holds "${parsed.mediaType.slice(0, 60)}", not a media type of a secured ${kind} that Credlens knows`, { mediaType: parsed.mediaType });
  if (media.kind !== kind) return fail(`The ${name} holds a ${media.kind} (${parsed.mediaType}), not a ${kind}`, { mediaType: parsed.mediaType });
  let sniffed: Sniffed;
  try {
    sniffed = sniff(parsed.text.trim());
  } catch (error) {
    return fail(`The ${parsed.mediaType} inside the ${name} is not readable: ${(error as Error).message}`, { mediaType: parsed.mediaType });
  }
  const shape = sniffed.kind === 'jws-compact' ? 'jws' : sniffed.kind === 'sd-jwt' ? 'sd-jwt' : undefined;
  if (shape !== media.text) {
    return fail(`The ${name} says ${parsed.mediaType} but holds ${sniffed.kind === 'json' ? 'JSON' : `a ${sniffed.kind}`}`, { mediaType: parsed.mediaType, found: sniffed.kind });
  }
  return { ok: true, sniffed, mediaType: parsed.mediaType, kind };
}
