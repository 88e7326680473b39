import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionLaunchOptions, type ExtensionLaunchSettings } from './chromium-launch.js';

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's MV3 service worker, as it was when the browser started. */
  worker: Worker;
  extensionId: string;
  /** Closes the browser and deletes its profile. */
  close(): Promise<void>;
}

/**
 * Debian's Chromium with the built extension in a fresh profile (`profilePrefix` names its temporary
 * directory), every hostname mapped to the local HTTPS server on `port`; resolves once the
 * extension's service worker runs. A failed start leaves no browser or profile behind.
 */
export async function launchExtension(settings: ExtensionLaunchSettings & { profilePrefix: string }): Promise<ExtensionBrowser> {
  const { profilePrefix, ...launch } = settings;
  const userDir = mkdtempSync(join(tmpdir(), profilePrefix));
  const removeProfile = () => rmSync(userDir, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(userDir, extensionLaunchOptions(launch)).catch((error: unknown) => {
    removeProfile();
    throw error;
  });
  const close = async () => {
    await context.close();
    removeProfile();
  };
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker').catch(async (error: unknown) => {
      await close();
      throw error;
    }));
  return { context, worker, extensionId: new URL(worker.url()).host, close };
}
