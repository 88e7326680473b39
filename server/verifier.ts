/**
 * What `POST /v1/verify` and `POST /v1/verify/batch` do with one input, independent of HTTP: read the
 * body by its media type, check the options, verify with the server's shared network seam under a
 * deadline, and count the outcome. The demo job board's server-side check calls the same route.
 */
import { LIMITS, verify, verifyAll, type LocatedReport, type TrainingRegistry, type TrustList, type VerificationReport, type VerifyInput, type VerifyOptions } from '../lib/index.js';
import type { FetchLike, NetworkPolicy, ResourceBundle } from '../lib/index.js';
import { MemoryCache } from '../lib/basics.js';
import { isPdfBytes } from '../node/input.js';
import { setUpNodeQrDecoder } from '../node/qr.js';
import type { ServerMetrics } from './metrics.js';

/** A request the server refuses: an HTTP status and a stable code (docs/server.md lists them). */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface NamedTrustList {
  /** What requests name it by: the file name without `.json`. */
  id: string;
  list: TrustList;
}

export interface VerifierSetup {
  fetch: FetchLike;
  network: Partial<NetworkPolicy>;
  offline: boolean;
  resources?: ResourceBundle;
  trustLists: readonly NamedTrustList[];
  /** Training registries (`--registry`), consulted by every verification. */
  trainingRegistries?: readonly TrainingRegistry[];
  deadlineMs: number;
  metrics?: ServerMetrics;
}

/** The options a request may set, as the CLI's flags. */
export interface RequestOptions {
  at?: unknown;
  profile?: unknown;
  recipient?: unknown;
  trust?: unknown;
}

const OPTION_NAMES = new Set(['at', 'profile', 'recipient', 'trust']);

export function checkOptionNames(options: Record<string, unknown>, where: string): void {
  for (const name of Object.keys(options)) {
    if (!OPTION_NAMES.has(name)) throw new RequestError(400, 'UNKNOWN_OPTION', `${where}: unknown option "${name.slice(0, 40)}" (use at, profile, recipient, trust)`);
  }
}

/** Turns request options into verify() options, with the CLI's rules and clear 400s. */
export function verifyOptionsFor(raw: RequestOptions, setup: VerifierSetup): Pick<VerifyOptions, 'at' | 'profile' | 'recipient' | 'trust'> {
  const out: Pick<VerifyOptions, 'at' | 'profile' | 'recipient' | 'trust'> = {};
  if (raw.at !== undefined) {
    const at = typeof raw.at === 'string' && /^\d{4}-\d{2}-\d{2}/.test(raw.at) ? new Date(raw.at) : undefined;
    if (!at || Number.isNaN(at.getTime())) throw new RequestError(400, 'BAD_OPTION_AT', 'at must be an ISO-8601 instant such as 2026-11-28T00:00:00Z');
    out.at = at;
  }
  if (raw.profile !== undefined) {
    if (raw.profile !== 'eu-microcredential') throw new RequestError(400, 'BAD_OPTION_PROFILE', 'profile takes eu-microcredential');
    out.profile = 'eu-microcredential';
  }
  if (raw.recipient !== undefined) {
    if (typeof raw.recipient !== 'string' || !/^(email:[^\s@]+@[^\s@]+|did:[a-z0-9]+:\S+|https?:\/\/\S+)$/i.test(raw.recipient) || raw.recipient.length > 2048) {
      throw new RequestError(400, 'BAD_OPTION_RECIPIENT', 'recipient takes email:ADDRESS, did:DID or a URL');
    }
    out.recipient = raw.recipient;
  }
  const names = trustNames(raw.trust);
  if (names === undefined) {
    if (setup.trustLists.length) out.trust = setup.trustLists.map((t) => t.list);
  } else {
    out.trust = names.map((name) => {
      const found = setup.trustLists.find((t) => t.id === name || t.list.name === name);
      if (!found) throw new RequestError(400, 'UNKNOWN_TRUST_LIST', `no trust list named "${name.slice(0, 80)}" is configured (configured: ${setup.trustLists.map((t) => t.id).join(', ') || 'none'})`);
      return found.list;
    });
  }
  return out;
}

function trustNames(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => {
    if (typeof v !== 'string') throw new RequestError(400, 'BAD_OPTION_TRUST', 'trust takes trust list names (comma-separated or repeated)');
    return v.split(',');
  });
  return parts.map((p) => p.trim()).filter(Boolean);
}

const JSON_TYPE = /^application\/([\w.+-]+\+)?json$|^application\/(vc|vp)$/;
const TEXT_TYPE = /^application\/([\w.+-]+\+)?(jwt|sd-jwt|jose)$|^text\/plain$/;
const BYTE_TYPES = new Set(['image/png', 'image/svg+xml', 'application/pdf', 'application/octet-stream']);

export interface ReadBody {
  input: VerifyInput;
  options: RequestOptions;
}

/**
 * A request body by its media type. JSON is either a credential, or an envelope
 * `{ "url": ... }` / `{ "credential": ... }` with optional `"options"`; everything that is not an
 * envelope is handed to verify() as text, so malformed JSON becomes a report, not a 400.
 */
export function readBody(body: Buffer | undefined, contentType: string | undefined): ReadBody {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!body || body.length === 0) throw new RequestError(400, 'EMPTY_BODY', 'the request has no body: send a credential, a token, { "url": ... } or a file');
  if (!type) throw new RequestError(415, 'UNSUPPORTED_MEDIA_TYPE', 'the request has no Content-Type');
  if (JSON_TYPE.test(type)) return readJson(decodeText(body));
  if (TEXT_TYPE.test(type)) return { input: decodeText(body).trim(), options: {} };
  if (BYTE_TYPES.has(type)) return { input: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), options: {} };
  throw new RequestError(415, 'UNSUPPORTED_MEDIA_TYPE', `media type ${type.slice(0, 80)} is not accepted (JSON, JWT / SD-JWT as text, image/png, image/svg+xml, application/pdf)`);
}

function decodeText(body: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new RequestError(400, 'BODY_NOT_UTF8', 'the body is not UTF-8 text');
  }
}

const ENVELOPE_KEYS = new Set(['url', 'credential', 'options']);

export function readJson(text: string): ReadBody {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { input: text, options: {} };
  }
  return readEnvelope(value, text, 'body');
}

/** `value` parsed from `text`; an envelope yields its credential or URL, anything else the text itself. */
export function readEnvelope(value: unknown, text: string, where: string): ReadBody {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { input: text, options: {} };
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const isEnvelope = keys.length > 0 && keys.every((k) => ENVELOPE_KEYS.has(k)) && ('url' in record || 'credential' in record);
  if (!isEnvelope) return { input: text, options: {} };
  const options = record.options ?? {};
  if (!options || typeof options !== 'object' || Array.isArray(options)) throw new RequestError(400, 'BAD_OPTIONS', `${where}: options must be an object`);
  checkOptionNames(options as Record<string, unknown>, `${where} options`);
  if ('url' in record && 'credential' in record) throw new RequestError(400, 'BAD_ENVELOPE', `${where}: give either url or credential, not both`);
  if ('url' in record) {
    if (typeof record.url !== 'string' || !/^https?:\/\//i.test(record.url)) throw new RequestError(400, 'BAD_URL', `${where}: url must be an http(s) URL`);
    return { input: record.url, options: options as RequestOptions };
  }
  const credential = record.credential;
  if (typeof credential === 'string') return { input: credential.trim(), options: options as RequestOptions };
  if (credential && typeof credential === 'object') return { input: JSON.stringify(credential), options: options as RequestOptions };
  throw new RequestError(400, 'BAD_ENVELOPE', `${where}: credential must be a JSON object or a string (JWT, SD-JWT, JSON text)`);
}

export type VerifyResult = { kind: 'report'; report: VerificationReport } | { kind: 'pdf'; results: LocatedReport[] };

/**
 * Verifies one input under the deadline. Never throws for a bad credential (a report says why);
 * `signal` also stops the work when the client goes away.
 */
export async function runVerification(input: VerifyInput, options: Pick<VerifyOptions, 'at' | 'profile' | 'recipient' | 'trust'>, setup: VerifierSetup, route: string, signal?: AbortSignal): Promise<VerifyResult> {
  const started = performance.now();
  const deadline = AbortSignal.timeout(setup.deadlineMs);
  const full: VerifyOptions = {
    ...options,
    fetch: setup.fetch,
    network: setup.network,
    offline: setup.offline,
    // Per request only: lets one verification reuse what it read; the fleet's cache is the HTTP cache below.
    cache: new MemoryCache(),
    signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
    ...(setup.resources ? { resources: setup.resources } : {}),
    ...(setup.trainingRegistries?.length ? { trainingRegistries: setup.trainingRegistries } : {}),
  };
  if (isPdfBytes(input)) {
    await setUpNodeQrDecoder();
    const results = await verifyAll(input, full);
    for (const { report } of results) count(report, setup, route, (performance.now() - started) / 1000);
    return { kind: 'pdf', results };
  }
  const report = await verify(input, full);
  count(report, setup, route, (performance.now() - started) / 1000);
  return { kind: 'report', report };
}

function count(report: VerificationReport, setup: VerifierSetup, route: string, seconds: number): void {
  setup.metrics?.verifications.inc({ verdict: report.verdict, format: report.format, route });
  setup.metrics?.duration.observe({ format: report.format, route }, seconds);
}

/** The largest single input the server reads (a badge image or a PDF is the largest kind). */
export const DEFAULT_BODY_LIMIT = Math.max(LIMITS.maxImageBytes, LIMITS.maxCredentialBytes) + 64 * 1024;
