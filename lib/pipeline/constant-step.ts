import type { CheckId, Check } from '../report.js';
import type { Step } from './types.js';

/** A step whose result is already known (a format nobody can verify, a header rejected before any key is fetched). */
export function constantStep(result: Check, options: { gate?: boolean; id?: CheckId } = {}): Step {
  return { id: options.id ?? result.id, gate: options.gate ?? true, run: async () => result };
}
