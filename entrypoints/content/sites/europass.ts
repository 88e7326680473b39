import type { SiteProfile } from './types.js';

/** Europass: shared profiles and the credential wallet's share pages, with EDC links and QR codes. */
export const europass: SiteProfile = {
  id: 'europass',
  name: 'Europass',
  matches: ['https://europass.europa.eu/*'],
  sections: [
    // Shared profile: "Credentials" and "Education and training".
    { css: '[id*="credential"], [class*="credential"]', why: 'credential blocks of a shared profile' },
  ],
  contexts: [{ css: '[id*="credential"], [class*="credential"]', why: 'credential blocks of a shared profile' }],
  images: [
    // The verification QR code printed on shared EDC pages.
    { css: 'img[alt*="QR" i]', why: 'verification QR codes' },
  ],
  redirects: [],
  examples: [{ url: 'https://europass.europa.eu/en/share/example', page: 'europass/share.html', expect: { link: 1, text: 0, image: 1 } }],
};
