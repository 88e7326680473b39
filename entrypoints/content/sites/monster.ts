import type { SiteProfile } from './types.js';

/** Monster job pages and profiles. */
export const monster: SiteProfile = {
  id: 'monster',
  name: 'Monster',
  matches: ['https://www.monster.com/*', 'https://www.monster.de/*', 'https://www.monster.fr/*', 'https://www.monster.co.uk/*'],
  sections: [
    // Job view description.
    { css: '[data-testid="svx-description-container-inner"]', why: 'job description' },
  ],
  images: [],
  redirects: [],
  examples: [{ url: 'https://www.monster.com/job-openings/data-analyst-example', page: 'monster/job.html', expect: { link: 1, text: 1, image: 0 } }],
};
