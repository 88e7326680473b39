import type { Step, VerifyContext } from '../../pipeline/types.js';
import { schemaCheck } from '../../validate/schema/index.js';

/** Step `schema`: structural conformance, checked first (Open Badges 3.0 verification §1), whoever signed. */
export function schemaStep(vc: Record<string, unknown>, _ctx: VerifyContext): Step {
  return { id: 'schema', run: () => schemaCheck(vc) };
}
