import '../../components/index.js';
import type { CredlensVerdictBadge } from '../../components/index.js';
import type { VerificationReport } from '../../lib/index.js';
import { browser } from 'wxt/browser';
import type { RegistryFinding } from '../../lib/index.js';
import { durationHours } from '../../lib/tools.js';
import { callBackground } from '../common/background-client.js';
import type { InputRef } from '../common/protocol.js';
import { fill, strings } from '../common/i18n/index.js';
import { applyLanguage, download, fileBase64, formatWhen, h, shortId } from '../common/page.js';
import { renderReport } from '../common/report-view.js';
import { RegistryStore } from '../common/registry-store.js';
import { base64ToBytes, payloadId, safeFileName, textFileType, WalletStore, type WalletItem, type WalletPayload, type WalletVia } from '../common/wallet.js';
import { exportSection, selectBox, Selection } from './export-view.js';
import { findingKey, learningSection, registryFacts } from './learning.js';
import { defaultCountry, learnerSummary } from './summary.js';

const store = new WalletStore();
const registries = new RegistryStore();
const selection = new Selection();
const COUNTRY_KEY = 'learnerCountry';
let country: string | undefined;
const status = h('p', { className: 'status', role: 'status', id: 'wallet-status' });
const VIA_WORDS: Record<WalletVia, string> = { file: 'a file', link: 'a link', qr: 'a QR code', image: 'a badge image', text: 'pasted text' };

function say(text: string, kind: '' | 'ok' | 'error' = ''): void {
  status.className = `status ${kind}`;
  status.textContent = text;
}

function inputOf(item: Pick<WalletItem, 'payload' | 'link' | 'label'>): InputRef {
  if (item.link) return { kind: 'url', url: item.link };
  return item.payload.type === 'text' ? { kind: 'text', text: item.payload.text } : { kind: 'bytes', base64: item.payload.base64, mediaType: item.payload.mediaType, name: item.label };
}

function extensionFor(payload: WalletPayload): { mediaType: string; extension: string } {
  if (payload.type === 'text') return textFileType(payload.text);
  const extension = { 'image/png': 'png', 'image/svg+xml': 'svg', 'application/pdf': 'pdf', 'image/jpeg': 'jpg' }[payload.mediaType] ?? 'bin';
  return { mediaType: payload.mediaType, extension };
}

/** Verifies on import (the verdict is part of what the learner sees before attaching it anywhere). */
async function importPayload(payload: WalletPayload, via: WalletVia, label: string, link?: string): Promise<void> {
  say(`Checking ${label}…`);
  const id = await payloadId(payload);
  const stored = await callBackground({ type: 'verify-input', input: inputOf({ payload, label, ...(link ? { link } : {}) }), via: 'wallet' });
  const title = stored.report.credential?.title ?? stored.report.credential?.achievement?.name;
  const item: WalletItem = { id, addedAt: Date.now(), via, label, payload, fileName: safeFileName(title ?? label, extensionFor(payload).extension), report: stored.report, reportId: stored.reportId, verifiedAt: Date.now() };
  if (link) item.link = link;
  await store.put(item);
  say(`Added "${title ?? label}": ${stored.report.verdict === 'verified' ? 'verified' : stored.report.verdict}.`, stored.report.verdict === 'invalid' ? 'error' : 'ok');
}

async function importLink(url: string, via: WalletVia = 'link'): Promise<void> {
  say(`Reading ${url}…`);
  const fetched = await callBackground({ type: 'fetch-credential', url });
  await importPayload(fetched.payload, via, url, url);
}

async function importText(text: string, via: WalletVia = 'text'): Promise<void> {
  const t = text.trim();
  if (/^https:\/\/\S+$/i.test(t)) return importLink(t, via === 'text' ? 'link' : via);
  await importPayload({ type: 'text', text: t }, via, via === 'qr' ? 'Credential from a QR code' : 'Pasted credential');
}

async function importFile(file: File): Promise<void> {
  const isImage = file.type.startsWith('image/') && file.type !== 'image/svg+xml';
  if (isImage || /\.(png|jpe?g|webp|gif)$/i.test(file.name)) {
    const base64 = await fileBase64(file);
    const { texts } = await callBackground({ type: 'decode-qr', base64 });
    const text = texts.find((t) => /^https:\/\//i.test(t.trim()) || t.trim().startsWith('{') || /^eyJ/.test(t.trim()));
    if (text) return importText(text, 'qr');
    return importPayload({ type: 'bytes', base64, mediaType: file.type || 'image/png' }, 'image', file.name);
  }
  const textual = /json|jwt|text|svg/.test(file.type) || /\.(json|jsonld|jwt|sd-jwt|txt|svg)$/i.test(file.name);
  if (textual) return importPayload({ type: 'text', text: (await file.text()).trim() }, 'file', file.name);
  return importPayload({ type: 'bytes', base64: await fileBase64(file), mediaType: file.type || 'application/octet-stream' }, 'file', file.name);
}

function guarded(work: () => Promise<void>): Promise<void> {
  return work().then(render, (error: unknown) => say(error instanceof Error ? error.message : String(error), 'error'));
}

function importSection(): HTMLElement {
  const file = h('input', { type: 'file', id: 'wallet-file', className: 'visually-hidden', multiple: true, accept: '.json,.jsonld,.jwt,.sd-jwt,.txt,.png,.svg,.jpg,.jpeg,.webp,.pdf,application/json,image/*,application/pdf' });
  file.addEventListener('change', () => {
    const files = [...(file.files ?? [])];
    file.value = '';
    void guarded(async () => {
      for (const f of files) await importFile(f);
    });
  });
  const link = h('input', { type: 'url', id: 'wallet-link', placeholder: 'https://www.credly.com/badges/…', 'aria-label': 'Link to a credential', className: 'grow' });
  const addLink = h('button', { type: 'button', text: 'Import link' });
  addLink.addEventListener('click', () => {
    const url = link.value.trim();
    if (!/^https:\/\//i.test(url)) return say('Enter the https:// link of a credential.', 'error');
    link.value = '';
    void guarded(() => importLink(url));
  });
  const text = h('textarea', { id: 'wallet-text', 'aria-label': 'Credential text (JSON or JWT)', placeholder: 'Or paste the credential itself (JSON or JWT)' });
  const addText = h('button', { type: 'button', text: 'Import text' });
  addText.addEventListener('click', () => {
    if (!text.value.trim()) return say('Paste a credential first.', 'error');
    const value = text.value;
    text.value = '';
    void guarded(() => importText(value));
  });
  const drop = h(
    'div',
    { className: 'drop', id: 'wallet-drop' },
    h('p', { className: 'hint', text: 'Drop a credential file, a badge image or a picture of a QR code here, or:' }),
    h('div', { className: 'row' }, h('label', { className: 'button', for: 'wallet-file', text: 'Choose files' }), file),
    h('div', { className: 'row' }, link, addLink),
    text,
    h('div', { className: 'row' }, addText),
  );
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const files = [...(e.dataTransfer?.files ?? [])];
    const plain = e.dataTransfer?.getData('text/plain');
    void guarded(async () => {
      for (const f of files) await importFile(f);
      if (!files.length && plain?.trim()) await importText(plain);
    });
  });
  return h('section', { className: 'card', 'aria-labelledby': 'import-h' }, h('h2', { id: 'import-h', text: 'Add a credential' }), drop, status);
}

function workloadText(report: VerificationReport | undefined): string | undefined {
  const w = report?.microcredential?.elements.workload.value as { ects?: unknown; volumeOfLearning?: unknown } | null | undefined;
  if (w?.ects !== undefined && w.ects !== null) return `${String(w.ects)} ECTS`;
  const hours = durationHours(w?.volumeOfLearning);
  return hours !== undefined ? `${hours} hours` : undefined;
}

function levelText(report: VerificationReport | undefined): string | undefined {
  const l = report?.microcredential?.elements.level.value as { eqf?: unknown } | null | undefined;
  return typeof l?.eqf === 'number' ? `EQF level ${l.eqf}` : undefined;
}

function stackSection(items: WalletItem[]): HTMLElement {
  const reports = items.flatMap((i) => (i.report ? [i.report] : []));
  const authentic = reports.filter((r) => r.verdict === 'verified' || r.verdict === 'warning');
  const issuers = [...new Set(authentic.map((r) => r.credential?.issuer?.name ?? shortId(r.credential?.issuer?.id ?? '')).filter((x): x is string => !!x))];
  const stat = (n: string, l: string, id: string) => h('div', { className: 'stat', id }, h('span', { className: 'n', text: n }), h('span', { className: 'l', text: l }));
  return h(
    'section',
    { className: 'card', 'aria-labelledby': 'stack-h' },
    h('h2', { id: 'stack-h', text: 'Your stack' }),
    h(
      'div',
      { className: 'stack' },
      stat(String(items.length), `credential${items.length === 1 ? '' : 's'} in the wallet`, 'stack-total'),
      stat(String(authentic.length), 'verified (with or without warnings)', 'stack-authentic'),
    ),
    h('p', { className: 'hint', id: 'stack-issuers', text: issuers.length ? `Issued by ${issuers.join(', ')}.` : 'No verified issuer yet.' }),
  );
}

function itemCard(item: WalletItem): HTMLElement {
  const report = item.report;
  const badge = document.createElement('credlens-verdict-badge') as CredlensVerdictBadge;
  badge.setAttribute('state', report?.verdict ?? 'unverifiable');
  const title = report?.credential?.title ?? report?.credential?.achievement?.name ?? item.label;
  const issuer = report?.credential?.issuer?.name ?? (report?.credential?.issuer?.id ? shortId(report.credential.issuer.id) : undefined);
  const facts = h(
    'div',
    { className: 'facts' },
    issuer ? h('span', {}, 'Issuer ', h('strong', { text: issuer })) : undefined,
    workloadText(report) ? h('span', {}, 'Workload ', h('strong', { text: workloadText(report) as string })) : undefined,
    levelText(report) ? h('span', { text: levelText(report) as string }) : undefined,
    h('span', { text: `Imported from ${VIA_WORDS[item.via]}, ${formatWhen(item.addedAt)}` }),
    item.verifiedAt ? h('span', { text: `Last checked ${formatWhen(item.verifiedAt)}` }) : undefined,
  );
  const again = h('button', { type: 'button', text: 'Check again' });
  again.addEventListener('click', () =>
    void guarded(async () => {
      say(`Checking ${title}…`);
      const stored = await callBackground({ type: 'verify-input', input: inputOf(item), via: 'wallet' });
      await store.setReport(item.id, stored.reportId, stored.report);
      say(`Checked "${title}" again: ${stored.report.verdict}.`, stored.report.verdict === 'invalid' ? 'error' : 'ok');
    }),
  );
  const save = h('button', { type: 'button', text: 'Download' });
  save.addEventListener('click', () => {
    const { mediaType } = extensionFor(item.payload);
    if (item.payload.type === 'text') download(item.fileName, item.payload.text, mediaType);
    else {
      const url = URL.createObjectURL(new Blob([base64ToBytes(item.payload.base64) as BlobPart], { type: mediaType }));
      const a = h('a', { href: url, download: item.fileName });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }
  });
  const remove = h('button', { type: 'button', className: 'danger', text: 'Delete', 'aria-label': `Delete ${title} from the wallet` });
  remove.addEventListener('click', () => {
    if (confirm(`Delete "${title}" from your wallet?`)) void guarded(() => store.remove(item.id));
  });
  const employer = h('details', { className: 'employer' }, h('summary', { text: 'What an employer sees' }));
  const view = h('div', {});
  employer.append(view);
  employer.addEventListener('toggle', () => {
    if (employer.open && report && !view.childElementCount) renderReport(view, { reportId: item.reportId ?? item.id, kind: item.link ? 'link' : item.via === 'image' ? 'baked' : 'text', source: item.link ?? item.label, report, blockedOrigins: [] }, () => again.click());
  });
  return h(
    'article',
    { className: 'card wallet-item', 'data-verdict': report?.verdict ?? 'unverifiable' },
    h('div', { className: 'item-head' }, selectBox(item, title, selection), badge, h('div', { className: 'grow' }, h('h3', { text: title }), facts, registryFacts(report, country)), h('div', { className: 'row' }, again, save, remove)),
    employer,
  );
}

const root = document.getElementById('app') as HTMLElement;

/** Checks every credential again (after a training registry was added, for instance). */
async function checkAll(items: WalletItem[]): Promise<void> {
  say(fill(strings().learning.checking, { n: items.length }));
  for (const item of items) {
    const stored = await callBackground({ type: 'verify-input', input: inputOf(item), via: 'wallet' });
    await store.setReport(item.id, stored.reportId, stored.report);
  }
  say(fill(strings().learning.checked, { n: items.length }), 'ok');
}

async function learning(items: WalletItem[]): Promise<HTMLElement> {
  const metas = await registries.list().catch(() => []);
  const chosen = (await browser.storage.local.get(COUNTRY_KEY))[COUNTRY_KEY];
  country = defaultCountry(typeof chosen === 'string' ? chosen : undefined, navigator.language, metas.flatMap((m) => (m.country ? [m.country] : [])));
  const changed = Math.max(0, ...metas.map((m) => m.storedAt));
  const findings = new Map<string, RegistryFinding>();
  const byCredential = new Map<string, RegistryFinding>();
  for (const item of items) {
    const f = item.report?.registry;
    if (f) byCredential.set(item.id, f);
    if (f?.registry && f.entry) findings.set(findingKey(f.registry.id, f.entry.code), f);
  }
  return learningSection({
    summary: await learnerSummary(items, registries, country),
    registries: metas,
    country,
    findings,
    byCredential,
    stale: metas.length ? items.filter((i) => (i.verifiedAt ?? 0) < changed).length : 0,
    onCountry: (next) => void browser.storage.local.set({ [COUNTRY_KEY]: next }).then(render),
    onCheckAll: () => void guarded(() => checkAll(items)),
  });
}

async function render(): Promise<void> {
  const items = await store.list();
  const summary = await learning(items);
  const exportAll = h('button', { type: 'button', text: 'Export everything (JSON)' });
  exportAll.addEventListener('click', () => void store.exportJson().then((json) => download(`credlens-wallet-${new Date().toISOString().slice(0, 10)}.json`, json)));
  const deleteAll = h('button', { type: 'button', className: 'danger', text: 'Delete everything' });
  deleteAll.addEventListener('click', () => {
    if (confirm('Delete every credential in your wallet? Export them first if you want to keep a copy.')) void guarded(() => store.clear());
  });
  const list = h('div', { className: 'wallet-list', id: 'wallet-items' }, ...items.map(itemCard));
  if (!items.length) list.append(h('p', { className: 'hint', text: 'Your wallet is empty. Add the credentials you earned, then attach them to job applications from the Credlens button.' }));
  root.replaceChildren(
    h('div', {}, h('h2', { text: 'My credentials', style: 'font-size: 18px' }), h('p', { className: 'hint', text: 'Your credentials stay in this browser, on this device. Credlens checks each one when you add it and whenever you ask. On a job application, open Credlens to attach one.' })),
    stackSection(items),
    summary,
    importSection(),
    ...(items.length ? [exportSection(items, selection)] : []),
    list,
    h('section', { className: 'card', 'aria-labelledby': 'data-h' }, h('h2', { id: 'data-h', text: 'Your data' }), h('p', { className: 'hint', text: 'You own this data. Export it all as one file, or delete all of it from this browser.' }), h('div', { className: 'row' }, exportAll, deleteAll)),
  );
}

void applyLanguage().then(render);
