import { expect as baseExpect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, type Example } from '../../../demo/examples.js';
import { createDemoIssuers, demoTrustList, publishedDocuments } from '../../../demo/issuers/index.js';
import { verify, type TrustList, type Verdict } from '../../../lib/index.js';
import { assertExtensionBuilt } from '../../support/chromium-launch.js';
import { launchExtension, type ExtensionBrowser } from '../../support/extension-browser.js';
import { extensionPage, qrCodePng } from '../../support/extension-pages.js';
import { bytes, html, HttpsHosts, type Handler } from '../../support/https-hosts.js';
import { SCREENSHOTS_DIR } from '../../support/screenshots.js';

/**
 * Issue #20: a recruiter's LinkedIn-like profile whose certifications link to issuers' own servers
 * (no known platform): a university hosting every supported format, genuine, tampered and revoked;
 * a QR code in a post pointing to a self-hosted credential; an ordinary web page in the same section
 * (a neutral mark at most, never red); the same profile in German, and in a layout the structural
 * selectors do not know (the meaning-based fallback marks it, in French). Every mark must have the
 * verdict lib's verify() (what `credlens verify` prints) gives the same credential.
 */
const ISSUER = 'https://credentials.uni-krakow.example.eu';
const PROFILE = 'https://www.linkedin.com/in/anna-kowalska-example/';
const PROFILE_DE = 'https://www.linkedin.com/in/anna-kowalska-de/';
const PROFILE_REDESIGN = 'https://www.linkedin.com/in/anna-kowalska-redesign/';
const PROFILE_PREVIOUS = 'https://www.linkedin.com/in/anna-kowalska-es/';
const PROFILE_EMPTY = 'https://www.linkedin.com/in/someone-without-certificates/';
const QR_IMAGE = 'https://media.licdn.com/dms/image/certificate-qr.png';
const QR_TARGET = 'vc-jwt-valid';
const LAYOUTS = {
  current: (body: string, heading: string) =>
    `<section class="artdeco-card"><div id="licenses_and_certifications"></div><h2>${heading}</h2><ul class="pvs-list" id="certs">${body}</ul></section>`,
  // The profile layout before 2022, still served to some accounts (the site file's legacy selectors).
  previous: (body: string, heading: string) =>
    `<section id="certifications-section" class="pv-profile-section certifications"><header><h2 class="pv-profile-section__card-heading">${heading}</h2></header><ul class="pv-profile-section__section-info" id="certs">${body}</ul></section>`,
  // A redesign: no #licenses_and_certifications, new class names; only the heading says what it is.
  redesign: (body: string, heading: string) => `<section class="profile-card x9f3k"><h2 class="k1">${heading}</h2><ul class="cards">${body}</ul></section>`,
};

/** genuine, tampered and revoked of every format the demo issuer signs. */
const CHOSEN: readonly Example[] = EXAMPLES.filter((e) => e.served === 'cors' && ['valid', 'tampered', 'revoked'].includes(e.variant) && e.id !== 'sd-jwt-selective');

let hosts: HttpsHosts;
let context: BrowserContext;
let worker: Worker;
let browser: ExtensionBrowser;
let trust: TrustList;
const expected = new Map<string, Verdict>();

declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };
type ChromeTabs = { tabs: { query(query: { url: string }): Promise<Array<{ id?: number }>> } };

const cors = { 'access-control-allow-origin': '*' };

function certItems(button: string): string {
  const items = CHOSEN.map(
    (e) =>
      `<li><div><span class="t-bold">${e.title}</span><span class="t-normal">Jagiellonian Demo University · ${e.variant}</span>` +
      `<a class="artdeco-button btn" id="${e.id}" href="${ISSUER}/credentials/${e.id}">${button}</a></div></li>`,
  );
  // A page that declares its credential (<link rel="alternate">), and an ordinary page.
  items.push(`<li><div><span class="t-bold">Certificate page</span><a class="btn" id="declared" href="${ISSUER}/certificates/ob3-di-valid.html">${button}</a></div></li>`);
  items.push(`<li><div><span class="t-bold">About the university</span><a class="btn" id="ordinary" href="${ISSUER}/about">uni-krakow.example.eu</a></div></li>`);
  return items.join('\n');
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  assertExtensionBuilt();
  const issuers = await createDemoIssuers(ISSUER);
  trust = demoTrustList(issuers);
  hosts = new HttpsHosts();
  const bodies = new Map<string, string | Uint8Array>();
  for (const example of EXAMPLES) bodies.set(example.id, await example.make(issuers));
  const documents = await publishedDocuments(issuers);
  const serve = (body: string | Uint8Array, type: string): Handler => bytes(typeof body === 'string' ? new TextEncoder().encode(body) : body, type, cors);
  for (const example of EXAMPLES) hosts.routes.set(`${ISSUER}/credentials/${example.id}`, serve(bodies.get(example.id)!, example.contentType));
  for (const [path, published] of documents) hosts.routes.set(`${ISSUER}${path}`, serve(published.body, published.type));
  hosts.routes.set(
    `${ISSUER}/certificates/ob3-di-valid.html`,
    serve(`<!doctype html><html><head><title>Certificate</title><link rel="alternate" type="application/vc+ld+json" href="/credentials/ob3-di-valid"></head><body>Certificate</body></html>`, 'text/html'),
  );
  hosts.routes.set(`${ISSUER}/about`, serve('<!doctype html><html><head><title>About us</title></head><body><h1>Jagiellonian Demo University</h1></body></html>', 'text/html'));
  hosts.routes.set(QR_IMAGE, bytes(await qrCodePng(`${ISSUER}/credentials/${QR_TARGET}`), 'image/png', cors));

  const page = (certifications: string, lang: string, activity: string, post: string) =>
    html(extensionPage('selfhosted-profile.html', { LANG: lang, CERTIFICATIONS: certifications, ACTIVITY: activity, POST_TEXT: post }));
  hosts.routes.set(PROFILE, page(LAYOUTS.current(certItems('Show credential'), 'Licenses &amp; certifications'), 'en', 'Activity', 'My certificate, scan to verify:'));
  hosts.routes.set(PROFILE_DE, page(LAYOUTS.current(certItems('Nachweis anzeigen'), 'Bescheinigungen und Zertifikate'), 'de', 'Aktivitäten', 'Mein Zertifikat:'));
  hosts.routes.set(PROFILE_REDESIGN, page(LAYOUTS.redesign(certItems('Afficher le diplôme'), 'Licences et certifications'), 'fr', 'Activité', 'Mon certificat :'));
  hosts.routes.set(PROFILE_PREVIOUS, page(LAYOUTS.previous(certItems('Mostrar credencial'), 'Licencias y certificaciones'), 'es', 'Actividad', 'Mi certificado:'));
  hosts.routes.set(PROFILE_EMPTY, page('<section class="profile-card"><h2>Experience</h2><p>Analyst at Northwind</p></section>', 'en', 'Activity', ''));
  const port = await hosts.start();

  // What `credlens verify <url>` says about each credential: lib's verify() over the same routes.
  const routed = async (url: string) => {
    const handler = hosts.routes.get(url) ?? hosts.routes.get(url.split('?')[0]!);
    return handler ? handler() : new Response('not found', { status: 404 });
  };
  for (const e of CHOSEN) expected.set(e.id, (await verify(`${ISSUER}/credentials/${e.id}`, { fetch: routed, trust: [trust] })).verdict);
  expected.set('declared', (await verify(`${ISSUER}/certificates/ob3-di-valid.html`, { fetch: routed, trust: [trust] })).verdict);

  browser = await launchExtension({ port, profilePrefix: 'credlens-selfhosted-', viewport: { width: 1100, height: 900 } });
  ({ context, worker } = browser);
  await worker.evaluate((list) => chrome.storage.local.set({ trustLists: [list] }), trust as unknown as Record<string, unknown>);
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
});

test.afterAll(async () => {
  await browser?.close();
  await hosts?.stop();
});

const expect = baseExpect.configure({ timeout: 90_000 });
const markAfter = (p: Page, id: string) => p.locator(`#${id} + credlens-mark`);

async function expectCliVerdicts(p: Page): Promise<void> {
  for (const [id, verdict] of expected) {
    await expect(markAfter(p, id), id).toHaveAttribute('data-credlens-state', verdict);
    await expect(markAfter(p, id), id).toHaveAttribute('data-credlens-kind', 'link');
  }
  // The ordinary web page: a quiet neutral mark that explains itself, never red.
  await expect(markAfter(p, 'ordinary')).toHaveAttribute('data-credlens-state', 'none');
}

test('marks certifications on self-hosted issuers with the verdict the CLI gives, every format, genuine, tampered and revoked', async () => {
  test.setTimeout(240_000);
  // Sanity of the expectations themselves: genuine ones verify, tampered and revoked ones do not.
  for (const e of CHOSEN) {
    if (e.variant === 'valid') baseExpect(['verified', 'warning'], e.id).toContain(expected.get(e.id));
    else baseExpect(expected.get(e.id), e.id).toBe('invalid');
  }
  const p = await context.newPage();
  await p.goto(PROFILE);
  await expectCliVerdicts(p);
  // The QR code in the post points to a self-hosted credential: found and verified too.
  const qrMark = p.locator('#qr + credlens-mark');
  await expect(qrMark).toHaveAttribute('data-credlens-kind', 'qr');
  await expect(qrMark).toHaveAttribute('data-credlens-state', expected.get(QR_TARGET)!);
  await baseExpect(p.locator('credlens-mark[data-credlens-state="invalid"]')).toHaveCount(CHOSEN.filter((e) => e.variant !== 'valid').length);
  await p.locator('#certs').screenshot({ path: join(SCREENSHOTS_DIR, 'selfhosted-marks.png') });
  await p.close();
});

test('the same profile in German: the same marks', async () => {
  test.setTimeout(240_000);
  const p = await context.newPage();
  await p.goto(PROFILE_DE);
  await expectCliVerdicts(p);
  await p.close();
});

test('the layout before 2022, in Spanish: the same marks', async () => {
  test.setTimeout(240_000);
  const p = await context.newPage();
  await p.goto(PROFILE_PREVIOUS);
  await expectCliVerdicts(p);
  await p.close();
});

test('a layout the structural selectors do not know (French): the meaning-based fallback marks it', async () => {
  test.setTimeout(240_000);
  const p = await context.newPage();
  await p.goto(PROFILE_REDESIGN);
  await expectCliVerdicts(p);
  await p.locator('section.profile-card').screenshot({ path: join(SCREENSHOTS_DIR, 'selfhosted-redesign-fr.png') });
  await p.close();
});

test('the popup says when a profile page has no certifications section it recognises', async () => {
  const p = await context.newPage();
  await p.goto(PROFILE_EMPTY);
  await p.waitForTimeout(1500);
  const tabId = await worker.evaluate(async (u) => (await (globalThis as unknown as { chrome: ChromeTabs }).chrome.tabs.query({ url: u }))[0]?.id ?? -1, PROFILE_EMPTY);
  const popup = await context.newPage();
  // The popup as the toolbar opens it, for the profile tab.
  const extensionId = new URL(worker.url()).host;
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await expect(popup.locator('#context-note')).toContainText('No certifications section recognised on this page');
  await popup.screenshot({ path: join(SCREENSHOTS_DIR, 'popup-no-certifications.png') });
  await popup.close();
  await p.close();
});

test('options: the card for links to unknown issuers says what is sent to whom; off, allowed and never-checked hosts decide which links get a mark', async () => {
  test.setTimeout(240_000);
  const extensionId = new URL(worker.url()).host;
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const card = options.locator('#discovery');
  await expect(card.getByRole('heading', { name: 'Links to unknown issuers' })).toBeVisible();
  const privacy = options.locator('#discovery-privacy');
  await expect(privacy).toContainText('To the server the link names');
  await expect(privacy).toContainText('your IP address');
  await expect(privacy).toContainText('Never sent: your cookies or logins, the page you were on');
  await expect(privacy).toContainText('nothing goes to Credlens or to any third party');
  for (const scheme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme: scheme });
    for (const [label, width] of [['wide', 1100], ['narrow', 400]] as const) {
      await options.setViewportSize({ width, height: 900 });
      await card.screenshot({ path: join(SCREENSHOTS_DIR, `options-discovery-${label}-${scheme}.png`) });
    }
  }
  await options.emulateMedia({ colorScheme: 'light' });
  await options.setViewportSize({ width: 1100, height: 900 });

  const host = new URL(ISSUER).hostname;
  const saved = async () => expect(options.locator('#saved')).toContainText('Saved');
  const setHosts = async (id: string, value: string) => {
    await options.fill(`#${id}`, value);
    await options.locator(`#${id}`).press('Tab');
    await saved();
  };
  const certMarks = (p: Page) => p.locator('#certs credlens-mark');
  // Off: the self-hosted links get no mark (the background is not allowed to ask their server).
  await options.getByLabel('Check links to unknown issuers automatically').uncheck();
  await saved();
  const p = await context.newPage();
  await p.goto(PROFILE);
  await p.waitForTimeout(4000);
  await baseExpect(certMarks(p)).toHaveCount(0);
  // A host on the "always" list is checked even so: the marks come back, with the CLI's verdicts.
  await setHosts('discovery-allow', `${host}, not a host!`);
  await expect(options.locator('#discovery-allow-error')).toContainText('Not a host name, left out: not, a, host!');
  await baseExpect(options.locator('#discovery-allow')).toHaveValue(host);
  await p.reload();
  await expectCliVerdicts(p);
  // "Never" wins over "always" and over the automatic setting.
  await options.getByLabel('Check links to unknown issuers automatically').check();
  await saved();
  await setHosts('discovery-deny', host);
  await p.reload();
  await p.waitForTimeout(4000);
  await baseExpect(certMarks(p)).toHaveCount(0);
  // Back to the defaults for any later test.
  await setHosts('discovery-deny', '');
  await setHosts('discovery-allow', '');
  await p.close();
  await options.close();
});
