import type { SiteProfile } from './types.js';

/** StepStone (DE, AT, BE, NL...): job ads and candidate profiles with uploaded certificates. */
export const stepstone: SiteProfile = {
  id: 'stepstone',
  name: 'StepStone',
  matches: ['https://www.stepstone.de/*', 'https://www.stepstone.at/*', 'https://www.stepstone.be/*', 'https://www.stepstone.nl/*', 'https://www.stepstone.fr/*'],
  sections: [
    // Job ad body, 2023+ layout.
    { css: '[data-at="job-ad-content"]', why: 'job ad content' },
    // Candidate profile qualifications.
    { css: '[data-at="profile-qualifications"]', why: 'profile qualifications' },
  ],
  contexts: [{ css: '[data-at="profile-qualifications"]', why: 'candidate profile qualifications' }],
  images: [
    // Images inside a job ad or profile section (QR codes to certificates, badge images).
    { css: '[data-at="job-ad-content"] img, [data-at="profile-qualifications"] img', why: 'images inside ads and qualifications' },
  ],
  redirects: [],
  examples: [{ url: 'https://www.stepstone.de/stellenangebote--Example-Berlin--1234567-inline.html', page: 'stepstone/job-ad.html', expect: { link: 1, text: 0, image: 3 } }],
};
