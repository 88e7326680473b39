import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PINNED_CONTEXTS } from '../../lib/io/contexts/index.js';

/**
 * JSON-LD documents for the differential tests of the fast path (lib/jsonld/fast-rdf.ts) against
 * jsonld.js: built from the pinned vocabularies (every term and type the shipped contexts define,
 * scoped ones included), with nesting, arrays, language and typed values, @id/@type forms and their
 * aliases, scoped contexts, unknown terms and types, relative and blank IRIs, nulls, keywords the
 * fast path leaves to jsonld.js (inline contexts, @list, @graph, @reverse...).
 */

const filesDir = resolve(import.meta.dirname, '../../lib/io/contexts/files');
/* The file of each pinned context URL, read from PINNED_CONTEXTS's import paths. */
const FILE_OF: Record<string, string> = Object.fromEntries(
  Object.entries(PINNED_CONTEXTS).map(([url, load]) => [url, /files\/([^'"]+\.json)/.exec(load.toString())?.[1] ?? '']),
);

/** Terms defined in the given pinned contexts (all when none given; top level and scoped), split into types and properties. */
function vocabulary(urls?: readonly string[]): { properties: string[]; types: string[]; scoped: string[] } {
  const properties = new Set<string>();
  const types = new Set<string>();
  const scoped = new Set<string>();
  const visit = (context: unknown, depth = 0): void => {
    if (Array.isArray(context)) return context.forEach((c) => visit(c, depth));
    if (!context || typeof context !== 'object') return;
    for (const [term, definition] of Object.entries(context as Record<string, unknown>)) {
      if (term.startsWith('@')) continue;
      (/^[A-Z]/.test(term) ? types : depth === 0 ? properties : scoped).add(term);
      if (definition && typeof definition === 'object' && '@context' in definition) visit((definition as { '@context': unknown })['@context'], depth + 1);
    }
  };
  const files = urls ? urls.flatMap((u) => (FILE_OF[u] ? [FILE_OF[u]] : [])) : readdirSync(filesDir).filter((f) => f.endsWith('.json'));
  for (const file of files) {
    visit((JSON.parse(readFileSync(resolve(filesDir, file), 'utf8')) as { '@context'?: unknown })['@context']);
  }
  return { properties: [...properties].sort(), types: [...types].sort(), scoped: [...scoped].sort() };
}

const { properties, types } = vocabulary();
const pinned = Object.keys(PINNED_CONTEXTS);
const V1 = 'https://www.w3.org/2018/credentials/v1';
const V2 = 'https://www.w3.org/ns/credentials/v2';

/** Context lists as credentials write them, plus some any-order mixes of pinned contexts. */
const contextLists: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<unknown>(
    V2,
    [V2],
    [V1],
    [V2, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    [V2, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json'],
    [V1, 'https://purl.imsglobal.org/spec/ob/v3p0/context.json'],
    [V1, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.0.json', 'https://w3id.org/security/suites/ed25519-2020/v1'],
    [V1, 'https://w3id.org/security/suites/ed25519-2020/v1'],
    [V1, 'https://w3id.org/security/data-integrity/v1'],
    [V1, 'https://w3id.org/vc/status-list/2021/v1'],
    [V1, 'https://www.w3.org/2018/credentials/examples/v1'],
    [V2, 'https://www.w3.org/ns/credentials/examples/v2'],
    [V2, 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    [V2, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json'],
    [V1, 'https://w3c-ccg.github.io/vc-ed/plugfest-1-2022/jff-vc-edu-plugfest-1-context.json'],
    ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    'https://w3id.org/security/v2',
  ) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...pinned), { minLength: 1, maxLength: 3 }) },
  // Off the fast path: an unknown context, an inline context, an empty list.
  { weight: 1, arbitrary: fc.constantFrom<unknown>(
    [V2, 'https://example.org/unknown-context'],
    [V2, { ex: 'https://example.org/ns#', extra: 'ex:extra' }],
    [V1, { '@vocab': 'https://example.org/vocab#' }],
    [],
  ) },
);

const unknownTerms = ['foo', 'unknownTerm', 'ex:bar', 'https://example.org/p', 'schema:name', 'xsd:string', '@foo', '_:b1', '', 'Name', 'sec:proofValue'];

const iris = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(
    'https://example.org/x', 'https://example.org/a#b', 'did:example:123', 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
    'urn:uuid:0b6f8a40-5d1e-4c2b-9a7e-000000000001', '_:b0', '_:b1', 'mailto:jane@example.org', 'https://example.org/x?q=1&r=%20',
  ) },
  { weight: 1, arbitrary: fc.constantFrom('relative/path', '#frag', 'https://example.org/with space', 'cred:issuer', 'xsd:dateTime', 'Achievement', 'assertionMethod', '@id', 'sec:foo') },
);
const oddTypes = fc.constantFrom('UnknownType', 'https://example.org/T', '_:t', 'ex:T', 'xsd:string');
const strings = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', 'Jane Doe', '2026-01-01T00:00:00Z', 'line\nbreak "quoted" \\ back', 'ümlaut 日本 🎓', '\u0000\u001f\u007f', '6 ECTS'),
  iris,
);
const numbers = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1.5, 1e21, 1e-7, 2 ** 53));
const scalars = fc.oneof(strings, numbers, fc.boolean(), fc.constant(null));
const languages = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('en', 'de-CH', 'EN-gb', 'fr', 'zh-Hant-TW', 'e') }, { weight: 1, arbitrary: fc.constantFrom('x-not valid', '', 'toolonglanguage') });
const datatypes = fc.constantFrom(
  'http://www.w3.org/2001/XMLSchema#dateTime', 'xsd:dateTime', 'http://www.w3.org/2001/XMLSchema#double', 'https://example.org/dt', 'dateTime', '_:dt', '@json', 'http://www.w3.org/2001/XMLSchema#integer',
);
const valueObjects = fc.oneof(
  { weight: 4, arbitrary: fc.record({ '@value': strings, '@language': languages }) },
  { weight: 4, arbitrary: fc.record({ '@value': fc.oneof(strings, numbers, fc.boolean()), '@type': datatypes }) },
  { weight: 3, arbitrary: fc.record({ '@value': fc.oneof(strings, numbers, fc.boolean(), fc.constant(null)) }) },
  { weight: 1, arbitrary: fc.record({ '@value': strings, '@direction': fc.constantFrom('ltr', 'rtl') }) },
  { weight: 1, arbitrary: fc.record({ '@language': languages }) },
);
const otherKeywords = fc.constantFrom<Record<string, unknown>>(
  { '@list': ['a', 'b'] },
  { '@set': ['a'] },
  { '@graph': [{ id: 'https://example.org/g', name: 'x' }] },
  { '@reverse': { 'https://example.org/p': { '@id': 'https://example.org/r' } } },
  { '@included': [{ id: 'https://example.org/i' }] },
  { '@context': { ex: 'https://example.org/' } },
  { '@nest': { name: 'x' } },
  { '@json': { a: 1 } },
);

function nodeArbitrary(vocab: { properties: string[]; types: string[]; scoped: string[] }): fc.Arbitrary<Record<string, unknown>> {
  const props = vocab.properties.length > 0 ? vocab.properties : properties;
  const typeNames = fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...(vocab.types.length > 0 ? vocab.types : types)) }, { weight: 1, arbitrary: fc.constantFrom(...types) }, { weight: 1, arbitrary: oddTypes });
  const key = fc.oneof({ weight: 60, arbitrary: fc.constantFrom(...props) }, { weight: 10, arbitrary: fc.constantFrom(...(vocab.scoped.length > 0 ? vocab.scoped : props)) }, { weight: 1, arbitrary: fc.constantFrom(...properties) }, { weight: 1, arbitrary: fc.constantFrom(...unknownTerms) });
  return fc.letrec<{ node: Record<string, unknown>; value: unknown }>((tie) => ({
    node: fc
      .tuple(
        fc.option(fc.tuple(fc.constantFrom('id', 'id', '@id'), iris), { nil: undefined, freq: 2 }),
        fc.option(fc.tuple(fc.constantFrom('type', 'type', '@type'), fc.oneof(typeNames, fc.array(typeNames, { maxLength: 3 }))), { nil: undefined, freq: 2 }),
        fc.dictionary(key, tie('value'), { maxKeys: 4 }),
        fc.oneof({ weight: 60, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: otherKeywords }),
      )
      .map(([id, type, members, extra]) => ({ ...members, ...(id ? { [id[0]]: id[1] } : {}), ...(type ? { [type[0]]: type[1] } : {}), ...(extra ?? {}) })),
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 6, arbitrary: scalars },
      { weight: 2, arbitrary: valueObjects },
      { weight: 3, arbitrary: tie('node') },
      { weight: 2, arbitrary: fc.array(fc.oneof(scalars, valueObjects, tie('node')), { maxLength: 3 }) },
    ),
  })).node;
}

const nodesByContext = new Map<string, fc.Arbitrary<Record<string, unknown>>>();
function nodeFor(context: unknown): fc.Arbitrary<Record<string, unknown>> {
  const urls = (Array.isArray(context) ? context : [context]).filter((c): c is string => typeof c === 'string');
  const cacheKey = urls.join(' ');
  let arbitrary = nodesByContext.get(cacheKey);
  if (!arbitrary) {
    arbitrary = nodeArbitrary(vocabulary(urls));
    nodesByContext.set(cacheKey, arbitrary);
  }
  return arbitrary;
}

/** A whole document: pinned contexts (mostly), a node with members from their vocabularies. */
export const jsonLdDocument: fc.Arbitrary<Record<string, unknown>> = contextLists
  .chain((context) => nodeFor(context).map((body) => ({ '@context': context, ...body })));

/** Documents shaped like credentials (issuer, subject, dates, proof options), for a denser fast-path mix. */
export const credentialLike: fc.Arbitrary<Record<string, unknown>> = contextLists.chain((context) =>
  fc.tuple(
    fc.constant(context),
    fc.constantFrom(['VerifiableCredential'], ['VerifiableCredential', 'OpenBadgeCredential'], 'VerifiableCredential', ['VerifiableCredential', 'AchievementCredential']),
    fc.oneof(iris, fc.record({ id: iris, type: fc.constantFrom(['Profile'], 'Profile'), name: strings })),
    nodeFor(context),
    fc.option(fc.record({ type: fc.constantFrom('DataIntegrityProof', 'Ed25519Signature2020'), cryptosuite: fc.constantFrom('eddsa-rdfc-2022', 'ecdsa-rdfc-2019'), created: strings, verificationMethod: iris, proofPurpose: fc.constantFrom('assertionMethod', 'assertionMethod', 'authentication', 'capabilityInvocation', 'unknownPurpose') }), { nil: undefined }),
  ).map(([ctx, type, issuer, subject, proofOptions]) => (proofOptions ? { '@context': proofOptions.type === 'Ed25519Signature2020' ? [V1, 'https://w3id.org/security/suites/ed25519-2020/v1'] : ctx === V1 || (Array.isArray(ctx) && ctx[0] === V1) ? [V1, 'https://w3id.org/security/data-integrity/v2'] : [V2], ...(proofOptions.type === 'Ed25519Signature2020' ? { ...proofOptions, cryptosuite: undefined } : proofOptions) } : { '@context': ctx, type, issuer, validFrom: '2026-01-01T00:00:00Z', credentialSubject: subject })),
);

export const differentialDocuments = fc.oneof(jsonLdDocument, credentialLike);
