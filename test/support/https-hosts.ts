import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Handler = () => Response | Promise<Response>;

/**
 * One HTTPS server on loopback standing in for every host of a test (LinkedIn, StepStone, Credly,
 * issuers): Chromium maps the names here with --host-resolver-rules and accepts the self-signed
 * certificate with --ignore-certificate-errors, so the extension runs with its production network
 * policy (https only, no private-address exception).
 */
export class HttpsHosts {
  readonly routes = new Map<string, Handler>();
  readonly seen: string[] = [];
  private server: Server | undefined;

  async start(): Promise<number> {
    const dir = mkdtempSync(join(tmpdir(), 'credlens-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=credlens-test', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    this.server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
      const url = `https://${req.headers.host?.replace(/:\d+$/, '')}${req.url}`;
      this.seen.push(url);
      const handler = this.routes.get(url) ?? this.routes.get(url.split('?')[0] ?? url);
      void (async () => {
        const response = handler ? await handler() : new Response('not found', { status: 404 });
        const headers: Record<string, string> = {};
        response.headers.forEach((v, k) => (headers[k] = v));
        res.writeHead(response.status, headers);
        res.end(Buffer.from(await response.arrayBuffer()));
      })().catch(() => {
        res.writeHead(500);
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export function html(body: string): Handler {
  return () => new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8' } });
}

export function bytes(body: Uint8Array, type: string, extra: Record<string, string> = {}): Handler {
  return () => new Response(body as BodyInit, { headers: { 'content-type': type, ...extra } });
}
