import { browser } from 'wxt/browser';
import { LANGS, loadLanguage, messages } from '../../components/index.js';
import { createIo } from '../../lib/tools.js';
import { SITES } from '../content/sites/index.js';
import { discoverySection } from './discovery.js';
import { h, applyLanguage, hostOf } from '../common/page.js';
import { readSettings, writeSettings } from '../common/settings-browser.js';
import { CACHE_MINUTES, HISTORY_DAYS, toHost, toOrigin, type Settings } from '../common/settings.js';
import { registriesSection } from './registries.js';
import { acceptTrustListText, addTrustList, describeIssuers, parseStoredTrustLists, readStoredTrustLists, removeTrustList } from '../common/trust-lists.js';

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', de: 'Deutsch', fr: 'Français', es: 'Español', it: 'Italiano', pl: 'Polski' };

let settings: Settings;
const saved = h('p', { className: 'status', role: 'status', id: 'saved' });

async function save(change: (s: Settings) => void): Promise<void> {
  change(settings);
  try {
    settings = await writeSettings(settings);
    saved.className = 'status ok';
    saved.textContent = 'Saved. Credlens uses the new settings from the next verification on.';
  } catch (error) {
    saved.className = 'status error';
    saved.textContent = `Not saved: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function radio(name: string, value: string, checked: boolean, label: string, hint: string, onPick: () => void): HTMLLabelElement {
  const input = h('input', { type: 'radio', name, value, checked });
  input.addEventListener('change', () => input.checked && onPick());
  return h('label', { className: 'choice' }, input, h('span', {}, h('strong', { text: label }), h('br'), h('span', { className: 'hint', text: hint })));
}

function whenSection(): HTMLElement {
  const list = h('ul', { className: 'plain', id: 'site-rules' });
  const render = () => {
    const entries = Object.entries(settings.sites);
    list.replaceChildren(
      ...entries.map(([host, mode]) => {
        const remove = h('button', { type: 'button', text: 'Remove', 'aria-label': `Remove the rule for ${host}` });
        remove.addEventListener('click', () => void save((s) => delete s.sites[host]).then(render));
        return h('li', {}, h('span', {}, h('strong', { text: host }), ` - ${mode === 'auto' ? 'automatically' : 'only when I click Credlens'}`), remove);
      }),
    );
    if (!entries.length) list.append(h('li', { className: 'hint', text: 'No exceptions: every supported site follows the choice above.' }));
  };
  render();
  const host = h('input', { type: 'text', id: 'site-host', placeholder: 'www.linkedin.com', 'aria-label': 'Site' });
  const mode = h('select', { id: 'site-mode', 'aria-label': 'Mode for this site' }, h('option', { value: 'click', text: 'only when I click' }), h('option', { value: 'auto', text: 'automatically' }));
  const add = h('button', { type: 'button', text: 'Add exception' });
  const error = h('p', { className: 'status error', role: 'alert' });
  add.addEventListener('click', () => {
    const name = toHost(host.value);
    if (!name) {
      error.textContent = 'Enter a site such as www.linkedin.com.';
      return;
    }
    error.textContent = '';
    host.value = '';
    void save((s) => (s.sites[name] = mode.value as 'auto' | 'click')).then(render);
  });
  const sites = SITES.map((s) => s.name ?? s.id).filter(Boolean).join(', ');
  return h(
    'section',
    { className: 'card', 'aria-labelledby': 'when-h' },
    h('h2', { id: 'when-h', text: 'When Credlens checks credentials' }),
    h('p', { className: 'hint', text: `On the job boards and profile sites Credlens knows (${sites}), it can check every credential as soon as the page opens, or wait until you click the Credlens button.` }),
    h(
      'fieldset',
      {},
      h('legend', { text: 'On supported sites' }),
      radio('mode', 'auto', settings.verifyMode === 'auto', 'Automatically', 'Credentials get a mark with their verdict as soon as the page loads.', () => void save((s) => (s.verifyMode = 'auto'))),
      radio('mode', 'click', settings.verifyMode === 'click', 'Only when I click Credlens', 'Nothing is checked until you open Credlens on that page.', () => void save((s) => (s.verifyMode = 'click'))),
    ),
    h('h3', { text: 'Exceptions' }),
    list,
    h('div', { className: 'row' }, host, mode, add),
    error,
  );
}

function trustSection(): HTMLElement {
  const list = h('div', { id: 'trust-lists', className: 'wallet-list' });
  const status = h('p', { className: 'status', role: 'status', id: 'trust-status' });
  const render = async () => {
    const views = parseStoredTrustLists(await readStoredTrustLists(browser.storage.local));
    list.replaceChildren(
      ...views.map((v) => {
        const remove = h('button', { type: 'button', className: 'danger', text: 'Remove', 'aria-label': `Remove the trust list ${v.list.name}` });
        remove.addEventListener('click', () => void removeTrustList(browser.storage.local, v.index).then(render));
        const lines = describeIssuers(v.list);
        return h(
          'div',
          { className: 'card trust-list' },
          h('div', { className: 'item-head' }, h('div', { className: 'grow' }, h('h3', { text: v.list.name }), h('span', { className: 'hint', text: `${v.source}${v.addedAt ? ` - added ${new Date(v.addedAt).toLocaleDateString()}` : ''}` })), remove),
          h('details', { className: 'employer' }, h('summary', { text: `Vouches for ${lines.length} issuer${lines.length === 1 ? '' : 's'}${v.list.anchors?.length ? ` and ${v.list.anchors.length} certificate authorit${v.list.anchors.length === 1 ? 'y' : 'ies'}` : ''}` }), h('div', {}, h('ul', {}, ...lines.map((l) => h('li', { text: l }))))),
        );
      }),
    );
    if (!views.length) list.append(h('p', { className: 'hint', text: 'No trust lists yet. Without one, an intact credential from an issuer nobody vouches for is shown as verified with a warning: "issuer not on any trust list".' }));
  };
  void render();

  const accept = async (text: string, source: string) => {
    try {
      const { stored, list: parsed } = acceptTrustListText(text, source);
      await addTrustList(browser.storage.local, stored);
      status.className = 'status ok';
      status.textContent = `Added "${parsed.name}" with ${parsed.issuers.length} issuer${parsed.issuers.length === 1 ? '' : 's'}.`;
      await render();
    } catch (error) {
      status.className = 'status error';
      status.textContent = error instanceof Error ? error.message : String(error);
    }
  };

  const url = h('input', { type: 'url', id: 'trust-url', placeholder: 'https://your-organisation.example/trusted-issuers.json', 'aria-label': 'Trust list address', className: 'grow' });
  const addUrl = h('button', { type: 'button', text: 'Add from address' });
  const grant = h('button', { type: 'button', hidden: true });
  const fetchList = async (address: string) => {
    const io = createIo({ fetch: (u, init) => fetch(u, init) });
    const response = await io.get(address, { kind: 'trust-list', accept: 'application/json', cacheTtlSeconds: 0 });
    await accept(new TextDecoder().decode(response.body), address);
  };
  addUrl.addEventListener('click', () => {
    const address = url.value.trim();
    const origin = toOrigin(address);
    if (!origin || !address.startsWith('https://')) {
      status.className = 'status error';
      status.textContent = 'Enter the https:// address of a trust list.';
      return;
    }
    grant.hidden = true;
    status.className = 'status';
    status.textContent = 'Reading the list…';
    void fetchList(address).catch(async () => {
      const allowed = await browser.permissions.contains({ origins: [`${origin}/*`] }).catch(() => false);
      status.className = 'status error';
      status.textContent = allowed ? `Could not read a trust list at ${address}.` : `Credlens may not read from ${hostOf(origin)} yet.`;
      if (!allowed) {
        grant.textContent = `Allow Credlens to read from ${hostOf(origin)}`;
        grant.hidden = false;
        grant.onclick = () => {
          // permissions.request needs this click: nothing is awaited before it.
          void browser.permissions.request({ origins: [`${origin}/*`] }).then((ok) => (ok ? fetchList(address).catch((e: unknown) => accept('', `${address}: ${String(e)}`)) : undefined));
        };
      }
    });
  });
  const file = h('input', { type: 'file', id: 'trust-file', accept: '.json,application/json', className: 'visually-hidden' });
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (chosen) void chosen.text().then((text) => accept(text, chosen.name));
    file.value = '';
  });
  return h(
    'section',
    { className: 'card', 'aria-labelledby': 'trust-h' },
    h('h2', { id: 'trust-h', text: 'Trust lists' }),
    h('p', { className: 'hint', text: 'A signature proves that a credential is unchanged and who issued it, not whether that issuer is a real school or a diploma mill. A trust list is your (or your organisation\'s) list of issuers you rely on. The first list that names an issuer decides.' }),
    list,
    h('div', { className: 'row' }, url, addUrl, h('label', { className: 'button', for: 'trust-file', text: 'Add from a file' }), file),
    grant,
    status,
    h('p', { className: 'hint' }, 'Format: ', h('code', { text: '{ "name": "...", "issuers": [{ "id": "did:web:...", "name": "...", "tier": "trusted" }] }' }), ' (see docs/trust.md).'),
  );
}

function languageSection(): HTMLElement {
  const select = h('select', { id: 'language' }, h('option', { value: 'auto', text: `Same as the browser (${navigator.language})` }));
  for (const lang of LANGS) select.append(h('option', { value: lang, text: LANGUAGE_NAMES[lang] ?? lang, selected: settings.language === lang }));
  select.value = settings.language;
  const sample = h('p', { className: 'hint', id: 'language-sample' });
  const showSample = () => {
    const lang = select.value === 'auto' ? 'en' : (select.value as (typeof LANGS)[number]);
    // Languages other than English load on demand.
    void loadLanguage(lang).then(() => {
      const t = messages(lang);
      sample.textContent = `Example: "${t.verdict.verified.label}", "${t.verdict.invalid.label}".`;
    });
  };
  showSample();
  select.addEventListener('change', () => {
    showSample();
    void save((s) => (s.language = select.value as Settings['language'])).then(applyLanguage);
  });
  return h(
    'section',
    { className: 'card', 'aria-labelledby': 'lang-h' },
    h('h2', { id: 'lang-h', text: 'Language' }),
    h('p', { className: 'hint', text: 'Reports (verdicts, checks, credential details) are shown in this language. Credlens\'s own menus are in English for now.' }),
    h('label', { for: 'language', className: 'visually-hidden', text: 'Language' }),
    select,
    sample,
  );
}

async function networkSection(): Promise<HTMLElement> {
  const offline = h('input', { type: 'checkbox', id: 'offline', checked: settings.offline });
  offline.addEventListener('change', () => void save((s) => (s.offline = offline.checked)));

  const manifest = browser.runtime.getManifest() as { host_permissions?: string[] };
  const required = new Set(manifest.host_permissions ?? []);
  const granted = h('ul', { className: 'plain', id: 'granted-origins' });
  const renderGranted = async () => {
    const all = await browser.permissions.getAll();
    const optional = (all.origins ?? []).filter((o) => !required.has(o));
    granted.replaceChildren(
      ...optional.map((pattern) => {
        const remove = h('button', { type: 'button', text: 'Remove', 'aria-label': `Stop contacting ${pattern}` });
        remove.addEventListener('click', () => void browser.permissions.remove({ origins: [pattern] }).then(renderGranted));
        return h('li', {}, h('span', { className: 'mono', text: pattern.replace(/\/\*$/, '') }), remove);
      }),
    );
    if (!optional.length) granted.append(h('li', { className: 'hint', text: 'None. When a credential needs an issuer\'s server, its report offers a button to allow it.' }));
  };
  await renderGranted();

  const blocked = h('ul', { className: 'plain', id: 'blocked-origins' });
  const renderBlocked = () => {
    blocked.replaceChildren(
      ...settings.blockedOrigins.map((origin) => {
        const remove = h('button', { type: 'button', text: 'Remove', 'aria-label': `Allow ${origin} again` });
        remove.addEventListener('click', () => void save((s) => (s.blockedOrigins = s.blockedOrigins.filter((o) => o !== origin))).then(renderBlocked));
        return h('li', {}, h('span', { className: 'mono', text: origin }), remove);
      }),
    );
    if (!settings.blockedOrigins.length) blocked.append(h('li', { className: 'hint', text: 'None.' }));
  };
  renderBlocked();
  const blockInput = h('input', { type: 'text', id: 'block-origin', placeholder: 'https://tracker.example', 'aria-label': 'Server never to contact', className: 'grow' });
  const block = h('button', { type: 'button', text: 'Never contact' });
  block.addEventListener('click', () => {
    const origin = toOrigin(blockInput.value);
    if (!origin) return;
    blockInput.value = '';
    void save((s) => (s.blockedOrigins = [...new Set([...s.blockedOrigins, origin])])).then(renderBlocked);
  });

  const cache = h('input', { type: 'number', id: 'cache-minutes', min: String(CACHE_MINUTES.min), max: String(CACHE_MINUTES.max), value: String(settings.cacheMinutes), style: 'width: 7em' });
  cache.addEventListener('change', () => void save((s) => (s.cacheMinutes = Number(cache.value))).then(() => (cache.value = String(settings.cacheMinutes))));

  return h(
    'section',
    { className: 'card', 'aria-labelledby': 'net-h' },
    h('h2', { id: 'net-h', text: 'Network' }),
    h('p', { className: 'hint', text: 'To check a credential, Credlens reads public data: the credential behind a link, the issuer\'s keys, revocation lists. It never sends your cookies, never contacts private network addresses, and sends nothing about you.' }),
    h('label', { className: 'choice' }, offline, h('span', {}, h('strong', { text: 'Work offline' }), h('br'), h('span', { className: 'hint', text: 'Never contact any server. Only what is inside a credential and built into Credlens is checked; most credentials then show "could not be checked".' }))),
    h('h3', { text: 'Issuer servers you allowed' }),
    granted,
    h('h3', { text: 'Servers Credlens must never contact' }),
    blocked,
    h('div', { className: 'row' }, blockInput, block),
    h('h3', { text: 'Reuse results' }),
    h('div', { className: 'row' }, h('label', { for: 'cache-minutes', text: 'Check a credential again after' }), cache, h('span', { text: 'minutes' })),
    h('p', { className: 'hint', text: 'A shorter time notices a revocation sooner; a longer one contacts issuers less often. 0 checks every time.' }),
  );
}

function historySection(): HTMLElement {
  const keep = h('input', { type: 'checkbox', id: 'history-enabled', checked: settings.historyEnabled });
  keep.addEventListener('change', () => void save((s) => (s.historyEnabled = keep.checked)));
  const days = h('input', { type: 'number', id: 'history-days', min: String(HISTORY_DAYS.min), max: String(HISTORY_DAYS.max), value: String(settings.historyDays), style: 'width: 6em' });
  days.addEventListener('change', () => void save((s) => (s.historyDays = Number(days.value))).then(() => (days.value = String(settings.historyDays))));
  return h(
    'section',
    { className: 'card', 'aria-labelledby': 'hist-h' },
    h('h2', { id: 'hist-h', text: 'History' }),
    h('label', { className: 'choice' }, keep, h('span', {}, h('strong', { text: 'Keep a history of what I checked' }), h('br'), h('span', { className: 'hint', text: 'Which credential, on which page, when, and the verdict. It stays on this device and is never sent anywhere.' }))),
    h('div', { className: 'row' }, h('label', { for: 'history-days', text: 'Delete entries after' }), days, h('span', { text: 'days' })),
    h('p', {}, h('a', { href: '/verifications.html', text: 'Open the history' })),
  );
}

async function main(): Promise<void> {
  await applyLanguage();
  settings = await readSettings();
  const root = document.getElementById('app') as HTMLElement;
  const sync = (browser.storage as { sync?: unknown }).sync ? 'Your settings follow you to other computers through your browser account, where your browser does that. Trust lists, history and your wallet stay on this device.' : 'Settings are kept on this device.';
  root.replaceChildren(
    h('div', {}, h('h2', { text: 'Settings', style: 'font-size: 18px' }), h('p', { className: 'hint', text: sync }), saved),
    whenSection(),
    trustSection(),
    registriesSection(),
    await networkSection(),
    // Issue #20: links to unknown issuers (entrypoints/options/discovery.ts).
    discoverySection(() => settings, save),
    languageSection(),
    historySection(),
  );
}

void main();
