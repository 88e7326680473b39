import { SITES } from './index.js';

/**
 * Credential platforms (lib/sources): the background reads the machine-readable credential behind a
 * shared link here, and the content script marks credentials on their pages. A test checks that
 * every platform in lib/sources is covered.
 */
export const CREDENTIAL_PLATFORM_HOSTS: readonly string[] = [
  'www.credly.com', // badge pages
  'api.credly.com', // Open Badges 2.0 assertions behind badge pages
  'www.youracclaim.com', // Credly's former name, old links
  'badgr.com', // Badgr / Canvas Credentials public assertions
  'api.badgr.io', // Badgr assertions (US)
  'api.eu.badgr.io', // Badgr assertions (EU)
  'badges.parchment.com', // Canvas Credentials (Parchment) public pages
  'api.badges.parchment.com', // Canvas Credentials assertions
  'openbadgefactory.com', // Open Badge Factory assertions
  'europass.europa.eu', // Europass profiles and shared credentials
  'europa.eu', // the EDC viewer and its share-link API live under europa.eu/europass/digital-credentials/
  'verifierplus.org', // VerifierPlus shared credential links
  'www.credential.net', // Accredible credential pages
  '*.accredible.com', // Accredible custom domains and API
  'www.blockcerts.org', // Blockcerts hosted certificates
];

/** Hosts the content script runs on without being asked: the supported sites and the platforms. */
export const CONTENT_SCRIPT_MATCHES: readonly string[] = [
  ...new Set([...SITES.flatMap((s) => s.matches), ...CREDENTIAL_PLATFORM_HOSTS.map((h) => `https://${h}/*`)]),
];
