import type { FetchLike, VerificationReport, VerifyInput, VerifyOptions } from '../../lib/index.js';
import { loadSettings, mayContact, normalizeSettings, type Settings, type SettingsStorage } from '../common/settings.js';

type VerifyFn = (input: VerifyInput, options: VerifyOptions) => Promise<VerificationReport>;

/** Thrown for a request the user's network settings forbid; the verifier reports it as unreachable. */
export class BlockedBySettingsError extends Error {
  constructor(url: string) {
    super(`Credlens's network settings do not allow contacting ${new URL(url).origin}`);
  }
}

/**
 * Applies the user's settings to every verification the background runs: the settings are read
 * from storage when a verification starts (a change on the options page takes effect at the next
 * one), `offline` is passed to the verifier, blocked origins are refused at the network seam, and
 * the result cache lasts as long as the user chose.
 */
export class SettingsGate {
  private current: Settings = normalizeSettings(undefined);

  constructor(private readonly storage: SettingsStorage) {}

  get settings(): Settings {
    return this.current;
  }

  async refresh(): Promise<Settings> {
    this.current = await loadSettings(this.storage).catch(() => this.current);
    return this.current;
  }

  /** Seconds a finished report is reused (read synchronously by the verification service). */
  get reportTtlSeconds(): number {
    return this.current.cacheMinutes * 60;
  }

  fetch(inner: FetchLike): FetchLike {
    return (url, init) => {
      if (!mayContact(this.current, url)) return Promise.reject(new BlockedBySettingsError(url));
      return inner(url, init);
    };
  }

  verify(inner: VerifyFn): VerifyFn {
    return async (input, options) => {
      const settings = await this.refresh();
      return inner(input, settings.offline ? { ...options, offline: true } : options);
    };
  }
}
