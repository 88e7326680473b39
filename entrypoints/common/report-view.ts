import { browser } from 'wxt/browser';
import '../../components/index.js';
import type { CredlensCheckList, CredlensCredentialCard, CredlensPresentationView, CredlensVerdictBadge } from '../../components/index.js';
import { trustTierOf } from '../../components/index.js';
import { el } from './element.js';
import { describeLocation } from './pdf-messages.js';
import type { StoredReport } from './protocol.js';

const KIND_WORDS: Record<StoredReport['kind'], string> = {
  link: 'Credential link',
  qr: 'QR code in an image',
  baked: 'Badge image with an embedded credential',
  text: 'Credential pasted as text',
  pdf: 'In a PDF',
};

export function hostOf(url: string): string {
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
    if (report.registry) card.registry = report.registry;
    const tier = trustTierOf(report);
    if (tier) card.setAttribute('trust-tier', tier);
    parts.push(card);
  }
  if (report.presentation) {
    const view = document.createElement('credlens-presentation-view') as CredlensPresentationView;
    view.presentation = report.presentation;
    parts.push(view);
  }
  const checks = document.createElement('credlens-check-list') as CredlensCheckList;
  checks.checks = report.checks;
  parts.push(checks);
  parts.push(el('p', { className: 'muted small', text: `Checked by the Credlens extension at ${new Date(report.verifiedAt).toLocaleString()}. Marks on web pages are hints; this panel is the result.` }));
  root.replaceChildren(...parts);
}
