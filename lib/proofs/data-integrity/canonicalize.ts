import canonicalizeJcs from 'canonicalize';
import type { DocumentLoader } from './document-loader.js';

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

/**
 * RDF Dataset Canonicalization (RDFC-1.0) to N-Quads, in JSON-LD safe mode: a property or type
 * that does not expand to an IRI throws instead of being silently dropped from what is signed.
 */
export async function canonizeRdfc(document: unknown, documentLoader: DocumentLoader): Promise<string> {
  const lib = await jsonld();
  return lib.canonize(document, {
    algorithm: 'RDFC-1.0',
    format: 'application/n-quads',
    safe: true,
    documentLoader,
    // Guards against "poison" graphs crafted to make canonicalisation explode.
    canonizeOptions: { maxWorkFactor: 1 },
  });
}

/** JSON Canonicalization Scheme (RFC 8785). */
export function canonizeJcs(document: unknown): string {
  const text = canonicalizeJcs(document);
  if (text === undefined) throw new TypeError('The document cannot be canonicalised with JCS');
  return text;
}
