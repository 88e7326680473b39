import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The built MV3 extension (`npm run build`). */
export const EXTENSION_DIR = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));

/** Debian's Chromium (never `npx playwright install`). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for Chromium without a sandbox, GPU, QUIC or background traffic (see TOOLCHAIN.md). */
export const CHROMIUM_FLAGS: readonly string[] = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface ExtensionLaunchSettings {
  /** The loopback port of the local HTTPS server every hostname (but localhost) resolves to. */
  port: number;
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
  /** Flags after the usual ones (the benchmark's memory measurement). */
  extraArgs?: readonly string[];
}

export interface ExtensionLaunchOptions {
  executablePath: string;
  headless: true;
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
  args: string[];
}

export function assertExtensionBuilt(): void {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('Build the extension first: npm run build');
}

/**
 * Options for `launchPersistentContext` that load the built extension headless, map every hostname
 * to the local HTTPS server and accept its self-signed certificate. Without a Playwright import, so
 * the benchmark can pass them to its own playwright-core.
 */
export function extensionLaunchOptions(settings: ExtensionLaunchSettings): ExtensionLaunchOptions {
  return {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ...(settings.acceptDownloads === undefined ? {} : { acceptDownloads: settings.acceptDownloads }),
    ...(settings.viewport ? { viewport: settings.viewport } : {}),
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--host-resolver-rules=MAP * 127.0.0.1:${settings.port}, EXCLUDE localhost`,
      '--ignore-certificate-errors',
      ...CHROMIUM_FLAGS,
      ...(settings.extraArgs ?? []),
    ],
  };
}
