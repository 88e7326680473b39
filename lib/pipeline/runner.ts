import { describeError } from '../errors.js';
import { check, type Check } from '../report.js';
import type { Step, VerifyProgress } from './types.js';

/**
 * Runs the steps in order. A gate step that does not pass (a proof that failed or could not be
 * checked) turns every later step that needs authenticity into a recorded `skip`; a step that
 * throws becomes a check, so one bug never hides the rest of the report.
 */
export async function runSteps(
  steps: readonly Step[],
  firstIndex: number,
  onProgress: ((event: VerifyProgress) => void) | undefined,
  signal: AbortSignal | undefined,
): Promise<Check[]> {
  const results: Check[] = [];
  let authentic = true;
  for (const [offset, step] of steps.entries()) {
    let result: Check;
    if (signal?.aborted) {
      result = check(step.id, 'CHECK_ABORTED', 'Verification was cancelled');
    } else if (step.needsAuthenticity && !authentic) {
      result = check(step.id, 'SKIPPED_NOT_AUTHENTIC', 'Not checked: the credential\'s authenticity was not established');
    } else {
      try {
        result = await step.run();
      } catch (error) {
        result = signal?.aborted
          ? check(step.id, 'CHECK_ABORTED', 'Verification was cancelled')
          : check(step.id, 'CHECK_INTERNAL_ERROR', `Unexpected error: ${describeError(error)}`);
      }
    }
    if (step.gate && result.status !== 'pass') authentic = false;
    results.push(result);
    onProgress?.({ type: 'check', index: firstIndex + offset, check: result });
  }
  return results;
}
