import { resolve } from 'node:path';

/**
 * Where e2e tests write the screenshots people judge: `docs/screenshots` when CREDLENS_SCREENSHOTS is
 * set (to refresh the documentation), otherwise `test-results/screenshots`, so a test run never
 * rewrites tracked files.
 */
export const SCREENSHOTS_DIR = resolve(process.env.CREDLENS_SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots');
