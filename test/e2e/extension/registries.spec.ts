import { SCREENSHOTS_DIR } from '../../support/screenshots.js';
import { expect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertExtensionBuilt } from '../../support/chromium-launch.js';
import { didJwkIssuer } from '../../support/did-jwk-issuer.js';
import { launchExtension, type ExtensionBrowser } from '../../support/extension-browser.js';
import { bytes, HttpsHosts } from '../../support/https-hosts.js';
import { alignedBadge } from '../../support/registry-badges.js';
import { sampleRegistries } from '../../support/registries.js';
import { TRAINING_REGISTRY_FORMAT } from '../../../lib/index.js';

/**
 * Issue #19 in the built extension: a learner adds training registries on the options page (by
 * address and from a file), the wallet adds up their credentials (hours, ECTS, EQF, eligibility for
 * learning-account funding in their country, progress through a qualification's blocks) and exports
 * a selection; the side panel shows the registry finding of a verified link.
 */

const SHOTS = SCREENSHOTS_DIR;
const RNCP_URL = 'https://opendata.registry-example.fr/rncp-rs.json';
const CERT_URL = 'https://certs.univ-exemple.fr/credentials/web-bc01.jwt';

let hosts: HttpsHosts;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let browser: ExtensionBrowser;
const jwts: Record<string, string> = {};
let registryFetches = 0;

const ext = (path: string) => `chrome-extension://${extensionId}/${path}`;

async function shoot(p: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await p.emulateMedia({ colorScheme: scheme });
    for (const [label, width] of [['wide', 1100], ['narrow', 400]] as const) {
      await p.setViewportSize({ width, height: 900 });
      await p.screenshot({ path: join(SHOTS, `${name}-${label}-${scheme}.png`), fullPage: true });
    }
  }
  await p.emulateMedia({ colorScheme: 'light' });
  await p.setViewportSize({ width: 1100, height: 900 });
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  assertExtensionBuilt();
  const issuer = await didJwkIssuer();
  jwts.bc01 = await alignedBadge(issuer, 'RNCP99901BC01', '2025-06-30T00:00:00Z', { creditsAvailable: 10 });
  jwts.bc03 = await alignedBadge(issuer, 'RNCP99901BC03');
  jwts.rs = await alignedBadge(issuer, 'RS99903');
  jwts.lapsed = await alignedBadge(issuer, 'RNCP99902', '2024-05-01T00:00:00Z');
  jwts.unlisted = await alignedBadge(issuer, 'RNCP55555');
  const { rncp } = sampleRegistries();
  hosts = new HttpsHosts();
  hosts.routes.set(RNCP_URL, () => {
    registryFetches += 1;
    return bytes(new TextEncoder().encode(JSON.stringify({ format: TRAINING_REGISTRY_FORMAT, ...rncp })), 'application/json', { 'access-control-allow-origin': '*' })();
  });
  hosts.routes.set(CERT_URL, bytes(new TextEncoder().encode(jwts.bc01), 'application/jwt', { 'access-control-allow-origin': '*' }));
  const port = await hosts.start();
  browser = await launchExtension({ port, profilePrefix: 'credlens-registries-', viewport: { width: 1100, height: 900 }, acceptDownloads: true });
  ({ context, worker, extensionId } = browser);
  mkdirSync(SHOTS, { recursive: true });
});

test.afterAll(async () => {
  await browser?.close();
  await hosts?.stop();
});

test('options: training registries added by address and from a file are listed with name, entries and date', async () => {
  const p = await context.newPage();
  await p.goto(ext('options.html'));
  await expect(p.locator('#training-registries')).toContainText('No training registries yet');
  await p.fill('#registry-url', RNCP_URL);
  await p.locator('#registry-add-url').click();
  await expect(p.locator('#registry-status')).toContainText(/Added ".+" with \d+ entries\./);
  expect(registryFetches).toBe(1);

  // A file that is not a registry is refused with the place of the problem; nothing is stored.
  await p.setInputFiles('#registry-file', { name: 'trust-list.json', mimeType: 'application/json', buffer: Buffer.from('{"name":"A trust list","issuers":[]}') });
  await expect(p.locator('#registry-status')).toContainText('trust-list.json: registry.format must be');
  const own = readFileSync('test/vectors/registries/credlens-registry.json');
  await p.setInputFiles('#registry-file', { name: 'credlens-registry.json', mimeType: 'application/json', buffer: own });
  await expect(p.locator('.training-registry')).toHaveCount(2);
  const nl = p.locator('.training-registry', { hasText: 'Example skills-account registry' });
  await expect(nl).toContainText('Entries: 1');
  await expect(nl).toContainText('Published Oct 1, 2026');
  await expect(nl).toContainText('From the file credlens-registry.json');
  await expect(p.locator('.training-registry').first()).toContainText(`From ${RNCP_URL}`);
  await p.reload();
  await expect(p.locator('.training-registry')).toHaveCount(2);
  await shoot(p, 'options-registries');
  await p.locator('#registries').screenshot({ path: join(SHOTS, 'options-registries-section.png') });
  await p.close();
});

test('wallet: sums, EQF levels, eligibility marks in the learner’s country, block progress; listed, lapsed and unlisted credentials', async () => {
  const p = await context.newPage();
  await p.goto(ext('wallet.html'));
  for (const [i, key] of ['bc01', 'bc03', 'rs', 'lapsed', 'unlisted'].entries()) {
    await p.fill('#wallet-text', jwts[key] as string);
    await p.getByRole('button', { name: 'Import text' }).click();
    await expect(p.locator('.wallet-item')).toHaveCount(i + 1);
  }
  // A block credential counts its own 10 ECTS, never the whole qualification's workload.
  await expect(p.locator('#sum-ects .n')).toHaveText('10');
  await expect(p.locator('#sum-levels .n')).toContainText('5');
  await expect(p.locator('#sum-eligible .n')).toHaveText('3');

  const web = p.locator('#by-qualification li.qualification', { hasText: 'RNCP99901' });
  await expect(web).toContainText('Blocks obtained: 2 of 3');
  await expect(web.locator('li.obtained')).toHaveCount(2);
  await expect(web.locator('li.missing[data-block="RNCP99901BC02"]')).toHaveCount(1);
  await expect(web.locator('[data-eligible="yes"]')).toHaveCount(1);
  await expect(p.locator('#by-registry li')).toHaveCount(1);
  await expect(p.locator('#by-registry li')).toContainText('Credentials: 3 · eligible for funding: 3');
  await expect(p.locator('#learning-balances')).toContainText('Credlens does not show them');

  const card = (code: string) => p.locator('.wallet-item', { hasText: `Credential for ${code}` });
  await expect(card('RNCP99901BC01').locator('[data-eligible="yes"]')).toHaveCount(1);
  await expect(card('RNCP99902').locator('[data-eligible="lapsed"]')).toHaveCount(1);
  await expect(card('RNCP55555')).toContainText('Not in any of your training registries');

  // In the Netherlands, French listings are eligible elsewhere only.
  await p.selectOption('#learner-country', 'NL');
  await expect(p.locator('#sum-eligible .n')).toHaveText('0');
  await expect(p.locator('#sum-eligible .l')).toContainText('Netherlands');
  await expect(card('RNCP99901BC01').locator('[data-eligible="elsewhere"]')).toHaveCount(1);
  await p.selectOption('#learner-country', 'FR');
  await expect(p.locator('#sum-eligible .n')).toHaveText('3');
  await shoot(p, 'wallet-registries');
  // The summary on its own, readable at full size.
  await p.setViewportSize({ width: 400, height: 900 });
  await p.emulateMedia({ colorScheme: 'dark' });
  await p.locator('#learning').screenshot({ path: join(SHOTS, 'wallet-learning-narrow-dark.png') });
  await p.setViewportSize({ width: 1100, height: 900 });
  await p.emulateMedia({ colorScheme: 'light' });
  await p.locator('#learning').screenshot({ path: join(SHOTS, 'wallet-learning-wide-light.png') });
  await p.close();
});

test('wallet: the selection exports as a presentation and as a zip', async () => {
  const p = await context.newPage();
  await p.goto(ext('wallet.html'));
  await expect(p.locator('#export-vp')).toBeDisabled();
  await p.getByRole('checkbox', { name: 'Select Credential for RNCP99901BC01 for export' }).check();
  await p.getByRole('checkbox', { name: 'Select Credential for RNCP99901BC03 for export' }).check();
  await expect(p.locator('#export-count')).toHaveText('Selected: 2');

  const [vpDownload] = await Promise.all([p.waitForEvent('download'), p.locator('#export-vp').click()]);
  const vp = JSON.parse(readFileSync(await vpDownload.path(), 'utf8')) as { type: string[]; verifiableCredential: Array<{ id: string }> };
  expect(vp.type).toEqual(['VerifiablePresentation']);
  expect(vp.verifiableCredential.map((c) => c.id).sort()).toEqual([`data:application/vc+jwt,${jwts.bc01}`, `data:application/vc+jwt,${jwts.bc03}`].sort());

  const [zipDownload] = await Promise.all([p.waitForEvent('download'), p.locator('#export-zip').click()]);
  const files = unzipSync(new Uint8Array(readFileSync(await zipDownload.path())));
  const names = Object.keys(files).sort();
  expect(names).toHaveLength(4);
  expect(names).toContain('presentation.json');
  const summary = JSON.parse(strFromU8(files['credlens-summary.json']!)) as { credentials: Array<{ file: string; registry?: { code: string; block?: string } }> };
  expect(summary.credentials.map((c) => c.registry?.block).sort()).toEqual(['RNCP99901BC01', 'RNCP99901BC03']);
  for (const c of summary.credentials) expect([jwts.bc01, jwts.bc03]).toContain(strFromU8(files[c.file]!));
  await expect(p.locator('#export-status')).toContainText('Exported 2 credentials.');
  await p.close();
});

test('side panel: the report of a verified link shows the registry finding', async () => {
  const stored = await worker.evaluate(
    (url) => (globalThis as unknown as { credlensContextMenuClick: (c: unknown) => Promise<{ reportId: string; report: { registry?: { outcome: string } } }> }).credlensContextMenuClick({ menuItemId: 'credlens-verify', linkUrl: url }),
    CERT_URL,
  );
  expect(stored.report.registry?.outcome).toBe('listed');
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(ext(`sidepanel.html?report=${stored.reportId}`));
  const view = panel.locator('credlens-registry-view');
  await expect(view).toContainText('RNCP99901');
  await expect(view).toContainText('Listed');
  await expect(panel.locator('credlens-check-list')).toContainText('Listed in');
  for (const scheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme: scheme });
    await panel.screenshot({ path: join(SHOTS, `sidepanel-registry-${scheme}.png`), fullPage: true });
  }
  // Verifying never read the registry's address again: it is looked up on the device.
  expect(registryFetches).toBe(1);
  await panel.close();
});
