/**
 * Compares the canonical N-Quads of the JSON-LD fast path with jsonld.js on every JSON-LD document
 * (and proof options) found in the JSON files under the given folders, e.g. a corpus of published
 * credentials: `npx tsx scripts/jsonld-fast-path-check.ts <folder>...`. Exits 1 on any difference.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NotOnFastPath, toRdfFast } from '../lib/jsonld/fast-rdf.js';
import { canonizeRdfc, canonizeRdfcWithJsonld } from '../lib/proofs/data-integrity/canonicalize.js';
import { createDocumentLoader } from '../lib/proofs/data-integrity/document-loader.js';

const loader = createDocumentLoader(undefined);
const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : /\.(json|jsonld)$/.test(n) ? [join(dir, n)] : []));
function documents(value: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) value.forEach((v) => documents(v, out));
  else if (value && typeof value === 'object') {
    const { proof, ...rest } = value as Record<string, unknown>;
    if ('@context' in rest) {
      out.push(rest);
      for (const p of Array.isArray(proof) ? proof : proof ? [proof] : []) {
        if (p && typeof p === 'object') {
          const { proofValue: _v, jws: _j, ...options } = p as Record<string, unknown>;
          out.push({ ...options, '@context': rest['@context'] });
        }
      }
    }
    Object.values(value as Record<string, unknown>).forEach((v) => documents(v, out));
  }
  return out;
}
const outcome = async (run: () => Promise<string>) => run().catch((e: Error) => `error ${e?.name}`);
let total = 0, fast = 0, differences = 0;
for (const dir of process.argv.slice(2)) {
  for (const file of files(dir)) {
    let parsed: unknown;
    try { parsed = JSON.parse(readFileSync(file, 'utf8')); } catch { continue; }
    for (const document of documents(parsed)) {
      total++;
      try { await toRdfFast(structuredClone(document)); fast++; } catch (e) { if (!(e instanceof NotOnFastPath)) throw e; }
      const [a, b] = [await outcome(() => canonizeRdfc(structuredClone(document), loader)), await outcome(() => canonizeRdfcWithJsonld(structuredClone(document), loader))];
      if (a !== b) { differences++; console.log(`DIFFERENT: ${file}`); }
    }
  }
}
console.log(`${total} JSON-LD documents, ${fast} on the fast path, ${differences} differences from jsonld.js`);
process.exit(differences === 0 ? 0 : 1);
