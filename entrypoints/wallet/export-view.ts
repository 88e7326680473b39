import { fill, strings } from '../common/i18n/index.js';
import { download, h } from '../common/page.js';
import type { WalletItem } from '../common/wallet.js';
import { buildPresentation, buildZip } from './export.js';

/** Which credentials the learner ticked for an application; kept while the page is open. */
export class Selection {
  private readonly ids = new Set<string>();
  private readonly listeners = new Set<() => void>();

  has(id: string): boolean {
    return this.ids.has(id);
  }

  set(id: string, on: boolean): void {
    if (on) this.ids.add(id);
    else this.ids.delete(id);
    for (const listener of this.listeners) listener();
  }

  /** Keeps only ids still in the wallet. */
  of(items: readonly WalletItem[]): WalletItem[] {
    return items.filter((i) => this.ids.has(i.id));
  }

  onChange(listener: () => void): void {
    this.listeners.clear();
    this.listeners.add(listener);
  }
}

/** The tick box on a credential's card. */
export function selectBox(item: WalletItem, title: string, selection: Selection): HTMLElement {
  const box = h('input', { type: 'checkbox', className: 'select-item', 'aria-label': fill(strings().export.select, { title }), checked: selection.has(item.id) });
  box.addEventListener('change', () => selection.set(item.id, box.checked));
  return box;
}

function stamp(): string {
  return new Date().toISOString().slice(0, 10);
}

export function exportSection(items: readonly WalletItem[], selection: Selection): HTMLElement {
  const t = strings().export;
  const count = h('span', { className: 'hint', id: 'export-count' });
  const status = h('p', { className: 'status', role: 'status', id: 'export-status' });
  const asJson = h('button', { type: 'button', className: 'primary', id: 'export-vp', text: t.asPresentation });
  const asZip = h('button', { type: 'button', id: 'export-zip', text: t.asZip });
  const update = () => {
    const n = selection.of(items).length;
    count.textContent = fill(t.selected, { n });
    asJson.disabled = n === 0;
    asZip.disabled = n === 0;
  };
  selection.onChange(update);
  update();
  const chosen = (): WalletItem[] | undefined => {
    const picked = selection.of(items);
    if (!picked.length) {
      status.className = 'status error';
      status.textContent = t.noneSelected;
      return undefined;
    }
    return picked;
  };
  asJson.addEventListener('click', () => {
    const picked = chosen();
    if (!picked) return;
    const { presentation, skipped } = buildPresentation(picked);
    download(`credlens-presentation-${stamp()}.json`, JSON.stringify(presentation, null, 2), 'application/vp+json');
    status.className = 'status ok';
    status.textContent = [fill(t.exported, { n: picked.length - skipped.length }), skipped.length ? fill(t.skipped, { names: skipped.map((s) => s.fileName).join(', ') }) : ''].filter(Boolean).join(' ');
  });
  asZip.addEventListener('click', () => {
    const picked = chosen();
    if (!picked) return;
    const url = URL.createObjectURL(new Blob([buildZip(picked) as BlobPart], { type: 'application/zip' }));
    const a = h('a', { href: url, download: `credlens-application-${stamp()}.zip` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    status.className = 'status ok';
    status.textContent = fill(t.exported, { n: picked.length });
  });
  const all = h('button', { type: 'button', text: t.selectAll });
  all.addEventListener('click', () => {
    for (const item of items) selection.set(item.id, true);
    for (const box of document.querySelectorAll<HTMLInputElement>('.select-item')) box.checked = true;
  });
  const none = h('button', { type: 'button', text: t.selectNone });
  none.addEventListener('click', () => {
    for (const item of items) selection.set(item.id, false);
    for (const box of document.querySelectorAll<HTMLInputElement>('.select-item')) box.checked = false;
  });
  return h(
    'section',
    { className: 'card', 'aria-labelledby': 'export-h', id: 'export' },
    h('h2', { id: 'export-h', text: t.heading }),
    h('p', { className: 'hint', text: t.intro }),
    h('div', { className: 'row' }, all, none, count),
    h('div', { className: 'row' }, asJson, asZip),
    status,
    h('p', { className: 'hint', text: t.unsigned }),
  );
}
