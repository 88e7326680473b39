import { base58 } from '@scure/base';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { jwkToMultibase } from '../../lib/keys/key-material.js';
import { canonizeRdfc } from '../../lib/proofs/data-integrity/canonicalize.js';
import { createDocumentLoader } from '../../lib/proofs/data-integrity/document-loader.js';
import { DemoStatusList } from './status-list.js';
import { DemoTokenStatusList } from './token-status-list.js';

/**
 * A did:key identity of the demo (keys generated at start-up, never stored) that signs JWTs
 * (EBSI attestations, SD-JWT VCs, its status list) and Data Integrity proofs: eddsa-rdfc-2022
 * with an Ed25519 key, ecdsa-rdfc-2019 with a P-256 key (W3C VC Data Integrity EdDSA / ECDSA
 * Cryptosuites v1.0, §3.2/§3.3: SHA-256 of the canonical proof options, then of the document).
 */
export interface DidKeyIssuer {
  did: string;
  /** The verification method: `did:key:z…#z…`. */
  kid: string;
  alg: 'EdDSA' | 'ES256';
  status: DemoStatusList;
  /** The IETF token status list its SD-JWT VCs point to. */
  tokenStatus: DemoTokenStatusList;
  signJwt(payload: Record<string, unknown>, header: { typ: string } & Record<string, unknown>): Promise<string>;
  /** `proof` adds to or overrides the proof options, e.g. `{ proofPurpose: 'authentication', challenge }` for a presentation. */
  signDataIntegrity(document: Record<string, unknown>, proof?: Record<string, unknown>): Promise<Record<string, unknown>>;
}

const loader = createDocumentLoader(undefined);
const encoder = new TextEncoder();

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

export async function createDidKeyIssuer(kind: 'Ed25519' | 'P-256', statusListUrl: string, tokenStatusListUrl: string): Promise<DidKeyIssuer> {
  const alg = kind === 'Ed25519' ? 'EdDSA' : 'ES256';
  const { privateKey, publicKey } = kind === 'Ed25519' ? await generateKeyPair('EdDSA', { crv: 'Ed25519' }) : await generateKeyPair('ES256');
  const multibase = jwkToMultibase((await exportJWK(publicKey)) as JsonWebKey);
  const did = `did:key:${multibase}`;
  const kid = `${did}#${multibase}`;
  const signJwt: DidKeyIssuer['signJwt'] = (payload, header) => new SignJWT(payload).setProtectedHeader({ alg, kid, ...header }).sign(privateKey);
  return {
    did,
    kid,
    alg,
    status: new DemoStatusList(statusListUrl, did, (payload) => signJwt(payload, { typ: 'vc+jwt' })),
    tokenStatus: new DemoTokenStatusList(tokenStatusListUrl, did, signJwt),
    signJwt,
    signDataIntegrity: (document, proof) => signDi(document, kind, kid, privateKey, proof),
  };
}

async function signDi(document: Record<string, unknown>, kind: 'Ed25519' | 'P-256', kid: string, key: CryptoKey, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const proof: Record<string, unknown> = {
    type: 'DataIntegrityProof',
    cryptosuite: kind === 'Ed25519' ? 'eddsa-rdfc-2022' : 'ecdsa-rdfc-2019',
    created: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    verificationMethod: kid,
    proofPurpose: 'assertionMethod',
    ...extra,
  };
  const { proof: _unsigned, ...unsecured } = document;
  const options = { ...proof, '@context': unsecured['@context'] };
  const hashData = new Uint8Array([...(await sha256(await canonizeRdfc(options, loader))), ...(await sha256(await canonizeRdfc(unsecured, loader)))]);
  // Web Crypto's ECDSA signs SHA-256(hashData) and returns r‖s: what ecdsa-rdfc-2019 specifies for P-256.
  const algorithm = kind === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' };
  const signature = new Uint8Array(await crypto.subtle.sign(algorithm, key, hashData));
  return { ...unsecured, proof: { ...proof, proofValue: `z${base58.encode(signature)}` } };
}
