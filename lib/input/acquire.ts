import type { InputReadDetails } from '../details.js';
import { InputError, IoError, describeError } from '../errors.js';
import type { Io } from '../io/types.js';
import { check, type Check } from '../report.js';
import { CREDENTIAL_ACCEPT, followLink } from './follow-link.js';
import { ContainerError } from './container-error.js';
import type { Container, Unwrapper } from './container.js';
import { sniff, type Sniffed, type VerifyInput } from './sniff.js';

export { CREDENTIAL_ACCEPT };
export type { Container, Unwrapper };

export type Acquired =
  | { ok: true; sniffed: Sniffed; retrievedFrom?: string; check: Check }
  | { ok: false; check: Check };

const UNWRAPPERS: Partial<Record<Container['kind'], () => Promise<Unwrapper>>> = {
  png: async () => (await import('./baked.js')).unwrapBaked,
  svg: async () => (await import('./baked.js')).unwrapBaked,
};

export function inputErrorCheck(error: unknown): Check {
  if (error instanceof ContainerError || error instanceof InputError) return check('input', error.check, error.message, error.details);
  if (error instanceof IoError) {
    if (error.blocked) return check('input', 'INPUT_URL_BLOCKED', error.message, { io: error.failure });
    if (error.code === 'IO_TOO_LARGE') return check('input', 'INPUT_TOO_LARGE', error.message, { io: error.failure });
    return check('input', 'INPUT_FETCH_FAILED', error.message, { io: error.failure });
  }
  return check('input', 'INPUT_MALFORMED', describeError(error));
}

const KIND_NAMES: Record<Sniffed['kind'], string> = {
  json: 'JSON',
  'jws-json': 'a JWS in JSON serialisation',
  'jws-compact': 'a compact JWS / JWT',
  'sd-jwt': 'an SD-JWT',
  url: 'a link',
  png: 'a PNG image',
  svg: 'an SVG image',
  pdf: 'a PDF document',
};

/** Reads the input, following links and unwrapping containers (at most a few hops). */
export async function acquire(input: VerifyInput, io: Io): Promise<Acquired> {
  let sniffed: Sniffed;
  let retrievedFrom: string | undefined;
  const path: string[] = [];
  try {
    sniffed = sniff(input);
    for (let hop = 0; hop < 4; hop++) {
      if (sniffed.kind === 'url') {
        // The shared link-following of lib/input/follow-link.ts: platform endpoints, credential media types, pages declaring one.
        const hop = await followLink(sniffed.url, io);
        retrievedFrom = hop.finalUrl;
        path.push(hop.finalUrl);
        sniffed = hop.sniffed;
        continue;
      }
      if (sniffed.kind === 'png' || sniffed.kind === 'svg' || sniffed.kind === 'pdf') {
        const load = UNWRAPPERS[sniffed.kind];
        if (!load) break;
        sniffed = await (await load())(sniffed, io);
        continue;
      }
      break;
    }
  } catch (error) {
    return { ok: false, check: inputErrorCheck(error) };
  }
  const where = retrievedFrom ? ` from ${retrievedFrom}` : '';
  const details: InputReadDetails = { kind: sniffed.kind };
  if (path.length) details.path = path;
  const result: Acquired = { ok: true, sniffed, check: check('input', 'INPUT_READ', `Read ${KIND_NAMES[sniffed.kind]}${where}`, details) };
  if (retrievedFrom) result.retrievedFrom = retrievedFrom;
  return result;
}
