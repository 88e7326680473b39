import type { GeneratedValidator } from '../generated/validator.js';

/** A shipped 1EdTech schema, compiled ahead of time (scripts/build-schemas.mjs) and loaded on first use. */
export interface ShippedSchema {
  key: string;
  /** For people: which schema, which data model. */
  name: string;
  load(): Promise<GeneratedValidator>;
  /** The credential as the schema is applied to it (see `proofAsSet`). */
  prepare?(vc: Record<string, unknown>): Record<string, unknown>;
}

/**
 * The VC 2.0 variant is 1EdTech's formal JSON Schema, which declares `proof` as an array only, for
 * the credential and for embedded EndorsementCredentials. Data Integrity (and JSON-LD compaction,
 * which 1EdTech's JSON-LD schema adaptations allow for) lets a single proof be one object: the same
 * proof set, so it is checked as a one-element array. Nothing else is reshaped.
 */
function proofAsSet(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (key === 'proof' && member !== null && typeof member === 'object' && !Array.isArray(member)) out[key] = [member];
    else out[key] = reshape(member);
  }
  return out;
}

function reshape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reshape);
  if (value !== null && typeof value === 'object') return proofAsSet(value as Record<string, unknown>);
  return value;
}

const OB_AC_VC1: ShippedSchema = {
  key: 'ob-v3p0-achievementcredential-vc1',
  name: 'Open Badges 3.0 AchievementCredential schema (VC 1.1)',
  load: async () => (await import('../generated/ob-v3p0-achievementcredential-vc1.js')).validate,
};
const OB_AC_VC2: ShippedSchema = {
  key: 'ob-v3p0-achievementcredential-vc2',
  name: 'Open Badges 3.0 AchievementCredential schema (VC 2.0)',
  load: async () => (await import('../generated/ob-v3p0-achievementcredential-vc2.js')).validate,
  prepare: proofAsSet,
};

/**
 * CLR 2.0 exists on VC 2.0 only, and its schema takes `proof` as one object or an array, so it needs no
 * reshaping. The shipped file is 1EdTech's "JSON-LD adaptation" (its title says so) although its `$id`
 * is the formal `schema/json/` URL.
 */
const CLR_V2: ShippedSchema = {
  key: 'clr-v2p0-clrcredential',
  name: 'CLR 2.0 ClrCredential schema',
  load: async () => (await import('../generated/clr-v2p0-clrcredential.js')).validate,
};

const VC2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

/**
 * 1EdTech serves one URL per schema and changed its content when OB 3.0 moved from VC 1.1 to VC 2.0,
 * so a credential's data model (its first `@context`) picks the variant. The VC 2.0 file's own `$id`
 * says `schema/json-ld/`, so that URL is accepted too.
 */
const BY_URL: Record<string, { vc1: ShippedSchema; vc2: ShippedSchema }> = {
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json': { vc1: OB_AC_VC1, vc2: OB_AC_VC2 },
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json-ld/ob_v3p0_achievementcredential_schema.json': { vc1: OB_AC_VC1, vc2: OB_AC_VC2 },
  'https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json': { vc1: CLR_V2, vc2: CLR_V2 },
  'https://purl.imsglobal.org/spec/clr/v2p0/schema/json-ld/clr_v2p0_clrcredential_schema.json': { vc1: CLR_V2, vc2: CLR_V2 },
};

const OB_CREDENTIAL_TYPES = ['AchievementCredential', 'OpenBadgeCredential'];
const OB_CONTEXT_PREFIX = 'https://purl.imsglobal.org/spec/ob/v3p0/';
const CLR_CONTEXT_PREFIX = 'https://purl.imsglobal.org/spec/clr/v2p0/';

function contextsOf(vc: Record<string, unknown>): unknown[] {
  return Array.isArray(vc['@context']) ? vc['@context'] : [vc['@context']];
}

function hasContext(vc: Record<string, unknown>, prefix: string): boolean {
  return contextsOf(vc).some((c) => typeof c === 'string' && c.startsWith(prefix));
}

function isVc2(vc: Record<string, unknown>): boolean {
  return contextsOf(vc)[0] === VC2_CONTEXT;
}

/** The shipped schema a `credentialSchema` id names, for this credential's data model; undefined when not shipped. */
export function schemaForUrl(url: string, vc: Record<string, unknown>): ShippedSchema | undefined {
  const variants = BY_URL[url];
  if (!variants) return undefined;
  return isVc2(vc) ? variants.vc2 : variants.vc1;
}

/**
 * The schema that applies by type when the credential declares none (OB 3.0 §Verification: the
 * credential is checked against the schema of its type; a ClrCredential with a CLR 2.0 context gets
 * the CLR 2.0 schema). Pre-release badges (JFF plugfest contexts,
 * no purl.imsglobal.org OB 3.0 context) predate the 1EdTech schema: it is not imposed on them.
 */
export function schemaForType(types: string[], vc: Record<string, unknown>): ShippedSchema | undefined {
  if (types.includes('ClrCredential')) return hasContext(vc, CLR_CONTEXT_PREFIX) ? CLR_V2 : undefined;
  if (!types.some((t) => OB_CREDENTIAL_TYPES.includes(t))) return undefined;
  if (!hasContext(vc, OB_CONTEXT_PREFIX)) return undefined;
  return isVc2(vc) ? OB_AC_VC2 : OB_AC_VC1;
}
