import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type CredlensServer } from '../../../server/app.js';
import { serveSettings } from '../../../server/serve.js';
import { writeRegistryFiles } from '../../../node/registry-files.js';
import { didJwkIssuer } from '../../support/did-jwk-issuer.js';
import { alignedBadge } from '../../support/registry-badges.js';
import { sampleRegistries } from '../../support/registries.js';

const dir = mkdtempSync(join(tmpdir(), 'credlens-serve-registry-'));
const rncpFile = join(dir, 'rncp.json');
const ownFile = join(dir, 'own.json');
let server: CredlensServer;
let listed: string;
let lapsed: string;

beforeAll(async () => {
  const { rncp, own } = sampleRegistries();
  await writeRegistryFiles(rncp, rncpFile);
  // A registry without an index is read whole.
  writeFileSync(ownFile, JSON.stringify({ format: 'credlens-training-registry/1', ...own }));
  const settings = await serveSettings(['--registry', rncpFile, '--registry', ownFile, '--offline', '--log-level', 'silent'], {});
  if (settings === 'help') throw new Error('unexpected help');
  server = buildServer(settings.config);
  const issuer = await didJwkIssuer();
  listed = await alignedBadge(issuer, 'RNCP99901BC02');
  lapsed = await alignedBadge(issuer, 'RNCP99902', '2024-05-01T00:00:00Z');
});
afterAll(async () => {
  await server?.close();
});

describe('credlens serve --registry', () => {
  it('reads --registry files (indexed or not) and CREDLENS_REGISTRIES into the server settings', async () => {
    const fromEnv = await serveSettings(['--offline'], { CREDLENS_REGISTRIES: `${rncpFile},${ownFile}` });
    if (fromEnv === 'help') throw new Error('unexpected help');
    expect(fromEnv.config.trainingRegistries?.map((r) => r.id)).toEqual(['fr:france-competences:rncp-rs', 'example:skills-accounts']);
    const none = await serveSettings(['--offline'], {});
    expect(none !== 'help' && none.config.trainingRegistries).toEqual([]);
  });

  it('refuses to start on a registry it cannot read, with a clear message', async () => {
    await expect(serveSettings(['--registry', join(dir, 'missing.json')], {})).rejects.toThrow(/--registry .*missing\.json/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"credlens-training-registry/1","id":"x","name":"x","entries":"none"}');
    await expect(serveSettings(['--registry', bad], {})).rejects.toThrow(/entries must be an array/);
  });

  it('checks every verification against them: a listed block, a lapsed registration; the report matches the OpenAPI document', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/v1/verify?at=2026-11-28T00:00:00Z', headers: { 'content-type': 'application/jwt' }, payload: listed });
    expect(response.statusCode).toBe(200);
    const report = response.json() as { verdict: string; checks: Array<{ id: string; code: string }>; registry: Record<string, unknown> };
    expect(report.checks.find((c) => c.id === 'registry')?.code).toBe('REGISTRY_LISTED');
    expect(report.registry).toMatchObject({ outcome: 'listed', entry: { code: 'RNCP99901', eligible: true }, block: { code: 'RNCP99901BC02' } });

    const document = (await server.app.inject({ method: 'GET', url: '/openapi.json' })).json() as Record<string, unknown>;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ ...document, $id: 'https://credlens.test/openapi.json' });
    const validate = ajv.compile({ $ref: 'https://credlens.test/openapi.json#/components/schemas/VerificationReport' });
    expect(validate(report), ajv.errorsText(validate.errors)).toBe(true);

    const old = (await server.app.inject({ method: 'POST', url: '/v1/verify?at=2026-11-28T00:00:00Z', headers: { 'content-type': 'application/jwt' }, payload: lapsed })).json() as { registry: { outcome: string } };
    expect(old.registry.outcome).toBe('lapsed');
  });
});
