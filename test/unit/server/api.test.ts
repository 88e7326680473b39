import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import type { CredlensServer } from '../../../server/app.js';
import { startFleetIssuer, type FleetIssuer } from '../../support/fleet-issuer.js';
import { testServer } from '../../support/serve.js';

const DOC_ID = 'https://credlens.test/openapi.json';
let issuer: FleetIssuer;
let server: CredlensServer;
let validateOperation: (path: string, method: string, status: string, type: string, body: unknown) => void;

function jwtOf(id: string): string {
  return issuer.credentials.get(id) as string;
}

beforeAll(async () => {
  issuer = await startFleetIssuer();
  server = testServer({ trustLists: [{ id: 'demo', list: issuer.trust }], corsOrigins: [] });
  const document = (await server.app.inject({ method: 'GET', url: '/openapi.json' })).json() as Record<string, unknown>;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: DOC_ID });
  validateOperation = (path, method, status, type, body) => {
    const pointer = `#/paths/${path.replace(/\//g, '~1')}/${method}/responses/${status}/content/${type.replace(/\//g, '~1')}/${type === 'application/x-ndjson' ? 'itemSchema' : 'schema'}`;
    const validate = ajv.compile({ $ref: `${DOC_ID}${pointer}` });
    if (!validate(body)) throw new Error(`${method.toUpperCase()} ${path} ${status} does not match the OpenAPI document: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`);
  };
});

afterAll(async () => {
  await server?.close();
  await issuer?.close();
});

describe('credlens serve: POST /v1/verify', () => {
  it('verifies a compact VC-JWT posted as application/jwt, with the status list fetched from the issuer', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/v1/verify', headers: { 'content-type': 'application/jwt' }, payload: jwtOf('vc-jwt-valid') });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.verdict).toBe('verified');
    expect(report.format).toBe('vc-jwt');
    validateOperation('/v1/verify', 'post', '200', 'application/json', report);
  });

  it('returns the same report as the library for a revoked credential (a fault is a report, not an error)', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/v1/verify', headers: { 'content-type': 'text/plain' }, payload: jwtOf('vc-jwt-revoked') });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.verdict).toBe('invalid');
    expect(report.checks.some((c: { code: string }) => /REVOKED/.test(c.code))).toBe(true);
    validateOperation('/v1/verify', 'post', '200', 'application/json', report);
  });

  it('verifies a JSON-LD credential (OB 3.0 Data Integrity) posted as JSON, and one by { "url" }', async () => {
    const direct = await server.app.inject({ method: 'POST', url: '/v1/verify', headers: { 'content-type': 'application/ld+json' }, payload: issuer.credentials.get('ob3-di-valid') as string });
    expect(direct.json().verdict).toBe('verified');
    validateOperation('/v1/verify', 'post', '200', 'application/json', direct.json());
    const byUrl = await server.app.inject({ method: 'POST', url: '/v1/verify', payload: { url: `${issuer.origin}/credentials/ob3-di-tampered` } });
    expect(byUrl.statusCode).toBe(200);
    expect(byUrl.json().verdict).toBe('invalid');
    validateOperation('/v1/verify', 'post', '200', 'application/json', byUrl.json());
  });

  it('takes the CLI options: at (query), trust list by name, profile and recipient in the envelope', async () => {
    const later = await server.app.inject({
      method: 'POST',
      url: '/v1/verify?at=2099-01-01T00:00:00Z',
      payload: { credential: jwtOf('vc-jwt-valid'), options: { trust: 'demo', profile: 'eu-microcredential' } },
    });
    expect(later.statusCode).toBe(200);
    const report = later.json();
    expect(Number.isNaN(Date.parse(report.verifiedAt))).toBe(false);
    validateOperation('/v1/verify', 'post', '200', 'application/json', report);
    const untrusted = await server.app.inject({ method: 'POST', url: '/v1/verify?trust=', headers: { 'content-type': 'application/jwt' }, payload: jwtOf('vc-jwt-valid') });
    expect(untrusted.json().verdict).toBe('warning');
  });

  it('verifies baked badges posted as image/png and image/svg+xml', async () => {
    const png = Buffer.from(issuer.credentials.get('baked-png-valid') as Uint8Array);
    const response = await server.app.inject({ method: 'POST', url: '/v1/verify', headers: { 'content-type': 'image/png' }, payload: png });
    expect(response.statusCode).toBe(200);
    expect(response.json().verdict).toBe('verified');
    validateOperation('/v1/verify', 'post', '200', 'application/json', response.json());
    const svg = issuer.credentials.get('baked-svg-valid') as string;
    const fromSvg = await server.app.inject({ method: 'POST', url: '/v1/verify', headers: { 'content-type': 'image/svg+xml' }, payload: svg });
    expect(fromSvg.json().verdict).toBe('verified');
  });

  it('refuses what it cannot read with a 4xx, a code and no stack', async () => {
    const cases: Array<[InjectOptions, number, string]> = [
      [{ method: 'POST', url: '/v1/verify', headers: { 'content-type': 'application/json' }, payload: '' }, 400, 'EMPTY_BODY'],
      [{ method: 'POST', url: '/v1/verify', headers: { 'content-type': 'text/html' }, payload: '<p>hi</p>' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [{ method: 'POST', url: '/v1/verify?at=yesterday', headers: { 'content-type': 'application/jwt' }, payload: 'a.b.c' }, 400, 'BAD_OPTION_AT'],
      [{ method: 'POST', url: '/v1/verify?trust=nope', headers: { 'content-type': 'application/jwt' }, payload: 'a.b.c' }, 400, 'UNKNOWN_TRUST_LIST'],
      [{ method: 'POST', url: '/v1/verify?color=red', headers: { 'content-type': 'application/jwt' }, payload: 'a.b.c' }, 400, 'UNKNOWN_OPTION'],
      [{ method: 'POST', url: '/v1/verify', payload: { url: 'file:///etc/passwd' } }, 400, 'BAD_URL'],
      [{ method: 'POST', url: '/v1/verify', payload: { url: 'https://a.example/', credential: {} } }, 400, 'BAD_ENVELOPE'],
      [{ method: 'POST', url: '/v1/verify', payload: { credential: 'x', options: { profile: 'other' } } }, 400, 'BAD_OPTION_PROFILE'],
      [{ method: 'POST', url: '/v1/verify', headers: { 'content-type': 'text/plain' }, payload: Buffer.from([0xff, 0xfe, 0x00]) }, 400, 'BODY_NOT_UTF8'],
      [{ method: 'GET', url: '/v1/nothing' }, 404, 'NOT_FOUND'],
    ];
    for (const [request, status, code] of cases) {
      const response = await server.app.inject(request);
      expect(response.statusCode, code).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe(code);
      expect(response.body).not.toMatch(/\n\s+at |node_modules/);
      if (typeof request.url === 'string' && request.url.startsWith('/v1/verify')) validateOperation('/v1/verify', 'post', String(status), 'application/problem+json', response.json());
    }
  });

  it('keeps malformed JSON and hostile input in the report (200), never a 500', async () => {
    const malformed = await server.app.inject({ method: 'POST', url: '/v1/verify', headers: { 'content-type': 'application/json' }, payload: '{"@context": [' });
    expect(malformed.statusCode).toBe(200);
    expect(malformed.json().checks[0].code).toBe('INPUT_MALFORMED');
    const none = await server.app.inject({ method: 'POST', url: '/v1/verify', headers: { 'content-type': 'application/jwt' }, payload: 'eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.' });
    expect(none.statusCode).toBe(200);
    expect(['invalid', 'unverifiable']).toContain(none.json().verdict);
    const privateLink = await server.app.inject({ method: 'POST', url: '/v1/verify', payload: { url: 'https://169.254.169.254/latest/meta-data' } });
    validateOperation('/v1/verify', 'post', '200', 'application/json', privateLink.json());
  });

  it('caps the body size with 413 BODY_TOO_LARGE', async () => {
    const small = testServer({ bodyLimit: 1024, cache: false });
    const response = await small.app.inject({ method: 'POST', url: '/v1/verify', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ pad: 'x'.repeat(4096) }) });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('BODY_TOO_LARGE');
    validateOperation('/v1/verify', 'post', '413', 'application/problem+json', response.json());
    await small.close();
  });

  it('ends a verification at the deadline with a report (a slow issuer), not a hung request', async () => {
    const slow = testServer({ deadlineMs: 300, cache: false });
    issuer.delayMs = 3000;
    try {
      const started = Date.now();
      const response = await slow.app.inject({ method: 'POST', url: '/v1/verify', payload: { url: `${issuer.origin}/credentials/ob3-di-valid` } });
      expect(Date.now() - started).toBeLessThan(2500);
      expect(response.statusCode).toBe(200);
      expect(response.json().verdict).not.toBe('verified');
      validateOperation('/v1/verify', 'post', '200', 'application/json', response.json());
    } finally {
      issuer.delayMs = 0;
      await slow.close();
    }
  });
});

describe('credlens serve: POST /v1/verify/batch', () => {
  it('answers one NDJSON line per input, ids echoed, bad lines reported in place', async () => {
    const lines = [
      JSON.stringify(jwtOf('vc-jwt-valid')),
      JSON.stringify({ id: 'app-17', url: `${issuer.origin}/credentials/vc-jwt-revoked` }),
      jwtOf('vc-jwt-expired'),
      JSON.stringify({ id: 'bad', url: 42 }),
      '',
      JSON.stringify({ credential: issuer.credentials.get('ob3-di-valid') }),
    ].join('\n');
    const response = await server.app.inject({ method: 'POST', url: '/v1/verify/batch', headers: { 'content-type': 'application/x-ndjson' }, payload: lines });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    const out = response.body.trim().split('\n').map((l) => JSON.parse(l) as { line: number; id?: string; report?: { verdict: string }; error?: { code: string } });
    expect(out).toHaveLength(5);
    for (const line of out) validateOperation('/v1/verify/batch', 'post', '200', 'application/x-ndjson', line);
    const byLine = new Map(out.map((o) => [o.line, o]));
    expect(byLine.get(1)?.report?.verdict).toBe('verified');
    expect(byLine.get(2)).toMatchObject({ id: 'app-17', report: { verdict: 'invalid' } });
    expect(byLine.get(3)?.report?.verdict).toBe('invalid');
    expect(byLine.get(4)?.error?.code).toBe('BAD_URL');
    expect(byLine.get(6)?.report?.verdict).toBe('verified');
  });

  it('refuses a batch over the line limit, an empty batch and a non-NDJSON body', async () => {
    const many = Array.from({ length: 51 }, () => '"x"').join('\n');
    const tooMany = await server.app.inject({ method: 'POST', url: '/v1/verify/batch', headers: { 'content-type': 'application/x-ndjson' }, payload: many });
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().code).toBe('BATCH_TOO_LARGE');
    validateOperation('/v1/verify/batch', 'post', '413', 'application/problem+json', tooMany.json());
    const empty = await server.app.inject({ method: 'POST', url: '/v1/verify/batch', headers: { 'content-type': 'application/x-ndjson' }, payload: '\n\n' });
    expect(empty.json().code).toBe('EMPTY_BODY');
    const json = await server.app.inject({ method: 'POST', url: '/v1/verify/batch', payload: { url: 'https://a.example' } });
    expect(json.statusCode).toBe(415);
  });

  it('streams results as they finish (a slow line does not hold back a fast one)', async () => {
    const slowServer = testServer({ cache: false, batchConcurrency: 2 });
    const address = await slowServer.app.listen({ port: 0, host: '127.0.0.1' });
    issuer.delayMs = 1500;
    try {
      const body = [JSON.stringify({ url: `${issuer.origin}/credentials/ob3-di-valid` }), JSON.stringify('not even a token')].join('\n');
      const response = await fetch(`${address}/v1/verify/batch`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
      const reader = response.body!.getReader();
      const first = await reader.read();
      const firstLine = JSON.parse(new TextDecoder().decode(first.value).split('\n')[0]!) as { line: number };
      expect(firstLine.line).toBe(2);
      while (!(await reader.read()).done);
    } finally {
      issuer.delayMs = 0;
      await slowServer.close();
    }
  });
});

describe('credlens serve: health, metrics, OpenAPI, CORS', () => {
  it('serves /healthz as the document says', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.json()).toMatchObject({ status: 'ok', cache: 'memory' });
    validateOperation('/healthz', 'get', '200', 'application/json', response.json());
  });

  it('counts verdicts, cache hits and outbound fetches by origin in /metrics', async () => {
    const text = (await server.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).toMatch(/credlens_verifications_total\{verdict="verified",format="vc-jwt",route="verify"\} [1-9]/);
    expect(text).toMatch(/credlens_verifications_total\{verdict="invalid",format="vc-jwt",route="verify"\} [1-9]/);
    expect(text).toContain(`credlens_outbound_fetches_total{origin="${issuer.origin}",outcome="200"}`);
    expect(text).toMatch(/credlens_cache_requests_total\{store="http",result="hit"\} [1-9]/);
    expect(text).toMatch(/credlens_verification_duration_seconds_bucket/);
    expect(text).toMatch(/credlens_rejected_requests_total\{code="UNSUPPORTED_MEDIA_TYPE"\}/);
  });

  it('is an OpenAPI 3.1 document with every route', async () => {
    const document = (await server.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual(['/healthz', '/metrics', '/openapi.json', '/v1/verify', '/v1/verify/batch']);
  });

  it('sends no CORS headers by default, and allows only the configured origins', async () => {
    const closed = await server.app.inject({ method: 'OPTIONS', url: '/v1/verify', headers: { origin: 'https://jobs.example', 'access-control-request-method': 'POST' } });
    expect(closed.headers['access-control-allow-origin']).toBeUndefined();
    const open = testServer({ corsOrigins: ['https://jobs.example'], cache: false });
    const allowed = await open.app.inject({ method: 'OPTIONS', url: '/v1/verify', headers: { origin: 'https://jobs.example', 'access-control-request-method': 'POST' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://jobs.example');
    const other = await open.app.inject({ method: 'OPTIONS', url: '/v1/verify', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    await open.close();
  });
});
