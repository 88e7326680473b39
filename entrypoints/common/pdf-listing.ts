import { browser } from 'wxt/browser';
import type { Check, Verdict } from '../../lib/index.js';
import type { CredlensVerdictBadge } from '../../components/index.js';
import { el } from './element.js';
import type { StoredReport } from './protocol.js';
import { renderReport } from './report-view.js';
import { describeLocation, pdfVerdict, type StoredPdf } from './pdf-messages.js';

const VERDICT_ORDER: Verdict[] = ['verified', 'warning', 'invalid', 'unverifiable'];
const VERDICT_PLURAL: Record<Verdict, string> = {
  verified: 'verified',
  warning: 'verified with warnings',
  invalid: 'not valid',
  unverifiable: 'could not be checked',
};

/** What a finding about the document means, in plain words; the check's own message follows as the detail. */
const FINDING_WORDS: Record<string, string> = {
  PDF_ENCRYPTED: 'This PDF is protected by a password, so Credlens cannot look inside it. Open it, save a copy without the password and check that copy.',
  PDF_MALFORMED: 'This file is damaged or incomplete: Credlens cannot read it as a PDF.',
  PDF_NO_CREDENTIAL: 'No credential was found in this PDF: no credential link, no attached credential file and no QR code.',
  PDF_PAGES_CAPPED: 'This PDF is very long: only its first pages were searched. A credential further on was not checked.',
  PDF_PAGE_NOT_SCANNED: 'A page could not be searched for QR codes, so a code on it may have been missed.',
  PDF_CANDIDATES_CAPPED: 'This PDF holds more possible credentials than Credlens checks at once: the rest were not checked.',
  INPUT_FETCH_FAILED: 'Credlens could not download the PDF.',
  INPUT_URL_BLOCKED: 'Credlens does not download from this address.',
  INPUT_TOO_LARGE: 'The PDF is larger than Credlens reads.',
};

function badge(state: Verdict): CredlensVerdictBadge {
  const node = document.createElement('credlens-verdict-badge') as CredlensVerdictBadge;
  node.setAttribute('state', state);
  return node;
}

/** A document entry without a credential is a finding about the PDF; with one, the link served a credential, not a PDF. */
function isFinding(item: StoredReport): boolean {
  return item.location?.kind === 'document' && !item.report.credential;
}

function titleOf(item: StoredReport): string {
  const credential = item.report.credential;
  return credential?.title ?? credential?.achievement?.name ?? (item.location?.url ? 'Credential behind a link' : 'Untitled credential');
}

function summaryLine(credentials: StoredReport[]): string {
  if (!credentials.length) return 'No credential found.';
  const counts = VERDICT_ORDER.map((v) => [v, credentials.filter((c) => c.report.verdict === v).length] as const).filter(([, n]) => n > 0);
  const head = `${credentials.length} credential${credentials.length === 1 ? '' : 's'} found`;
  return `${head}: ${counts.map(([v, n]) => `${n} ${VERDICT_PLURAL[v]}`).join(', ')}.`;
}

function renderFindings(checks: readonly Check[]): HTMLElement {
  const list = el('ul', { className: 'pdf-findings' });
  for (const c of checks) {
    const item = el('li', { className: `finding ${c.status}` });
    item.dataset.code = c.code;
    const plain = FINDING_WORDS[c.code];
    item.append(el('strong', { text: plain ?? c.message }));
    if (plain) item.append(el('span', { className: 'detail', text: c.message }));
    list.append(item);
  }
  return el('section', { className: 'pdf-document' }, el('h3', { text: 'About the document' }), list);
}

function renderItem(item: StoredReport, onRetry: () => void): HTMLElement {
  const details = el('details', { className: 'pdf-item' });
  details.dataset.verdict = item.report.verdict;
  if (item.location) details.dataset.location = item.location.kind;
  const where = item.location ? describeLocation(item.location) : '';
  const text = el(
    'span',
    { className: 'pdf-item-text' },
    el('span', { className: 'pdf-item-title', text: titleOf(item) }),
    el('span', { className: 'pdf-item-line' }, badge(item.report.verdict), el('span', { className: 'pdf-item-where', text: where })),
  );
  if (item.location?.url) text.append(el('span', { className: 'pdf-item-url', text: item.location.url }));
  const summary = el('summary', {}, text);
  const body = el('div', { className: 'pdf-item-report' });
  details.append(summary, body);
  // The full report is drawn when first opened: a CV with twenty links stays light.
  details.addEventListener('toggle', () => {
    if (details.open && !body.childElementCount) renderReport(body, item, onRetry);
  });
  return details;
}

/**
 * Every credential found in a PDF with its verdict and where it was found (page, kind), each
 * expandable into the full report; findings about the document itself in plain words.
 */
export function renderPdf(root: HTMLElement, pdf: StoredPdf, onRetry: () => void): void {
  const credentials = pdf.items.filter((i) => !isFinding(i));
  const findings = pdf.items.filter(isFinding).flatMap((i) => i.report.checks);
  const head = el('section', { className: 'pdf-head' });
  head.dataset.verdict = pdfVerdict(pdf);
  const source = /^https:\/\//.test(pdf.source) ? el('span', { className: 'mono', text: pdf.source }) : el('span', { text: pdf.source });
  head.append(el('h2', { text: 'Credentials in this PDF' }), el('p', { className: 'where' }, source), el('p', { className: 'pdf-summary', text: summaryLine(credentials) }));
  if (pdf.pageUrl) head.append(el('p', { className: 'muted small', text: `Linked from ${pdf.pageUrl}` }));
  const parts: Node[] = [head];

  if (pdf.blockedOrigins.length) {
    const hosts = pdf.blockedOrigins.map((o) => o.replace(/^https:\/\//, '')).join(', ');
    const button = el('button', { className: 'grant', text: `Allow Credlens to contact ${hosts}` });
    button.addEventListener('click', () => {
      // permissions.request needs this click: nothing is awaited before it.
      void browser.permissions.request({ origins: pdf.blockedOrigins.map((o) => `${o}/*`) }).then((granted) => {
        if (granted) onRetry();
      });
    });
    parts.push(el('section', { className: 'permission' }, el('p', { text: `To check this PDF, Credlens must read public data from ${hosts}, without your cookies.` }), button));
  }
  if (credentials.length) {
    const list = el('ol', { className: 'pdf-items' });
    for (const item of credentials) list.append(el('li', {}, renderItem(item, onRetry)));
    parts.push(list);
  }
  if (findings.length) parts.push(renderFindings(findings));
  parts.push(el('p', { className: 'muted small', text: `Checked by the Credlens extension at ${new Date(pdf.checkedAt).toLocaleString()}. Open a credential for its full report.` }));
  root.replaceChildren(...parts);
}
