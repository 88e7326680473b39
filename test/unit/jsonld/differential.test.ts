import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NotOnFastPath, toRdfFast } from '../../../lib/jsonld/fast-rdf.js';
import { canonizeRdfc, canonizeRdfcWithJsonld } from '../../../lib/proofs/data-integrity/canonicalize.js';
import { createDocumentLoader } from '../../../lib/proofs/data-integrity/document-loader.js';
import { differentialDocuments } from '../../support/jsonld-arbitrary.js';

/**
 * The JSON-LD fast path against jsonld.js (the oracle), document by document: where the fast path
 * produces a dataset, its canonical N-Quads must be byte for byte jsonld.js's, and jsonld.js must
 * not refuse the document (safe mode). `npm test` runs a few thousand cases; `npm run test:differential`
 * runs DIFFERENTIAL_RUNS (100,000) with the same fixed seed.
 */
const RUNS = Number(process.env.DIFFERENTIAL_RUNS ?? 2000);
const SEED = Number(process.env.DIFFERENTIAL_SEED ?? 20261205);
const loader = createDocumentLoader(undefined);

async function rdfCanonize(dataset: unknown): Promise<string> {
  const m = (await import('rdf-canonize')) as { canonize?: (d: unknown, o: object) => Promise<string>; default?: { canonize: (d: unknown, o: object) => Promise<string> } };
  return (m.default ?? (m as { canonize: (d: unknown, o: object) => Promise<string> })).canonize(dataset, { algorithm: 'RDFC-1.0', maxWorkFactor: 1 });
}

async function oracle(document: unknown): Promise<{ ok: true; nquads: string } | { ok: false; error: string }> {
  try {
    return { ok: true, nquads: await canonizeRdfcWithJsonld(structuredClone(document), loader) };
  } catch (error) {
    return { ok: false, error: (error as Error)?.name ?? 'error' };
  }
}

describe('JSON-LD fast path = jsonld.js (differential, fast-check)', () => {
  it(`gives jsonld.js's canonical N-Quads on ${RUNS} generated documents, and never accepts what jsonld.js refuses`, async () => {
    const tally = { fast: 0, fallback: 0, refused: 0, agreeOnRefusal: 0 };
    await fc.assert(
      fc.asyncProperty(differentialDocuments, async (document) => {
        const expected = await oracle(document);
        let dataset: unknown;
        try {
          dataset = await toRdfFast(structuredClone(document));
        } catch (error) {
          if (!(error instanceof NotOnFastPath)) throw error;
          tally.fallback++;
          if (!expected.ok) tally.refused++;
          return;
        }
        tally.fast++;
        if (!expected.ok) throw new Error(`jsonld.js refuses (${expected.error}) a document the fast path accepts: ${JSON.stringify(document)}`);
        const actual = await rdfCanonize(dataset);
        if (actual !== expected.nquads) throw new Error(`N-Quads differ for ${JSON.stringify(document)}\n--- jsonld.js\n${expected.nquads}--- fast path\n${actual}`);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    console.log(`differential: ${RUNS} documents, ${tally.fast} on the fast path (equal N-Quads), ${tally.fallback} left to jsonld.js (${tally.refused} of them refused by it)`);
    // The generator must exercise both sides, or the test proves nothing.
    expect(tally.fast).toBeGreaterThan(RUNS * 0.2);
    expect(tally.refused).toBeGreaterThan(RUNS * 0.05);
  }, Math.max(120_000, RUNS * 40));

  it('keeps values jsonld.js keeps: equal RDF terms from different JSON-LD values (found by the 100,000-case run)', async () => {
    const document = {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
      id: 'https://example.org/x',
      'https://example.org/p': [0, { '@value': 1e-7, '@type': 'http://www.w3.org/2001/XMLSchema#integer' }, 'x', { '@value': 'x', '@type': 'http://www.w3.org/2001/XMLSchema#string' }, 1, 1.0, '1', 'x'],
    };
    await toRdfFast(document); // on the fast path
    const expected = await canonizeRdfcWithJsonld(document, loader);
    expect(expected.split('\n').filter((l) => l.includes('"0"^^')).length).toBe(2);
    expect(await canonizeRdfc(document, loader)).toBe(expected);
  });

  it('canonizeRdfc gives the same bytes as jsonld.js and fails where jsonld.js fails (a sample through the public function)', async () => {
    const samples = fc.sample(differentialDocuments, { numRuns: 300, seed: SEED + 1 });
    for (const document of samples) {
      const expected = await oracle(document);
      let actual: { ok: true; nquads: string } | { ok: false; error: string };
      try {
        actual = { ok: true, nquads: await canonizeRdfc(structuredClone(document), loader) };
      } catch (error) {
        actual = { ok: false, error: (error as Error)?.name ?? 'error' };
      }
      expect(actual).toEqual(expected);
    }
  });
});
