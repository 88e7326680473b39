import { isRecord } from '../util/json.js';
import type { LinkSource } from './types.js';

const VIEW = /^\/credentials\/([A-Za-z0-9_-]{8,80})\/?$/;
const API = /^\/api\/credentials\/([A-Za-z0-9_-]{8,80})\/?$/;
const HOSTS = new Set(['verifierplus.org', 'www.verifierplus.org']);

/**
 * The Digital Credentials Consortium's VerifierPlus: a learner shares a credential from the Learner
 * Credential Wallet as `verifierplus.org/credentials/<id>`; the page reads `GET /api/credentials/<id>`,
 * which answers `{ vp, credential: [VC], ... }`.
 */
export const verifierPlus: LinkSource = {
  id: 'verifier-plus',
  name: 'VerifierPlus (Digital Credentials Consortium)',
  verifiedAs: 'The W3C Verifiable Credential inside the shared presentation (vc-di, typically an Open Badge 3.0)',
  references: [
    'digitalcredentials/verifier-plus app/lib/credentials.ts: view URL /credentials/${publicId}, raw JSON GET /api/credentials/${publicId}; GetCredentialResult { vp, credential: VC[] }',
    'digitalcredentials/verifier-plus app/api/credentials/[publicCredentialId]/route.ts',
  ],
  linkMarkers: ['verifierplus.org'],
  examples: [
    {
      url: 'https://verifierplus.org/credentials/0c7d3a52-9a6e-4b1f-8f43-3b2f3c1d9e10',
      kind: 'endpoint',
      credentialUrl: 'https://verifierplus.org/api/credentials/0c7d3a52-9a6e-4b1f-8f43-3b2f3c1d9e10',
    },
  ],
  recognise(url) {
    if (!HOSTS.has(url.hostname.toLowerCase())) return undefined;
    const view = VIEW.exec(url.pathname)?.[1];
    if (view) return { kind: 'endpoint', credentialUrl: `https://verifierplus.org/api/credentials/${view}` };
    if (API.test(url.pathname)) return { kind: 'direct' };
    return undefined;
  },
  extract(value) {
    if (!isRecord(value)) return undefined;
    const list = Array.isArray(value.credential) ? value.credential : value.credential !== undefined ? [value.credential] : [];
    if (list.length === 1) return list[0];
    const vp = value.vp;
    if (isRecord(vp)) {
      const vcs = Array.isArray(vp.verifiableCredential) ? vp.verifiableCredential : [vp.verifiableCredential];
      if (vcs.length === 1 && vcs[0] !== undefined) return vcs[0];
    }
    return undefined;
  },
};
