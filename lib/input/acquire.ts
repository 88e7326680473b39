import type { InputReadDetails } from '../details.js';
import { InputError, IoError, describeError } from '../errors.js';
import type { Io } from '../io/types.js';
import { check, type Check } from '../report.js';
import { recogniseLink } from '../sources/index.js';
import { readSourceResponse } from '../sources/response.js';
import { ContainerError } from './container-error.js';
import { sniff, type Sniffed, type VerifyInput } from './sniff.js';

/** Credential media types asked for when following a link. */
export const CREDENTIAL_ACCEPT =
  'application/vc+ld+json, application/vc+jwt, application/vc+sd-jwt, application/dc+sd-jwt, application/vc, application/ld+json;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.1';

export type Acquired =
  | { ok: true; sniffed: Sniffed; retrievedFrom?: string; check: Check }
  | { ok: false; check: Check };

/**
 * Unwrap a container (a web page, a baked badge image, a PDF) to the credential inside it.
 * Loaded on demand; a container kind without an unwrapper here is reported as not supported.
 */
export type Container =
  | Extract<Sniffed, { kind: 'png' | 'svg' | 'pdf' }>
  | { kind: 'html'; url: string; html: string };
/** Returns what the container holds: the credential itself, or a link to follow. */
export type Unwrapper = (container: Container, io: Io) => Promise<Sniffed>;
const UNWRAPPERS: Partial<Record<Container['kind'], () => Promise<Unwrapper>>> = {
  png: async () => (await import('./baked.js')).unwrapBaked,
  svg: async () => (await import('./baked.js')).unwrapBaked,
  html: async () => (await import('../sources/discover.js')).unwrapHtml,
};

export function inputErrorCheck(error: unknown): Check {
  if (error instanceof ContainerError) return check('input', error.code, error.message, error.details);
  if (error instanceof InputError) {
    switch (error.code) {
      case 'INPUT_TOO_LARGE':
        return check('input', 'INPUT_TOO_LARGE', error.message);
      case 'INPUT_TOO_DEEP':
        return check('input', 'INPUT_TOO_DEEP', error.message);
      case 'INPUT_DUPLICATE_MEMBER':
        return check('input', 'INPUT_DUPLICATE_MEMBER', error.message);
      default:
        return check('input', 'INPUT_MALFORMED', error.message);
    }
  }
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

function isHtml(contentType: string | undefined, body: Uint8Array): boolean {
  if (contentType && /text\/html|application\/xhtml/i.test(contentType)) return true;
  const head = new TextDecoder().decode(body.subarray(0, 512)).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}

/** Reads the input, following links and unwrapping containers (at most a few hops). */
export async function acquire(input: VerifyInput, io: Io): Promise<Acquired> {
  let sniffed: Sniffed;
  let retrievedFrom: string | undefined;
  const path: string[] = [];
  try {
    sniffed = sniff(input);
    for (let hop = 0; hop < 4; hop++) {
      if (sniffed.kind === 'url') {
        // A shared platform link (Credly, Badgr...) is read at its machine-readable endpoint.
        const link = recogniseLink(sniffed.url);
        const response = await io.get(link?.credentialUrl ?? sniffed.url, { kind: 'credential', accept: CREDENTIAL_ACCEPT });
        retrievedFrom = response.finalUrl;
        path.push(response.finalUrl);
        if (isHtml(response.contentType, response.body)) {
          const loadPage = UNWRAPPERS.html;
          if (!loadPage) return { ok: false, check: check('input', 'INPUT_NOT_A_CREDENTIAL', `${response.finalUrl} is a web page, not a credential`, { url: response.finalUrl }) };
          const page = await loadPage();
          sniffed = await page({ kind: 'html', url: response.finalUrl, html: new TextDecoder().decode(response.body) }, io);
          continue;
        }
        sniffed = readSourceResponse(link, response.body, response.finalUrl);
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
