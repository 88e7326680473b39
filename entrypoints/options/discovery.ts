/**
 * The options page's card for links to unknown issuers (issue #20): whether Credlens looks behind
 * links in credential contexts that no known platform claims, which hosts it always or never asks,
 * and, in plain words, what such a check sends and to whom (docs/sources.md says the same).
 */
import { h } from '../common/page.js';
import { toHost, type Settings } from '../common/settings.js';

type Save = (change: (s: Settings) => void) => Promise<void>;

/** Host names from a comma- or space-separated list; entries that are no host name are returned apart. */
export function parseHosts(text: string): { hosts: string[]; rejected: string[] } {
  const hosts: string[] = [];
  const rejected: string[] = [];
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    const host = toHost(entry);
    // A host name as people type it: letters, digits, dots and hyphens (IDNs arrive punycoded), with a dot.
    if (host && /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(host)) hosts.push(host);
    else rejected.push(entry);
  }
  return { hosts: [...new Set(hosts)], rejected };
}

function hostList(id: string, label: string, hint: string, placeholder: string, current: () => string[], apply: (s: Settings, hosts: string[]) => void, save: Save): HTMLElement {
  const hintId = `${id}-hint`;
  const input = h('input', { type: 'text', id, value: current().join(', '), placeholder, 'aria-describedby': hintId, autocomplete: 'off', spellcheck: 'false' });
  const error = h('p', { className: 'status error', role: 'alert', id: `${id}-error` });
  input.addEventListener('change', () => {
    const { hosts, rejected } = parseHosts(input.value);
    error.textContent = rejected.length ? `Not a host name, left out: ${rejected.join(', ')}` : '';
    void save((s) => apply(s, hosts)).then(() => (input.value = current().join(', ')));
  });
  return h('div', { className: 'field' }, h('label', { for: id, text: label }), h('span', { className: 'hint', id: hintId, text: hint }), input, error);
}

export function discoverySection(settings: () => Settings, save: Save): HTMLElement {
  const automatic = h('input', { type: 'checkbox', id: 'discover-unknown', checked: settings().discoverUnknown, 'aria-describedby': 'discover-unknown-hint' });
  automatic.addEventListener('change', () => void save((s) => (s.discoverUnknown = automatic.checked)));
  return h(
    'section',
    { className: 'card', 'aria-labelledby': 'discovery-h', id: 'discovery' },
    h('h2', { id: 'discovery-h', text: 'Links to unknown issuers' }),
    h('p', {
      className: 'hint',
      text: 'Universities and training providers often host their credentials on their own servers. Where a link is very likely a credential (a certifications section, a "Show credential" button, a link beside a badge image, a QR code), Credlens can look behind it even though it does not know the issuer.',
    }),
    h(
      'label',
      { className: 'choice' },
      automatic,
      h(
        'span',
        {},
        h('strong', { text: 'Check links to unknown issuers automatically' }),
        h('br'),
        h('span', { className: 'hint', id: 'discover-unknown-hint', text: 'Only in those places, never for other links. When it is off, such links get no mark; you can still check one with the right-click menu.' }),
      ),
    ),
    h('h3', { text: 'What a check sends, and to whom' }),
    h(
      'ul',
      { className: 'facts-list', id: 'discovery-privacy' },
      h('li', {}, h('strong', { text: 'To the server the link names: ' }), 'a request for the link\u2019s address, as if you had clicked it; if the page there points to its credential, a request for each step (at most four). When a credential is there, checking it reads the issuer\u2019s public keys and revocation list from the addresses the credential itself names, as for any credential.'),
      h('li', {}, h('strong', { text: 'What that server learns: ' }), 'your IP address, the time, the address it was asked for, and that the request wants a credential. The server can tell that someone looked at this credential.'),
      h('li', {}, h('strong', { text: 'Never sent: ' }), 'your cookies or logins, the page you were on (no referrer), the profile\u2019s name, anything about you.'),
      h('li', {}, h('strong', { text: 'Nobody else: ' }), 'nothing goes to Credlens or to any third party; there is no analytics. What was found stays on this device, for as long as "Reuse results" under Network says.'),
    ),
    hostList(
      'discovery-allow',
      'Always check links to these hosts',
      'Even when automatic checks are off; for example your partner universities.',
      'credentials.university.example',
      () => settings().discoveryAllowHosts,
      (s, hosts) => (s.discoveryAllowHosts = hosts),
      save,
    ),
    hostList(
      'discovery-deny',
      'Never check links to these hosts',
      'These servers are never asked, whatever the setting above says; a host and its subdomains.',
      'badges.example.org, intranet.example.com',
      () => settings().discoveryDenyHosts,
      (s, hosts) => (s.discoveryDenyHosts = hosts),
      save,
    ),
  );
}
