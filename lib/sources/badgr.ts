import type { LinkSource } from './types.js';

/** Front-end hosts and the API host that serves their public assertions. */
const API_HOST: Record<string, string> = {
  'badgr.com': 'api.badgr.io',
  'www.badgr.com': 'api.badgr.io',
  'badgr.io': 'api.badgr.io',
  'eu.badgr.com': 'api.eu.badgr.io',
  'au.badgr.com': 'api.au.badgr.io',
  'ca.badgr.com': 'api.ca.badgr.io',
  'sg.badgr.com': 'api.sg.badgr.io',
  'badges.parchment.com': 'api.badges.parchment.com',
  'badges.parchment.eu': 'api.badges.parchment.eu',
  'badges.parchment.au': 'api.badges.parchment.au',
  'badges.parchment.ca': 'api.badges.parchment.ca',
  'badges.parchment.sg': 'api.badges.parchment.sg',
};
const API_HOSTS = new Set([...Object.values(API_HOST), 'api.demo.badgr.com', 'api.test.badgr.com', 'api.demo.badges.parchment.com']);
const ASSERTION = /^\/public\/assertions\/([A-Za-z0-9_-]{6,64})(\.json)?\/?$/;

/**
 * Badgr, now Canvas Credentials (Instructure) and Parchment Digital Badges: public assertions at
 * `/public/assertions/<entityId>`, served as Open Badges 2.0 JSON with the `.json` suffix and `v=2_0`.
 */
export const badgr: LinkSource = {
  id: 'badgr',
  name: 'Badgr / Canvas Credentials / Parchment Digital Badges',
  verifiedAs: 'Open Badges 2.0 hosted assertion (ob2-hosted) from the regional Badgr API host',
  references: [
    'badgr-server apps/issuer/public_api_urls.py: assertions/(?P<entity_id>[^/.]+) with format_suffix_patterns(allowed=["json"]) (reedu-reengineering-education/badgr-server, fork of concentricsky/badgr-server)',
    'API base URLs per region (api.badgr.io, api.eu.badgr.io, api.au/ca/sg.badgr.io): https://developerdocs.instructure.com/services/credentials',
    'Parchment Digital Badges API hosts (api.badges.parchment.com/.eu/.au/.ca/.sg): https://developerdocs.instructure.com/services/parchment-digital-badges',
    'Shared links seen in the wild: badgr.com/public/assertions/<id>?identity__email=..., api.badgr.io/public/assertions/<id>.json?v=2_0',
  ],
  linkMarkers: ['badgr', 'parchment'],
  examples: [
    {
      url: 'https://badgr.com/public/assertions/ewkha2NyQ8-IAo-788fTUA?identity__email=learner%40example.org',
      kind: 'endpoint',
      credentialUrl: 'https://api.badgr.io/public/assertions/ewkha2NyQ8-IAo-788fTUA.json?v=2_0',
    },
    {
      url: 'https://api.eu.badgr.io/public/assertions/VYyqk62SQfq4Hx1E3CsHHg',
      kind: 'endpoint',
      credentialUrl: 'https://api.eu.badgr.io/public/assertions/VYyqk62SQfq4Hx1E3CsHHg.json?v=2_0',
    },
    {
      url: 'https://badges.parchment.com/public/assertions/pTuc1mz5TFSfgsVjtfWISQ?utm_source=url_copy',
      kind: 'endpoint',
      credentialUrl: 'https://api.badges.parchment.com/public/assertions/pTuc1mz5TFSfgsVjtfWISQ.json?v=2_0',
    },
  ],
  recognise(url) {
    const host = url.hostname.toLowerCase();
    const api = API_HOSTS.has(host) ? host : API_HOST[host];
    if (!api) return undefined;
    const id = ASSERTION.exec(url.pathname)?.[1];
    if (!id) return undefined;
    return { kind: 'endpoint', credentialUrl: `https://${api}/public/assertions/${id}.json?v=2_0` };
  },
};
