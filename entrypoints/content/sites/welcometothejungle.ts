import type { SiteProfile } from './types.js';

/** Welcome to the Jungle: job pages and candidate profiles. */
export const welcomeToTheJungle: SiteProfile = {
  id: 'welcometothejungle',
  name: 'Welcome to the Jungle',
  matches: ['https://www.welcometothejungle.com/*'],
  sections: [
    // Job page: "Descriptif du poste" / "Job description".
    { css: '[data-testid="job-section-description"]', why: 'job description' },
  ],
  images: [],
  redirects: [],
  examples: [{ url: 'https://www.welcometothejungle.com/en/companies/example/jobs/data-analyst_paris', page: 'welcometothejungle/job.html', expect: { link: 1, text: 0, image: 1 } }],
};
