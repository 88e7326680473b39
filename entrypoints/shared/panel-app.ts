import { browser } from 'wxt/browser';
import '../../components/index.js';
import type { CredlensCheckList, CredlensCredentialCard, CredlensVerdictBadge } from '../../components/index.js';
import { trustTierOf } from '../../components/index.js';
import type { PageRequest, SelectedEvent, StoredReport } from './protocol.js';
import { callBackground } from './background-client.js';
import { el } from './element.js';
import { describeLocation, isStoredPdf, type StoredPdf, type StoredView } from './pdf-messages.js';
import { renderPdf } from './pdf-listing.js';

const KIND_WORDS: Record<StoredReport['kind'], string> = {
  link: 'Credential link',
  qr: 'QR code in an image',
  baked: 'Badge image with an embedded credential',
  text: 'Credential pasted as text',
  pdf: 'In a PDF',
};

async function ask<T>(request: PageRequest): Promise<T | undefined> {
  try {
    return (await browser.runtime.sendMessage(request)) as T | undefined;
  } catch {
    return undefined;
  }
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * The authoritative view: extension-owned UI that no page can paint over. Renders a stored report
 * with the shared components (verdict badge, credential card, check list), and asks for an
 * issuer's host permission when the verdict was unverifiable for lack of it.
 */
export function renderReport(root: HTMLElement, stored: StoredReport, onReverify: () => void): void {
  const { report } = stored;
  const badge = document.createElement('credlens-verdict-badge') as CredlensVerdictBadge;
  badge.setAttribute('state', report.verdict);
  badge.setAttribute('detailed', '');
  const where = el('p', { className: 'where' }, el('strong', { text: KIND_WORDS[stored.kind] }), document.createTextNode(' · '));
  const source = /^https:\/\//.test(stored.source) ? el('span', { className: 'mono', text: stored.source }) : el('span', { text: stored.source });
  where.append(source);
  if (stored.location) where.append(el('br'), el('span', { text: describeLocation(stored.location) }));
  if (stored.location?.url && stored.location.url !== stored.source) where.append(el('br'), el('span', { className: 'mono', text: stored.location.url }));
  if (stored.pageUrl) where.append(el('br'), el('span', { className: 'muted', text: `Found on ${hostOf(stored.pageUrl)}` }));

  const parts: Node[] = [el('section', { className: 'verdict' }, badge), where];
  if (stored.blockedOrigins.length) {
    const list = stored.blockedOrigins.map(hostOf).join(', ');
    const button = el('button', { className: 'grant', text: `Allow Credlens to contact ${list}` });
    button.addEventListener('click', () => {
      // permissions.request needs this click: no await before it.
      void browser.permissions.request({ origins: stored.blockedOrigins.map((o) => `${o}/*`) }).then((granted) => {
        if (granted) onReverify();
      });
    });
    parts.push(
      el(
        'section',
        { className: 'permission' },
        el('p', { text: `To check this credential, Credlens must read public data (the credential, the issuer's keys or status list) from ${list}, without your cookies.` }),
        button,
      ),
    );
  }
  if (report.credential) {
    const card = document.createElement('credlens-credential-card') as CredlensCredentialCard;
    card.credential = report.credential;
    if (report.microcredential) card.microcredential = report.microcredential;
    const tier = trustTierOf(report);
    if (tier) card.setAttribute('trust-tier', tier);
    parts.push(card);
  }
  const checks = document.createElement('credlens-check-list') as CredlensCheckList;
  checks.checks = report.checks;
  parts.push(checks);
  parts.push(el('p', { className: 'muted small', text: `Checked by the Credlens extension at ${new Date(report.verifiedAt).toLocaleString()}. Marks on web pages are hints; this panel is the result.` }));
  root.replaceChildren(...parts);
}

function renderEmpty(root: HTMLElement, tabId: number | undefined): void {
  const button = el('button', { className: 'scan', text: 'Look for credentials on this page' });
  button.addEventListener('click', () => {
    if (tabId !== undefined) void ask({ type: 'scan-tab', tabId });
  });
  root.replaceChildren(
    el('section', { className: 'empty' }, el('h2', { text: 'No credential selected' }), el('p', { text: 'Activate a Credlens mark next to a credential on the page to see here whether it is genuine, and why.' }), button),
  );
}

/** Checks a PDF again (after a permission grant): from its link; a dropped file cannot be read again here. */
export async function retryPdf(pdf: StoredPdf): Promise<StoredPdf | undefined> {
  if (!/^https:\/\//.test(pdf.source)) return undefined;
  return callBackground({ type: 'verify-pdf', input: { kind: 'url', url: pdf.source }, via: 'context-menu', ...(pdf.pageUrl ? { pageUrl: pdf.pageUrl } : {}) }).catch(() => undefined);
}

/** Side panel (Chrome) and popup (Firefox) share this: show the tab's selected report, follow changes. */
export async function startPanel(root: HTMLElement): Promise<void> {
  // `?tab=` when opened as a page for a given tab (Firefox fallback, tests); else the active tab.
  const tabParam = Number(new URLSearchParams(location.search).get('tab'));
  const tabId = Number.isInteger(tabParam) && tabParam > 0 ? tabParam : await activeTabId();
  const fromUrl = new URLSearchParams(location.search).get('report');
  let currentId: string | undefined;

  async function show(stored: StoredView | undefined): Promise<void> {
    if (!stored) return renderEmpty(root, tabId);
    if (isStoredPdf(stored)) {
      currentId = stored.pdfId;
      return renderPdf(root, stored, () => {
        root.setAttribute('aria-busy', 'true');
        void retryPdf(stored).then((next) => {
          root.removeAttribute('aria-busy');
          void show(next ?? stored);
        });
      });
    }
    currentId = stored.reportId;
    renderReport(root, stored, () => {
      root.setAttribute('aria-busy', 'true');
      void ask<StoredReport>({ type: 'reverify', reportId: stored.reportId }).then((next) => {
        root.removeAttribute('aria-busy');
        void show(next ?? stored);
      });
    });
  }

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return;
    const event = message as Partial<SelectedEvent>;
    if (event?.type === 'report-selected' && event.tabId === tabId && typeof event.reportId === 'string' && event.reportId !== currentId) {
      void ask<StoredView>({ type: 'get-report', reportId: event.reportId }).then(show);
    }
  });

  if (fromUrl && /^[a-z0-9]{1,128}$/.test(fromUrl)) await show(await ask<StoredView>({ type: 'get-report', reportId: fromUrl }));
  else if (tabId !== undefined) await show(await ask<StoredView>({ type: 'get-selected', tabId }));
  else renderEmpty(root, tabId);
}
