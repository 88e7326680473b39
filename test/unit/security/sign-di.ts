import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base58 } from '@scure/base';
import { canonizeJcs, canonizeRdfc } from '../../../lib/proofs/data-integrity/canonicalize.js';
import { createDocumentLoader } from '../../../lib/proofs/data-integrity/document-loader.js';

/** An Ed25519 issuer identified by did:key, generated per test run. */
export interface TestIssuer {
  did: string;
  method: string;
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

export function newIssuer(): TestIssuer {
  const secretKey = ed25519.utils.randomSecretKey();
  const publicKey = ed25519.getPublicKey(secretKey);
  const multibase = `z${base58.encode(new Uint8Array([0xed, 0x01, ...publicKey]))}`;
  const did = `did:key:${multibase}`;
  return { did, method: `${did}#${multibase}`, secretKey, publicKey };
}

export type Cryptosuite = 'eddsa-rdfc-2022' | 'eddsa-jcs-2022';

/**
 * Signs a credential with a DataIntegrityProof the way the W3C specification describes (hash of the
 * canonical proof options, then of the canonical document, signed with Ed25519), independently of
 * the verifier's own code path except for canonicalisation.
 */
export async function signDi(
  unsecured: Record<string, unknown>,
  issuer: TestIssuer,
  suite: Cryptosuite = 'eddsa-rdfc-2022',
  overrides: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const proofConfig: Record<string, unknown> = {
    type: 'DataIntegrityProof',
    cryptosuite: suite,
    created: '2026-01-01T00:00:00Z',
    verificationMethod: issuer.method,
    proofPurpose: 'assertionMethod',
    ...overrides,
  };
  const loader = createDocumentLoader(undefined);
  const canonical = async (value: unknown): Promise<string> => (suite === 'eddsa-rdfc-2022' ? canonizeRdfc(value, loader) : canonizeJcs(value));
  const configForHash = { ...proofConfig, '@context': unsecured['@context'] };
  const encoder = new TextEncoder();
  const proofHash = sha256(encoder.encode(await canonical(configForHash)));
  const docHash = sha256(encoder.encode(await canonical(unsecured)));
  const signature = ed25519.sign(new Uint8Array([...proofHash, ...docHash]), issuer.secretKey);
  const proof: Record<string, unknown> = { ...proofConfig, proofValue: `z${base58.encode(signature)}` };
  if (suite === 'eddsa-jcs-2022') proof['@context'] = unsecured['@context'];
  return { ...unsecured, proof };
}

/** A VC 2.0 credential using only terms its context defines. */
export function sampleVc(issuer: string): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
    id: 'urn:uuid:0c07c1ce-57cb-41af-bef2-1b932b986873',
    type: ['VerifiableCredential', 'ExampleAlumniCredential'],
    issuer,
    validFrom: '2026-01-01T00:00:00Z',
    name: 'Alumni of Example University',
    credentialSubject: {
      id: 'did:example:ebfeb1f712ebc6f1c276e12ec21',
      alumniOf: { id: 'did:example:c276e12ec21ebfeb1f712ebc6f1', name: 'Example University' },
    },
  };
}
