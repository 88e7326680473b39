import { browser } from 'wxt/browser';
import { loadSettings, saveSettings, verifiesAutomatically, type Settings, type SettingsStorage } from './settings.js';

/** `storage.sync` where the browser has it, and `storage.local` (the fallback and the local copy). */
export function browserSettingsStorage(): SettingsStorage {
  const sync = (browser.storage as { sync?: SettingsStorage['sync'] }).sync;
  return { local: browser.storage.local, ...(sync ? { sync } : {}) };
}

export function readSettings(): Promise<Settings> {
  return loadSettings(browserSettingsStorage());
}

export function writeSettings(settings: Settings): Promise<Settings> {
  return saveSettings(browserSettingsStorage(), settings);
}

/** For the content script: whether to verify this page's credentials without being asked. */
export async function verifiesHere(pageUrl: string): Promise<boolean> {
  try {
    return verifiesAutomatically(await readSettings(), pageUrl);
  } catch {
    return true; // storage unreadable: keep the default behaviour
  }
}
