import { calculateJwkThumbprint } from 'jose/jwk/thumbprint';
import { IoError, describeError } from '../../errors.js';
import { isRecord } from '../../util/json.js';
import { resolveVerificationMethod, type KeyResolution } from '../../keys/index.js';
import { publicJwk, KeyMaterialError } from '../../keys/key-material.js';
import type { VerifyContext } from '../../pipeline/types.js';
import { CODES } from '../../codes/index.js';
import { check } from '../../report.js';

const ID = 'issuer-key';

/** Where the key that signs a JOSE credential is looked for. */
export interface IssuerKeyRequest {
  issuer: string | undefined;
  header: Record<string, unknown>;
  /** SD-JWT VC: an https issuer publishes its keys as JWT VC issuer metadata; x5c chains are allowed. */
  allowIssuerMetadata?: boolean;
  allowX5c?: boolean;
}

/** The verification method a `kid` names, relative to the issuer. */
export function methodUrlFor(issuer: string, kid: unknown): string {
  if (typeof kid !== 'string' || kid === '') return issuer;
  if (kid.startsWith('#')) return `${issuer}${kid}`;
  if (kid.startsWith('did:') || /^https?:\/\//i.test(kid)) return kid;
  return issuer.startsWith('did:') ? `${issuer}#${kid}` : kid;
}

async function sameKey(a: JsonWebKey, b: JsonWebKey): Promise<boolean> {
  try {
    return (await calculateJwkThumbprint(a as Parameters<typeof calculateJwkThumbprint>[0])) === (await calculateJwkThumbprint(b as Parameters<typeof calculateJwkThumbprint>[0]));
  } catch {
    return false;
  }
}

/**
 * Finds the issuer's key for a JOSE credential and checks it is AUTHORISED: a DID URL or https key
 * reference under the issuer's `assertionMethod`, an x5c chain to a trust anchor naming the issuer,
 * or the issuer's own JWT VC issuer metadata. A `jwk` header only counts when it is that same key.
 */
export async function resolveIssuerKey(request: IssuerKeyRequest, ctx: VerifyContext): Promise<KeyResolution> {
  const { issuer, header } = request;
  const carried = headerKeyKind(header);
  if (!issuer) {
    return carried ? headerOnly(undefined, carried) : { ok: false, check: check(ID, 'CLAIMS_MISSING', 'The credential names no issuer, so no key can be tied to one') };
  }
  let resolution: KeyResolution;
  const kid = header.kid;
  const refersToKey = typeof kid === 'string' && (kid.startsWith('did:') || kid.startsWith('#') || /^https:\/\//i.test(kid));
  if (issuer.startsWith('did:') || (refersToKey && !request.allowIssuerMetadata)) {
    resolution = await resolveVerificationMethod(methodUrlFor(issuer, kid), ctx, { relationship: 'assertionMethod', issuer });
  } else if (request.allowX5c && Array.isArray(header.x5c)) {
    resolution = await x5cKey(issuer, header.x5c, ctx);
  } else if (request.allowIssuerMetadata && /^https:\/\//i.test(issuer)) {
    resolution = await metadataKey(issuer, typeof kid === 'string' ? kid : undefined, ctx);
  } else if (/^https:\/\//i.test(issuer)) {
    resolution = await resolveVerificationMethod(methodUrlFor(issuer, kid), ctx, { relationship: 'assertionMethod', issuer });
  } else {
    if (carried) return headerOnly(issuer, carried);
    return {
      ok: false,
      check: check(ID, 'KEY_UNTRUSTED_ISSUER', `The issuer ${issuer.slice(0, 120)} is neither a DID nor an https URL, so no key can be tied to it`, { issuer }),
    };
  }
  // No DID document is authoritative for a non-DID issuer: when its profile could not say which keys
  // it holds, a key the token carries itself is all there is, and that proves nothing about who signed.
  if (!resolution.ok && carried && !issuer.startsWith('did:') && CODES[resolution.check.code].effect !== 'fail' && resolution.check.code !== 'ISSUER_CERTIFICATE_UNTRUSTED') {
    return headerOnly(issuer, carried, resolution.check.message);
  }
  if (resolution.ok && isRecord(header.jwk)) {
    let embedded: JsonWebKey;
    try {
      embedded = publicJwk(header.jwk);
    } catch (error) {
      return { ok: false, check: check(ID, 'KEY_MATERIAL_INVALID', `The jwk header is not a usable public key: ${describeError(error)}`) };
    }
    if (!(await sameKey(embedded, resolution.key.publicKeyJwk))) {
      return { ok: false, check: check(ID, 'KEY_NOT_AUTHORISED', `The jwk header carries a key that is not ${issuer}'s authorised key`, { keyId: resolution.key.id }) };
    }
  }
  return resolution;
}

type CarriedKey = 'jwk' | 'x5c';

function headerKeyKind(header: Record<string, unknown>): CarriedKey | undefined {
  if (isRecord(header.jwk)) return 'jwk';
  if (Array.isArray(header.x5c)) return 'x5c';
  return undefined;
}

/** KEY_HEADER_ONLY: the token's own header is the only place its key comes from (docs/jose.md "Keys"). */
function headerOnly(issuer: string | undefined, carried: CarriedKey, lookup?: string): KeyResolution {
  const what = carried === 'jwk' ? 'a public key (jwk) in its own header' : 'a certificate chain (x5c) in its own header that leads to no trust anchor you rely on';
  const who = issuer ? `no issuer profile or DID document of ${issuer.slice(0, 120)} lists that key` : 'it names no issuer that could list that key';
  const why = lookup ? ` (looking it up: ${lookup})` : '';
  return {
    ok: false,
    check: check(
      ID,
      'KEY_HEADER_ONLY',
      `The token is signed with ${what}, but ${who}${why}. Anyone can make a key, so this shows only that the token was not changed after signing, not who issued it. A DID or https issuer that publishes the key, or a trust anchor for the certificate, would decide it.`,
      { carried, ...(issuer ? { issuer } : {}) },
    ),
  };
}

async function x5cKey(issuer: string, x5c: unknown[], ctx: VerifyContext): Promise<KeyResolution> {
  if (!x5c.every((c): c is string => typeof c === 'string')) {
    return { ok: false, check: check(ID, 'ISSUER_CERTIFICATE_INVALID', 'The x5c header must be a list of base64 certificates') };
  }
  const anchors = ctx.trustLists.flatMap((list) => list.anchors ?? []);
  // X.509 parsing (pkijs, asn1js) loads only for a token that carries a certificate chain
  const { validateX5cChain } = await import('../../keys/x509.js');
  const chain = await validateX5cChain(x5c, { at: ctx.now, anchors });
  if (!chain.valid || !chain.publicKeyJwk) {
    return { ok: false, check: check(ID, 'ISSUER_CERTIFICATE_INVALID', chain.failure?.message ?? 'The x5c certificate chain does not validate', { reason: chain.failure?.code }) };
  }
  if (!(await certificateNamesIssuer(x5c[0] as string, issuer))) {
    return { ok: false, check: check(ID, 'KEY_CONTROLLER_MISMATCH', `The signing certificate is not issued to ${issuer} (no matching subject alternative name)`, { issuer, subject: chain.subject?.dn }) };
  }
  if (!chain.chainsToAnchor) {
    return {
      ok: false,
      check: check(ID, 'ISSUER_CERTIFICATE_UNTRUSTED', `The certificate of ${chain.subject?.dn ?? issuer} does not chain to a trust anchor you rely on (${anchors.length} configured)`, { subject: chain.subject?.dn }),
    };
  }
  let jwk: JsonWebKey;
  try {
    jwk = publicJwk(chain.publicKeyJwk);
  } catch (error) {
    return { ok: false, check: check(ID, error instanceof KeyMaterialError && error.reason === 'unsupported' ? 'KEY_TYPE_UNSUPPORTED' : 'KEY_MATERIAL_INVALID', describeError(error)) };
  }
  return { ok: true, key: { id: `${issuer}#x5c`, controller: issuer, type: 'X509Certificate', publicKeyJwk: jwk, controllerDocument: { id: issuer, x5c } } };
}

/** SD-JWT VC §3.5: an https `iss` must appear as a URI (or its host as a DNS name) in the leaf's SAN. */
async function certificateNamesIssuer(leaf: string, issuer: string): Promise<boolean> {
  try {
    const { X509Certificate, SubjectAlternativeNameExtension } = await import('@peculiar/x509');
    const cert = new X509Certificate(leaf);
    const san = cert.getExtension(SubjectAlternativeNameExtension);
    if (!san) return false;
    const host = new URL(issuer).hostname.toLowerCase();
    return san.names.items.some((n) => (n.type === 'url' && n.value === issuer) || (n.type === 'dns' && n.value.toLowerCase() === host));
  } catch {
    return false;
  }
}

/** `https://host/path` → `https://host/.well-known/jwt-vc-issuer/path` (SD-JWT VC §5). */
export function issuerMetadataUrl(issuer: string): string | undefined {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.search || url.hash) return undefined;
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  return `${url.origin}/.well-known/jwt-vc-issuer${path}`;
}

function ioReason(error: unknown): KeyResolution {
  if (error instanceof IoError && error.blocked) return { ok: false, check: check(ID, 'KEY_FETCH_BLOCKED', error.message, { io: error.failure }) };
  const details = error instanceof IoError ? { io: error.failure } : {};
  return { ok: false, check: check(ID, 'ISSUER_METADATA_UNAVAILABLE', `The issuer's key metadata could not be read: ${describeError(error)}`, details) };
}

async function metadataKey(issuer: string, kid: string | undefined, ctx: VerifyContext): Promise<KeyResolution> {
  const url = issuerMetadataUrl(issuer);
  if (!url) return { ok: false, check: check(ID, 'ISSUER_METADATA_INVALID', `The issuer ${issuer} is not a plain https URL`) };
  let metadata: unknown;
  try {
    metadata = (await ctx.io.getJson(url, { kind: 'metadata' })).value;
  } catch (error) {
    return ioReason(error);
  }
  if (!isRecord(metadata) || metadata.issuer !== issuer) {
    return { ok: false, check: check(ID, 'ISSUER_METADATA_INVALID', `The metadata at ${url} does not describe the issuer ${issuer}`, { url }) };
  }
  let jwks: unknown = metadata.jwks;
  if (jwks === undefined && typeof metadata.jwks_uri === 'string') {
    if (!metadata.jwks_uri.startsWith('https://')) return { ok: false, check: check(ID, 'ISSUER_METADATA_INVALID', 'The issuer metadata\'s jwks_uri is not https') };
    try {
      jwks = (await ctx.io.getJson(metadata.jwks_uri, { kind: 'public-key' })).value;
    } catch (error) {
      return ioReason(error);
    }
  }
  const keys = isRecord(jwks) && Array.isArray(jwks.keys) ? jwks.keys.filter(isRecord) : undefined;
  if (!keys) return { ok: false, check: check(ID, 'ISSUER_METADATA_INVALID', `The metadata at ${url} publishes no key set`, { url }) };
  const candidates = kid === undefined ? keys : keys.filter((k) => k.kid === kid);
  if (candidates.length !== 1) {
    return {
      ok: false,
      check: check(ID, 'KEY_NOT_FOUND', kid === undefined ? `The issuer publishes ${keys.length} keys and the signature does not say which one signed` : `The issuer publishes no key with kid "${kid}"`, { url }),
    };
  }
  let jwk: JsonWebKey;
  try {
    jwk = publicJwk(candidates[0]);
  } catch (error) {
    return { ok: false, check: check(ID, error instanceof KeyMaterialError && error.reason === 'unsupported' ? 'KEY_TYPE_UNSUPPORTED' : 'KEY_MATERIAL_INVALID', describeError(error)) };
  }
  return { ok: true, key: { id: `${url}#${kid ?? '0'}`, controller: issuer, type: 'JsonWebKey', publicKeyJwk: jwk, controllerDocument: metadata } };
}
