import type { CodeTable } from './types.js';

/** Issuer keys: DID resolution, controller documents, and key authorisation (step id `issuer-key`). */
export const KEY_CODES = {
  KEY_VALID: { effect: 'pass', summary: 'The signing key belongs to the issuer and the issuer authorised it to sign credentials.' },
  KEY_DID_UNRESOLVABLE: { effect: 'unverifiable', summary: 'The issuer\'s identifier (DID) or key document could not be retrieved, so the signing key could not be checked.' },
  KEY_DID_METHOD_UNSUPPORTED: { effect: 'unverifiable', summary: 'The issuer uses a kind of identifier (DID method) Credlens cannot resolve.' },
  KEY_DID_INVALID: { effect: 'fail', summary: 'The issuer\'s identifier (DID) or its document is malformed or does not match itself.' },
  KEY_FETCH_BLOCKED: { effect: 'fail', summary: 'The issuer\'s key document is at an address Credlens never contacts (not HTTPS, or a private network).' },
  KEY_NOT_FOUND: { effect: 'fail', summary: 'The key that signed the credential is not in the issuer\'s identifier document.' },
  KEY_NOT_AUTHORISED: { effect: 'fail', summary: 'The key exists, but the issuer has not authorised it to issue credentials.' },
  KEY_CONTROLLER_MISMATCH: { effect: 'fail', summary: 'The signing key is controlled by someone other than the stated issuer.' },
  KEY_TYPE_UNSUPPORTED: { effect: 'unverifiable', summary: 'The issuer\'s key is of a type Credlens cannot use.' },
  KEY_MATERIAL_INVALID: { effect: 'fail', summary: 'The issuer\'s key is malformed (or exposes private key material).' },
  KEY_HEADER_ONLY: { effect: 'unverifiable', summary: 'The only key is one the credential carries in its own header (jwk, or x5c without a trusted chain), and no issuer profile or DID document lists it: anyone can make such a key, so who issued the credential is unknown.' },
  KEY_UNTRUSTED_ISSUER: { effect: 'unverifiable', summary: 'The credential names a key, but nothing ties that key to the issuer, so who signed it cannot be confirmed.' },
} as const satisfies CodeTable;
