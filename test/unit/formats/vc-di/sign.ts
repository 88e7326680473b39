// Signs test credentials with keys generated in the test: Data Integrity eddsa-rdfc-2022 / ecdsa-rdfc-2019.
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { base58, base64urlnopad } from '@scure/base';
import { gzipSync } from 'node:zlib';
import { jwkToMultibase } from '../../../../lib/keys/key-material.js';
import { canonizeRdfc } from '../../../../lib/proofs/data-integrity/canonicalize.js';
import { createDocumentLoader } from '../../../../lib/proofs/data-integrity/document-loader.js';

export interface TestKey {
  kind: 'Ed25519' | 'P-256';
  secret: Uint8Array;
  jwk: JsonWebKey;
  multibase: string;
  did: string;
  methodId: string;
}

export function newKey(kind: 'Ed25519' | 'P-256' = 'Ed25519'): TestKey {
  const secret = kind === 'Ed25519' ? ed25519.utils.randomSecretKey() : p256.utils.randomSecretKey();
  let jwk: JsonWebKey;
  if (kind === 'Ed25519') {
    jwk = { kty: 'OKP', crv: 'Ed25519', x: base64urlnopad.encode(ed25519.getPublicKey(secret)) };
  } else {
    const pub = p256.getPublicKey(secret, false);
    jwk = { kty: 'EC', crv: 'P-256', x: base64urlnopad.encode(pub.slice(1, 33)), y: base64urlnopad.encode(pub.slice(33)) };
  }
  const multibase = jwkToMultibase(jwk);
  const did = `did:key:${multibase}`;
  return { kind, secret, jwk, multibase, did, methodId: `${did}#${multibase}` };
}

const encoder = new TextEncoder();
const loader = createDocumentLoader(undefined);

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

export async function signDi(
  document: Record<string, unknown>,
  key: TestKey,
  options: { methodId?: string; cryptosuite?: string; proofPurpose?: string; extraProof?: Record<string, unknown> } = {},
): Promise<Record<string, unknown>> {
  const proof: Record<string, unknown> = {
    type: 'DataIntegrityProof',
    cryptosuite: options.cryptosuite ?? (key.kind === 'Ed25519' ? 'eddsa-rdfc-2022' : 'ecdsa-rdfc-2019'),
    created: '2025-01-01T00:00:00Z',
    verificationMethod: options.methodId ?? key.methodId,
    proofPurpose: options.proofPurpose ?? 'assertionMethod',
    ...options.extraProof,
  };
  const { proof: _existing, ...unsecured } = document;
  const config = { ...proof, '@context': unsecured['@context'] };
  const hashData = new Uint8Array([...(await sha256(await canonizeRdfc(config, loader))), ...(await sha256(await canonizeRdfc(unsecured, loader)))]);
  const signature = key.kind === 'Ed25519' ? ed25519.sign(hashData, key.secret) : p256.sign(hashData, key.secret, { prehash: true });
  return { ...unsecured, proof: { ...proof, proofValue: `z${base58.encode(signature)}` } };
}

/** A Bitstring status list of `bytes` bytes with the given positions set, gzip + multibase base64url. */
export function encodedList(bytes: number, setBits: number[]): string {
  const bits = new Uint8Array(bytes);
  for (const i of setBits) bits[i >> 3] = (bits[i >> 3] as number) | (0x80 >> (i & 7));
  return `u${base64urlnopad.encode(gzipSync(bits))}`;
}

export function openBadge(issuer: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:7f1c2a34-7a61-4f4e-9d2a-3c3f4b7e1a01',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, type: ['Profile'], name: 'Example University' },
    validFrom: '2025-01-01T00:00:00Z',
    name: 'Teamwork Badge',
    credentialSubject: {
      id: 'did:example:learner',
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://example.edu/achievements/teamwork',
        type: ['Achievement'],
        criteria: { narrative: 'Nominated by peers.' },
        description: 'Collaborates within a group.',
        name: 'Teamwork',
      },
    },
    ...extra,
  };
}
