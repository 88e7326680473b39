import { LANGS, type Lang } from '../../components/i18n/langs.js';

/**
 * The user's settings. Small and JSON-only so that they fit `storage.sync` (8 kB per item) and
 * follow the user between browsers; trust lists are larger and stay in `storage.local`.
 */
export interface Settings {
  /** On supported sites: verify every credential on load (`auto`) or only when asked (`click`). */
  verifyMode: 'auto' | 'click';
  /** Exceptions by host name (`www.linkedin.com`): this site follows its own mode. */
  sites: Record<string, 'auto' | 'click'>;
  /** The language of reports; `auto` follows the browser. */
  language: 'auto' | Lang;
  /** Never contact any server: only what is inside the credential and built into Credlens counts. */
  offline: boolean;
  /** Origins (`https://issuer.example`) Credlens must never contact, even with permission. */
  blockedOrigins: string[];
  /**
   * Check links to unknown issuers automatically: a link in a credential context (a certifications
   * section, a "Show credential" button, a QR code) that no known platform claims is fetched once
   * to see whether a credential is behind it. Never done for links elsewhere on a page.
   */
  discoverUnknown: boolean;
  /** Hosts always checked, even with `discoverUnknown` off (`credentials.uni-example.eu`). */
  discoveryAllowHosts: string[];
  /** Hosts never checked for a credential behind a link. */
  discoveryDenyHosts: string[];
  /** How long a verification result is reused before the credential is checked again. */
  cacheMinutes: number;
  /** Keep a history of verifications on this device. */
  historyEnabled: boolean;
  /** History entries older than this are deleted. */
  historyDays: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  verifyMode: 'auto',
  sites: {},
  language: 'auto',
  offline: false,
  blockedOrigins: [],
  discoverUnknown: true,
  discoveryAllowHosts: [],
  discoveryDenyHosts: [],
  cacheMinutes: 10,
  historyEnabled: true,
  historyDays: 30,
});

export const CACHE_MINUTES = { min: 0, max: 7 * 24 * 60 } as const;
export const HISTORY_DAYS = { min: 1, max: 365 } as const;
const MAX_SITES = 200;
const MAX_ORIGINS = 200;

export const SETTINGS_KEY = 'settings';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clampInt(value: unknown, range: { min: number; max: number }, fallback: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) return fallback;
  return Math.min(range.max, Math.max(range.min, Math.round(n)));
}

/** `https://Issuer.example:443/path` → `https://issuer.example`; undefined for anything but an http(s) URL. */
export function toOrigin(value: string): string | undefined {
  try {
    const url = new URL(value.trim().includes('://') ? value.trim() : `https://${value.trim()}`);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** `https://www.linkedin.com/in/x` or `www.linkedin.com` → `www.linkedin.com`. */
export function toHost(value: string): string | undefined {
  const origin = toOrigin(value);
  return origin ? new URL(origin).hostname : undefined;
}

function hostList(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : [];
  return [...new Set(list.flatMap((h) => (typeof h === 'string' ? (toHost(h) ?? []) : [])))].slice(0, MAX_ORIGINS);
}

/** `host` is `entry` or a subdomain of it. */
function hostMatches(host: string, entry: string): boolean {
  return host === entry || host.endsWith(`.${entry}`);
}

/**
 * Whether a candidate link (no known platform claims it) may be fetched to discover a credential:
 * never offline or to a blocked origin; never to a denied host; always to an allowed one;
 * otherwise as "check links to unknown issuers automatically" says.
 */
export function mayDiscover(settings: Settings, url: string): boolean {
  if (!mayContact(settings, url)) return false;
  const host = toHost(url);
  if (!host) return false;
  if (settings.discoveryDenyHosts.some((d) => hostMatches(host, d))) return false;
  if (settings.discoveryAllowHosts.some((a) => hostMatches(host, a))) return true;
  return settings.discoverUnknown;
}

/**
 * Reads whatever is stored (older versions, another browser, hand edits) into valid settings:
 * unknown members are dropped, bad values fall back to the defaults.
 */
export function normalizeSettings(raw: unknown): Settings {
  const value = isObject(raw) ? raw : {};
  const sites: Record<string, 'auto' | 'click'> = {};
  if (isObject(value.sites)) {
    for (const [site, mode] of Object.entries(value.sites).slice(0, MAX_SITES)) {
      const host = toHost(site);
      if (host && (mode === 'auto' || mode === 'click')) sites[host] = mode;
    }
  }
  const blocked = Array.isArray(value.blockedOrigins) ? value.blockedOrigins : [];
  return {
    verifyMode: value.verifyMode === 'click' ? 'click' : 'auto',
    sites,
    language: typeof value.language === 'string' && (LANGS as string[]).includes(value.language) ? (value.language as Lang) : 'auto',
    offline: value.offline === true,
    blockedOrigins: [...new Set(blocked.flatMap((o) => (typeof o === 'string' ? (toOrigin(o) ?? []) : [])))].slice(0, MAX_ORIGINS),
    discoverUnknown: value.discoverUnknown !== false,
    discoveryAllowHosts: hostList(value.discoveryAllowHosts),
    discoveryDenyHosts: hostList(value.discoveryDenyHosts),
    cacheMinutes: clampInt(value.cacheMinutes, CACHE_MINUTES, DEFAULT_SETTINGS.cacheMinutes),
    historyEnabled: value.historyEnabled !== false,
    historyDays: clampInt(value.historyDays, HISTORY_DAYS, DEFAULT_SETTINGS.historyDays),
  };
}

/** Whether credentials on this page are verified as soon as it loads. */
export function verifiesAutomatically(settings: Settings, pageUrl: string): boolean {
  const host = toHost(pageUrl);
  const mode = (host && settings.sites[host]) || settings.verifyMode;
  return mode === 'auto';
}

/** Whether Credlens may contact this URL's origin at all under the user's network settings. */
export function mayContact(settings: Settings, url: string): boolean {
  if (settings.offline) return false;
  const origin = toOrigin(url);
  return origin !== undefined && !settings.blockedOrigins.includes(origin);
}

/** The subset of `browser.storage.StorageArea` used here (a fake in tests). */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** `storage.sync` where the browser has it (and it works), else `storage.local`. */
export interface SettingsStorage {
  sync?: SettingsArea;
  local: SettingsArea;
}

function savedAt(value: unknown): number {
  return isObject(value) && typeof value.savedAt === 'number' ? value.savedAt : 0;
}

/** The newest of the synced and the local copy (a sync write can fail while the local one succeeds). */
export async function loadSettings(storage: SettingsStorage): Promise<Settings> {
  let newest: unknown;
  for (const area of [storage.sync, storage.local]) {
    if (!area) continue;
    try {
      const stored = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
      if (stored !== undefined && (newest === undefined || savedAt(stored) > savedAt(newest))) newest = stored;
    } catch {
      // storage.sync can be disabled by policy or unavailable (Firefox without an account): use local.
    }
  }
  return normalizeSettings(newest);
}

/** Saves valid settings to `storage.sync` (when it works) and `storage.local`; returns what was saved. */
export async function saveSettings(storage: SettingsStorage, settings: Settings, now = Date.now()): Promise<Settings> {
  const clean = normalizeSettings(settings);
  const stored = { ...clean, savedAt: now };
  if (storage.sync) {
    try {
      await storage.sync.set({ [SETTINGS_KEY]: stored });
    } catch {
      // Over quota or sync disabled: the local copy carries the change.
    }
  }
  await storage.local.set({ [SETTINGS_KEY]: stored });
  return clean;
}
