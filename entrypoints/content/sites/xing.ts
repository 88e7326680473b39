import type { SiteProfile } from './types.js';

/** XING profiles: "Qualifikationen" / "Zertifikate". */
export const xing: SiteProfile = {
  id: 'xing',
  name: 'XING',
  matches: ['https://www.xing.com/*'],
  sections: [
    // Profile module with certificates (2023+ React profile).
    { css: '[data-xds="ProfileModule"]:has([data-testid="certificates"])', why: 'certificates module' },
    { css: '[data-testid="certificates"]', why: 'certificates list' },
  ],
  contexts: [
    { css: '[data-xds="ProfileModule"]:has([data-testid="certificates"])', why: 'certificates module (2023+)' },
    // Profile before the 2023 redesign: "Qualifikationen" block.
    { css: '#qualifications, .qualifications-module', why: 'legacy qualifications block' },
  ],
  profilePages: /^\/profile\/[^/]+\/?/,
  images: [],
  redirects: [
    // Outgoing links on profiles (path as observed in 2023; re-check against a saved page).
    { path: '/app/linkredirect', param: 'url' },
  ],
  examples: [
    { url: 'https://www.xing.com/profile/Jane_Doe0123', page: 'xing/profile.html', expect: { link: 2, text: 0, image: 0 }, contexts: 'structure' },
    { url: 'https://www.xing.com/profile/Jane_Doe0123', page: 'xing/profile-previous-layout.html', expect: { link: 1, text: 0, image: 0, candidate: 1 }, contexts: 'structure' },
  ],
};
