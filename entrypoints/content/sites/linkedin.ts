import type { SiteProfile } from './types.js';

/** LinkedIn profiles: "Licenses & certifications" with "Show credential" links to Credly, Accredible... */
export const linkedin: SiteProfile = {
  id: 'linkedin',
  name: 'LinkedIn',
  matches: ['https://www.linkedin.com/*'],
  sections: [
    // Profile page 2024+: the section is anchored by an empty div with this id.
    { css: 'section:has(> #licenses_and_certifications)', why: 'profile "Licenses & certifications" card' },
    // Details page /details/certifications/: the whole list is the main column.
    { css: 'main .pvs-list__container', why: 'details/certifications list' },
    // Older profile layout (before 2022), still served to some accounts.
    { css: '#certifications-section, .pv-profile-section.certifications', why: 'legacy certifications section' },
  ],
  contexts: [
    // Profile page 2024+: the card anchored by #licenses_and_certifications.
    { css: 'section:has(> #licenses_and_certifications)', why: 'profile "Licenses & certifications" card' },
    // Details page /details/certifications/ (the whole main column is the list).
    { css: 'main .pvs-list__container', why: 'details/certifications list', path: /\/details\/certifications\/?$/ },
    // Profile layout before 2022, still served to some accounts.
    { css: '#certifications-section, .pv-profile-section.certifications, .pv-accomplishments-block.certifications', why: 'legacy certifications section' },
  ],
  profilePages: /^\/in\/[^/]+\/?(?:details\/certifications\/?)?$/,
  images: [
    // Certificate thumbnails attached as media to a certification or a post.
    { css: '.pvs-thumbnail__image, .update-components-image__image', why: 'attached media thumbnails' },
  ],
  redirects: [
    // External links in posts and some profile fields go through the redirector.
    { path: '/redir/redirect', param: 'url' },
    { path: '/safety/go', param: 'url' },
  ],
  examples: [
    { url: 'https://www.linkedin.com/in/jane-doe-example/', page: 'linkedin/profile.html', expect: { link: 5, text: 0, image: 1 } },
    { url: 'https://www.linkedin.com/in/jane-doe-example/details/certifications/', page: 'linkedin/details-certifications.html', expect: { link: 3, text: 0, image: 0, candidate: 1 } },
    // Issue #20: certifications on issuers' own servers (candidates for discovery), current layout in two UI languages,
    // the layout before 2022, a redesign only the meaning-based fallback finds, and a profile without certifications.
    { url: 'https://www.linkedin.com/in/anna-kowalska-example/', page: 'linkedin/profile-selfhosted.html', expect: { link: 1, text: 0, image: 0, candidate: 3 }, contexts: 'structure' },
    { url: 'https://www.linkedin.com/in/anna-kowalska-example/', page: 'linkedin/profile-selfhosted-de.html', expect: { link: 1, text: 0, image: 0, candidate: 3 }, contexts: 'structure' },
    { url: 'https://www.linkedin.com/in/anna-kowalska-example/', page: 'linkedin/profile-previous-layout.html', expect: { link: 1, text: 0, image: 0, candidate: 1 }, contexts: 'structure' },
    { url: 'https://www.linkedin.com/in/anna-kowalska-example/', page: 'linkedin/profile-redesign.html', expect: { link: 1, text: 0, image: 0, candidate: 2 }, contexts: 'meaning' },
    { url: 'https://www.linkedin.com/in/someone-example/', page: 'linkedin/profile-no-certifications.html', expect: { link: 0, text: 0, image: 0 }, contexts: 'none' },
    { url: 'https://www.linkedin.com/feed/update/urn:li:activity:7200000000000000000/', page: 'linkedin/post.html', expect: { link: 1, text: 1, image: 1 } },
  ],
};
