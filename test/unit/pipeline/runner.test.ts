import { describe, expect, it } from 'vitest';
import { runSteps } from '../../../lib/pipeline/runner.js';
import type { Step, VerifyProgress } from '../../../lib/pipeline/types.js';
import { check, deriveVerdict } from '../../../lib/report.js';

const passProof: Step = { id: 'proof', gate: true, run: async () => check('proof', 'FORMAT_RECOGNISED', 'ok') };
const failProof: Step = { id: 'proof', gate: true, run: async () => check('proof', 'INPUT_MALFORMED', 'bad') };
const status: Step = { id: 'status', needsAuthenticity: true, run: async () => check('status', 'FORMAT_RECOGNISED', 'ran') };

describe('runSteps', () => {
  it('skips authenticity-dependent steps after a gate fails, and records them', async () => {
    const results = await runSteps([failProof, status], 0, undefined, undefined);
    expect(results.map((r) => [r.id, r.status, r.code])).toEqual([
      ['proof', 'fail', 'INPUT_MALFORMED'],
      ['status', 'skip', 'SKIPPED_NOT_AUTHENTIC'],
    ]);
  });

  it('runs them when the gate passes', async () => {
    const results = await runSteps([passProof, status], 0, undefined, undefined);
    expect(results[1]?.status).toBe('pass');
  });

  it('turns a step that throws into an unverifiable check instead of crashing', async () => {
    const boom: Step = { id: 'proof', gate: true, run: async () => { throw new Error('kaboom'); } };
    const results = await runSteps([boom, status], 0, undefined, undefined);
    expect(results[0]?.code).toBe('CHECK_INTERNAL_ERROR');
    expect(results[1]?.status).toBe('skip');
    expect(deriveVerdict(results)).toBe('unverifiable');
  });

  it('reports each result through progress events with its index', async () => {
    const events: VerifyProgress[] = [];
    await runSteps([passProof, status], 3, (e) => events.push(e), undefined);
    expect(events.map((e) => (e.type === 'check' ? e.index : -1))).toEqual([3, 4]);
  });

  it('marks every step aborted once the signal fires', async () => {
    const controller = new AbortController();
    controller.abort();
    const results = await runSteps([passProof], 0, undefined, controller.signal);
    expect(results[0]?.code).toBe('CHECK_ABORTED');
  });
});

describe('deriveVerdict', () => {
  it('is invalid when any check failed, whatever else passed', () => {
    expect(deriveVerdict([check('trust', 'TRUST_LISTED', ''), check('validity', 'INPUT_MALFORMED', '')])).toBe('invalid');
  });
  it('is never verified without a passed authenticity check', () => {
    expect(deriveVerdict([check('input', 'INPUT_READ', ''), check('trust', 'TRUST_LISTED', '')])).toBe('unverifiable');
  });
  it('is unverifiable when a deciding check could not run', () => {
    expect(deriveVerdict([check('format', 'FORMAT_UNSUPPORTED', '')])).toBe('unverifiable');
  });
});
