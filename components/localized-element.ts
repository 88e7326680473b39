import { LitElement } from 'lit';
import { isLanguageLoaded, langFor, loadLanguage, type Lang } from './i18n/index.js';

/** How long an element waits for its language pack before it shows English (and re-renders once the pack arrives). */
export const LANGUAGE_WAIT_MS = 1500;

/**
 * A Lit element that speaks the language of its `lang` (or the page's). Languages other than
 * English load on demand; an update waits for the pack, so the element never shows English first
 * and then switches. A pack that takes longer than `LANGUAGE_WAIT_MS` (or cannot load at all)
 * leaves English on screen until it arrives, then the element renders again.
 */
export abstract class LocalizedElement extends LitElement {
  protected get language(): Lang {
    return langFor(this);
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    const lang = this.language;
    if (isLanguageLoaded(lang)) return super.scheduleUpdate();
    return this.waitFor(lang).then(() => super.scheduleUpdate());
  }

  private async waitFor(lang: Lang): Promise<void> {
    const load = loadLanguage(lang);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), LANGUAGE_WAIT_MS)));
    const arrived = await Promise.race([load, timeout]);
    clearTimeout(timer);
    if (!arrived) void load.then((ok) => ok && this.requestUpdate());
  }
}
