import type { FormatHandler } from '../pipeline/types.js';
import { issuerFromIss, planJoseVc, vcClaimOf } from './jose/plan.js';

/** VC-JWT (VC Data Model 1.1 §6.3.1): a JWT whose `vc` claim holds the credential. */
export const vcJwtHandler: FormatHandler = {
  format: 'vc-jwt',
  async plan(input, ctx) {
    return planJoseVc(input, ctx, {
      claimsPrecedence: 'jwt-overrides',
      format: 'vc-jwt',
      credentialOf: vcClaimOf,
      issuerOf: issuerFromIss,
    });
  },
};

export default vcJwtHandler;
