import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { directoryBundle } from '../../../node/input.js';
import { crosscheckFiles } from '../../../scripts/crosscheck-lib.js';
import { EXPLAINED } from '../../../scripts/crosscheck-explained.js';

const VECTORS = join(import.meta.dirname, '../../vectors');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(json|jsonld|jws|jwt|txt)$/.test(name) && !/SOURCE|\.jwk\.json$/.test(name) ? [path] : [];
  });
}

/**
 * `npm run crosscheck` over the project's own vectors (never ../shared): Credlens and the reference
 * verifiers (@digitalcredentials/verifier-core, @digitalbazaar/vc) agree, or the disagreement is one of
 * those explained in docs/verdicts.md and pinned in scripts/crosscheck-explained.ts. A new
 * disagreement, or an explained one whose verdict changes, fails here.
 */
describe('agreement with the reference verifiers (test/vectors)', () => {
  it('has no unexplained disagreement, and each explained one is still the same disagreement', async () => {
    const inputs = files(VECTORS).filter((f) => !f.includes('ietf-status-list')).map((path) => ({ name: `vectors/${relative(VECTORS, path)}`, path }));
    const rows = await crosscheckFiles(inputs);
    const fixtures = join(import.meta.dirname, '../../fixtures/verdicts');
    const manifest = JSON.parse(readFileSync(join(fixtures, 'MANIFEST.json'), 'utf8')) as Array<{ file: string }>;
    rows.push(...(await crosscheckFiles(manifest.map((e) => ({ name: `fixtures/verdicts/${e.file}`, path: join(fixtures, e.file) })), { resources: await directoryBundle(fixtures) })));
    expect(rows.length).toBeGreaterThan(20);
    const unexplained = rows.filter((r) => r.agreement === 'disagree').map((r) => `${r.name}: Credlens ${r.credlens}, verifier-core ${r.verifierCore}, @digitalbazaar/vc ${r.digitalbazaar}`);
    expect(unexplained).toEqual([]);
    const explained = rows.filter((r) => r.agreement === 'explained').map((r) => r.name.replace(/^(vectors|fixtures)\//, '')).sort();
    expect(explained).toEqual(Object.keys(EXPLAINED).sort());
    // The reference verifiers did run: at least one credential is valid to both and authentic to Credlens.
    expect(rows.some((r) => r.verifierCore === 'valid' && r.digitalbazaar === 'valid' && r.agreement === 'agree')).toBe(true);
  }, 120_000);
});
