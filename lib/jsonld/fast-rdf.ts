/**
 * JSON-LD to RDF for credentials whose contexts are all pinned: the fast path of canonicalisation.
 *
 * Written by hand because measured speed demands it (docs/jsonld.md, "The engine"): jsonld.js's
 * general expansion (async recursion, an expanded copy of the document, a node map) is nearly all
 * of the canonicalisation time, RDFC-1.0 itself is a few per cent. jsonld.js stays the oracle and
 * the engine for everything else:
 *
 * - Context processing is jsonld.js's own (`jsonld/lib/context.js`): the pinned contexts and their
 *   protected, property-scoped and type-scoped term definitions are processed by it once per
 *   process and combination, then kept in tables (`scopedContext`); IRI expansion is its `expandIri`.
 * - The walk mirrors jsonld.js 9's expansion algorithm (`lib/expand.js`: the type-scoped revert,
 *   property-scoped contexts applied before type-scoped ones, type values expanded with the context
 *   before the type-scoped ones), its node map and `toRdf.js` (literal forms), for the subset below.
 * - Anything outside that subset, and anything jsonld.js reports as an event (which safe mode turns
 *   into a failure), raises `NotOnFastPath`: the caller then runs jsonld.js, which produces the same
 *   result or the same error as before. The fast path never decides that a document fails.
 *
 * The subset: a top-level node object whose `@context` is one pinned URL or an array of them; node
 * objects (`@id`, `@type`, terms, `@vocab`-expanded terms, absolute IRIs as values), value objects
 * (`@value` with `@type` or `@language`), strings, numbers, booleans, null (dropped, as jsonld.js
 * does), arrays of those; containers none, `@set` and `@graph`; coercion to `@id`, `@vocab` and
 * datatypes. Not on it: inline or nested `@context`, `@list`, language/index/id/type maps, `@reverse`,
 * `@nest`, `@included`, `@graph` keys, `@json`, `@direction`, default languages, compact IRIs as keys.
 *
 * Equivalence with jsonld.js is tested differentially (test/unit/jsonld/differential.test.ts and
 * `npm run test:differential`): a single difference in the canonical N-Quads is a bug.
 */
import { pinnedContext, isPinnedContext } from '../io/contexts/index.js';

/** The document is outside what the fast path handles (or jsonld.js would report an event): use jsonld.js. */
export class NotOnFastPath extends Error {
  constructor(readonly reason: string) {
    super(`JSON-LD fast path: ${reason}`);
    this.name = 'NotOnFastPath';
  }
}

export interface Term {
  termType: 'NamedNode' | 'BlankNode' | 'Literal' | 'DefaultGraph';
  value: string;
  datatype?: { termType: 'NamedNode'; value: string };
  language?: string;
}

export interface Quad {
  subject: Term;
  predicate: Term;
  object: Term;
  graph: Term;
}

/* jsonld.js's active context, as far as this module reads it. */
interface TermDefinition {
  '@id'?: string;
  '@type'?: string;
  '@container'?: string[];
  '@context'?: unknown;
  '@language'?: unknown;
  '@direction'?: unknown;
  reverse?: boolean;
}
interface ActiveContext {
  mappings: Map<string, TermDefinition>;
  previousContext?: ActiveContext;
  '@language'?: unknown;
  '@direction'?: unknown;
}
interface ContextApi {
  process(args: { activeCtx: ActiveContext; localCtx: unknown; options: object; propagate?: boolean; overrideProtected?: boolean }): Promise<ActiveContext>;
  expandIri(ctx: ActiveContext, value: string, relativeTo: { base?: boolean; vocab?: boolean }, options: object): string | null;
  getInitialContext(options: object): ActiveContext;
  isKeyword(value: unknown): boolean;
}

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDF_LANGSTRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';
const XSD_BOOLEAN = 'http://www.w3.org/2001/XMLSchema#boolean';
const XSD_DOUBLE = 'http://www.w3.org/2001/XMLSchema#double';
const XSD_INTEGER = 'http://www.w3.org/2001/XMLSchema#integer';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
/* The same tests as jsonld.js (lib/url.js isAbsolute, lib/util.js REGEX_BCP47). */
const ABSOLUTE_IRI = /^([A-Za-z][A-Za-z0-9+-.]*|_):[^\s]*$/;
const BCP47 = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;
const DEFAULT_GRAPH: Term = { termType: 'DefaultGraph', value: '' };

/** A scoped context the tables do not hold yet: processed (asynchronously) and the walk restarted. */
class NeedsContext {
  constructor(readonly active: ActiveContext, readonly local: unknown, readonly propagate: boolean, readonly overrideProtected: boolean) {}
}

interface Engine {
  api: ContextApi;
  options: object;
  initial: ActiveContext;
}

let engine: Promise<Engine> | undefined;

function loadEngine(): Promise<Engine> {
  engine ??= (async () => {
    const [contextModule, resolverModule] = await Promise.all([import('jsonld/lib/context.js'), import('jsonld/lib/ContextResolver.js')]);
    const api = ((contextModule as { default?: ContextApi }).default ?? contextModule) as ContextApi;
    const ContextResolver = ((resolverModule as { default?: unknown }).default ?? resolverModule) as new (args: { sharedCache: Map<string, unknown> }) => object;
    const options = {
      base: '',
      // Pinned contexts only: a context that needs anything else is left to jsonld.js and the caller's loader.
      documentLoader: async (url: string) => {
        const document = pinnedContext(url);
        if (!document) throw new NotOnFastPath(`context ${url} is not pinned`);
        return { contextUrl: null, documentUrl: url, document: await document };
      },
      contextResolver: new ContextResolver({ sharedCache: new Map() }),
      // Any event (a dropped term, a relative IRI, a reserved keyword...) is a failure in safe mode: leave it to jsonld.js.
      eventHandler: [({ event }: { event: { code?: string } }) => {
        throw new NotOnFastPath(`jsonld.js reports "${event.code ?? 'an event'}"`);
      }],
    };
    return { api, options, initial: api.getInitialContext(options) };
  })();
  engine.catch(() => {
    engine = undefined;
  });
  return engine;
}

/* Processed contexts, by active context, local context and flags: filled once per process. */
const scopedTables = new WeakMap<ActiveContext, Map<unknown, ActiveContext>[]>();
/* Expanded IRIs, by active context: [vocab-relative, document-relative, type (vocab + base)]. */
const iriTables = new WeakMap<ActiveContext, Map<string, string | null>[]>();

function scopedContext(active: ActiveContext, local: unknown, propagate: boolean, overrideProtected: boolean): ActiveContext {
  const slot = (propagate ? 1 : 0) + (overrideProtected ? 2 : 0);
  const key = typeof local === 'object' && local !== null ? local : JSON.stringify(local);
  const found = scopedTables.get(active)?.[slot]?.get(key);
  if (found) return found;
  throw new NeedsContext(active, local, propagate, overrideProtected);
}

async function addScopedContext(e: Engine, need: NeedsContext): Promise<void> {
  const processed = await e.api.process({ activeCtx: need.active, localCtx: need.local, options: e.options, propagate: need.propagate, overrideProtected: need.overrideProtected });
  let tables = scopedTables.get(need.active);
  if (!tables) {
    tables = [new Map(), new Map(), new Map(), new Map()];
    scopedTables.set(need.active, tables);
  }
  const key = typeof need.local === 'object' && need.local !== null ? need.local : JSON.stringify(need.local);
  tables[(need.propagate ? 1 : 0) + (need.overrideProtected ? 2 : 0)]!.set(key, processed);
}

const VOCAB = 0;
const BASE = 1;
const TYPE = 2;
const RELATIVE_TO = [{ vocab: true }, { base: true }, { base: true, vocab: true }] as const;

function expandIri(e: Engine, ctx: ActiveContext, value: string, mode: 0 | 1 | 2): string | null {
  let tables = iriTables.get(ctx);
  if (!tables) {
    tables = [new Map(), new Map(), new Map()];
    iriTables.set(ctx, tables);
  }
  const table = tables[mode]!;
  const cached = table.get(value);
  if (cached !== undefined || table.has(value)) return cached ?? null;
  const options = mode === TYPE ? { ...e.options, typeExpansion: true } : e.options;
  const expanded = e.api.expandIri(ctx, value, RELATIVE_TO[mode], options);
  table.set(value, expanded);
  return expanded;
}

function termValue(ctx: ActiveContext, key: string | null, member: keyof TermDefinition): unknown {
  // jsonld.js getContextValue, for the members read here.
  if (key === null) return member === '@context' ? undefined : null;
  const entry = ctx.mappings.get(key);
  if (entry && Object.prototype.hasOwnProperty.call(entry, member)) return entry[member];
  if ((member === '@language' || member === '@direction') && member in ctx) return ctx[member];
  return member === '@context' ? undefined : null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The outcome of expanding one object: a literal, or a node (its subject term). */
type Expanded = { kind: 'literal'; term: Term } | { kind: 'node'; term: Term; members: number; onlyId: boolean };

class Walk {
  readonly quads: Quad[] = [];
  private readonly seen = new Set<string>();
  private readonly blankLabels = new Map<string, string>();
  private blanks = 0;

  constructor(private readonly e: Engine) {}

  freshBlank(): Term {
    return { termType: 'BlankNode', value: `b${this.blanks++}` };
  }

  idTerm(iri: string): Term {
    if (!iri.startsWith('_:')) return { termType: 'NamedNode', value: iri };
    let label = this.blankLabels.get(iri);
    if (label === undefined) {
      label = `b${this.blanks++}`;
      this.blankLabels.set(iri, label);
    }
    return { termType: 'BlankNode', value: label };
  }

  emit(subject: Term, predicate: string, object: Term, graph: Term): void {
    // jsonld.js's node map drops a value equal to one the property already has, by JSON-LD value
    // equality (the same @id; the same raw @value, @type and @language), not by RDF term: 0 and
    // {"@value": 1e-7, "@type": xsd:integer} both stay, and both become "0"^^xsd:integer.
    const identity = literalIdentity.get(object) ?? `${object.termType[0]}${object.value}`;
    const key = `${subject.termType[0]}${subject.value}\u0000${predicate}\u0000${identity}\u0000${graph.termType[0]}${graph.value}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.quads.push({ subject, predicate: { termType: 'NamedNode', value: predicate }, object, graph });
  }

  /** jsonld.js expand() for an object `element` that is the value of `activeProperty` (null at the top). */
  object(activeCtx: ActiveContext, activeProperty: string | null, element: Record<string, unknown>, graph: Term): Expanded {
    const e = this.e;
    const propertyScoped = termValue(activeCtx, activeProperty, '@context');
    const typeScopedBefore = activeCtx.previousContext ? activeCtx : null;
    const keys = Object.keys(element).sort();
    let mustRevert = true;
    if (typeScopedBefore && keys.length <= 2 && !keys.includes('@context')) {
      for (const key of keys) {
        const expanded = expandIri(e, typeScopedBefore, key, VOCAB);
        if (expanded === '@value') {
          mustRevert = false;
          activeCtx = typeScopedBefore;
          break;
        }
        if (expanded === '@id' && keys.length === 1) {
          mustRevert = false;
          break;
        }
      }
    }
    if (mustRevert && activeCtx.previousContext) activeCtx = activeCtx.previousContext;
    if (propertyScoped !== undefined) activeCtx = scopedContext(activeCtx, propertyScoped, true, true);
    if ('@context' in element) {
      if (activeProperty !== null) throw new NotOnFastPath('a nested @context');
      activeCtx = scopedContext(activeCtx, element['@context'], true, false);
    }
    const typeScoped = activeCtx;
    for (const key of keys) {
      if (expandIri(e, activeCtx, key, VOCAB) !== '@type') continue;
      const value = element[key];
      const types = Array.isArray(value) ? (value.length > 1 ? value.slice().sort() : value) : [value];
      for (const type of types) {
        if (typeof type !== 'string') throw new NotOnFastPath('a @type that is not a string');
        const scoped = termValue(typeScoped, type, '@context');
        if (scoped !== undefined) activeCtx = scopedContext(activeCtx, scoped, false, false);
      }
    }

    let id: string | undefined;
    let types: string[] | undefined;
    let literal: { value: unknown; type?: string; language?: string } | undefined;
    const properties: [string, Term[]][] = [];
    let members = 0;
    for (const key of keys) {
      if (key === '@context') continue;
      const property = expandIri(e, activeCtx, key, VOCAB);
      const value = element[key];
      if (property === '@id') {
        if (typeof value !== 'string') throw new NotOnFastPath('an @id that is not a string');
        if (id !== undefined) throw new NotOnFastPath('colliding @id');
        id = this.absolute(expandIri(e, activeCtx, value, BASE), '@id');
        members++;
      } else if (property === '@type') {
        if (types !== undefined) throw new NotOnFastPath('colliding @type');
        const list = Array.isArray(value) ? value : [value];
        if (list.length === 0) throw new NotOnFastPath('an empty @type');
        types = list.map((t) => {
          if (typeof t !== 'string') throw new NotOnFastPath('a @type that is not a string');
          const iri = this.absolute(expandIri(e, typeScoped, t, TYPE), '@type');
          if (iri.startsWith('_:')) throw new NotOnFastPath('a blank node @type');
          return iri;
        });
        members++;
      } else if (property === '@value') {
        if (literal) throw new NotOnFastPath('colliding @value');
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw new NotOnFastPath('an @value that is not a string, number or boolean');
        literal = { value };
        members++;
      } else if (property === '@language') {
        if (typeof value !== 'string') throw new NotOnFastPath('an @language that is not a string');
        const language = value.toLowerCase();
        if (!BCP47.test(language)) throw new NotOnFastPath('an @language that is not BCP 47');
        properties.push(['@language', [{ termType: 'Literal', value: language }]]);
        members++;
      } else if (property === null || (!ABSOLUTE_IRI.test(property) && !e.api.isKeyword(property))) {
        throw new NotOnFastPath(`the term "${key}" does not expand to an IRI`);
      } else if (property.startsWith('@')) {
        throw new NotOnFastPath(`the keyword ${property}`);
      } else if (property.startsWith('_:')) {
        throw new NotOnFastPath('a blank node property');
      } else {
        const objects = this.property(activeCtx, key, property, value, graph);
        if (objects) {
          properties.push([property, objects]);
          members++;
        }
      }
    }

    if (literal) {
      const language = properties.find(([p]) => p === '@language')?.[1][0]?.value;
      if (members !== 1 + (types ? 1 : 0) + (language !== undefined ? 1 : 0) || id !== undefined) throw new NotOnFastPath('an invalid value object');
      if (types && language !== undefined) throw new NotOnFastPath('a value object with @type and @language');
      if (types && types.length !== 1) throw new NotOnFastPath('a value object with several types');
      if (language !== undefined && typeof literal.value !== 'string') throw new NotOnFastPath('a language-tagged non-string');
      if (activeProperty === null) throw new NotOnFastPath('a top-level value object');
      return { kind: 'literal', term: toLiteral(literal.value, types?.[0] ?? null, language) };
    }
    if (properties.some(([p]) => p === '@language')) throw new NotOnFastPath('@language outside a value object');

    const subject = id !== undefined ? this.idTerm(id) : this.freshBlank();
    for (const type of types ?? []) this.emit(subject, RDF_TYPE, { termType: 'NamedNode', value: type }, graph);
    for (const [property, objects] of properties) {
      for (const object of objects) this.emit(subject, property, object, graph);
    }
    return { kind: 'node', term: subject, members, onlyId: members === 1 && id !== undefined };
  }

  /** The RDF objects of one member (`key`, expanding to `property`); undefined when jsonld.js drops it. */
  property(activeCtx: ActiveContext, key: string, property: string, value: unknown, graph: Term): Term[] | undefined {
    const definition = activeCtx.mappings.get(key);
    if (definition?.reverse) throw new NotOnFastPath('a reverse property');
    const local = termValue(activeCtx, key, '@context');
    const termCtx = local !== undefined ? scopedContext(activeCtx, local, true, true) : activeCtx;
    const container = (termValue(activeCtx, key, '@container') as string[] | null) ?? [];
    let asGraph = false;
    for (const c of container) {
      if (c === '@graph') asGraph = true;
      else if (c !== '@set') throw new NotOnFastPath(`a ${c} container`);
    }
    if (termValue(activeCtx, key, '@type') === '@json') throw new NotOnFastPath('a @json term');
    if (value === null || value === undefined) return undefined;
    const items = Array.isArray(value) ? value : [value];
    const out: Term[] = [];
    for (const item of items) {
      if (item === null) continue;
      if (Array.isArray(item)) throw new NotOnFastPath('an array in an array');
      if (isRecord(item)) {
        const itemGraph = asGraph ? this.freshBlank() : graph;
        const expanded = this.object(termCtx, key, item, itemGraph);
        if (asGraph) {
          if (expanded.kind === 'literal' || expanded.members === 0 || expanded.onlyId) throw new NotOnFastPath('an unsafe object in a @graph container');
          out.push(itemGraph);
        } else {
          out.push(expanded.term);
        }
      } else {
        if (asGraph) throw new NotOnFastPath('a scalar in a @graph container');
        out.push(this.scalar(termCtx, key, item));
      }
    }
    // jsonld.js drops a @graph container member left with no graphs; any other property stays (as an empty set).
    return asGraph && out.length === 0 ? undefined : out;
  }

  /** jsonld.js _expandValue followed by toRdf's object conversion. */
  scalar(ctx: ActiveContext, key: string, value: unknown): Term {
    const e = this.e;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw new NotOnFastPath('an unexpected value');
    const expandedProperty = expandIri(e, ctx, key, VOCAB);
    if (expandedProperty === null || e.api.isKeyword(expandedProperty)) throw new NotOnFastPath('a keyword value');
    const type = termValue(ctx, key, '@type');
    if (type === '@id' && typeof value === 'string') return this.idTerm(this.absolute(expandIri(e, ctx, value, BASE), 'an IRI value'));
    if (type === '@vocab' && typeof value === 'string') return this.idTerm(this.absolute(expandIri(e, ctx, value, TYPE), 'an IRI value'));
    let datatype: string | null = null;
    if (typeof type === 'string' && type !== '@id' && type !== '@vocab' && type !== '@none') {
      if (!ABSOLUTE_IRI.test(type) || type.startsWith('_:')) throw new NotOnFastPath('a datatype that is not an absolute IRI');
      datatype = type;
    } else if (typeof value === 'string') {
      if (termValue(ctx, key, '@language') !== null) throw new NotOnFastPath('a default language');
      if (termValue(ctx, key, '@direction') !== null) throw new NotOnFastPath('a base direction');
    } else if (type !== null && type !== '@id' && type !== '@vocab' && type !== '@none') {
      throw new NotOnFastPath('an unexpected type');
    }
    return toLiteral(value, datatype, undefined);
  }

  absolute(iri: string | null, what: string): string {
    if (iri === null || !ABSOLUTE_IRI.test(iri)) throw new NotOnFastPath(`${what} that is not an absolute IRI`);
    return iri;
  }
}

/* The JSON-LD value object each literal came from, as jsonld.js's compareValues sees it. */
const literalIdentity = new WeakMap<Term, string>();

/** toRdf.js _objectToRDF for a value object. */
function toLiteral(value: unknown, datatype: string | null, language: string | undefined): Term {
  const term = literalTerm(value, datatype, language);
  literalIdentity.set(term, `L${typeof value}:${String(value)}\u0000${datatype ?? ''}\u0000${language ?? ''}`);
  return term;
}

function literalTerm(value: unknown, datatype: string | null, language: string | undefined): Term {
  if (typeof value === 'boolean') return { termType: 'Literal', value: value.toString(), datatype: { termType: 'NamedNode', value: datatype ?? XSD_BOOLEAN } };
  const isDouble = typeof value === 'number' && (String(value).includes('.') || Math.abs(value) >= 1e21);
  if (isDouble || datatype === XSD_DOUBLE) {
    const n = typeof value === 'number' ? value : parseFloat(String(value));
    return { termType: 'Literal', value: n.toExponential(15).replace(/(\d)0*e\+?/, '$1E'), datatype: { termType: 'NamedNode', value: datatype ?? XSD_DOUBLE } };
  }
  if (typeof value === 'number') return { termType: 'Literal', value: value.toFixed(0), datatype: { termType: 'NamedNode', value: datatype ?? XSD_INTEGER } };
  if (language !== undefined) return { termType: 'Literal', value: String(value), datatype: { termType: 'NamedNode', value: datatype ?? RDF_LANGSTRING }, language };
  return { termType: 'Literal', value: String(value), datatype: { termType: 'NamedNode', value: datatype ?? XSD_STRING } };
}

/** True when `document` might be on the fast path: a node object whose contexts are all pinned URLs. */
export function fastPathCandidate(document: unknown): boolean {
  if (!isRecord(document)) return false;
  const context = document['@context'];
  const list = Array.isArray(context) ? context : [context];
  return list.length > 0 && list.every((c) => typeof c === 'string' && isPinnedContext(c));
}

/**
 * The RDF dataset jsonld.js's `toRDF` (safe mode, base '') would produce for `document`, up to
 * blank node labels, or `NotOnFastPath` when the document needs jsonld.js.
 */
export async function toRdfFast(document: unknown): Promise<Quad[]> {
  if (!fastPathCandidate(document)) throw new NotOnFastPath('the contexts are not all pinned URLs');
  const e = await loadEngine();
  const top = document as Record<string, unknown>;
  // Bounded: every restart adds one processed context to the tables.
  for (let attempt = 0; attempt < 64; attempt++) {
    const walk = new Walk(e);
    try {
      const result = walk.object(e.initial, null, top, DEFAULT_GRAPH);
      if (result.kind !== 'node' || result.members === 0 || result.onlyId) throw new NotOnFastPath('an unsafe top-level object');
      return walk.quads;
    } catch (error) {
      if (!(error instanceof NeedsContext)) throw error;
      try {
        await addScopedContext(e, error);
      } catch (cause) {
        throw cause instanceof NotOnFastPath ? cause : new NotOnFastPath(`context processing: ${(cause as Error)?.message ?? String(cause)}`);
      }
    }
  }
  throw new NotOnFastPath('too many scoped contexts');
}
