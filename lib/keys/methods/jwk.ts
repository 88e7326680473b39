import type { DIDDocument, DIDResolutionResult, ParsedDID, VerificationMethod } from 'did-resolver';
import * as base64url from 'jose/base64url';
import { parseJsonText } from '../../util/strict-json.js';
import { KeyMaterialError, publicJwk } from '../key-material.js';
import { failed, resolved } from './result.js';

/** did:jwk (https://github.com/quartzjer/did-jwk/blob/main/spec.md): the identifier is the key. */
export function resolveDidJwk(did: string, parsed: ParsedDID): DIDResolutionResult {
  let raw: unknown;
  try {
    raw = parseJsonText(new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(parsed.id)));
  } catch {
    return failed('invalidDid', `${did} does not encode a JSON Web Key`);
  }
  let jwk: JsonWebKey;
  try {
    jwk = publicJwk(raw);
  } catch (error) {
    if (error instanceof KeyMaterialError && error.reason === 'unsupported') return failed('unsupportedPublicKeyType', `${did}: ${error.message}`);
    return failed('invalidDid', `${did}: ${(error as Error).message}`);
  }
  const use = (raw as Record<string, unknown>).use;
  const vmId = `${did}#0`;
  const doc: DIDDocument = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
    id: did,
    verificationMethod: [{ id: vmId, type: 'JsonWebKey2020', controller: did, publicKeyJwk: jwk as VerificationMethod['publicKeyJwk'] }],
  };
  // The spec: a key marked for encryption only is a key-agreement key, never a signing key.
  if (use !== 'enc') {
    doc.assertionMethod = [vmId];
    doc.authentication = [vmId];
    doc.capabilityInvocation = [vmId];
    doc.capabilityDelegation = [vmId];
  }
  if (use !== 'sig') doc.keyAgreement = [vmId];
  return resolved(doc);
}
