import type { FormatHandler } from '../pipeline/types.js';
import { check } from '../report.js';
import { planJoseVc } from './jose/plan.js';
import { issuerIdOf } from './vc-summary.js';

/** Media types of a VC secured with JOSE (VC-JOSE-COSE §3.1.1, and the older draft's vc+ld+json+jwt). */
const TYPES = new Set(['vc+jwt', 'vc+ld+jwt', 'vc+ld+json+jwt', 'vc-ld+jwt', 'application/vc+jwt', 'application/vc+ld+json+jwt']);

/** VC-JOSE-COSE (JWS only): the credential itself is the JWT payload; the issuer is `payload.issuer`. */
export const vcJoseHandler: FormatHandler = {
  format: 'vc-jose',
  async plan(input, ctx) {
    return planJoseVc(input, ctx, {
      claimsPrecedence: 'must-agree',
      format: 'vc-jose',
      credentialOf: (payload) => payload,
      issuerOf: (_payload, vc) => issuerIdOf(vc),
      headerRule: (header) => {
        const typ = typeof header.typ === 'string' ? header.typ.toLowerCase() : undefined;
        if (typ === undefined || TYPES.has(typ)) return undefined;
        return check('proof', 'PROOF_TYPE_MISMATCH', `The header type "${typ.slice(0, 60)}" is not a VC-JOSE type (vc+jwt)`);
      },
    });
  },
};

export default vcJoseHandler;
