import canonicalizeJcs from 'canonicalize';
import type { DocumentLoader } from './document-loader.js';
import { NotOnFastPath, fastPathCandidate, toRdfFast, type Quad } from '../../jsonld/fast-rdf.js';

interface JsonLdModule {
  canonize(input: unknown, options: Record<string, unknown>): Promise<string>;
}

let engine: Promise<JsonLdModule> | undefined;

/**
 * The JSON-LD engine, imported on first use: only JSON-LD credentials pay for it. jsonld keeps one
 * process-wide cache of resolved and processed contexts, so each pinned context is parsed and
 * processed once per process, not once per credential.
 */
function jsonld(): Promise<JsonLdModule> {
  engine ??= import('jsonld').then((m) => ((m as { default?: JsonLdModule }).default ?? (m as unknown as JsonLdModule)));
  return engine;
}

interface RdfCanonizeModule {
  canonize(dataset: Quad[], options: Record<string, unknown>): Promise<string>;
}

let rdfc: Promise<RdfCanonizeModule> | undefined;

function rdfCanonize(): Promise<RdfCanonizeModule> {
  rdfc ??= import('rdf-canonize').then((m) => ((m as { default?: RdfCanonizeModule }).default ?? (m as unknown as RdfCanonizeModule)));
  return rdfc;
}

/* The options jsonld.canonize passes to rdf-canonize. maxWorkFactor 1 refuses "poison" graphs crafted to make canonicalisation explode. */
const CANONIZE_OPTIONS = { algorithm: 'RDFC-1.0', maxWorkFactor: 1 } as const;

/**
 * RDF Dataset Canonicalization (RDFC-1.0) to N-Quads, in JSON-LD safe mode: a property or type
 * that does not expand to an IRI throws instead of being silently dropped from what is signed.
 *
 * A document whose contexts are all pinned goes through the compiled fast path
 * (`lib/jsonld/fast-rdf.ts`, the same dataset jsonld.js would produce) and rdf-canonize; anything
 * the fast path does not handle, including every document safe mode would refuse, goes through
 * jsonld.js as before.
 */
export async function canonizeRdfc(document: unknown, documentLoader: DocumentLoader): Promise<string> {
  if (fastPathCandidate(document)) {
    try {
      const dataset = await toRdfFast(document);
      // An RDF dataset, not JSON-LD: nothing here loads a document.
      const { canonize } = await rdfCanonize();
      return canonize(dataset, { ...CANONIZE_OPTIONS });
    } catch (error) {
      if (!(error instanceof NotOnFastPath)) throw error;
    }
  }
  return canonizeRdfcWithJsonld(document, documentLoader);
}

/** The general route: jsonld.js expansion, toRDF and rdf-canonize (also the fast path's test oracle). */
export async function canonizeRdfcWithJsonld(document: unknown, documentLoader: DocumentLoader): Promise<string> {
  const lib = await jsonld();
  return lib.canonize(document, {
    algorithm: 'RDFC-1.0',
    format: 'application/n-quads',
    safe: true,
    documentLoader,
    canonizeOptions: { ...CANONIZE_OPTIONS },
  });
}

/** JSON Canonicalization Scheme (RFC 8785). */
export function canonizeJcs(document: unknown): string {
  const text = canonicalizeJcs(document);
  if (text === undefined) throw new TypeError('The document cannot be canonicalised with JCS');
  return text;
}
