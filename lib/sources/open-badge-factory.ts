import type { LinkSource } from './types.js';

const ASSERTION = /^\/v1\/assertion\/([0-9a-f]{40})(\.html|\.json)?\/?$/i;
const HOSTS = new Set(['openbadgefactory.com', 'www.openbadgefactory.com', 'eu.openbadgefactory.com']);

/**
 * Open Badge Factory: `openbadgefactory.com/v1/assertion/<40 hex>` is the hosted Open Badges assertion
 * (its `id`); the same path with `.html` is the human page.
 */
export const openBadgeFactory: LinkSource = {
  id: 'open-badge-factory',
  name: 'Open Badge Factory',
  verifiedAs: 'Open Badges 2.0 hosted assertion (ob2-hosted) at openbadgefactory.com/v1/assertion/<id>',
  references: [
    'Assertion links openbadgefactory.com/v1/assertion/<sha1>[.html] as published by earners (e.g. Kajaanin Ammattikorkeakoulu, France Université Numérique badges); the extension-less URL is the assertion id',
  ],
  linkMarkers: ['openbadgefactory.com'],
  examples: [
    {
      url: 'https://openbadgefactory.com/v1/assertion/1ad0ca0b37b55d3def2a09fc01d2167bac8e28dd.html',
      kind: 'endpoint',
      credentialUrl: 'https://openbadgefactory.com/v1/assertion/1ad0ca0b37b55d3def2a09fc01d2167bac8e28dd',
    },
    { url: 'https://openbadgefactory.com/v1/assertion/036df2b4b0ce29eaedb39900a1ded618e9404977', kind: 'direct' },
  ],
  recognise(url) {
    if (!HOSTS.has(url.hostname.toLowerCase())) return undefined;
    const match = ASSERTION.exec(url.pathname);
    if (!match?.[1]) return undefined;
    if (!match[2] || match[2].toLowerCase() === '.json') return { kind: 'direct' };
    return { kind: 'endpoint', credentialUrl: `https://${url.hostname.toLowerCase()}/v1/assertion/${match[1].toLowerCase()}` };
  },
};
