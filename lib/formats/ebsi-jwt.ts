import { isRecord } from '../input/json.js';
import type { FormatHandler } from '../pipeline/types.js';
import { planJoseVc } from './jose/plan.js';
import { issuerIdOf } from './vc-summary.js';

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
      credentialOf: (payload) => (isRecord(payload.vc) ? payload.vc : undefined),
      issuerOf: (payload, vc) => (typeof payload.iss === 'string' ? payload.iss : issuerIdOf(vc)),
    });
  },
};

export default ebsiJwtHandler;
