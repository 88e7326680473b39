import { browser } from 'wxt/browser';
import type { VerificationState } from '../../lib/index.js';
import { fillAttachTarget, findAttachTargets, type AttachPayload, type AttachResult, type AttachTarget } from '../common/attach.js';
import { callBackground } from '../common/background-client.js';
import type { InputRef, TabSummary } from '../common/protocol.js';
import { PAGE_STATUS_REQUEST, type PageRequest, type PageStatus, type SelectedEvent } from '../common/protocol.js';
import { applyLanguage, fileBase64, h, VERDICT_WORDS } from '../common/page.js';
import { retryPdf } from '../common/panel-app.js';
import { renderReport } from '../common/report-view.js';
import { renderPdf } from '../common/pdf-listing.js';
import { isStoredPdf, type StoredView } from '../common/pdf-messages.js';
import { bytesToBase64, textFileType, WalletStore, type WalletItem } from '../common/wallet.js';

const STATES: VerificationState[] = ['verified', 'warning', 'invalid', 'unverifiable', 'pending'];

function extensionUrl(path: string): string {
  return (browser.runtime as unknown as { getURL(path: string): string }).getURL(path);
}

async function ask<T>(request: PageRequest): Promise<T | undefined> {
  try {
    return (await browser.runtime.sendMessage(request)) as T | undefined;
  } catch {
    return undefined;
  }
}

async function targetTab(): Promise<{ id?: number; url?: string }> {
  const param = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(param) && param > 0) {
    const tab = await browser.tabs.get(param).catch(() => undefined);
    return { id: param, ...(tab?.url ? { url: tab.url } : {}) };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { ...(tab?.id !== undefined ? { id: tab.id } : {}), ...(tab?.url ? { url: tab.url } : {}) };
}

/** The tab's marks at a glance: one chip per state, counted by the background (a page cannot add to it). */
function renderCounts(list: HTMLElement, summary: TabSummary | undefined, note: HTMLElement): void {
  const counts = summary?.counts;
  list.replaceChildren(
    ...STATES.filter((s) => s !== 'pending' || (counts?.pending ?? 0) > 0).map((state) => {
      const n = counts?.[state] ?? 0;
      return h('li', { className: `chip ${state}${n ? '' : ' zero'}`, 'data-state': state }, h('b', { text: String(n) }), VERDICT_WORDS[state]);
    }),
  );
  note.textContent = summary && summary.total > 0 ? `${summary.total} credential${summary.total === 1 ? '' : 's'} found on this page. Select a mark on the page for its full report.` : 'No credentials checked on this page yet.';
}

/** A PDF: by its type, its name, or its first bytes (`%PDF-`). */
async function isPdfFile(file: File): Promise<boolean> {
  if (file.type === 'application/pdf' || /\.pdf$/i.test(file.name)) return true;
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  return String.fromCharCode(...head) === '%PDF-';
}

async function inputFromFile(file: File): Promise<InputRef> {
  const textual = /json|jwt|text|svg/.test(file.type) || /\.(json|jsonld|jwt|sd-jwt|txt|svg)$/i.test(file.name);
  if (textual && file.size < 256 * 1024) return { kind: 'text', text: await file.text() };
  return { kind: 'bytes', base64: await fileBase64(file), mediaType: file.type, name: file.name };
}

function attachPayload(item: WalletItem, target: AttachTarget): AttachPayload | undefined {
  if (target.kind === 'link') return item.link ? { kind: 'link', url: item.link } : undefined;
  if (item.payload.type === 'text') {
    const { mediaType } = textFileType(item.payload.text);
    return { kind: 'file', fileName: item.fileName, mediaType, base64: bytesToBase64(new TextEncoder().encode(item.payload.text)) };
  }
  return { kind: 'file', fileName: item.fileName, mediaType: item.payload.mediaType, base64: item.payload.base64 };
}

/**
 * The popup: the current tab's verdicts at a glance, a place to paste or drop any credential,
 * "Attach a credential" on application forms, and the way to history, wallet and settings.
 */
export async function startHome(root: HTMLElement): Promise<void> {
  await applyLanguage();
  const tab = await targetTab();
  const isChrome = typeof (browser as { sidePanel?: unknown }).sidePanel === 'object';

  // This page
  const countList = h('ul', { className: 'counts', 'aria-label': 'Credentials on this page by verdict' });
  const countNote = h('p', { className: 'hint' });
  const scan = h('button', { type: 'button', text: 'Check this page again' });
  scan.addEventListener('click', () => {
    if (tab.id !== undefined) void ask({ type: 'scan-tab', tabId: tab.id });
  });
  const pageActions = h('div', { className: 'row' }, scan);
  if (isChrome && tab.id !== undefined) {
    const panel = h('button', { type: 'button', text: 'Open the side panel' });
    panel.addEventListener('click', () => void browser.sidePanel.open({ tabId: tab.id as number }).catch(() => undefined));
    pageActions.append(panel);
  }
  const pageSection = h('section', { className: 'card', 'aria-labelledby': 'page-h' }, h('h2', { id: 'page-h', text: 'This page' }), countList, countNote, pageActions);

  // Verify anything
  const text = h('textarea', { id: 'paste', 'aria-label': 'Credential: a link, a JWT or JSON', placeholder: 'Paste a link, a JWT or JSON, or drop a file or badge image here' });
  const file = h('input', { type: 'file', id: 'file', className: 'visually-hidden', accept: '.json,.jsonld,.jwt,.txt,.png,.svg,.jpg,.jpeg,.webp,.pdf,application/json,image/*,application/pdf' });
  const pick = h('label', { className: 'button', for: 'file', text: 'Choose a file' });
  const go = h('button', { type: 'button', className: 'primary', text: 'Verify' });
  const status = h('p', { className: 'status', role: 'status' });
  const drop = h('div', { className: 'drop', id: 'drop' }, text, h('div', { className: 'row' }, go, pick, file));
  const verifySection = h('section', { className: 'card', 'aria-labelledby': 'verify-h' }, h('h2', { id: 'verify-h', text: 'Verify a credential' }), drop, status);
  if (tab.url && /^https:\/\/[^#?]+\.pdf([?#]|$)/i.test(tab.url)) {
    // The tab shows a PDF: opening Credlens granted access to it (activeTab), so the background can read it.
    const pdfUrl = tab.url;
    const checkPdf = h('button', { type: 'button', className: 'primary', id: 'verify-tab-pdf', text: 'Verify credentials in this PDF' });
    checkPdf.addEventListener('click', () => void verifyPdf({ kind: 'url', url: pdfUrl }));
    verifySection.insertBefore(h('div', { className: 'row' }, checkPdf), drop);
  }
  const result = h('div', { id: 'result', 'aria-live': 'polite', className: 'result' });

  /** Says `busy` while the background verifies, then shows the report, or the error in the status line. */
  async function showVerification(busy: string, verification: () => Promise<StoredView>): Promise<void> {
    status.className = 'status';
    status.textContent = busy;
    go.disabled = true;
    try {
      const stored = await verification();
      status.textContent = '';
      showReport(stored);
    } catch (error) {
      status.className = 'status error';
      status.textContent = error instanceof Error ? error.message : String(error);
    } finally {
      go.disabled = false;
    }
  }

  function verifyInput(input: InputRef): Promise<void> {
    return showVerification('Checking…', () => callBackground({ type: 'verify-input', input, via: 'popup' }));
  }

  function verifyPdf(input: Extract<InputRef, { kind: 'url' | 'bytes' }>): Promise<void> {
    return showVerification('Looking for credentials in the PDF…', () => callBackground({ type: 'verify-pdf', input, via: 'popup' }));
  }

  async function verifyFile(chosen: File): Promise<void> {
    if (await isPdfFile(chosen)) return verifyPdf({ kind: 'bytes', base64: await fileBase64(chosen), mediaType: 'application/pdf', name: chosen.name });
    return verifyInput(await inputFromFile(chosen));
  }

  function showReport(stored: StoredView): void {
    if (isStoredPdf(stored)) {
      renderPdf(result, stored, () => void retryPdf(stored).then((next) => next && showReport(next)));
      return;
    }
    renderReport(result, stored, () => {
      void callBackground({ type: 'verify-input', input: stored.kind === 'link' ? { kind: 'url', url: stored.source } : { kind: 'text', text: stored.source }, via: 'popup' }).then(showReport, () => undefined);
    });
  }

  go.addEventListener('click', () => {
    const value = text.value.trim();
    if (!value) {
      status.className = 'status error';
      status.textContent = 'Paste a credential or a link first, or choose a file.';
      text.focus();
      return;
    }
    void verifyInput({ kind: 'text', text: value });
  });
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (chosen) void verifyFile(chosen);
    file.value = '';
  });
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    const dropped = event.dataTransfer?.files?.[0];
    if (dropped) return void verifyFile(dropped);
    const uri = event.dataTransfer?.getData('text/uri-list').split('\n').find((l) => l && !l.startsWith('#'));
    const plain = uri || event.dataTransfer?.getData('text/plain');
    if (plain?.trim()) {
      text.value = plain.trim();
      void verifyInput({ kind: 'text', text: plain.trim() });
    }
  });
  text.addEventListener('paste', (event) => {
    const pasted = event.clipboardData?.files?.[0];
    if (pasted) {
      event.preventDefault();
      void verifyFile(pasted);
    }
  });

  // Attach a credential (application forms)
  const attachSection = h('section', { className: 'card', 'aria-labelledby': 'attach-h', hidden: true });

  const wallet = h('a', { href: extensionUrl('/wallet.html'), target: '_blank', className: 'button', text: 'My wallet' });
  const history = h('a', { href: extensionUrl('/verifications.html'), target: '_blank', className: 'button', text: 'History' });
  const options = h('a', { href: extensionUrl('/options.html'), target: '_blank', className: 'button', text: 'Settings' });
  const nav = h('nav', { className: 'links', 'aria-label': 'Credlens' }, wallet, history, options);

  root.replaceChildren(pageSection, verifySection, result, attachSection, nav);

  if (tab.id !== undefined) {
    const tabId = tab.id;
    // Opening Credlens is the click that starts verification where the settings say "on click".
    void ask({ type: 'scan-tab', tabId });
    const refresh = () => void callBackground({ type: 'tab-summary', tabId }).then((s) => renderCounts(countList, s, countNote), () => renderCounts(countList, undefined, countNote));
    refresh();
    browser.storage.session?.onChanged?.addListener((changes: Record<string, unknown>) => {
      if (`tally:${tabId}` in changes) refresh();
    });
    // A mark selected on the page (Firefox opens this popup for it): show its report here.
    const selected = await ask<StoredView>({ type: 'get-selected', tabId });
    const fromUrl = new URLSearchParams(location.search).get('report');
    const direct = fromUrl && /^[a-z0-9]{1,128}$/.test(fromUrl) ? await ask<StoredView>({ type: 'get-report', reportId: fromUrl }) : undefined;
    if (direct ?? selected) showReport((direct ?? selected) as StoredView);
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (sender.id !== browser.runtime.id) return;
      const event = message as Partial<SelectedEvent>;
      if (event?.type === 'report-selected' && event.tabId === tabId && typeof event.reportId === 'string') {
        void ask<StoredView>({ type: 'get-report', reportId: event.reportId }).then((s) => s && showReport(s));
      }
    });
    void offerAttach(attachSection, tabId, tab.url);
    void showContextNote(tabId, pageSection);
  } else renderCounts(countList, undefined, countNote);
}

/**
 * On a profile page where neither the site's selectors nor the meaning-based fallback found a
 * certifications section, says so (a redesign Credlens does not know yet, or a profile without
 * certifications) instead of silently showing nothing.
 */
async function showContextNote(tabId: number, section: HTMLElement): Promise<void> {
  // The content script may still be starting (the popup just asked for a scan): ask twice.
  for (const wait of [300, 1500]) {
    await new Promise((r) => setTimeout(r, wait));
    const status = (await browser.tabs.sendMessage(tabId, PAGE_STATUS_REQUEST).catch(() => undefined)) as PageStatus | undefined;
    if (!status) continue;
    section.querySelector('#context-note')?.remove();
    if (!status.profilePage || status.contexts !== 'none') return;
    const note = h('p', { className: 'hint', id: 'context-note', role: 'note', text: `No certifications section recognised on this page. Credlens checked ${status.site}'s usual layout and the section names and "Show credential" buttons it knows; if the profile has certifications, the site may have changed its layout. Right-click a link and choose "Verify credential" to check it.` });
    section.insertBefore(note, section.querySelector('.row'));
    return;
  }
}

/** Shows "Attach a credential" when the page has a file input or a link field and the wallet is not empty. */
async function offerAttach(section: HTMLElement, tabId: number, url: string | undefined): Promise<void> {
  if (url && !/^https?:/.test(url)) return;
  const items = await new WalletStore().list().catch(() => [] as WalletItem[]);
  if (!items.length) return;
  let targets: AttachTarget[] = [];
  try {
    const [res] = await browser.scripting.executeScript({ target: { tabId }, func: findAttachTargets });
    targets = (res?.result as AttachTarget[] | undefined) ?? [];
  } catch {
    return; // no access to this page (not granted by the toolbar click): nothing is offered
  }
  if (!targets.length) return;
  const credential = h('select', { id: 'attach-credential' });
  for (const item of items) credential.append(h('option', { value: item.id, text: `${item.report?.credential?.title ?? item.label}${item.report ? ` (${VERDICT_WORDS[item.report.verdict]})` : ''}` }));
  const field = h('select', { id: 'attach-field' });
  for (const t of targets) field.append(h('option', { value: String(t.index), text: `${t.kind === 'file' ? 'File' : 'Link'}: ${t.label}` }));
  const attach = h('button', { type: 'button', className: 'primary', text: 'Attach' });
  const status = h('p', { className: 'status', role: 'status' });
  attach.addEventListener('click', () => {
    void (async () => {
      const item = items.find((i) => i.id === credential.value);
      const target = targets.find((t) => String(t.index) === field.value);
      if (!item || !target) return;
      const payload = attachPayload(item, target);
      if (!payload) {
        status.className = 'status error';
        status.textContent = 'This credential has no public link (it was imported from a file). Choose a file field, or import it from its link.';
        return;
      }
      try {
        const [res] = await browser.scripting.executeScript({ target: { tabId }, func: fillAttachTarget, args: [target.index, payload] });
        const outcome = res?.result as AttachResult | undefined;
        status.className = `status ${outcome?.ok ? 'ok' : 'error'}`;
        status.textContent = outcome?.message ?? 'The page did not accept the credential.';
      } catch {
        status.className = 'status error';
        status.textContent = 'Credlens cannot reach this page any more. Reload it and try again.';
      }
    })();
  });
  section.append(
    h('h2', { id: 'attach-h', text: 'Attach a credential' }),
    h('p', { className: 'hint', text: 'This page has a field for a file or a link. Credlens fills only the field you pick, and never sends the form.' }),
    h('div', { className: 'row' }, h('label', { for: 'attach-credential', text: 'Credential' }), credential),
    h('div', { className: 'row' }, h('label', { for: 'attach-field', text: 'Field' }), field, attach),
    status,
  );
  section.hidden = false;
}
