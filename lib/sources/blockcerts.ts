import type { LinkSource } from './types.js';

const HOSTED_JSON = /\/certificates?\/[^/]+\.json$/i;

/**
 * Blockcerts: the issuer hosts each certificate as a JSON document at a permanent URL the recipient
 * shares (Blockcerts issuer hosting guide). The JSON is verified as a W3C credential; its Merkle
 * proof anchored on a blockchain is a cryptosuite Credlens reports as unsupported.
 */
export const blockcerts: LinkSource = {
  id: 'blockcerts',
  name: 'Blockcerts (issuer-hosted certificate JSON)',
  verifiedAs: 'W3C Verifiable Credential (vc-di) with a MerkleProof2019 / ChainpointSHA256v2 proof',
  references: [
    'blockchain-certificates-web guide/issuer-hosting.md "Hosting Issued Certificates": the recipient shares a URL pointing to their certificate JSON; issuer profile at e.g. https://example.org/organization.json',
  ],
  linkMarkers: ['certificate'],
  examples: [
    { url: 'https://certificates.example.edu/certificate/5a4fe9b3-4b3a-4f1e-9cb1-3d5c2b1a0f9e.json', kind: 'direct' },
    { url: 'https://www.blockcerts.org/samples/3.0/certificates/verifiable-credential.json', kind: 'direct' },
  ],
  recognise(url) {
    if (!HOSTED_JSON.test(url.pathname)) return undefined;
    return { kind: 'direct' };
  },
};
