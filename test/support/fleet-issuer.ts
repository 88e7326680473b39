import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EXAMPLES } from '../../demo/examples.js';
import { createDemoIssuers, demoTrustList, publishedDocuments, type DemoIssuers } from '../../demo/issuers/index.js';
import type { TrustList } from '../../lib/index.js';

/**
 * A real HTTP issuer on loopback for the server's tests and load bench: the demo's issuers (keys made
 * at start), their status lists and Open Badges 2.0 documents, and every demo example credential at
 * /credentials/ID. Responses carry `Cache-Control` (settable) and a strong ETag, and answer
 * `If-None-Match` with 304, so the shared cache can be watched doing HTTP caching. Counts requests.
 */
export interface FleetIssuer {
  origin: string;
  issuers: DemoIssuers;
  trust: TrustList;
  /** Example id → the credential as served (JWT text, JSON, ...). */
  credentials: Map<string, string | Uint8Array>;
  /** Every request: method, path and whether it was conditional. */
  requests: Array<{ path: string; conditional: boolean; status: number }>;
  /** Cache-Control sent with every response (default `max-age=300`). */
  cacheControl: string;
  /** Milliseconds to wait before answering (a slow issuer). */
  delayMs: number;
  close(): Promise<void>;
}

export async function startFleetIssuer(): Promise<FleetIssuer> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuers = await createDemoIssuers(origin);
  const credentials = new Map<string, string | Uint8Array>();
  const types = new Map<string, string>();
  for (const example of EXAMPLES) {
    credentials.set(example.id, await example.make(issuers));
    types.set(example.id, example.contentType);
  }
  const documents = await publishedDocuments(issuers);
  const fleet: FleetIssuer = {
    origin,
    issuers,
    trust: demoTrustList(issuers),
    credentials,
    requests: [],
    cacheControl: 'max-age=300',
    delayMs: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server.on('request', (req, res) => {
    const path = new URL(req.url ?? '/', origin).pathname;
    let body: string | Uint8Array | undefined;
    let type = 'application/json';
    const published = documents.get(path);
    const match = /^\/credentials\/([\w-]+)$/.exec(path);
    if (published) {
      body = published.body;
      type = published.type;
    } else if (match && credentials.has(match[1]!)) {
      body = credentials.get(match[1]!);
      type = types.get(match[1]!) ?? type;
    }
    const conditional = typeof req.headers['if-none-match'] === 'string';
    const answer = () => {
      if (body === undefined) {
        fleet.requests.push({ path, conditional, status: 404 });
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
      if (req.headers['if-none-match'] === etag) {
        fleet.requests.push({ path, conditional, status: 304 });
        res.writeHead(304, { etag, 'cache-control': fleet.cacheControl }).end();
        return;
      }
      fleet.requests.push({ path, conditional, status: 200 });
      res.writeHead(200, { 'content-type': type, etag, 'cache-control': fleet.cacheControl }).end(body);
    };
    if (fleet.delayMs > 0) setTimeout(answer, fleet.delayMs);
    else answer();
  });
  return fleet;
}
