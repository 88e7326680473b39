import type { SiteProfile } from './types.js';

/** Indeed: candidate resumes (employer side) and job posts that name required certificates. */
export const indeed: SiteProfile = {
  id: 'indeed',
  name: 'Indeed',
  matches: ['https://*.indeed.com/*', 'https://*.indeed.de/*', 'https://*.indeed.fr/*', 'https://*.indeed.co.uk/*', 'https://*.indeed.nl/*', 'https://*.indeed.es/*', 'https://*.indeed.it/*'],
  sections: [
    // Resume viewer: certifications list.
    { css: '[data-testid="resume-certifications"], #certification-items', why: 'resume certifications' },
    // Job description body.
    { css: '#jobDescriptionText', why: 'job description' },
  ],
  contexts: [
    { css: '[data-testid="resume-certifications"], #certification-items', why: 'resume certifications' },
    // Resume layout before 2023.
    { css: '#certification-section, .certification-section', why: 'legacy resume certifications' },
  ],
  profilePages: /^\/(?:candidates\/view|r\/|resume)/,
  images: [],
  redirects: [],
  examples: [
    { url: 'https://employers.indeed.com/candidates/view?id=example', page: 'indeed/resume.html', expect: { link: 2, text: 1, image: 0 }, contexts: 'structure' },
    { url: 'https://employers.indeed.com/candidates/view?id=example2', page: 'indeed/resume-previous-layout.html', expect: { link: 0, text: 0, image: 0, candidate: 1 }, contexts: 'structure' },
  ],
};
