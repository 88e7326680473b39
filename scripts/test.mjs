#!/usr/bin/env node
// The README's test command: lint, type-check, unit tests (vitest), then the builds and the browser
// tests (Playwright in Debian's Chromium). Ends with one plain "N passed, N failed" line for CI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
mkdirSync('test-results', { recursive: true });
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const only = process.argv.slice(2);
const wants = (stage) => only.length === 0 || only.includes(stage);

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function gate(label, ok) {
  if (ok) results.passed++;
  else {
    results.failed++;
    failures.push(label);
  }
}

function countJson(label, path) {
  if (!existsSync(path)) {
    results.failed++;
    failures.push(`${label}: no report at ${path}`);
    return;
  }
  const report = JSON.parse(readFileSync(path, 'utf8'));
  if (report.numPassedTests !== undefined) {
    // vitest
    results.passed += report.numPassedTests;
    results.failed += report.numFailedTests;
    results.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    if (report.numFailedTests > 0) failures.push(`${label}: ${report.numFailedTests} failed`);
    if (report.numTotalTests === 0) failures.push(`${label}: ran no test`);
    return;
  }
  // Playwright
  const stats = report.stats ?? {};
  results.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  results.failed += stats.unexpected ?? 0;
  results.skipped += stats.skipped ?? 0;
  if (stats.unexpected) failures.push(`${label}: ${stats.unexpected} failed`);
  for (const error of report.errors ?? []) {
    results.failed++;
    failures.push(`${label}: ${String(error.message ?? error).split('\n')[0]}`);
  }
}

if (wants('lint')) gate('lint', run('lint', 'npx', ['eslint', '.', '--max-warnings=0']));
// The folder rules of docs/architecture.md: no lib → shell imports, shells through lib's entry points, no cycles.
if (wants('imports')) gate('imports', run('import rules', 'npx', ['depcruise', 'lib', 'components', 'widget', 'entrypoints', 'bin', ...['node', 'server'].filter((d) => existsSync(d)), '--config', '.dependency-cruiser.cjs']));
if (wants('typecheck')) gate('typecheck', run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']));
if (wants('unit')) {
  if (!existsSync(process.env.CREDLENS_REDIS_SERVER ?? '/usr/bin/redis-server')) {
    // The shared-cache tests start Debian's redis-server on a loopback port; install it where we may.
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    if (root) run('install redis-server', 'sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server']);
    if (!existsSync(process.env.CREDLENS_REDIS_SERVER ?? '/usr/bin/redis-server')) {
      results.failed++;
      failures.push('shared-cache tests: /usr/bin/redis-server is missing; install it with `sudo apt-get install redis-server`');
    }
  }
  run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json']);
  countJson('unit tests', 'test-results/vitest.json');
}
if (wants('e2e') && existsSync('playwright.config.ts')) {
  if (!existsSync('/usr/bin/chromium')) {
    // The browser tests drive Debian's Chromium; install it where we may (CI and root shells).
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    if (root) run('install chromium', 'sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium']);
    if (!existsSync('/usr/bin/chromium')) {
      results.failed++;
      failures.push('browser tests: /usr/bin/chromium is missing; install it with `sudo apt-get install chromium`');
    }
  }
  // build:package builds the library, its types and the widget (the pack-install test needs all three)
  const builds = pkg.scripts?.['build:package'] ? ['build:package', 'build', 'build:firefox'] : ['build:widget', 'build', 'build:firefox'];
  for (const script of builds) {
    if (pkg.scripts?.[script]) gate(`npm run ${script}`, run(script, 'npm', ['run', '--silent', script]));
  }
  if (pkg.scripts?.['lint:firefox']) gate('web-ext lint', run('web-ext lint', 'npm', ['run', '--silent', 'lint:firefox']));
  run('browser tests', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json' });
  countJson('browser tests', 'test-results/playwright.json');
}

console.log('');
if (failures.length) console.log(`Failures:\n  ${failures.join('\n  ')}`);
console.log(`${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ''}`);
process.exit(results.failed === 0 && failures.length === 0 ? 0 : 1);
