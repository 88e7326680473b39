/**
 * `credlens serve [options]`: configuration from flags and environment (flags win), then the server.
 * Every option is in docs/server.md.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { parseJsonText } from '../lib/basics.js';
import { parseTrustList } from '../lib/index.js';
import { InputReadError, directoryBundle } from '../node/input.js';
import { pinnedFetch, resolveHost } from '../node/fetch.js';
import { packageVersion } from '../node/package-version.js';
import { buildServer, type CredlensServer, type ServerConfig } from './app.js';
import { DEFAULT_BODY_LIMIT, type NamedTrustList } from './verifier.js';

export const SERVE_USAGE = `Usage: credlens serve [options]   (every option also as an environment variable)

  --port N                    CREDLENS_PORT (or PORT)           default 8080
  --host ADDRESS              CREDLENS_HOST                      default 127.0.0.1 (0.0.0.0 in the container)
  --trust FILE                CREDLENS_TRUST (comma-separated)   trust lists; requests name them by file name
  --registry FILE|URL         CREDLENS_REGISTRIES (comma-sep.)   training registries for the registry check (docs/registries.md);
                                                                 a file indexed by \`credlens registry import\` opens without parsing
  --resources DIR             CREDLENS_RESOURCES                 offline bundle (DIR/index.json)
  --offline                   CREDLENS_OFFLINE=1                 never touch the network
  --redis URL                 CREDLENS_REDIS_URL                 shared cache, e.g. redis://redis:6379
  --redis-timeout-ms N        CREDLENS_REDIS_TIMEOUT_MS          longest wait for Redis per lookup, default 50
  --no-cache                  CREDLENS_CACHE=off                 no HTTP cache at all
  --cors-origin ORIGIN        CREDLENS_CORS_ORIGINS (comma-sep.) allow these origins (CORS is off by default)
  --body-limit BYTES          CREDLENS_BODY_LIMIT                default ${DEFAULT_BODY_LIMIT}
  --batch-body-limit BYTES    CREDLENS_BATCH_BODY_LIMIT          default 33554432
  --batch-max-lines N         CREDLENS_BATCH_MAX_LINES           default 1000
  --batch-concurrency N       CREDLENS_BATCH_CONCURRENCY         default 8
  --deadline-ms N             CREDLENS_DEADLINE_MS               per verification, default 15000
  --outbound-concurrency N    CREDLENS_OUTBOUND_CONCURRENCY      requests to issuers at once, default 64
  --per-origin-concurrency N  CREDLENS_PER_ORIGIN_CONCURRENCY    requests to one issuer at once, default 6
  --log-level LEVEL           CREDLENS_LOG_LEVEL                 fatal|error|warn|info|debug|silent, default info
  --allow-private-network     CREDLENS_ALLOW_PRIVATE_NETWORK=1   DEVELOPMENT ONLY: issuers on loopback/private addresses
  --allow-http                CREDLENS_ALLOW_HTTP=1              DEVELOPMENT ONLY: issuers over plain http`;

const FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  trust: { type: 'string', multiple: true },
  registry: { type: 'string', multiple: true },
  resources: { type: 'string' },
  offline: { type: 'boolean' },
  redis: { type: 'string' },
  'redis-timeout-ms': { type: 'string' },
  'no-cache': { type: 'boolean' },
  'cors-origin': { type: 'string', multiple: true },
  'body-limit': { type: 'string' },
  'batch-body-limit': { type: 'string' },
  'batch-max-lines': { type: 'string' },
  'batch-concurrency': { type: 'string' },
  'deadline-ms': { type: 'string' },
  'outbound-concurrency': { type: 'string' },
  'per-origin-concurrency': { type: 'string' },
  'log-level': { type: 'string' },
  'allow-private-network': { type: 'boolean' },
  'allow-http': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface ServeSettings {
  port: number;
  host: string;
  config: ServerConfig;
}

/** Reads flags and environment into settings; throws InputReadError with a clear message. */
export async function serveSettings(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<ServeSettings | 'help'> {
  let values;
  try {
    values = parseArgs({ args: argv, options: FLAGS, allowPositionals: false }).values;
  } catch (error) {
    throw new InputReadError(`serve: ${(error as Error).message}`);
  }
  if (values.help) return 'help';
  const bool = (flag: boolean | undefined, name: string) => flag ?? /^(1|true|yes|on)$/i.test(env[name] ?? '');
  const int = (flag: string | undefined, name: string, fallback: number, min = 1): number => {
    const raw = flag ?? env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new InputReadError(`serve: ${name.replace(/^CREDLENS_/, '').toLowerCase().replace(/_/g, '-')} must be a whole number ≥ ${min}, not "${raw.slice(0, 40)}"`);
    return n;
  };
  const list = (flag: string[] | undefined, name: string) => flag ?? (env[name] ? env[name]!.split(',').map((s) => s.trim()).filter(Boolean) : []);

  const version = await packageVersion();
  const trustFiles = list(values.trust, 'CREDLENS_TRUST');
  const trustLists: NamedTrustList[] = await Promise.all(trustFiles.map(loadNamedTrustList));
  const resourcesDir = values.resources ?? env.CREDLENS_RESOURCES;
  const allowPrivateNetwork = bool(values['allow-private-network'], 'CREDLENS_ALLOW_PRIVATE_NETWORK');
  const allowHttp = bool(values['allow-http'], 'CREDLENS_ALLOW_HTTP');
  const offline = bool(values.offline, 'CREDLENS_OFFLINE');
  const registrySources = list(values.registry, 'CREDLENS_REGISTRIES');
  // Loaded once at start-up: every verification then looks codes up in memory or in the file index.
  const trainingRegistries = registrySources.length
    ? await (async () => {
        const { loadRegistry } = await import('../node/registry-files.js');
        const network = offline ? {} : { fetch: pinnedFetch({ allowPrivateNetwork }), allowHttp, allowPrivateNetwork };
        return Promise.all(registrySources.map((source) => loadRegistry(source, network)));
      })()
    : [];
  const corsOrigins = list(values['cors-origin'], 'CREDLENS_CORS_ORIGINS');
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) throw new InputReadError(`serve: --cors-origin takes an origin such as https://jobs.example, not "${origin.slice(0, 80)}"`);
  }
  const logLevel = values['log-level'] ?? env.CREDLENS_LOG_LEVEL ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) throw new InputReadError(`serve: unknown log level "${logLevel.slice(0, 20)}"`);
  const redisUrl = values.redis ?? env.CREDLENS_REDIS_URL;
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) throw new InputReadError('serve: --redis takes a redis:// or rediss:// URL');

  const config: ServerConfig = {
    version,
    fetch: pinnedFetch({ allowPrivateNetwork }),
    ...(allowPrivateNetwork ? {} : { resolveHost }),
    trustLists,
    trainingRegistries,
    ...(resourcesDir ? { resources: await directoryBundle(resourcesDir) } : {}),
    offline,
    allowHttp,
    allowPrivateNetwork,
    ...(redisUrl ? { redisUrl } : {}),
    redisTimeoutMs: int(values['redis-timeout-ms'], 'CREDLENS_REDIS_TIMEOUT_MS', 50),
    cache: !(values['no-cache'] ?? /^(off|no|0|false)$/i.test(env.CREDLENS_CACHE ?? '')),
    corsOrigins,
    bodyLimit: int(values['body-limit'], 'CREDLENS_BODY_LIMIT', DEFAULT_BODY_LIMIT),
    batchBodyLimit: int(values['batch-body-limit'], 'CREDLENS_BATCH_BODY_LIMIT', 32 * 1024 * 1024),
    batchMaxLines: int(values['batch-max-lines'], 'CREDLENS_BATCH_MAX_LINES', 1000),
    batchConcurrency: int(values['batch-concurrency'], 'CREDLENS_BATCH_CONCURRENCY', 8),
    deadlineMs: int(values['deadline-ms'], 'CREDLENS_DEADLINE_MS', 15_000),
    outboundConcurrency: int(values['outbound-concurrency'], 'CREDLENS_OUTBOUND_CONCURRENCY', 64),
    perOriginConcurrency: int(values['per-origin-concurrency'], 'CREDLENS_PER_ORIGIN_CONCURRENCY', 6),
    logLevel,
  };
  return {
    port: int(values.port, env.CREDLENS_PORT !== undefined || values.port !== undefined ? 'CREDLENS_PORT' : 'PORT', 8080, 0),
    host: values.host ?? env.CREDLENS_HOST ?? '127.0.0.1',
    config,
  };
}

async function loadNamedTrustList(path: string): Promise<NamedTrustList> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputReadError(`--trust ${path}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = parseJsonText(text);
  } catch (error) {
    throw new InputReadError(`--trust ${path}: not valid JSON (${(error as Error).message})`);
  }
  return { id: basename(path).replace(/\.json$/i, ''), list: parseTrustList(value, path) };
}

/** Starts the server and stops it cleanly on SIGINT / SIGTERM (in-flight requests finish, new ones get 503). */
export async function runServe(argv: string[], io: { out(text: string): void; err(text: string): void }): Promise<number> {
  const settings = await serveSettings(argv);
  if (settings === 'help') {
    io.out(SERVE_USAGE);
    return 0;
  }
  const server: CredlensServer = buildServer(settings.config);
  const { config } = settings;
  if (config.allowPrivateNetwork || config.allowHttp) {
    io.err('credlens serve: DEVELOPMENT MODE: issuers on private addresses or plain http are allowed. Never run a public server like this.');
  }
  const address = await server.app.listen({ port: settings.port, host: settings.host });
  io.err(`credlens serve: listening on ${address} (POST /v1/verify, POST /v1/verify/batch, GET /healthz, GET /metrics, GET /openapi.json)`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}
