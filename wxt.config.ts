import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { SITES } from './entrypoints/content/sites/index.js';
import { CREDENTIAL_PLATFORM_HOSTS } from './entrypoints/content/sites/matches.js';

/**
 * The Credlens browser extension. Explicit imports everywhere (`imports: false`) so that `lib/`
 * never depends on WXT's auto-imports. Permissions are explained one by one in docs/extension.md.
 */
export default defineConfig({
  imports: false,
  manifest: ({ browser, manifestVersion }) => {
    const mv3 = manifestVersion === 3;
    const csp = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';";
    return {
      name: 'Credlens',
      description: 'Verifies learning credentials (Europass, Open Badges, W3C VCs) where recruiters see them: on profiles and job boards.',
      permissions: [
        'storage',
        'activeTab',
        'scripting',
        'contextMenus',
        // offscreen (Chrome): PDFs are read in an offscreen document (pdf.js in a worker), never in the service worker.
        ...(browser === 'chrome' ? ['sidePanel', 'offscreen'] : []),
      ],
      // Credential platforms: the background reads the machine-readable credential behind a "Show
      // credential" link. Supported sites: the background reads the bytes of badge and QR images
      // there (a page's canvas is tainted). Issuers' own servers are asked for one by one (optional).
      host_permissions: [...new Set([...CREDENTIAL_PLATFORM_HOSTS.map((h) => `https://${h}/*`), ...SITES.flatMap((s) => s.matches)])],
      optional_host_permissions: ['https://*/*'],
      content_security_policy: mv3 ? { extension_pages: csp } : csp,
      action: { default_title: 'Credlens: verify credentials on this page' },
      ...(browser === 'firefox'
        ? { browser_specific_settings: { gecko: { id: 'credlens@credlens.eu', strict_min_version: mv3 ? '128.0' : '115.0', data_collection_permissions: { required: ['none'] } } } }
        : {}),
    };
  },
  hooks: {
    // Ship the QR decoder's WebAssembly with the extension: zxing-wasm would fetch it from a CDN.
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: resolve('node_modules/zxing-wasm/dist/reader/zxing_reader.wasm'), relativeDest: 'zxing_reader.wasm' });
    },
  },
});
