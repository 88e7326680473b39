import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './test/support/chromium-launch.js';

/**
 * Browser tests in Debian's Chromium (never `npx playwright install`). Projects:
 * - widget: the built <credlens-verifier> bundle (dist/widget) on local pages (`npm run test:e2e:widget`);
 * - extension: the built MV3 extension (.output/chrome-mv3) (`npm run test:e2e:extension`);
 * - package: the npm tarball installed offline into an empty project (`npm run test:e2e:package`).
 */

export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] },
  },
  projects: [
    { name: 'widget', testMatch: /widget\/.*\.spec\.ts$/ },
    { name: 'extension', testMatch: /extension\/.*\.spec\.ts$/ },
    { name: 'package', testMatch: /package\/.*\.spec\.ts$/ },
  ],
});
