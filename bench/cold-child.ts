// One cold measurement in a fresh process: load one tool, verify one input once, print JSON.
import { readFileSync } from 'node:fs';
import type { Fixtures } from './fixtures.js';
import { prepare, type ToolId } from './tools.js';
import { inputsOf } from './sections/verification.js';

const [fixturesFile = '', inputId = '', tool = ''] = process.argv.slice(2);
const fixtures = JSON.parse(readFileSync(fixturesFile, 'utf8')) as Fixtures;
const input = inputsOf(fixtures).find((i) => i.fixture.id === inputId);
if (!input) throw new Error(`no input ${inputId}`);
const t0 = performance.now();
const verify = await prepare(tool as ToolId, input, fixtures);
const t1 = performance.now();
if ('unsupported' in verify) {
  console.log(JSON.stringify({ loadMs: t1 - t0, firstMs: 0, ok: false, detail: verify.unsupported }));
} else {
  const outcome = await verify();
  const t2 = performance.now();
  console.log(JSON.stringify({ loadMs: t1 - t0, firstMs: t2 - t1, ok: outcome.ok, detail: outcome.detail }));
}
