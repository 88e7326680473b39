/**
 * Issuer keys: DID resolution (did:key, did:jwk, did:web, did:ebsi), https controller documents,
 * and key AUTHORISATION (the key must be the issuer's and listed under the expected relationship).
 */
export type { DIDResolutionResult, DIDDocument, VerificationMethod } from 'did-resolver';
export { resolveDid, SUPPORTED_DID_METHODS } from './did.js';
export {
  resolveVerificationMethod,
  keyFromDocument,
  resolutionFailure,
  type ResolvedKey,
  type KeyResolution,
  type KeyExpectation,
} from './verification-method.js';
export {
  publicJwk,
  verificationMethodJwk,
  multibaseKeyToJwk,
  decodeMultibaseKey,
  jwkToMultibase,
  KeyMaterialError,
  MULTICODEC,
} from './key-material.js';
export { didWebUrl } from './methods/web.js';
