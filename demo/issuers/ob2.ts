import { createHash } from 'node:crypto';
import { medalSvg } from './baked.js';

/**
 * An Open Badges 2.0 issuer hosted by the demo's local issuer: issuer profile, badge class,
 * revocation list and hosted assertions (1EdTech Open Badges 2.0, "hosted" verification: the
 * assertion is authentic because the issuer's own site publishes it at its id).
 */
export interface DemoOb2Issuer {
  issuerUrl: string;
  /** A hosted assertion whose id is `url`; `revoked` puts it on the issuer's revocation list. */
  assertion(url: string, options?: { revoked?: boolean; expires?: Date; narrative?: string }): Record<string, unknown>;
  /** The documents the issuer serves, by path: profile, badge class, revocation list. */
  documents(): Map<string, Record<string, unknown>>;
}

const OB2 = 'https://w3id.org/openbadges/v2';
const DAY = 86_400_000;
const LEARNER_EMAIL = 'anna.kowalska@example.org';

export function createDemoOb2Issuer(origin: string): DemoOb2Issuer {
  const issuerUrl = `${origin}/ob2/issuer`;
  const badgeUrl = `${origin}/ob2/badges/spreadsheet-modelling`;
  const revocationUrl = `${origin}/ob2/revocations`;
  const revoked: Array<{ id: string; revocationReason: string }> = [];
  return {
    issuerUrl,
    assertion(url, options = {}) {
      const salt = createHash('sha256').update(url).digest('hex').slice(0, 16);
      const assertion: Record<string, unknown> = {
        '@context': OB2,
        type: 'Assertion',
        id: url,
        recipient: { type: 'email', hashed: true, salt, identity: `sha256$${createHash('sha256').update(LEARNER_EMAIL + salt).digest('hex')}` },
        badge: badgeUrl,
        issuedOn: new Date(Date.now() - 90 * DAY).toISOString(),
        verification: { type: 'HostedBadge' },
        evidence: { narrative: options.narrative ?? 'Built a cash-flow model for a small bakery and presented it to the course panel.' },
      };
      if (options.expires) assertion.expires = options.expires.toISOString();
      if (options.revoked) revoked.push({ id: url, revocationReason: 'Awarded in error: the final assessment was not submitted.' });
      return assertion;
    },
    documents() {
      return new Map<string, Record<string, unknown>>([
        [
          new URL(issuerUrl).pathname,
          { '@context': OB2, type: 'Issuer', id: issuerUrl, name: 'Demo Adult Education Centre', url: origin, email: 'badges@example.org', revocationList: revocationUrl },
        ],
        [
          new URL(badgeUrl).pathname,
          {
            '@context': OB2,
            type: 'BadgeClass',
            id: badgeUrl,
            name: 'Spreadsheet Modelling',
            description: 'Builds and checks financial models in a spreadsheet: formulas, lookups, scenarios and charts.',
            criteria: { narrative: 'Completed 8 evening sessions and a graded modelling project.' },
            image: `data:image/svg+xml;base64,${Buffer.from(medalSvg('XLS', '#1e7a46')).toString('base64')}`,
            issuer: issuerUrl,
            tags: ['spreadsheets', 'finance'],
          },
        ],
        [new URL(revocationUrl).pathname, { '@context': OB2, type: 'RevocationList', id: revocationUrl, issuer: issuerUrl, revokedAssertions: revoked }],
      ]);
    },
  };
}
