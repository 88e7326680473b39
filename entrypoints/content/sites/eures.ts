import type { SiteProfile } from './types.js';

/** EURES, the European job mobility portal: CVs shared with employers, job vacancies. */
export const eures: SiteProfile = {
  id: 'eures',
  name: 'EURES',
  matches: ['https://eures.europa.eu/*'],
  sections: [
    // CV viewer: "Education and training" and "Certificates".
    { css: 'eures-cv-view, [id^="cv-section-"]', why: 'CV sections' },
  ],
  contexts: [{ css: '[id^="cv-section-certificates"], [id^="cv-section-education"]', why: 'CV certificates and education' }],
  profilePages: /\/cv\//,
  images: [],
  redirects: [],
  examples: [{ url: 'https://eures.europa.eu/eures-apps/searchengine/page/cv/example', page: 'eures/cv.html', expect: { link: 2, text: 0, image: 0 } }],
};
