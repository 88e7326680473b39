// jsonld ships no type declarations; canonicalize.ts types the one function it uses.
declare module 'jsonld';
