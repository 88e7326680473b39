import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotOnFastPath, toRdfFast } from '../../../lib/jsonld/fast-rdf.js';
import { canonizeRdfc, canonizeRdfcWithJsonld } from '../../../lib/proofs/data-integrity/canonicalize.js';
import { createDocumentLoader } from '../../../lib/proofs/data-integrity/document-loader.js';

/**
 * Every JSON-LD document among the test vectors and fixtures (credentials, their proof options,
 * nested credentials and DID documents): the canonical N-Quads of canonizeRdfc (fast path where it
 * applies) are jsonld.js's, byte for byte, and it fails exactly where jsonld.js fails.
 */
const root = resolve(import.meta.dirname, '../../..');
const loader = createDocumentLoader(undefined);

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return /\.(json|jsonld)$/.test(name) ? [path] : [];
  });
}

/** Every object with an @context in `value`, and for each with a proof the proof options as signed. */
function documents(value: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) value.forEach((v) => documents(v, out));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('@context' in record) {
      const { proof, ...rest } = record;
      out.push(rest);
      for (const p of Array.isArray(proof) ? proof : proof ? [proof] : []) {
        if (p && typeof p === 'object') {
          const { proofValue: _v, jws: _j, ...options } = p as Record<string, unknown>;
          out.push({ ...options, '@context': record['@context'] });
        }
      }
    }
    Object.values(record).forEach((v) => documents(v, out));
  }
  return out;
}

const cases = ['test/vectors', 'test/fixtures'].flatMap((dir) =>
  jsonFiles(resolve(root, dir)).flatMap((file) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      return [];
    }
    return documents(parsed).map((document, i) => ({ name: `${relative(root, file)} #${i}`, document }));
  }),
);

async function outcome(run: () => Promise<string>): Promise<string> {
  try {
    return await run();
  } catch (error) {
    return `error ${(error as Error)?.name}`;
  }
}

describe('JSON-LD fast path on the test vectors and fixtures', () => {
  it('finds JSON-LD documents to compare, most of them on the fast path', async () => {
    expect(cases.length).toBeGreaterThan(20);
    let fast = 0;
    for (const { document } of cases) {
      try {
        await toRdfFast(document);
        fast++;
      } catch (error) {
        if (!(error instanceof NotOnFastPath)) throw error;
      }
    }
    expect(fast).toBeGreaterThan(cases.length / 2);
  });

  it.each(cases)('$name: the same canonical N-Quads as jsonld.js', async ({ document }) => {
    const expected = await outcome(() => canonizeRdfcWithJsonld(structuredClone(document), loader));
    const actual = await outcome(() => canonizeRdfc(structuredClone(document), loader));
    expect(actual).toBe(expected);
  });
});
