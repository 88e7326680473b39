import { describe, expect, it } from 'vitest';
import { BlockedBySettingsError, SettingsGate } from '../../../entrypoints/background/settings-gate.js';
import { DEFAULT_SETTINGS, loadSettings, mayContact, mayDiscover, normalizeSettings, saveSettings, verifiesAutomatically, type SettingsArea } from '../../../entrypoints/common/settings.js';

function area(fail = false): SettingsArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    async get(key) {
      if (fail) throw new Error('sync disabled');
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      if (fail) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      Object.assign(data, structuredClone(items));
    },
  };
}

describe('settings', () => {
  it('falls back to the defaults (verify automatically, 30 days of history) when nothing is stored', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.historyDays).toBe(30);
  });

  it('rejects stored values that are out of range or of the wrong type instead of using them', () => {
    const s = normalizeSettings({ verifyMode: 'sometimes', language: 'xx', cacheMinutes: -5, historyDays: 10_000, blockedOrigins: ['javascript:alert(1)', 'https://A.example/path', 42], sites: { 'not a host!': 'auto', 'www.linkedin.com': 'click', 'www.xing.com': 'never' }, extra: true });
    expect(s.verifyMode).toBe('auto');
    expect(s.language).toBe('auto');
    expect(s.cacheMinutes).toBe(0);
    expect(s.historyDays).toBe(365);
    expect(s.blockedOrigins).toEqual(['https://a.example']);
    expect(s.sites).toEqual({ 'www.linkedin.com': 'click' });
    expect('extra' in s).toBe(false);
  });

  it('does not verify automatically on a site the user set to "on click", and does elsewhere', () => {
    const s = normalizeSettings({ sites: { 'www.linkedin.com': 'click' } });
    expect(verifiesAutomatically(s, 'https://www.linkedin.com/in/jane')).toBe(false);
    expect(verifiesAutomatically(s, 'https://www.xing.com/profile/x')).toBe(true);
    const clickEverywhere = normalizeSettings({ verifyMode: 'click', sites: { 'www.xing.com': 'auto' } });
    expect(verifiesAutomatically(clickEverywhere, 'https://www.stepstone.de/job')).toBe(false);
    expect(verifiesAutomatically(clickEverywhere, 'https://www.xing.com/profile/x')).toBe(true);
  });

  it('refuses to contact a blocked origin, or any origin when offline', () => {
    const s = normalizeSettings({ blockedOrigins: ['https://tracker.example'] });
    expect(mayContact(s, 'https://tracker.example/keys.json')).toBe(false);
    expect(mayContact(s, 'https://issuer.example/keys.json')).toBe(true);
    expect(mayContact({ ...s, offline: true }, 'https://issuer.example/keys.json')).toBe(false);
  });

  it('keeps a change saved locally when storage.sync refuses it, and reads the newest copy', async () => {
    const sync = area();
    const local = area();
    await saveSettings({ sync, local }, { ...DEFAULT_SETTINGS, cacheMinutes: 5 }, 1000);
    const brokenSync = { get: sync.get, set: async () => Promise.reject(new Error('quota')) };
    await saveSettings({ sync: brokenSync, local }, { ...DEFAULT_SETTINGS, cacheMinutes: 60 }, 2000);
    expect((await loadSettings({ sync, local })).cacheMinutes).toBe(60);
    expect((await loadSettings({ sync: area(true), local })).cacheMinutes).toBe(60);
  });

  it('applies settings changed after start to the next verification (gate reads storage each time)', async () => {
    const local = area();
    const gate = new SettingsGate({ local });
    const seen: Array<boolean | undefined> = [];
    const verify = gate.verify(async (_input, options) => {
      seen.push(options.offline);
      return { verdict: 'unverifiable', format: 'unknown', checks: [], verifiedAt: new Date().toISOString() } as never;
    });
    await verify('x', {});
    await saveSettings({ local }, { ...DEFAULT_SETTINGS, offline: true, cacheMinutes: 2 });
    await verify('x', {});
    expect(seen).toEqual([undefined, true]);
    expect(gate.reportTtlSeconds).toBe(120);
    const fetched: string[] = [];
    const guarded = gate.fetch(async (url) => {
      fetched.push(url);
      return new Response('');
    });
    await expect(guarded('https://issuer.example/did.json', {})).rejects.toBeInstanceOf(BlockedBySettingsError);
    expect(fetched).toEqual([]);
  });
});

describe('mayDiscover (links to unknown issuers)', () => {
  const url = 'https://credentials.uni.example.eu/c/1';
  it('checks by default, never offline, never a denied host, always an allowed one', () => {
    expect(mayDiscover(normalizeSettings({}), url)).toBe(true);
    expect(mayDiscover(normalizeSettings({ offline: true }), url)).toBe(false);
    expect(mayDiscover(normalizeSettings({ discoveryDenyHosts: ['uni.example.eu'] }), url)).toBe(false);
    expect(mayDiscover(normalizeSettings({ discoverUnknown: false }), url)).toBe(false);
    expect(mayDiscover(normalizeSettings({ discoverUnknown: false, discoveryAllowHosts: ['https://credentials.uni.example.eu/'] }), url)).toBe(true);
    expect(mayDiscover(normalizeSettings({ blockedOrigins: ['https://credentials.uni.example.eu'], discoveryAllowHosts: ['credentials.uni.example.eu'] }), url)).toBe(false);
  });
});
