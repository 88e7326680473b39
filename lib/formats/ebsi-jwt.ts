import type { FormatHandler } from '../pipeline/types.js';
import { issuerFromIss, planJoseVc, vcClaimOf } from './jose/plan.js';

/**
 * EBSI verifiable attestations: VC-JWTs issued by a `did:ebsi` legal entity (resolved through the
 * EBSI DID registry at `ctx.ebsiApiBase`) or a `did:key` natural person.
 */
export const ebsiJwtHandler: FormatHandler = {
  format: 'ebsi-jwt',
  async plan(input, ctx) {
    return planJoseVc(input, ctx, {
      // EBSI requires iss to be the issuer's DID: a registered issuer's name signed by another key is a forgery.
      claimsPrecedence: 'must-agree',
      format: 'ebsi-jwt',
      credentialOf: vcClaimOf,
      issuerOf: issuerFromIss,
    });
  },
};

export default ebsiJwtHandler;
