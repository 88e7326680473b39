// jsonld and rdf-canonize ship no type declarations; canonicalize.ts and lib/jsonld/fast-rdf.ts type what they use.
declare module 'jsonld';
declare module 'jsonld/lib/context.js';
declare module 'jsonld/lib/ContextResolver.js';
declare module 'rdf-canonize';
