import { describe, expect, it } from 'vitest';
import { createDocumentLoader } from '../../../lib/proofs/data-integrity/document-loader.js';
import { verifyDataIntegrity, type DiOptions } from '../../../lib/proofs/data-integrity/verify.js';
import { didKeyResolver, vector } from './di-helpers.js';

const options: DiOptions = {
  documentLoader: createDocumentLoader(undefined),
  resolveKey: didKeyResolver,
  now: new Date('2026-11-28T00:00:00Z'),
  proofSet: 'all',
};

describe('Data Integrity cryptosuites on the W3C spec vectors', () => {
  it.each([
    'w3c-vc-di-eddsa/eddsa-rdfc-2022__signedDataInt.json',
    'w3c-vc-di-eddsa/eddsa-jcs-2022__signedJCS.json',
    'w3c-vc-di-eddsa/Ed25519Signature2020__signedEdSig.json',
    'w3c-vc-di-eddsa/proof-set-chain__signedProofSet2.json',
    'w3c-vc-di-eddsa/proof-set-chain__signedProofChain2.json',
    'w3c-vc-di-ecdsa/ecdsa-rdfc-2019-p256__signedECDSAP256.json',
    'w3c-vc-di-ecdsa/ecdsa-rdfc-2019-p384__signedECDSAP384.json',
    'w3c-vc-di-ecdsa/ecdsa-jcs-2019-p256__signedJCSECDSAP256.json',
    'w3c-vc-di-ecdsa/ecdsa-jcs-2019-p384__signedJCSECDSAP384.json',
  ])('verifies the signature of %s', async (file) => {
    const result = await verifyDataIntegrity(vector(file), options);
    expect(result.proofCheck.code, result.proofCheck.message).toBe('DI_PROOF_VALID');
    expect(result.keyCheck.code).toBe('KEY_VALID');
  });
});

describe('Data Integrity on Open Badges 3.0 vectors', () => {
  it.each([
    'w3c-ccg-vc-ed/plugfest-1-2022__plugfest-1-ex-1.json',
    'w3c-ccg-vc-ed/plugfest-1-2022__plugfest-1-ex-2.json',
    'w3c-ccg-vc-ed/plugfest-2-2022__signed_badge_example-p2.json',
    'w3c-ccg-vc-ed/plugfest-3-2023__signed_badge_example-p3.json',
  ])('verifies the Ed25519Signature2018/2020 signature of %s', async (file) => {
    const result = await verifyDataIntegrity(vector(file), options);
    expect(result.proofCheck.code, result.proofCheck.message).toBe('DI_PROOF_VALID');
  });

  it('verifies the 1EdTech implementation guide vector with its published Multikey', async () => {
    const method = vector('1edtech-spec/1edtech-ob3-spec-test-vector-multikey.json');
    const { multibaseKeyToJwk } = await import('../../../lib/keys/key-material.js');
    const result = await verifyDataIntegrity(vector('1edtech-spec/ob3-linked-data-proof-test-vector.json'), {
      ...options,
      resolveKey: async (id) => ({
        ok: true,
        key: { id, controller: String(method.controller), type: 'Multikey', publicKeyJwk: multibaseKeyToJwk(String(method.publicKeyMultibase)) },
      }),
    });
    expect(result.proofCheck.code, result.proofCheck.message).toBe('DI_PROOF_VALID');
  });
});
