import { defineConfig } from '@playwright/test';

/**
 * Browser tests in Debian's Chromium (never `npx playwright install`). Projects:
 * - widget: the built <credlens-verifier> bundle (dist/widget) on local pages (`npm run test:e2e:widget`);
 * - extension: the built MV3 extension (.output/chrome-mv3) (`npm run test:e2e:extension`).
 */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    headless: true,
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
  projects: [
    { name: 'widget', testMatch: /widget\/.*\.spec\.ts$/ },
    { name: 'extension', testMatch: /extension\/.*\.spec\.ts$/ },
  ],
});
