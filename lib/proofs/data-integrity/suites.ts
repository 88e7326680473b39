import type { KeyKind } from './signature.js';

/** A proof type the verifier knows: how its data is canonicalised and which keys may sign it. */
export interface Suite {
  /** `DataIntegrityProof` cryptosuite name, or the legacy proof type. */
  name: string;
  canonical: 'rdfc' | 'jcs';
  keyKinds: readonly KeyKind[];
  /** `jws`: a detached JWS with unencoded payload (Ed25519Signature2018); `proofValue`: multibase. */
  signature: 'proofValue' | 'jws';
  /** The JCS suites keep the proof's own `@context`; the RDF suites use the document's. */
  proofContext: 'document' | 'proof';
}

const SUITES: Readonly<Record<string, Suite>> = {
  'eddsa-rdfc-2022': { name: 'eddsa-rdfc-2022', canonical: 'rdfc', keyKinds: ['Ed25519'], signature: 'proofValue', proofContext: 'document' },
  'eddsa-jcs-2022': { name: 'eddsa-jcs-2022', canonical: 'jcs', keyKinds: ['Ed25519'], signature: 'proofValue', proofContext: 'proof' },
  'ecdsa-rdfc-2019': { name: 'ecdsa-rdfc-2019', canonical: 'rdfc', keyKinds: ['P-256', 'P-384'], signature: 'proofValue', proofContext: 'document' },
  'ecdsa-jcs-2019': { name: 'ecdsa-jcs-2019', canonical: 'jcs', keyKinds: ['P-256', 'P-384'], signature: 'proofValue', proofContext: 'proof' },
  Ed25519Signature2020: { name: 'Ed25519Signature2020', canonical: 'rdfc', keyKinds: ['Ed25519'], signature: 'proofValue', proofContext: 'document' },
  Ed25519Signature2018: { name: 'Ed25519Signature2018', canonical: 'rdfc', keyKinds: ['Ed25519'], signature: 'jws', proofContext: 'document' },
};

/** Cryptosuites recognised but verified elsewhere or not at all (see verify.ts). */
export const SELECTIVE_DISCLOSURE_SUITES = new Set(['ecdsa-sd-2023', 'bbs-2023']);

/** The suite a proof names: `DataIntegrityProof` + `cryptosuite`, or a legacy proof type. */
export function suiteName(proof: Record<string, unknown>): string | undefined {
  if (proof.type === 'DataIntegrityProof') return typeof proof.cryptosuite === 'string' ? proof.cryptosuite : undefined;
  return typeof proof.type === 'string' ? proof.type : undefined;
}

export function findSuite(name: string): Suite | undefined {
  return Object.prototype.hasOwnProperty.call(SUITES, name) ? SUITES[name] : undefined;
}

/** The hash a suite applies to the canonical proof options and document for a key of this kind. */
export function hashFor(kind: KeyKind): 'SHA-256' | 'SHA-384' {
  return kind === 'P-384' ? 'SHA-384' : 'SHA-256';
}
