import { renderReport } from '../common/report-view.js';
import { HistoryStore, type HistoryEntry } from '../common/history.js';
import { applyLanguage, download, formatWhen, h, hostOf, shortId, VERDICT_WORDS } from '../common/page.js';
import { readSettings } from '../common/settings-browser.js';

const VIA_WORDS: Record<HistoryEntry['via'], string> = {
  page: 'Mark on a page',
  'context-menu': 'Verify credential (menu)',
  popup: 'Pasted or dropped',
  wallet: 'Wallet',
};

/** The report as it was then, in the same view as the side panel (components only render, never verify). */
function reportRow(entry: HistoryEntry): HTMLTableRowElement {
  const view = h('div', { className: 'history-report' });
  renderReport(view, { reportId: entry.reportId, kind: entry.kind, source: entry.source, report: entry.report, blockedOrigins: [], ...(entry.pageUrl ? { pageUrl: entry.pageUrl } : {}) }, () => undefined);
  return h('tr', { className: 'report-row' }, h('td', { colspan: '5' }, view));
}

async function main(): Promise<void> {
  await applyLanguage();
  const store = new HistoryStore();
  const settings = await readSettings();
  const root = document.getElementById('app') as HTMLElement;
  const search = h('input', { type: 'search', id: 'history-search', placeholder: 'Search by title, issuer, site or verdict', 'aria-label': 'Search the history', className: 'grow' });
  const exportButton = h('button', { type: 'button', text: 'Export as JSON' });
  const clear = h('button', { type: 'button', className: 'danger', text: 'Delete all' });
  const status = h('p', { className: 'status', role: 'status', id: 'history-status' });
  const body = h('tbody', { id: 'history-rows' });
  const table = h(
    'table',
    {},
    h('caption', { className: 'visually-hidden', text: 'Verification history' }),
    h('thead', {}, h('tr', {}, h('th', { text: 'Verdict' }), h('th', { text: 'Credential' }), h('th', { text: 'Where' }), h('th', { text: 'When' }), h('th', {}, h('span', { className: 'visually-hidden', text: 'Actions' })))),
    body,
  );
  const empty = h('p', { className: 'hint', id: 'history-empty' });

  async function render(): Promise<void> {
    const entries = await store.list(search.value);
    body.replaceChildren(
      ...entries.map((entry) => {
        const remove = h('button', { type: 'button', text: 'Delete', 'aria-label': `Delete the entry for ${entry.title ?? entry.source}` });
        remove.addEventListener('click', () => void store.remove(entry.id).then(render));
        const show = h('button', { type: 'button', text: 'Report', 'aria-expanded': 'false' });
        show.addEventListener('click', () => {
          const row = show.closest('tr') as HTMLTableRowElement;
          const open = row.nextElementSibling?.classList.contains('report-row');
          if (open) row.nextElementSibling?.remove();
          else row.after(reportRow(entry));
          show.setAttribute('aria-expanded', String(!open));
        });
        const where = entry.pageUrl ? h('span', { title: entry.pageUrl, text: hostOf(entry.pageUrl) }) : h('span', { className: 'hint', text: 'Not on a page' });
        return h(
          'tr',
          { 'data-verdict': entry.verdict },
          h('td', {}, h('span', { className: `verdict-dot ${entry.verdict}`, 'aria-hidden': 'true' }), VERDICT_WORDS[entry.verdict] ?? entry.verdict),
          h('td', {}, h('strong', { text: entry.title ?? 'Untitled credential' }), entry.issuer ? h('div', { className: 'hint', title: entry.issuer, text: shortId(entry.issuer) }) : undefined, h('div', { className: 'hint mono', title: entry.source, text: shortId(entry.source, 72) })),
          h('td', {}, where, h('div', { className: 'hint', text: VIA_WORDS[entry.via] })),
          h('td', {}, formatWhen(entry.verifiedAt), entry.times > 1 ? h('div', { className: 'hint', text: `${entry.times} times since ${formatWhen(entry.firstVerifiedAt)}` }) : undefined),
          h('td', {}, h('div', { className: 'row' }, show, remove)),
        );
      }),
    );
    table.hidden = entries.length === 0;
    empty.textContent = entries.length ? '' : search.value ? 'Nothing matches this search.' : 'Nothing checked yet. Credentials you check appear here.';
    status.textContent = entries.length ? `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}` : '';
  }

  search.addEventListener('input', () => void render());
  exportButton.addEventListener('click', () => void store.exportJson().then((json) => download(`credlens-history-${new Date().toISOString().slice(0, 10)}.json`, json)));
  clear.addEventListener('click', () => {
    if (!confirm('Delete the whole history? This cannot be undone.')) return;
    void store.clear().then(render);
  });

  const retention = settings.historyEnabled
    ? `Kept on this device only, for ${settings.historyDays} days (change this in Settings).`
    : 'Keeping a history is switched off in Settings; older entries stay until you delete them.';
  root.replaceChildren(
    h('section', { className: 'card', 'aria-labelledby': 'history-h' }, h('h2', { id: 'history-h', text: 'What you checked' }), h('p', { className: 'hint', text: retention }), h('div', { className: 'row' }, search, exportButton, clear), status, table, empty),
  );
  if (settings.historyEnabled) await store.prune(settings.historyDays);
  await render();
}

void main();
