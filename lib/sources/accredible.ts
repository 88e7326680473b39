import type { LinkSource } from './types.js';

const CREDENTIAL_PAGE = /^\/(?:[\w-]{1,80})\/?$/;

/**
 * Accredible: credential pages at `www.credential.net/<id>` and `<organisation>.accredible.com/<id>`.
 * Accredible documents no public machine-readable endpoint for a credential page, so the page is
 * inspected for a declared credential; without one the link is reported as a page only.
 */
export const accredible: LinkSource = {
  id: 'accredible',
  name: 'Accredible',
  verifiedAs: 'Only what the credential page declares (<link rel="alternate"> or embedded JSON-LD); otherwise unverifiable (page only)',
  references: [
    'Example credential page https://www.credential.net/10000005 from Accredible\'s LTI cartridge description',
    'Public API documentation (accredible/api-documentation, docs.api.accredible.com): credential endpoints need an API key; no public per-credential Open Badges endpoint is documented',
    'Organisation pages <org>.accredible.com/<uuid> (e.g. google.accredible.com) and badge images api.accredible.com/v1/frontend/credential_website_embed_image/badge/<id> as embedded by earners',
  ],
  linkMarkers: ['credential.net', 'accredible.com'],
  examples: [
    { url: 'https://www.credential.net/10000005', kind: 'page' },
    { url: 'https://www.credential.net/02673050-d7f1-49b7-8d03-bcc16338a81d', kind: 'page' },
    { url: 'https://google.accredible.com/40a5196e-5ff5-43fa-b7e7-b6b25939faa7', kind: 'page' },
  ],
  recognise(url) {
    const host = url.hostname.toLowerCase();
    const isAccredible = host === 'www.credential.net' || host === 'credential.net' || (host.endsWith('.accredible.com') && host !== 'api.accredible.com' && host !== 'www.accredible.com');
    if (!isAccredible || !CREDENTIAL_PAGE.test(url.pathname)) return undefined;
    return { kind: 'page' };
  },
};
