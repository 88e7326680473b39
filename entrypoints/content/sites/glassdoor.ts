import type { SiteProfile } from './types.js';

/** Glassdoor job listings. */
export const glassdoor: SiteProfile = {
  id: 'glassdoor',
  name: 'Glassdoor',
  matches: ['https://www.glassdoor.com/*', 'https://www.glassdoor.de/*', 'https://www.glassdoor.fr/*', 'https://www.glassdoor.co.uk/*'],
  sections: [
    // Job details pane (2023+).
    { css: '[class*="JobDetails_jobDescription"]', why: 'job description pane' },
  ],
  images: [],
  redirects: [],
  examples: [{ url: 'https://www.glassdoor.com/job-listing/data-analyst-example-JV_IC1_KO0,12.htm', page: 'glassdoor/job.html', expect: { link: 1, text: 0, image: 0 } }],
};
