import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Fixtures } from '../fixtures.js';
import { summarise, type Summary } from '../table.js';
import { prepare, toolsFor, type Fixture, type ToolId, type Verify } from '../tools.js';

export interface ToolResult {
  /** Why there is no figure: the tool cannot verify this input, or it rejected it. */
  unsupported?: string;
  warm?: Summary;
  /** Fresh process: loading the tool plus its first verification. */
  cold?: Summary;
  /** Fresh process: the first verification alone (modules already loaded, contexts not yet processed). */
  coldFirst?: Summary;
  detail?: string;
}

export interface InputResult {
  id: string;
  label: string;
  family: Fixture['family'];
  tools: Partial<Record<ToolId, ToolResult>>;
}

export function inputsOf(fixtures: Fixtures): Fixture[] {
  return [...fixtures.di.map((fixture) => ({ family: 'di' as const, fixture })), ...fixtures.jose.map((fixture) => ({ family: 'jose' as const, fixture }))];
}

export interface WarmOptions {
  warmup: number;
  maxRounds: number;
  /** Stop adding rounds for one input after this long. */
  budgetMs: number;
}

/**
 * Warm timings, interleaved: every round calls each tool once, in a rotating order, so that the
 * machine's noise (other processes on 2 shared cores) falls on all tools alike.
 */
export async function measureWarm(fixtures: Fixtures, options: WarmOptions, log: (line: string) => void): Promise<InputResult[]> {
  const results: InputResult[] = [];
  for (const input of inputsOf(fixtures)) {
    const result: InputResult = { id: input.fixture.id, label: input.fixture.label, family: input.family, tools: {} };
    const ready: [ToolId, Verify][] = [];
    for (const tool of toolsFor(input.family)) {
      const prepared = await prepare(tool, input, fixtures);
      if ('unsupported' in prepared) {
        result.tools[tool] = { unsupported: prepared.unsupported };
        continue;
      }
      const outcome = await prepared().catch((error: unknown) => ({ ok: false, detail: String(error) }));
      if (!outcome.ok) {
        result.tools[tool] = { unsupported: `rejected the input: ${outcome.detail}` };
        continue;
      }
      result.tools[tool] = { detail: outcome.detail };
      ready.push([tool, prepared]);
    }
    for (let i = 0; i < options.warmup; i++) for (const [, verify] of ready) await verify();
    const samples = new Map<ToolId, number[]>(ready.map(([tool]) => [tool, []]));
    const started = performance.now();
    for (let round = 0; round < options.maxRounds; round++) {
      for (let k = 0; k < ready.length; k++) {
        const [tool, verify] = ready[(round + k) % ready.length] as [ToolId, Verify];
        const t0 = performance.now();
        const outcome = await verify();
        const elapsed = performance.now() - t0;
        if (!outcome.ok) throw new Error(`${tool} stopped accepting ${input.fixture.id}: ${outcome.detail}`);
        samples.get(tool)?.push(elapsed);
      }
      if (round >= 10 && performance.now() - started > options.budgetMs) break;
    }
    for (const [tool, list] of samples) (result.tools[tool] as ToolResult).warm = summarise(list);
    log(`  warm ${input.fixture.id}: ${[...samples].map(([t, l]) => `${t} ${summarise(l).median.toFixed(2)} ms`).join(', ')} (${samples.values().next().value?.length ?? 0} rounds)`);
    results.push(result);
  }
  return results;
}

interface ChildResult {
  loadMs: number;
  firstMs: number;
  ok: boolean;
  detail: string;
}

function runChild(fixturesFile: string, inputId: string, tool: ToolId): Promise<ChildResult> {
  const root = resolve(import.meta.dirname, '../..');
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [resolve(root, 'bin/run-ts.mjs'), resolve(root, 'bench/cold-child.ts'), fixturesFile, inputId, tool], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      try {
        resolvePromise(JSON.parse(line) as ChildResult);
      } catch {
        reject(new Error(`cold child ${tool} ${inputId} exited ${code}: ${err.slice(-500)}`));
      }
    });
  });
}

/**
 * Cold timings: one fresh Node process per measurement (tool × input × run), tools interleaved.
 * Each child loads only the tool it measures and verifies the input once.
 */
export async function measureCold(results: InputResult[], fixturesFile: string, runs: number, log: (line: string) => void): Promise<void> {
  const jobs: { result: InputResult; tool: ToolId }[] = [];
  for (const result of results) {
    for (const [tool, r] of Object.entries(result.tools) as [ToolId, ToolResult][]) {
      if (tool === 'floor' || tool === 'c14n' || r.unsupported) continue; // the floors have no cold state worth the name
      jobs.push({ result, tool });
    }
  }
  const samples = new Map<string, { load: number[]; first: number[] }>();
  for (let run = 0; run < runs; run++) {
    for (const { result, tool } of jobs) {
      const child = await runChild(fixturesFile, result.id, tool);
      if (!child.ok) {
        (result.tools[tool] as ToolResult).detail = `cold run rejected the input: ${child.detail}`;
        continue;
      }
      const key = `${result.id} ${tool}`;
      const entry = samples.get(key) ?? { load: [], first: [] };
      entry.load.push(child.loadMs + child.firstMs);
      entry.first.push(child.firstMs);
      samples.set(key, entry);
    }
    log(`  cold run ${run + 1}/${runs} done (${jobs.length} processes)`);
  }
  for (const { result, tool } of jobs) {
    const entry = samples.get(`${result.id} ${tool}`);
    if (!entry) continue;
    const r = result.tools[tool] as ToolResult;
    r.cold = summarise(entry.load);
    r.coldFirst = summarise(entry.first);
  }
}
