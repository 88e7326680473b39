import { isRecord } from '../util/json.js';
import type { LinkSource } from './types.js';

const VIEWER = '/europass/digital-credentials/viewer';
const SHARE = /(?:^|\/)share(?:links?)?\/([A-Za-z0-9_-]{8,200})(?:\/|$)/;

/**
 * Europass Digital Credentials (EDC): a learner shares a credential from the Europass wallet as a link
 * into the EDC viewer; the viewer downloads the shared credential from
 * `/api/v1/sharelinks/<shareHash>/presentation`. Other viewer pages are an application shell only.
 */
export const europass: LinkSource = {
  id: 'europass',
  name: 'Europass Digital Credentials (EDC viewer)',
  verifiedAs: 'European Digital Credential (edc, JAdES-sealed) downloaded from the EDC viewer share API',
  references: [
    'EDCI viewer Angular environment: apiBaseUrl https://europa.eu/europass/digital-credentials/viewer, downloadSharedCredentialUrl "/api/v1/sharelinks/{shareHash}/presentation"',
    'The share route inside the viewer (#/share/<shareHash>) is inferred from the {shareHash} parameter and the Europass guidance "Using European Digital Credentials for Learning" (europa.eu/europass); re-check against a live share link',
  ],
  linkMarkers: ['europa.eu'],
  examples: [
    {
      url: 'https://europa.eu/europass/digital-credentials/viewer/#/share/3f2a9c0e5b7d4e1a8c6b',
      kind: 'endpoint',
      credentialUrl: 'https://europa.eu/europass/digital-credentials/viewer/api/v1/sharelinks/3f2a9c0e5b7d4e1a8c6b/presentation',
    },
    { url: 'https://europa.eu/europass/digital-credentials/viewer/#/home', kind: 'page' },
  ],
  recognise(url) {
    if (url.hostname.toLowerCase() !== 'europa.eu' || !url.pathname.startsWith(VIEWER)) return undefined;
    const rest = `${url.pathname.slice(VIEWER.length)}/${url.hash.replace(/^#\/?/, '')}`;
    const hash = SHARE.exec(rest.replace(/^\/+/, ''))?.[1] ?? url.searchParams.get('shareHash') ?? undefined;
    if (!hash) return { kind: 'page' };
    return { kind: 'endpoint', credentialUrl: `https://europa.eu${VIEWER}/api/v1/sharelinks/${hash}/presentation` };
  },
  extract(value) {
    if (!isRecord(value)) return value;
    const vc = value.verifiableCredential;
    if (Array.isArray(vc)) return vc.length === 1 ? vc[0] : undefined;
    return vc ?? value;
  },
};
