import { ioFailureOf, type KeyResolutionDetails } from '../details.js';
import { parse as parseDidUrl, type DIDResolutionResult } from 'did-resolver';
import { describeError } from '../errors.js';
import { parseJsonBytes } from '../util/strict-json.js';
import { isRecord } from '../util/json.js';
import type { KeyContext } from './types.js';
import { check, type Check } from '../report.js';
import { resolveDid } from './did.js';
import { KeyMaterialError, verificationMethodJwk } from './key-material.js';
import { ioFailure } from './methods/result.js';

export interface ResolvedKey {
  /** The verification method's absolute id (DID URL or https URL with fragment). */
  id: string;
  /** Who controls the key: the issuer, once authorised. */
  controller: string;
  /** The verification method type as published (Multikey, JsonWebKey2020, ...). */
  type: string;
  publicKeyJwk: JsonWebKey;
  /** The DID or controller document the key was found in. */
  controllerDocument: Record<string, unknown>;
}

/** A key found and authorised, or the `issuer-key` check that says why not. */
export type KeyResolution = { ok: true; key: ResolvedKey } | { ok: false; check: Check };

export interface KeyExpectation {
  /** The verification relationship the key must be listed under. */
  relationship: 'assertionMethod' | 'authentication';
  /** The issuer (a DID, or the https URL of a controller document) that must control the key. */
  issuer: string;
}

const ID = 'issuer-key';

function fail(code: Parameters<typeof check>[1], message: string, details?: Record<string, unknown>): KeyResolution {
  return { ok: false, check: check(ID, code, message, details) };
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash >= 0 ? url.slice(0, hash) : url;
}

function didOf(didUrl: string): string {
  return parseDidUrl(didUrl)?.did ?? withoutFragment(didUrl);
}

/** Maps a resolution failure to the `issuer-key` check. */
export function resolutionFailure(subject: string, result: DIDResolutionResult): KeyResolution {
  const meta = result.didResolutionMetadata;
  const message = typeof meta.message === 'string' ? meta.message : `${subject} could not be resolved (${String(meta.error)})`;
  const details: KeyResolutionDetails = { did: subject, error: String(meta.error) };
  const io = ioFailureOf({ details: meta });
  if (io) details.io = io;
  switch (meta.error) {
    case 'invalidDid':
    case 'invalidDidDocument':
      return fail('KEY_DID_INVALID', message, details);
    case 'unsupportedDidMethod':
      return fail('KEY_DID_METHOD_UNSUPPORTED', `${subject} uses the DID method "${parseDidUrl(subject)?.method ?? '?'}", which Credlens cannot resolve`, details);
    case 'unsupportedPublicKeyType':
      return fail('KEY_TYPE_UNSUPPORTED', message, details);
    case 'blocked':
      return fail('KEY_FETCH_BLOCKED', message, details);
    default:
      return fail('KEY_DID_UNRESOLVABLE', message, details);
  }
}

function absolute(ref: string, base: string): string {
  return ref.startsWith('#') ? `${base}${ref}` : ref;
}

function methodsOf(doc: Record<string, unknown>): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const member of ['verificationMethod', 'publicKey', 'assertionMethod', 'authentication', 'capabilityInvocation', 'capabilityDelegation', 'keyAgreement']) {
    const list = doc[member];
    if (Array.isArray(list)) for (const entry of list) if (isRecord(entry) && typeof entry.id === 'string') out.push(entry);
  }
  return out;
}

function referencedUnder(doc: Record<string, unknown>, relationship: string, base: string): string[] {
  const list = doc[relationship];
  if (!Array.isArray(list)) return [];
  return list
    .map((entry) => (typeof entry === 'string' ? entry : isRecord(entry) && typeof entry.id === 'string' ? entry.id : undefined))
    .filter((id): id is string => id !== undefined)
    .map((id) => absolute(id, base));
}

/**
 * Finds `methodUrl` in an already-resolved controller document and checks that the document's
 * subject authorised it under `expect.relationship` and that `expect.issuer` controls it.
 * A `methodUrl` without a fragment (a bare DID in a JWT `kid`) names the document's only key under
 * the relationship; with several, it is ambiguous and not accepted.
 */
export function keyFromDocument(doc: Record<string, unknown>, methodUrl: string, expect: KeyExpectation): KeyResolution {
  const base = typeof doc.id === 'string' ? doc.id : withoutFragment(methodUrl);
  const authorised = referencedUnder(doc, expect.relationship, base);
  let targetId = methodUrl;
  if (!methodUrl.includes('#') && methodUrl === base) {
    if (authorised.length !== 1) {
      return fail('KEY_NOT_FOUND', `The signature names ${methodUrl} without saying which of its ${authorised.length} ${expect.relationship} keys signed`, { document: base });
    }
    targetId = authorised[0] as string;
  }
  const method = methodsOf(doc).find((m) => absolute(m.id as string, base) === targetId);
  if (!method) return fail('KEY_NOT_FOUND', `${targetId} is not a key in the document of ${base}`, { keyId: targetId, document: base });
  if (!authorised.includes(targetId)) {
    return fail('KEY_NOT_AUTHORISED', `${targetId} exists, but ${base} does not list it under ${expect.relationship}`, { keyId: targetId, relationship: expect.relationship });
  }
  const controller = typeof method.controller === 'string' ? absolute(method.controller, base) : base;
  if (controller !== expect.issuer || base !== expect.issuer) {
    return fail('KEY_CONTROLLER_MISMATCH', `${targetId} is controlled by ${controller}, not by the issuer ${expect.issuer}`, { keyId: targetId, controller, issuer: expect.issuer });
  }
  let publicKeyJwk: JsonWebKey;
  try {
    publicKeyJwk = verificationMethodJwk(method);
  } catch (error) {
    const unsupported = error instanceof KeyMaterialError && error.reason === 'unsupported';
    return fail(unsupported ? 'KEY_TYPE_UNSUPPORTED' : 'KEY_MATERIAL_INVALID', `${targetId}: ${describeError(error)}`, { keyId: targetId, type: method.type });
  }
  const type = typeof method.type === 'string' ? method.type : 'unknown';
  return { ok: true, key: { id: targetId, controller, type, publicKeyJwk, controllerDocument: doc } };
}

async function readJson(url: string, ctx: Pick<KeyContext, 'io'>): Promise<{ ok: true; value: unknown } | { ok: false; result: DIDResolutionResult }> {
  try {
    return { ok: true, value: (await ctx.io.getJson(url, { kind: 'controller-document' })).value };
  } catch (error) {
    return { ok: false, result: ioFailure(error, `The controller document ${url} could not be read`) };
  }
}

function isKeyObject(value: Record<string, unknown>): boolean {
  return typeof value.type === 'string' && ['publicKeyJwk', 'publicKeyMultibase', 'publicKeyBase58', 'publicKeyHex'].some((m) => m in value);
}

/** A key published at an https URL: a controller document, or (bundle only) the key object itself. */
async function resolveHttpsMethod(methodUrl: string, ctx: Pick<KeyContext, 'io'>, expect: KeyExpectation): Promise<KeyResolution> {
  let url: URL;
  try {
    url = new URL(methodUrl);
  } catch {
    return fail('KEY_DID_INVALID', `${methodUrl.slice(0, 200)} is not a valid key URL`);
  }
  if (url.protocol !== 'https:') return fail('KEY_FETCH_BLOCKED', `${methodUrl} is not an https URL; keys are only read over HTTPS`, { url: methodUrl });
  const docUrl = withoutFragment(methodUrl);
  let value: unknown;
  const bundled = await ctx.io.fromBundle(methodUrl);
  if (bundled) {
    try {
      value = parseJsonBytes(bundled);
    } catch (error) {
      return fail('KEY_DID_INVALID', `The bundled document for ${methodUrl} is not JSON: ${describeError(error)}`);
    }
  } else {
    const read = await readJson(docUrl, ctx);
    if (!read.ok) return resolutionFailure(docUrl, read.result);
    value = read.value;
  }
  if (!isRecord(value)) return fail('KEY_DID_INVALID', `The document at ${docUrl} is not a JSON object`);

  // The key object itself (a bundle entry for the exact key URL): authorisation still comes from
  // its controller's document.
  if (value.id === methodUrl && isKeyObject(value)) {
    const controller = typeof value.controller === 'string' ? value.controller : undefined;
    if (!controller) return fail('KEY_CONTROLLER_MISMATCH', `${methodUrl} names no controller, so nothing ties it to the issuer`, { keyId: methodUrl });
    if (controller !== expect.issuer) {
      return fail('KEY_CONTROLLER_MISMATCH', `${methodUrl} is controlled by ${controller}, not by the issuer ${expect.issuer}`, { keyId: methodUrl, controller, issuer: expect.issuer });
    }
    const read = await readJson(controller, ctx);
    if (!read.ok) return resolutionFailure(controller, read.result);
    if (!isRecord(read.value) || read.value.id !== controller) return fail('KEY_DID_INVALID', `The document at ${controller} does not describe ${controller}`);
    const doc = read.value;
    const found = keyFromDocument(doc, methodUrl, expect);
    if (found.ok || found.check.code !== 'KEY_NOT_FOUND') return found;
    // The controller lists the key by reference only; the key object came from the bundle.
    return keyFromDocument({ ...doc, verificationMethod: [...(Array.isArray(doc.verificationMethod) ? doc.verificationMethod : []), value] }, methodUrl, expect);
  }
  if (value.id !== docUrl) return fail('KEY_DID_INVALID', `The document at ${docUrl} describes ${String(value.id).slice(0, 120)} instead`, { url: docUrl });
  return keyFromDocument(value, methodUrl, expect);
}

/**
 * Finds the key a signature names and checks the issuer AUTHORISED it: the key must be a
 * verification method of `expect.issuer`, referenced from its `expect.relationship`. A key of
 * another DID, or one that merely exists in the document, fails. Never throws.
 */
export async function resolveVerificationMethod(
  methodUrl: string,
  ctx: KeyContext,
  expect: KeyExpectation,
): Promise<KeyResolution> {
  if (methodUrl.startsWith('did:')) {
    const parsed = parseDidUrl(methodUrl);
    if (!parsed) return fail('KEY_DID_INVALID', `${methodUrl.slice(0, 200)} is not a valid DID URL`);
    if (parsed.did !== didOf(expect.issuer) || !expect.issuer.startsWith('did:')) {
      return fail('KEY_CONTROLLER_MISMATCH', `The signing key belongs to ${parsed.did}, but the issuer is ${expect.issuer}`, { keyId: methodUrl, issuer: expect.issuer });
    }
    const result = await resolveDid(parsed.did, ctx);
    if (!result.didDocument) return resolutionFailure(parsed.did, result);
    if (result.didDocumentMetadata.deactivated === true) return fail('KEY_NOT_AUTHORISED', `${parsed.did} has been deactivated`, { did: parsed.did });
    const target = parsed.fragment ? `${parsed.did}#${parsed.fragment}` : parsed.did;
    return keyFromDocument(result.didDocument as unknown as Record<string, unknown>, target, { ...expect, issuer: didOf(expect.issuer) });
  }
  if (/^https?:/i.test(methodUrl)) {
    return resolveHttpsMethod(methodUrl, ctx, expect);
  }
  return fail('KEY_DID_METHOD_UNSUPPORTED', `The key reference ${methodUrl.slice(0, 120)} is neither a DID URL nor an https URL`);
}
