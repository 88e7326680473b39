import { isRecord } from '../input/json.js';
import type { FormatHandler } from '../pipeline/types.js';
import { planJoseVc } from './jose/plan.js';
import { issuerIdOf } from './vc-summary.js';

/** VC-JWT (VC Data Model 1.1 §6.3.1): a JWT whose `vc` claim holds the credential. */
export const vcJwtHandler: FormatHandler = {
  format: 'vc-jwt',
  async plan(input, ctx) {
    return planJoseVc(input, ctx, {
      claimsPrecedence: 'jwt-overrides',
      format: 'vc-jwt',
      credentialOf: (payload) => (isRecord(payload.vc) ? payload.vc : undefined),
      issuerOf: (payload, vc) => (typeof payload.iss === 'string' ? payload.iss : issuerIdOf(vc)),
    });
  },
};

export default vcJwtHandler;
