import type { DIDDocument, DIDResolutionResult, ParsedDID, VerificationMethod } from 'did-resolver';
import { KeyMaterialError, MULTICODEC, decodeMultibaseKey } from '../key-material.js';
import { failed, resolved } from './result.js';

/**
 * did:key (https://w3c-ccg.github.io/did-key-spec/): Ed25519, P-256, P-384, secp256k1 and EBSI's
 * jwk_jcs-pub keys. The document is derived from the identifier; nothing is fetched.
 */
export function resolveDidKey(did: string, parsed: ParsedDID): DIDResolutionResult {
  const multibase = parsed.id;
  let jwk: JsonWebKey;
  let codec: number;
  try {
    ({ jwk, codec } = decodeMultibaseKey(multibase));
  } catch (error) {
    if (error instanceof KeyMaterialError && error.reason === 'unsupported') return failed('unsupportedPublicKeyType', `${did}: ${error.message}`);
    return failed('invalidDid', `${did} is not a valid did:key: ${(error as Error).message}`);
  }
  const vmId = `${did}#${multibase}`;
  // jwk_jcs-pub keys are only meaningful as JWKs; other keys are published as Multikey.
  const isJwkKey = codec === MULTICODEC.jwkJcsPub;
  const method: VerificationMethod = isJwkKey
    ? { id: vmId, type: 'JsonWebKey2020', controller: did, publicKeyJwk: jwk as VerificationMethod['publicKeyJwk'] }
    : { id: vmId, type: 'Multikey', controller: did, publicKeyMultibase: multibase };
  const doc: DIDDocument = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: [method],
    assertionMethod: [vmId],
    authentication: [vmId],
    capabilityInvocation: [vmId],
    capabilityDelegation: [vmId],
  };
  return resolved(doc);
}
