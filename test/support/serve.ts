import { pinnedFetch } from '../../node/fetch.js';
import { buildServer, type CredlensServer, type ServerConfig } from '../../server/app.js';
import { DEFAULT_BODY_LIMIT } from '../../server/verifier.js';

/**
 * The server as `credlens serve` builds it, with the real pinned fetch but the development network
 * exception (plain http and loopback), so a test's local issuer can be reached.
 */
export function testServer(overrides: Partial<ServerConfig> = {}): CredlensServer {
  return buildServer({
    version: 'test',
    fetch: pinnedFetch({ allowPrivateNetwork: true }),
    trustLists: [],
    offline: false,
    allowHttp: true,
    allowPrivateNetwork: true,
    redisTimeoutMs: 50,
    cache: true,
    corsOrigins: [],
    bodyLimit: DEFAULT_BODY_LIMIT,
    batchBodyLimit: 1024 * 1024,
    batchMaxLines: 50,
    batchConcurrency: 4,
    deadlineMs: 10_000,
    outboundConcurrency: 16,
    perOriginConcurrency: 4,
    logLevel: 'silent',
    ...overrides,
  });
}
