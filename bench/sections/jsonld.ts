import { JsonLdParser } from 'jsonld-streaming-parser';
import { makeFixtures } from '../fixtures.js';
import { summarise, type Summary } from '../table.js';
import { canonizeRdfc, canonizeRdfcWithJsonld } from '../../lib/proofs/data-integrity/canonicalize.js';
import { createDocumentLoader } from '../../lib/proofs/data-integrity/document-loader.js';

/**
 * The JSON-LD engine alone, per bench credential (document without its proof): RDFC-1.0 canonical
 * N-Quads through jsonld.js (expansion + toRDF + rdf-canonize), through jsonld-streaming-parser +
 * rdf-canonize, and through Credlens's compiled fast path + rdf-canonize; interleaved, same process.
 */
export interface JsonLdRow {
  label: string;
  jsonld: Summary;
  streaming: Summary;
  fast: Summary;
  rdfcOnly: Summary;
  sameBytes: { streaming: boolean; fast: boolean };
}

type Dataset = { subject: unknown; predicate: unknown; object: unknown; graph: unknown }[];

export async function measureJsonLd(rounds: number, log: (line: string) => void): Promise<JsonLdRow[]> {
  const { canonize } = (await import('rdf-canonize')) as unknown as { canonize: (d: Dataset, o: object) => Promise<string> };
  const { toRdfFast } = await import('../../lib/jsonld/fast-rdf.js');
  const loader = createDocumentLoader(undefined);
  const streamLoader = { load: async (url: string) => (await loader(url)).document };
  const streamQuads = (doc: unknown) =>
    new Promise<Dataset>((resolve, reject) => {
      const parser = new JsonLdParser({ documentLoader: streamLoader as never });
      const out: Dataset = [];
      parser.on('data', (q: { subject: Term; predicate: Term; object: Term; graph: Term }) => out.push({ subject: term(q.subject), predicate: term(q.predicate), object: term(q.object), graph: term(q.graph) }));
      parser.on('error', reject);
      parser.on('end', () => resolve(out));
      parser.write(JSON.stringify(doc));
      parser.end();
    });
  const fixtures = await makeFixtures();
  const rows: JsonLdRow[] = [];
  for (const f of fixtures.di.filter((d) => d.suite === 'eddsa-rdfc-2022')) {
    const { proof: _p, ...doc } = f.credential;
    const routes = {
      jsonld: () => canonizeRdfcWithJsonld(doc, loader),
      streaming: async () => canonize(await streamQuads(doc), { algorithm: 'RDFC-1.0', maxWorkFactor: 1 }),
      fast: () => canonizeRdfc(doc, loader),
      rdfcOnly: async () => canonize((await toRdfFast(doc)) as Dataset, { algorithm: 'RDFC-1.0', maxWorkFactor: 1 }),
    };
    const expected = await routes.jsonld();
    const sameBytes = { streaming: (await routes.streaming()) === expected, fast: (await routes.fast()) === expected };
    const dataset = (await toRdfFast(doc)) as Dataset;
    routes.rdfcOnly = () => canonize(dataset, { algorithm: 'RDFC-1.0', maxWorkFactor: 1 });
    const samples: Record<keyof typeof routes, number[]> = { jsonld: [], streaming: [], fast: [], rdfcOnly: [] };
    const names = Object.keys(routes) as (keyof typeof routes)[];
    for (let i = 0; i < 5; i++) for (const n of names) await routes[n]();
    for (let i = 0; i < rounds; i++) {
      for (let k = 0; k < names.length; k++) {
        const n = names[(i + k) % names.length]!;
        const t = performance.now();
        await routes[n]();
        samples[n].push(performance.now() - t);
      }
    }
    rows.push({ label: f.label, jsonld: summarise(samples.jsonld), streaming: summarise(samples.streaming), fast: summarise(samples.fast), rdfcOnly: summarise(samples.rdfcOnly), sameBytes });
    log(`  ${f.label}: jsonld ${summarise(samples.jsonld).median.toFixed(3)} ms, fast ${summarise(samples.fast).median.toFixed(3)} ms`);
  }
  return rows;
}

interface Term { termType: string; value: string; datatype?: Term; language?: string }
function term(t: Term): unknown {
  if (t.termType === 'Literal') return { termType: 'Literal', value: t.value, datatype: { termType: 'NamedNode', value: t.datatype?.value }, ...(t.language ? { language: t.language } : {}) };
  return { termType: t.termType, value: t.termType === 'DefaultGraph' ? '' : t.value };
}

