/**
 * `credlens serve`: the Fastify application. Routes: POST /v1/verify, POST /v1/verify/batch,
 * GET /healthz, GET /metrics, GET /openapi.json. Every refusal is an RFC 9457 problem document with a
 * stable `code`; a credential that fails verification is a 200 with its report. See docs/server.md.
 */
import { Readable } from 'node:stream';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cors from '@fastify/cors';
import pLimit from 'p-limit';
import type { FetchLike } from '../lib/index.js';
import { cachingFetch, type ResponseStore } from './http-cache.js';
import { createMetrics, type ServerMetrics } from './metrics.js';
import { openApiDocument } from './openapi.js';
import { limitedFetch } from './outbound.js';
import { MemoryStore, RedisStore, TieredStore } from './stores.js';
import {
  RequestError,
  checkOptionNames,
  readBody,
  readEnvelope,
  runVerification,
  verifyOptionsFor,
  type NamedTrustList,
  type RequestOptions,
  type VerifierSetup,
} from './verifier.js';
import type { ResourceBundle, TrainingRegistry } from '../lib/index.js';

export interface ServerConfig {
  version: string;
  /** The network under the cache (node/fetch.ts pinnedFetch in production; a test's fetch in tests). */
  fetch: FetchLike;
  resolveHost?: (hostname: string) => Promise<string[]>;
  trustLists: readonly NamedTrustList[];
  /** Training registries every verification is checked against (docs/registries.md); none by default. */
  trainingRegistries?: readonly TrainingRegistry[];
  resources?: ResourceBundle;
  offline: boolean;
  /** Development only: plain http and private addresses for issuers (a local issuer in the bench). */
  allowHttp: boolean;
  allowPrivateNetwork: boolean;
  redisUrl?: string;
  redisTimeoutMs: number;
  /** `false` turns the HTTP cache off (every lookup goes to the network). */
  cache: boolean;
  corsOrigins: readonly string[];
  bodyLimit: number;
  batchBodyLimit: number;
  batchMaxLines: number;
  batchConcurrency: number;
  deadlineMs: number;
  outboundConcurrency: number;
  perOriginConcurrency: number;
  logLevel: string;
}

export interface CredlensServer {
  app: FastifyInstance;
  metrics: ServerMetrics;
  /** Clears the in-process tier of the cache (tests and the bench simulate a fresh replica with it). */
  memoryStore?: MemoryStore;
  redis?: RedisStore;
  close(): Promise<void>;
}

export function buildServer(config: ServerConfig): CredlensServer {
  const metrics = createMetrics();
  const app = Fastify({
    bodyLimit: config.bodyLimit,
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    return503OnClosing: true,
    forceCloseConnections: true,
  });

  let redis: RedisStore | undefined;
  let memoryStore: MemoryStore | undefined;
  let network = limitedFetch(config.fetch, {
    globalConcurrency: config.outboundConcurrency,
    perOriginConcurrency: config.perOriginConcurrency,
    onFetch: (origin, outcome) => metrics.outbound.inc({ origin, outcome }),
  });
  if (config.cache) {
    memoryStore = new MemoryStore();
    let store: ResponseStore = memoryStore;
    const onEvent = ({ store: name, result }: { store: string; result: string }) => metrics.cache.inc({ store: name, result });
    if (config.redisUrl) {
      redis = new RedisStore({
        url: config.redisUrl,
        timeoutMs: config.redisTimeoutMs,
        onEvent,
        onError: (error) => app.log.warn({ err: { message: error.message } }, 'redis: %s', error.message),
      });
      store = new TieredStore(memoryStore, redis, onEvent);
    }
    network = cachingFetch(network, {
      store,
      maxBodyBytes: 16 * 1024 * 1024,
      onOutcome: (outcome) => metrics.cache.inc({ store: 'http', result: outcome }),
    });
  }

  const setup: VerifierSetup = {
    fetch: network,
    network: {
      redirect: 'manual',
      allowHttp: config.allowHttp,
      allowPrivateNetwork: config.allowPrivateNetwork,
      ...(config.resolveHost ? { resolveHost: config.resolveHost } : {}),
    },
    offline: config.offline,
    trustLists: config.trustLists,
    trainingRegistries: config.trainingRegistries ?? [],
    deadlineMs: config.deadlineMs,
    metrics,
    ...(config.resources ? { resources: config.resources } : {}),
  };

  if (config.corsOrigins.length) {
    void app.register(cors, { origin: [...config.corsOrigins], methods: ['GET', 'POST'], maxAge: 600 });
  }

  // Every body arrives as bytes; the route decides what it is by media type (verifier.readBody).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.setErrorHandler((error: FastifyError | RequestError, request, reply) => {
    if (error instanceof RequestError) return problem(reply, metrics, error.status, error.code, error.message);
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return problem(reply, metrics, 413, 'BODY_TOO_LARGE', `the body is larger than ${reply.request.routeOptions.bodyLimit ?? config.bodyLimit} bytes`);
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return problem(reply, metrics, 415, 'UNSUPPORTED_MEDIA_TYPE', 'the media type is not accepted');
    if (status >= 400 && status < 500) return problem(reply, metrics, status, 'BAD_REQUEST', error.message.slice(0, 200));
    request.log.error({ err: error }, 'unexpected error');
    return problem(reply, metrics, 500, 'INTERNAL_ERROR', 'the server failed to handle the request; it is logged');
  });
  app.setNotFoundHandler((request, reply) => problem(reply, metrics, 404, 'NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]!.slice(0, 100)}`));

  const document = openApiDocument(config.version);
  app.get('/openapi.json', async () => document);

  app.get('/healthz', async () => ({
    status: 'ok',
    version: config.version,
    offline: config.offline,
    cache: !config.cache ? 'off' : redis ? (redis.ready ? 'redis-connected' : 'redis-disconnected') : 'memory',
  }));

  app.get('/metrics', async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });

  app.post('/v1/verify', async (request, reply) => {
    const { input, options: bodyOptions } = readBody(request.body as Buffer | undefined, request.headers['content-type']);
    const options = verifyOptionsFor({ ...queryOptions(request), ...bodyOptions }, setup);
    const result = await runVerification(input, options, setup, 'verify', disconnectSignal(reply));
    reply.header('cache-control', 'no-store');
    return result.kind === 'pdf' ? result.results : result.report;
  });

  app.post('/v1/verify/batch', { bodyLimit: config.batchBodyLimit }, async (request, reply) => {
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/x-ndjson' && type !== 'application/jsonl') throw new RequestError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send NDJSON (application/x-ndjson), one input per line');
    const body = request.body as Buffer | undefined;
    if (!body?.length) throw new RequestError(400, 'EMPTY_BODY', 'the batch has no input line');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      throw new RequestError(400, 'BODY_NOT_UTF8', 'the body is not UTF-8 text');
    }
    const lines = text.split(/\r?\n/).map((content, i) => ({ line: i + 1, content: content.trim() })).filter((l) => l.content !== '');
    if (lines.length === 0) throw new RequestError(400, 'EMPTY_BODY', 'the batch has no input line');
    if (lines.length > config.batchMaxLines) throw new RequestError(413, 'BATCH_TOO_LARGE', `the batch has ${lines.length} lines; the limit is ${config.batchMaxLines}`);
    const shared = queryOptions(request);
    verifyOptionsFor(shared, setup); // refuse bad query options before streaming starts
    const signal = disconnectSignal(reply);
    reply.header('cache-control', 'no-store');
    reply.type('application/x-ndjson');
    return Readable.from(batchLines(lines, shared, setup, config.batchConcurrency, signal));
  });

  return {
    app,
    metrics,
    ...(memoryStore ? { memoryStore } : {}),
    ...(redis ? { redis } : {}),
    close: async () => {
      await app.close();
      await redis?.close();
    },
  };
}

/** Results in the order they finish, at most `concurrency` at once. */
async function* batchLines(
  lines: Array<{ line: number; content: string }>,
  shared: RequestOptions,
  setup: VerifierSetup,
  concurrency: number,
  signal: AbortSignal,
): AsyncGenerator<string> {
  const limit = pLimit(concurrency);
  const finished: string[] = [];
  let wake: (() => void) | undefined;
  let pending = lines.length;
  for (const { line, content } of lines) {
    void limit(async () => {
      let out: Record<string, unknown>;
      try {
        out = await verifyLine(line, content, shared, setup, signal);
      } catch (error) {
        const e = error instanceof RequestError ? error : new RequestError(500, 'INTERNAL_ERROR', 'this line could not be handled');
        out = { line, error: { status: e.status, code: e.code, title: e.message } };
      }
      finished.push(`${JSON.stringify(out)}\n`);
      pending--;
      wake?.();
    });
  }
  while (pending > 0 || finished.length) {
    if (finished.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    while (finished.length) yield finished.shift()!;
  }
}

async function verifyLine(line: number, content: string, shared: RequestOptions, setup: VerifierSetup, signal: AbortSignal): Promise<Record<string, unknown>> {
  let value: unknown;
  let parsed = true;
  try {
    value = JSON.parse(content);
  } catch {
    parsed = false;
  }
  let id: unknown;
  let read;
  if (!parsed) read = { input: content, options: {} };
  else if (typeof value === 'string') read = { input: value.trim(), options: {} };
  else {
    // An envelope line may carry an id to correlate results (they come back in finishing order).
    if (value && typeof value === 'object' && !Array.isArray(value) && 'id' in value && ('url' in value || 'credential' in value)) {
      const { id: lineId, ...rest } = value as Record<string, unknown>;
      id = lineId;
      value = rest;
    }
    read = readEnvelope(value, content, `line ${line}`);
  }
  checkOptionNames(read.options as Record<string, unknown>, `line ${line} options`);
  const options = verifyOptionsFor({ ...shared, ...read.options }, setup);
  const result = await runVerification(read.input, options, setup, 'batch', signal);
  const report = result.kind === 'report' ? result.report : undefined;
  if (!report) throw new RequestError(400, 'PDF_IN_BATCH', 'a PDF cannot travel in a batch line; POST it to /v1/verify');
  return { line, ...(id !== undefined ? { id } : {}), report };
}

function queryOptions(request: FastifyRequest): RequestOptions {
  const query = (request.query ?? {}) as Record<string, unknown>;
  checkOptionNames(query, 'query');
  return query;
}

/** Aborts when the client goes away before the answer is sent (work for nobody stops). */
function disconnectSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

function problem(reply: FastifyReply, metrics: ServerMetrics, status: number, code: string, detail: string): FastifyReply {
  metrics.rejected.inc({ code });
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type: 'about:blank', status, code, title: titleFor(status), detail });
}

function titleFor(status: number): string {
  switch (status) {
    case 400:
      return 'Bad request';
    case 404:
      return 'Not found';
    case 413:
      return 'Content too large';
    case 415:
      return 'Unsupported media type';
    case 503:
      return 'Service unavailable';
    default:
      return status >= 500 ? 'Internal error' : 'Request refused';
  }
}
