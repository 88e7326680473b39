import { browser } from 'wxt/browser';
import { createIo } from '../../lib/tools.js';
import { countryName, formatDate, toLang } from '../../components/index.js';
import { fill, strings } from '../common/i18n/index.js';
import { h, hostOf } from '../common/page.js';
import { acceptRegistryText, bumpRegistriesRevision, MAX_REGISTRY_BYTES, RegistryStore, type RegistryMeta, type RegistryOrigin } from '../common/registry-store.js';
import { toOrigin } from '../common/settings.js';

/**
 * The options page's training registries (issue #19): added from a file or an https address in
 * Credlens's format, parsed and indexed once into IndexedDB, listed with name, entries and date.
 * The address is read only here, when the user adds or refreshes it.
 */
export function registriesSection(store = new RegistryStore()): HTMLElement {
  const t = strings().registries;
  const lang = toLang(document.documentElement.lang);
  const list = h('div', { id: 'training-registries', className: 'wallet-list' });
  const status = h('p', { className: 'status', role: 'status', id: 'registry-status' });
  const grant = h('button', { type: 'button', hidden: true });
  const say = (text: string, kind: '' | 'ok' | 'error' = '') => {
    status.className = `status ${kind}`;
    status.textContent = text;
  };

  const card = (meta: RegistryMeta): HTMLElement => {
    const remove = h('button', { type: 'button', className: 'danger', text: t.remove, 'aria-label': fill(t.removeLabel, { name: meta.name }) });
    remove.addEventListener('click', () => void store.remove(meta.id).then(() => bumpRegistriesRevision(browser.storage.local)).then(render));
    const refresh = meta.origin.kind === 'url' ? h('button', { type: 'button', text: t.refresh, 'aria-label': fill(t.refreshLabel, { name: meta.name }) }) : undefined;
    const url = meta.origin.kind === 'url' ? meta.origin.url : undefined;
    if (refresh && url) refresh.addEventListener('click', () => void addFromUrl(url));
    const facts = [
      fill(t.entries, { n: meta.entryCount.toLocaleString(lang) }),
      meta.published ? fill(t.published, { date: formatDate(meta.published, lang) ?? meta.published }) : undefined,
      fill(t.stored, { date: new Date(meta.storedAt).toLocaleDateString(lang, { dateStyle: 'medium' }) }),
      meta.country ? fill(t.country, { country: countryName(meta.country, lang) ?? meta.country }) : undefined,
      meta.fundingScheme ? fill(t.funding, { scheme: meta.fundingScheme }) : undefined,
    ].filter((x): x is string => Boolean(x));
    const from = meta.origin.kind === 'url' ? fill(t.fromUrl, { url: meta.origin.url }) : fill(t.fromFile, { name: meta.origin.name });
    return h(
      'div',
      { className: 'card training-registry', 'data-registry': meta.id },
      h(
        'div',
        { className: 'item-head' },
        h('div', { className: 'grow' }, h('h3', { text: meta.name }), h('div', { className: 'facts' }, ...facts.map((f) => h('span', { text: f }))), h('span', { className: 'hint', text: from })),
        h('div', { className: 'row' }, refresh, remove),
      ),
    );
  };

  async function render(): Promise<void> {
    const metas = await store.list().catch(() => [] as RegistryMeta[]);
    list.replaceChildren(...metas.map(card));
    if (!metas.length) list.append(h('p', { className: 'hint', text: t.empty }));
  }

  async function accept(text: string, origin: RegistryOrigin): Promise<void> {
    const source = origin.kind === 'url' ? origin.url : origin.name;
    try {
      const registry = acceptRegistryText(text, source);
      say(fill(t.indexing, { n: registry.entries.length.toLocaleString(lang) }));
      await store.put(registry, origin);
      await bumpRegistriesRevision(browser.storage.local);
      say(fill(t.added, { name: registry.name, n: registry.entries.length.toLocaleString(lang) }), 'ok');
      await render();
    } catch (error) {
      say(error instanceof Error ? error.message : String(error), 'error');
    }
  }

  async function fetchText(address: string): Promise<string> {
    const io = createIo({ fetch: (u, init) => fetch(u, init) });
    const response = await io.get(address, { kind: 'metadata', accept: 'application/json', cacheTtlSeconds: 0, maxBytes: MAX_REGISTRY_BYTES });
    return new TextDecoder().decode(response.body);
  }

  async function addFromUrl(address: string): Promise<void> {
    const origin = toOrigin(address);
    if (!origin || !address.startsWith('https://')) return say(t.needHttps, 'error');
    grant.hidden = true;
    say(t.reading);
    let text: string;
    try {
      text = await fetchText(address);
    } catch {
      const allowed = await browser.permissions.contains({ origins: [`${origin}/*`] }).catch(() => false);
      say(allowed ? fill(t.cannotRead, { url: address }) : fill(t.noPermission, { host: hostOf(origin) }), 'error');
      if (!allowed) {
        grant.textContent = fill(t.allow, { host: hostOf(origin) });
        grant.hidden = false;
        grant.onclick = () => {
          // permissions.request needs this click: nothing is awaited before it.
          void browser.permissions.request({ origins: [`${origin}/*`] }).then((ok) => (ok ? addFromUrl(address) : undefined));
        };
      }
      return;
    }
    await accept(text, { kind: 'url', url: address });
  }

  const url = h('input', { type: 'url', id: 'registry-url', placeholder: 'https://registry.example/training-registry.json', 'aria-label': t.urlLabel, className: 'grow' });
  const addUrl = h('button', { type: 'button', id: 'registry-add-url', text: t.addUrl });
  addUrl.addEventListener('click', () => void addFromUrl(url.value.trim()));
  const file = h('input', { type: 'file', id: 'registry-file', accept: '.json,application/json', className: 'visually-hidden' });
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    file.value = '';
    if (chosen) {
      say(t.reading);
      void chosen.text().then((text) => accept(text, { kind: 'file', name: chosen.name }));
    }
  });
  void render();
  return h(
    'section',
    { className: 'card', 'aria-labelledby': 'registries-h', id: 'registries' },
    h('h2', { id: 'registries-h', text: t.heading }),
    h('p', { className: 'hint', text: t.intro }),
    list,
    h('div', { className: 'row' }, url, addUrl, h('label', { className: 'button', for: 'registry-file', text: t.addFile }), file),
    grant,
    status,
    h('p', { className: 'hint', text: t.privacy }),
    h('p', { className: 'hint', text: t.format }),
  );
}
