import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { didJwkIssuer } from '../../support/did-jwk-issuer.js';
import { ROOT, STRICT_CSP, expect, hostPage, settledState, test } from './fixtures.js';

const REGISTRY = readFileSync(join(ROOT, 'test/vectors/registries/credlens-registry.json'), 'utf8');

/** An Open Badges 3.0 VC-JWT signed by a did:jwk issuer (verified without network), its achievement aligned to `code`. */
async function alignedBadge(code: string): Promise<string> {
  const issuer = await didJwkIssuer();
  const vc = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer.did, type: ['Profile'], name: 'Example University of Applied Sciences' },
    validFrom: '2025-06-30T00:00:00Z',
    name: 'Master in Applied Data Science',
    credentialSubject: {
      id: 'did:example:learner',
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://univ.example/achievements/mads',
        type: ['Achievement'],
        name: 'Master in Applied Data Science',
        alignment: [{ type: ['Alignment'], targetName: 'Master in Applied Data Science', targetCode: code, targetUrl: 'https://univ.example/x' }],
      },
    },
  };
  return new SignJWT(vc as unknown as Record<string, unknown>).setProtectedHeader({ alg: 'ES256', typ: 'vc+jwt', kid: issuer.kid }).setIssuer(issuer.did).sign(issuer.privateKey);
}

// FIXME(#19, s18w): in the built widget this did:jwk-signed OB 3.0 credential comes out `invalid`
// (it verifies offline in test/unit/training-registry/verify.test.ts), so these three fail before they
// reach the registry; the loader itself is covered by test/unit/widget/controllers.test.ts. Find why
// (read the first failing check of el.report), fix the credential, and remove `.fixme`.
test.describe('a job board names its training registries (registries attribute)', () => {
  test('a registry file on the board’s own origin is read once and the report says the training is listed', async ({ page, csp }) => {
    const jwt = await alignedBadge('QF-EX-0001');
    const reads: string[] = [];
    page.on('request', (r) => void (r.url().includes('/registries/') && reads.push(r.url())));
    await hostPage(
      page,
      `<credlens-verifier id="a" credential="${jwt}" registries="/registries/skills.json"></credlens-verifier>
       <credlens-verifier id="b" credential="${jwt}" registries="/registries/skills.json"></credlens-verifier>`,
      ['/host.js'],
      STRICT_CSP,
      { '/registries/skills.json': REGISTRY },
    );
    for (const id of ['a', 'b']) expect(['verified', 'warning']).toContain(await settledState(page, `#${id}`));
    const listed = page.locator('#a credlens-check-list li[data-code="REGISTRY_LISTED"]');
    await expect(listed).toHaveCount(1);
    await expect(listed).toContainText('Master in Applied Data Science');
    const registry = await page.locator('#a').evaluate((el) => (el as unknown as { report: { registry?: { outcome: string; entry?: { code: string; eligible: boolean } } } }).report.registry);
    expect(registry).toMatchObject({ outcome: 'listed', entry: { code: 'QF-EX-0001', eligible: true } });
    expect(await page.locator('#b credlens-check-list li[data-code="REGISTRY_LISTED"]').count()).toBe(1);
    // Both elements name the same file: it is read once for the page.
    expect(reads).toEqual(['https://host.test/registries/skills.json']);
    await expect(page.locator('#a [part=notice]')).toHaveCount(0);
    expect(csp).toEqual([]);
  });

  test('a training the registry does not list is "not listed"; without the attribute there is no registry', async ({ page }) => {
    const jwt = await alignedBadge('QF-EX-9999');
    await hostPage(page, `<credlens-verifier id="a" credential="${jwt}" registries="/registries/skills.json"></credlens-verifier><credlens-verifier id="b" credential="${jwt}"></credlens-verifier>`, ['/host.js'], STRICT_CSP, {
      '/registries/skills.json': REGISTRY,
    });
    await settledState(page, '#a');
    await settledState(page, '#b');
    await expect(page.locator('#a credlens-check-list li[data-code^="REGISTRY_"]')).toHaveAttribute('data-code', 'REGISTRY_NOT_LISTED');
    await expect(page.locator('#b credlens-check-list li[data-code^="REGISTRY_"]')).toHaveAttribute('data-code', 'REGISTRY_NONE');
  });

  test('a registry that cannot be used is named with the reason, and the verdict still stands', async ({ page }) => {
    const jwt = await alignedBadge('QF-EX-0001');
    await hostPage(
      page,
      `<credlens-verifier credential="${jwt}" registries="/registries/missing.json http://elsewhere.test/r.json /registries/wrong.json"></credlens-verifier>`,
      ['/host.js'],
      STRICT_CSP,
      { '/registries/wrong.json': '{"format":"not-ours","entries":[]}' },
    );
    expect(['verified', 'warning']).toContain(await settledState(page, 'credlens-verifier'));
    const notices = page.locator('credlens-verifier [part=notice][data-registry]');
    await expect(notices).toHaveCount(3);
    await expect(notices.nth(0)).toContainText('/registries/missing.json');
    await expect(notices.nth(1)).toContainText('own origin or at an https URL');
    await expect(notices.nth(2)).toContainText('format');
    await expect(page.locator('credlens-verifier credlens-check-list li[data-code^="REGISTRY_"]')).toHaveAttribute('data-code', 'REGISTRY_NONE');
  });
});
