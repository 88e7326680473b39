import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credlens, scratchDir } from '../../support/cli.js';
import { didJwkIssuer } from '../../support/did-jwk-issuer.js';
import { alignedBadge } from '../../support/registry-badges.js';
import { indexOf } from '../../../lib/training-registry/index.js';
import { loadRegistry } from '../../../node/registry-files.js';
import { pinnedFetch } from '../../../node/fetch.js';

const vectors = join(import.meta.dirname, '../../vectors/registries');
const fc = ['Standard', 'Certificateurs', 'Blocs_De_Compétences'].map((k) => join(vectors, `france-competences/export_fiches_CSV_${k}_2026-11-01.csv`));
const { dir, file } = scratchDir('credlens-registry-');
const rncp = join(dir, 'rncp.json');
const mcf = join(dir, 'mcf.json');
const own = join(dir, 'own.json');
const at = ['--at', '2026-11-28T00:00:00Z', '--offline'];
let listed: string, lapsed: string, unlisted: string, ownOnly: string;

beforeAll(async () => {
  const imported = await credlens('registry', 'import', '--from', 'france-competences', ...fc, '-o', rncp);
  expect(imported.stderr).toBe('');
  expect(imported.code).toBe(0);
  expect(imported.stdout).toMatch(/4 entries, 3 eligible for funding/);
  expect((await credlens('registry', 'import', '--from', 'mon-compte-formation', join(vectors, 'mon-compte-formation.json'), '-o', mcf)).code).toBe(0);
  const issuer = await didJwkIssuer();
  listed = file('listed.jwt', await alignedBadge(issuer, 'RNCP99901'));
  lapsed = file('lapsed.jwt', await alignedBadge(issuer, 'RNCP99902', '2024-05-01T00:00:00Z'));
  unlisted = file('unlisted.jwt', await alignedBadge(issuer, 'RNCP12345'));
  expect((await credlens('registry', 'import', '--from', 'credlens', join(vectors, 'credlens-registry.json'), '-o', own)).code).toBe(0);
  ownOnly = file('own.jwt', await alignedBadge(issuer, 'QF-EX-0001'));
}, 120_000);

describe('credlens registry import', { timeout: 120_000 }, () => {
  it('writes our JSON format, one entry per line, and a compact index beside it', () => {
    const json = readFileSync(rncp, 'utf8');
    expect(JSON.parse(json)).toMatchObject({ format: 'credlens-training-registry/1', id: 'fr:france-competences:rncp-rs', published: '2026-11-01' });
    expect(json.split('\n').filter((l) => l.startsWith('{"code"'))).toHaveLength(4);
    expect(readFileSync(`${rncp}.idx`).subarray(0, 4).toString('latin1')).toBe('CLRI');
  });

  it('refuses an unknown adapter, a missing -o, ELM without eligibility and a file of the wrong export', async () => {
    expect((await credlens('registry', 'import', '--from', 'skillsfuture', fc[0]!, '-o', join(dir, 'x.json'))).stderr).toMatch(/--from takes france-competences, mon-compte-formation, elm-qualifications, credlens/);
    expect((await credlens('registry', 'import', '--from', 'france-competences', fc[0]!)).code).toBe(2);
    const elm = await credlens('registry', 'import', '--from', 'elm-qualifications', join(vectors, 'elm-qualifications.json'), '-o', join(dir, 'elm.json'));
    expect(elm.code).toBe(2);
    expect(elm.stderr).toMatch(/--eligible yes\|no/);
    const wrong = await credlens('registry', 'import', '--from', 'france-competences', join(vectors, 'mon-compte-formation.json'), '-o', join(dir, 'y.json'));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/not a file of the France Compétences export/);
  });

  it('looks codes, block codes and France Compétences pages up through the index', async () => {
    const result = await credlens('registry', 'lookup', rncp, 'RNCP 99901 BC02', 'https://www.francecompetences.fr/recherche/rncp/99902/');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"code": "RNCP99901BC02"');
    expect(result.stdout).toContain('"title": "Analyste de données"');
    const missing = await credlens('registry', 'lookup', rncp, 'RS1');
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('RS1: not listed');
  });
});

// Each test runs the real CLI several times (a few seconds each from the TypeScript sources on a busy machine).
describe('credlens verify --registry', { timeout: 120_000 }, () => {
  it('prints a listing: registry, code, title, level, eligibility, registration dates', async () => {
    const result = await credlens('verify', listed, ...at, '--registry', rncp);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/registry\s+Listed in RNCP and Répertoire spécifique .* \[REGISTRY_LISTED\]/);
    expect(result.stdout).toContain('Training registry: LISTED');
    expect(result.stdout).toMatch(/Code\s+RNCP99901/);
    expect(result.stdout).toMatch(/Title\s+Développeur d'applications web/);
    expect(result.stdout).toMatch(/Level\s+EQF 5, NIV5/);
    expect(result.stdout).toMatch(/Eligible\s+yes, for CPF \(Mon Compte Formation\) funding/);
    expect(result.stdout).toMatch(/Registered\s+2023-09-01 to 2028-06-01/);
  });

  it('prints a registration that had lapsed at the date of issue, and warns under the EU profile', async () => {
    const plain = await credlens('verify', lapsed, ...at, '--registry', rncp);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('Training registry: REGISTRATION EXPIRED at the date of issue');
    expect(plain.stdout).toMatch(/Issued\s+2024-05-01: outside the registration period/);
    expect(plain.stdout).toContain('[REGISTRY_LAPSED]');
    const profiled = await credlens('verify', lapsed, ...at, '--registry', rncp, '--profile', 'eu-microcredential', '--json');
    const report = JSON.parse(profiled.stdout) as { checks: Array<{ id: string; code: string; status: string }>; registry: { outcome: string } };
    expect(report.checks.find((c) => c.id === 'registry')).toMatchObject({ code: 'REGISTRY_CLAIM_UNCONFIRMED', status: 'warn' });
    expect(report.registry.outcome).toBe('lapsed');
  });

  it('prints the codes no registry lists', async () => {
    const result = await credlens('verify', unlisted, ...at, '--registry', rncp);
    expect(result.stdout).toContain('Training registry: NOT LISTED');
    expect(result.stdout).toContain('The credential names RNCP12345, which no registry you use lists');
  });

  it('takes several registries, like --trust, and says nothing of registries without the flag', async () => {
    const one = await credlens('verify', ownOnly, ...at, '--registry', rncp, '--json');
    expect(JSON.parse(one.stdout).registry.outcome).toBe('not-listed');
    const both = await credlens('verify', ownOnly, ...at, '--registry', rncp, '--registry', own, '--json');
    expect(JSON.parse(both.stdout).registry).toMatchObject({ outcome: 'listed', registry: { id: 'example:skills-accounts' }, entry: { code: 'QF-EX-0001' } });
    const none = await credlens('verify', listed, ...at);
    expect(none.stdout).not.toContain('Training registry:');
    expect(none.stdout).toContain('[REGISTRY_NONE]');
  });

  it('exits 2 with a clear message for a missing, malformed or out-of-date registry', async () => {
    const missing = await credlens('verify', listed, ...at, '--registry', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--registry .*nope\.json: .*no such file/);
    const bad = await credlens('verify', listed, ...at, '--registry', file('bad.json', '{"format":"credlens-training-registry/1","id":"x","name":"x","entries":[{"code":"A"}]}'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/entries\[0\]\.title must be a non-empty string/);
    // Edited after indexing: a newer file than its index is refused by date…
    const edited = join(dir, 'edited.json');
    writeFileSync(edited, readFileSync(rncp));
    writeFileSync(`${edited}.idx`, readFileSync(`${rncp}.idx`));
    const later = new Date(Date.now() + 60_000);
    utimesSync(edited, later, later);
    const newer = await credlens('verify', listed, ...at, '--registry', edited);
    expect(newer.code).toBe(2);
    expect(newer.stderr).toMatch(/changed after its index .* rebuild it/);
    // …and one of the same size whose entries moved (a copied-back date) by its content.
    const moved = join(dir, 'moved.json');
    const text = readFileSync(rncp, 'utf8');
    writeFileSync(moved, text.replace("Développeur d'applications web", "Développeur d'applications we").replace('Analyste de données', 'Analyste de donnéees'));
    expect(readFileSync(moved).length).toBe(readFileSync(rncp).length);
    writeFileSync(`${moved}.idx`, readFileSync(`${rncp}.idx`));
    const result = await credlens('verify', listed, ...at, '--registry', moved);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/does not match the registry.*rebuild the index/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('--registry URL', { timeout: 120_000 }, () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const own = readFileSync(join(vectors, 'credlens-registry.json'));
    server = createServer((req, res) => {
      if (req.url === '/registry.json') res.writeHead(200, { 'content-type': 'application/json' }).end(own);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('downloads a registry in our format through the network seam, and refuses without a network or on an error', async () => {
    const fetch = pinnedFetch({ allowPrivateNetwork: true });
    const registry = await loadRegistry(`${base}/registry.json`, { fetch, allowHttp: true, allowPrivateNetwork: true });
    expect(registry.id).toBe('example:skills-accounts');
    expect(indexOf(registry).size).toBeGreaterThan(0);
    await expect(loadRegistry(`${base}/missing.json`, { fetch, allowHttp: true, allowPrivateNetwork: true })).rejects.toThrow(/HTTP 404/);
    await expect(loadRegistry(`${base}/registry.json`, { fetch, allowHttp: true })).rejects.toThrow(/private or local address/);
    await expect(loadRegistry(`${base}/registry.json`, { fetch })).rejects.toThrow(/only https/);
    await expect(loadRegistry(`${base}/registry.json`)).rejects.toThrow(/offline/);
    // The CLI's own network refuses loopback addresses.
    const cli = await credlens('verify', listed, '--registry', `${base}/registry.json`);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/--registry http:\/\/127\.0\.0\.1.*only https/);
    const https = await credlens('verify', listed, '--registry', `https://127.0.0.1:1/registry.json`);
    expect(https.stderr).toMatch(/private or local address/);
  });
});
