import { base64urlnopad } from '@scure/base';
import { isRecord } from '../../util/json.js';
import { isPinnedContext } from '../../io/contexts/index.js';
import { LIMITS } from '../../limits.js';
import { check, withDetails, type Check } from '../../report.js';
import { canonizeJcs, canonizeRdfc } from './canonicalize.js';
import { CredlensError } from '../../errors.js';
import { ContextInvalidError, ContextUnknownError, type DocumentLoader } from './document-loader.js';
import { UnsignedKeywordError, assertNoUnsignedKeywords } from './dropped-keywords.js';
import { decodeMultibase } from './multibase.js';
import { concatBytes, digest, keyKind, verifySignature, type KeyKind } from './signature.js';
import { SELECTIVE_DISCLOSURE_SUITES, findSuite, hashFor, suiteName, type Suite } from './suites.js';

/** The key a verification method resolved to (the shape of `lib/keys`' `ResolvedKey`). */
export interface VerifierKey {
  id: string;
  controller: string;
  type: string;
  publicKeyJwk: JsonWebKey;
}

export type KeyResolver = (methodUrl: string) => Promise<{ ok: true; key: VerifierKey } | { ok: false; check: Check }>;

export interface DiOptions {
  documentLoader: DocumentLoader;
  resolveKey: KeyResolver;
  now: Date;
  /** `any`: one verified proof suffices (Open Badges 3.0, CLR 2.0); `all`: every proof must verify. */
  proofSet: 'all' | 'any';
  /** Whether a context URL that is not pinned is in the caller's bundle (for the JCS suites, which load no contexts). */
  hasContext?: (url: string) => Promise<boolean>;
  /** The proof purpose every proof must state: `assertionMethod` (credentials, the default) or `authentication` (presentations). */
  purpose?: 'assertionMethod' | 'authentication';
}

export interface ProofSummary {
  index: number;
  id?: string;
  suite: string;
  verificationMethod: string;
  controller?: string;
  created?: string;
}

type Outcome =
  | { kind: 'valid'; summary: ProofSummary; key: VerifierKey }
  | { kind: 'key'; summary: ProofSummary; check: Check }
  | { kind: 'proof'; summary: ProofSummary; check: Check; key?: VerifierKey };

export interface DiResult {
  /** Step `issuer-key`: the signing key(s) resolved and authorised by the issuer. */
  keyCheck: Check;
  /** Step `proof`: the signature(s) verified. */
  proofCheck: Check;
}

const encoder = new TextEncoder();

/** Verifies the Data Integrity proof(s) of a JSON-LD document (proof sets and chains included). */
export async function verifyDataIntegrity(document: Record<string, unknown>, options: DiOptions): Promise<DiResult> {
  const raw = document.proof;
  if (raw === undefined) {
    const c = check('proof', 'DI_PROOF_MISSING', 'The credential carries no proof');
    return { proofCheck: c, keyCheck: check('issuer-key', 'DI_KEY_NOT_CHECKED', 'No proof names a signing key') };
  }
  const proofs = Array.isArray(raw) ? raw : [raw];
  if (proofs.length === 0 || !proofs.every(isRecord)) {
    const c = check('proof', 'DI_PROOF_MALFORMED', 'The credential\'s proof is not an object or a list of objects');
    return { proofCheck: c, keyCheck: check('issuer-key', 'DI_KEY_NOT_CHECKED', 'No proof names a signing key') };
  }
  if (proofs.length > LIMITS.maxProofs) {
    const c = check('proof', 'DI_TOO_MANY_PROOFS', `The credential carries ${proofs.length} proofs; at most ${LIMITS.maxProofs} are checked`);
    return { proofCheck: c, keyCheck: check('issuer-key', 'DI_KEY_NOT_CHECKED', 'Too many proofs to check') };
  }
  const { proof: _omit, ...unsecured } = document;
  const canonicalCache = new Map<string, Promise<Uint8Array>>();
  const outcomes: Outcome[] = [];
  for (const [index, proof] of proofs.entries()) {
    outcomes.push(await verifyOne(unsecured, proof, index, proofs, options, canonicalCache));
    // A proof set needs only one verified proof: stop at the first (fewer keys resolved, less work).
    if (options.proofSet === 'any' && outcomes[outcomes.length - 1]?.kind === 'valid') break;
  }
  return combine(outcomes, options.proofSet, proofs.length);
}

function combine(outcomes: Outcome[], mode: 'all' | 'any', total: number): DiResult {
  const valid = outcomes.filter((o): o is Extract<Outcome, { kind: 'valid' }> => o.kind === 'valid');
  const failed = outcomes.filter((o): o is Exclude<Outcome, { kind: 'valid' }> => o.kind !== 'valid');
  const failures = failed.map((o) => ({ ...o.summary, code: o.check.code, message: o.check.message }));
  const success = mode === 'any' ? valid.length > 0 : failed.length === 0 && valid.length > 0;
  if (success) {
    const used = valid.map((o) => o.summary);
    const first = valid[0] as Extract<Outcome, { kind: 'valid' }>;
    const message =
      total === 1
        ? `${first.summary.suite} signature by ${first.summary.verificationMethod} is valid`
        : mode === 'any'
          ? `Proof ${first.summary.index + 1} of ${total} (${first.summary.suite} by ${first.summary.verificationMethod}) is valid; one valid proof suffices for this format`
          : `All ${total} proofs are valid (${used.map((s) => s.suite).join(', ')})`;
    const details: Record<string, unknown> = { proofs: used, verifiedProof: first.summary.index };
    if (failures.length > 0) details.failedProofs = failures;
    const keys = valid.map((o) => o.key.id);
    return {
      proofCheck: check('proof', 'DI_PROOF_VALID', message, details),
      keyCheck: check('issuer-key', 'KEY_VALID', `${keys.join(', ')} is authorised by ${first.key.controller} to issue credentials`, {
        keys: valid.map((o) => ({ id: o.key.id, controller: o.key.controller, type: o.key.type })),
      }),
    };
  }
  // Report the most serious failure: a definite failure before an undecided one.
  const rank = (o: Exclude<Outcome, { kind: 'valid' }>): number => (o.check.status === 'fail' ? 0 : 1);
  const worst = [...failed].sort((a, b) => rank(a) - rank(b))[0] as Exclude<Outcome, { kind: 'valid' }>;
  const details = total > 1 ? { proofs: failures } : undefined;
  if (worst.kind === 'key') {
    const proofFailure = failed.find((o) => o.kind === 'proof');
    return {
      keyCheck: worst.check,
      proofCheck: proofFailure
        ? withDetails(proofFailure.check, details)
        : check('proof', 'DI_KEY_NOT_CHECKED', 'The signature was not checked because its signing key could not be used', details),
    };
  }
  const resolvedKey = worst.key ?? valid[0]?.key;
  const keyFailure = failed.find((o) => o.kind === 'key');
  return {
    proofCheck: withDetails(worst.check, details),
    keyCheck: keyFailure
      ? keyFailure.check
      : resolvedKey
        ? check('issuer-key', 'KEY_VALID', `${resolvedKey.id} is authorised by ${resolvedKey.controller} to issue credentials`)
        : check('issuer-key', 'DI_KEY_NOT_CHECKED', 'The signing key was not resolved because the proof itself could not be checked'),
  };
}


async function verifyOne(
  unsecured: Record<string, unknown>,
  proof: Record<string, unknown>,
  index: number,
  all: readonly Record<string, unknown>[],
  options: DiOptions,
  canonicalCache: Map<string, Promise<Uint8Array>>,
): Promise<Outcome> {
  const name = suiteName(proof);
  const method = proof.verificationMethod;
  const summary: ProofSummary = {
    index,
    suite: name ?? String(proof.type),
    verificationMethod: typeof method === 'string' ? method : isRecord(method) && typeof method.id === 'string' ? method.id : '',
  };
  if (typeof proof.id === 'string') summary.id = proof.id;
  if (typeof proof.created === 'string') summary.created = proof.created;
  const fail = (code: Parameters<typeof check>[1], message: string, key?: VerifierKey): Outcome => {
    const out: Outcome = { kind: 'proof', summary, check: check('proof', code, message, { proof: summary }) };
    if (key) out.key = key;
    return out;
  };

  if (typeof proof.type !== 'string' || name === undefined) return fail('DI_PROOF_MALFORMED', 'The proof has no type or no cryptosuite');
  if (SELECTIVE_DISCLOSURE_SUITES.has(name)) return selectiveDisclosure(proof, name, fail);
  const suite = findSuite(name);
  if (!suite) return fail('DI_CRYPTOSUITE_UNSUPPORTED', `Proofs of type ${proof.type}${proof.type === 'DataIntegrityProof' ? ` with cryptosuite ${name}` : ''} cannot be checked`);
  if (summary.verificationMethod === '') return fail('DI_PROOF_MALFORMED', 'The proof names no verification method');
  const purpose = options.purpose ?? 'assertionMethod';
  if (proof.proofPurpose !== purpose) {
    return fail('DI_PROOF_PURPOSE_INVALID', `The proof's purpose is ${JSON.stringify(proof.proofPurpose ?? null)}, not ${purpose}`);
  }
  const signature = readSignature(suite, proof);
  if (!signature) return fail('DI_PROOF_MALFORMED', `The proof's ${suite.signature} is missing or not correctly encoded`);
  if (proof.expires !== undefined) {
    const expires = typeof proof.expires === 'string' ? Date.parse(proof.expires) : Number.NaN;
    if (Number.isNaN(expires)) return fail('DI_PROOF_MALFORMED', 'The proof\'s expiry date is not a date');
    if (expires < options.now.getTime()) return fail('DI_PROOF_EXPIRED', `The proof expired at ${String(proof.expires)}`);
  }

  // Proof chains: the document a chained proof signed includes the proofs it names.
  let secured: Record<string, unknown> = unsecured;
  let chainKey = '';
  if (proof.previousProof !== undefined) {
    const ids = Array.isArray(proof.previousProof) ? proof.previousProof : [proof.previousProof];
    const previous = ids.map((id) => (typeof id === 'string' ? all.find((p) => p.id === id) : undefined));
    if (ids.length === 0 || previous.some((p) => p === undefined)) {
      return fail('DI_PROOF_CHAIN_BROKEN', `The proof refers to previous proof(s) ${JSON.stringify(proof.previousProof)} that the credential does not carry`);
    }
    secured = { ...unsecured, proof: previous.length === 1 ? previous[0] : previous };
    chainKey = ids.join(' ');
  }

  const resolution = await options.resolveKey(summary.verificationMethod);
  if (!resolution.ok) return { kind: 'key', summary, check: resolution.check };
  const key = resolution.key;
  summary.controller = key.controller;
  const kind = keyKind(key.publicKeyJwk);
  if (!kind || !suite.keyKinds.includes(kind)) {
    return fail('DI_CRYPTOSUITE_KEY_MISMATCH', `${suite.name} needs a ${suite.keyKinds.join(' or ')} key, but ${key.id} is ${describeJwk(key.publicKeyJwk)}`, key);
  }

  let data: Uint8Array;
  try {
    data = await verifyData(suite, kind, secured, proof, chainKey, options, canonicalCache);
  } catch (error) {
    const mapped = mapCanonicalError(error);
    return fail(mapped.code, mapped.message, key);
  }
  if (signature.kind === 'jws') data = concatBytes(encoder.encode(`${signature.header}.`), data);
  const ok = await verifySignature(key.publicKeyJwk, data, signature.bytes);
  if (!ok) return fail('DI_SIGNATURE_INVALID', `The ${suite.name} signature by ${key.id} does not match the credential's content`, key);
  return { kind: 'valid', summary, key };
}

function selectiveDisclosure(proof: Record<string, unknown>, name: string, fail: (code: 'DI_SD_BASE_PROOF' | 'DI_SD_DERIVED_UNSUPPORTED' | 'DI_PROOF_MALFORMED' | 'DI_CRYPTOSUITE_UNSUPPORTED', message: string) => Outcome): Outcome {
  const bytes = typeof proof.proofValue === 'string' ? decodeMultibase(proof.proofValue) : undefined;
  if (!bytes || bytes.length < 3) return fail('DI_PROOF_MALFORMED', `The ${name} proof value is missing or not multibase`);
  // CBOR tag headers: ecdsa-sd-2023 0xd95d00 base / 0xd95d01 derived; bbs-2023 0xd95d02 base / 0xd95d03 derived.
  if (bytes[0] !== 0xd9 || bytes[1] !== 0x5d) return fail('DI_PROOF_MALFORMED', `The ${name} proof value has no valid header`);
  const tag = bytes[2];
  if (tag === 0x00 || tag === 0x02) return fail('DI_SD_BASE_PROOF', `This is the issuer's ${name} base proof, which only the holder may use; a verifier must be shown a derived proof`);
  if (name === 'ecdsa-sd-2023' && tag === 0x01) return fail('DI_SD_DERIVED_UNSUPPORTED', 'ecdsa-sd-2023 derived (selectively disclosed) proofs cannot be checked by this version of Credlens');
  return fail('DI_CRYPTOSUITE_UNSUPPORTED', `${name} proofs cannot be checked by this version of Credlens`);
}

type Signature = { kind: 'proofValue'; bytes: Uint8Array } | { kind: 'jws'; header: string; bytes: Uint8Array };

function readSignature(suite: Suite, proof: Record<string, unknown>): Signature | undefined {
  if (suite.signature === 'proofValue') {
    if (typeof proof.proofValue !== 'string') return undefined;
    const bytes = decodeMultibase(proof.proofValue);
    return bytes ? { kind: 'proofValue', bytes } : undefined;
  }
  if (typeof proof.jws !== 'string') return undefined;
  const parts = proof.jws.split('.');
  if (parts.length !== 3 || parts[1] !== '') return undefined;
  const [header = '', , sig = ''] = parts;
  try {
    const h = JSON.parse(new TextDecoder().decode(base64urlnopad.decode(header))) as unknown;
    // Only the detached, unencoded-payload EdDSA form the suite defines; any other header is refused.
    if (!isRecord(h) || h.alg !== 'EdDSA' || h.b64 !== false || !Array.isArray(h.crit) || h.crit.length !== 1 || h.crit[0] !== 'b64') return undefined;
    if (Object.keys(h).some((k) => !['alg', 'b64', 'crit', 'kid', 'typ'].includes(k))) return undefined;
    return { kind: 'jws', header, bytes: base64urlnopad.decode(sig) };
  } catch {
    return undefined;
  }
}

async function verifyData(
  suite: Suite,
  kind: KeyKind,
  secured: Record<string, unknown>,
  proof: Record<string, unknown>,
  chainKey: string,
  options: DiOptions,
  cache: Map<string, Promise<Uint8Array>>,
): Promise<Uint8Array> {
  const hash = hashFor(kind);
  const { proofValue: _v, jws: _j, ...config } = proof;
  let documentForHash: Record<string, unknown> = secured;
  if (suite.proofContext === 'document') {
    if (secured['@context'] !== undefined) config['@context'] = secured['@context'];
  } else if (config['@context'] !== undefined) {
    // JCS suites: the document's contexts must begin with the proof's, which then stand for them.
    if (!contextStartsWith(secured['@context'], config['@context'])) throw new ProofContextMismatch();
    documentForHash = { ...secured, '@context': config['@context'] };
  }
  if (suite.canonical === 'jcs') await assertKnownContexts(secured['@context'], options);
  if (suite.canonical === 'rdfc') {
    assertNoUnsignedKeywords(secured);
    assertNoUnsignedKeywords(config);
  }
  const canonical = async (value: unknown): Promise<string> =>
    suite.canonical === 'rdfc' ? canonizeRdfc(value, options.documentLoader) : canonizeJcs(value);
  const docKey = `${suite.canonical} ${hash} ${chainKey} ${suite.proofContext === 'proof' ? JSON.stringify(config['@context'] ?? null) : ''}`;
  let docHash = cache.get(docKey);
  if (!docHash) {
    docHash = canonical(documentForHash).then((text) => digest(hash, encoder.encode(text)));
    cache.set(docKey, docHash);
  }
  // Both at once: a failure of either must not leave the other's rejection unobserved.
  const [proofHash, documentHash] = await Promise.all([canonical(config).then((text) => digest(hash, encoder.encode(text))), docHash]);
  return concatBytes(proofHash, documentHash);
}

function contextStartsWith(documentContext: unknown, proofContext: unknown): boolean {
  const doc = Array.isArray(documentContext) ? documentContext : [documentContext];
  const prefix = Array.isArray(proofContext) ? proofContext : [proofContext];
  return prefix.length <= doc.length && prefix.every((c, i) => JSON.stringify(c) === JSON.stringify(doc[i]));
}

async function assertKnownContexts(value: unknown, options: DiOptions): Promise<void> {
  for (const c of Array.isArray(value) ? value : [value]) {
    if (typeof c !== 'string' || isPinnedContext(c)) continue;
    if (!(await options.hasContext?.(c))) throw new ContextUnknownError(c);
  }
}

class ProofContextMismatch extends CredlensError {
  constructor() {
    super('PROOF_MISMATCH', 'The proof\'s @context is not the beginning of the credential\'s @context', { check: 'DI_SIGNATURE_INVALID' });
  }
}

function describeJwk(jwk: JsonWebKey): string {
  return [jwk.kty, jwk.crv].filter(Boolean).join(' ') || 'of an unknown type';
}

interface JsonLdErrorLike {
  name?: string;
  message?: string;
  details?: { code?: string; cause?: unknown; event?: { code?: string; details?: Record<string, unknown> } };
  cause?: unknown;
}

/** Turns a canonicalisation failure into the check code a person can act on. */
function mapCanonicalError(error: unknown): { code: 'DI_CONTEXT_UNKNOWN' | 'DI_CONTEXT_INVALID' | 'DI_UNDEFINED_TERM' | 'DI_CANONICALIZATION_FAILED' | 'DI_SIGNATURE_INVALID'; message: string } {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    if (current instanceof ContextUnknownError || current instanceof ContextInvalidError || current instanceof UnsignedKeywordError || current instanceof ProofContextMismatch) {
      return { code: current.check as 'DI_CONTEXT_UNKNOWN' | 'DI_CONTEXT_INVALID' | 'DI_UNDEFINED_TERM' | 'DI_SIGNATURE_INVALID', message: current.message };
    }
    const e = current as JsonLdErrorLike;
    if (e.name === 'jsonld.ValidationError') {
      const event = e.details?.event;
      const what = event?.details ? JSON.stringify(event.details).slice(0, 200) : '';
      return { code: 'DI_UNDEFINED_TERM', message: `The credential has content its JSON-LD contexts do not define (${event?.code ?? 'safe mode'}${what ? `: ${what}` : ''})` };
    }
    current = e.details?.cause ?? e.cause;
  }
  const e = error as JsonLdErrorLike;
  if (typeof e?.name === 'string' && e.name.startsWith('jsonld.')) {
    return { code: 'DI_CONTEXT_INVALID', message: `JSON-LD processing failed: ${e.message ?? e.name}` };
  }
  return { code: 'DI_CANONICALIZATION_FAILED', message: `The credential could not be canonicalised: ${e?.message ?? String(error)}` };
}
