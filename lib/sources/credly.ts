import type { LinkSource } from './types.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const BADGE_PAGE = new RegExp(`^/(?:[a-z]{2}(?:-[a-z]{2})?/)?badges/(${UUID})(?:/[\\w-]*)?/?$`, 'i');
const OBI_ENDPOINT = new RegExp(`^/v1/obi/v2/badge_assertions/(${UUID})/?$`, 'i');
const HOSTS = new Set(['www.credly.com', 'credly.com', 'www.youracclaim.com', 'youracclaim.com']);

/**
 * Credly (formerly Acclaim): a badge page `credly.com/badges/<uuid>` is backed by a public,
 * unauthenticated Open Badges 2.0 hosted assertion at `api.credly.com/v1/obi/v2/badge_assertions/<uuid>`.
 */
export const credly: LinkSource = {
  id: 'credly',
  name: 'Credly',
  verifiedAs: 'Open Badges 2.0 hosted assertion (ob2-hosted) from api.credly.com',
  references: [
    'Credly OBI endpoints obi/v2/badge_assertions/{badge_id} and obi/v2/badge_classes/{id} on https://api.credly.com/v1: jameso-student/credly-ruby lib/credly/actions/obi.rb',
    'Badge page links www.credly.com/badges/<uuid>[/public_url|/linked_in_profile] as shared on LinkedIn "Show credential"',
  ],
  linkMarkers: ['credly.com', 'youracclaim.com'],
  examples: [
    {
      url: 'https://www.credly.com/badges/6b2c1d4e-8f3a-4b5c-9d7e-0a1b2c3d4e5f',
      kind: 'endpoint',
      credentialUrl: 'https://api.credly.com/v1/obi/v2/badge_assertions/6b2c1d4e-8f3a-4b5c-9d7e-0a1b2c3d4e5f',
    },
    {
      url: 'https://www.credly.com/badges/6b2c1d4e-8f3a-4b5c-9d7e-0a1b2c3d4e5f/public_url',
      kind: 'endpoint',
      credentialUrl: 'https://api.credly.com/v1/obi/v2/badge_assertions/6b2c1d4e-8f3a-4b5c-9d7e-0a1b2c3d4e5f',
    },
    {
      url: 'https://www.youracclaim.com/badges/6b2c1d4e-8f3a-4b5c-9d7e-0a1b2c3d4e5f/linked_in_profile',
      kind: 'endpoint',
      credentialUrl: 'https://api.credly.com/v1/obi/v2/badge_assertions/6b2c1d4e-8f3a-4b5c-9d7e-0a1b2c3d4e5f',
    },
    {
      url: 'https://api.credly.com/v1/obi/v2/badge_assertions/6b2c1d4e-8f3a-4b5c-9d7e-0a1b2c3d4e5f',
      kind: 'direct',
    },
  ],
  recognise(url) {
    const host = url.hostname.toLowerCase();
    if (host === 'api.credly.com' && OBI_ENDPOINT.test(url.pathname)) return { kind: 'direct' };
    if (!HOSTS.has(host)) return undefined;
    const id = BADGE_PAGE.exec(url.pathname)?.[1];
    if (!id) return undefined;
    return { kind: 'endpoint', credentialUrl: `https://api.credly.com/v1/obi/v2/badge_assertions/${id.toLowerCase()}` };
  },
};
