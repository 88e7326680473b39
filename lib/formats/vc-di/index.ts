import { isRecord, stringsOf } from '../../util/json.js';
import { resolveVerificationMethod } from '../../keys/index.js';
import type { CredentialPlan, FormatHandler, Step, VerifyContext } from '../../pipeline/types.js';
import { createDocumentLoader } from '../../proofs/data-integrity/document-loader.js';
import { verifyDataIntegrity, type DiResult } from '../../proofs/data-integrity/verify.js';
import { check } from '../../report.js';
import { statusStep } from '../../status/index.js';
import { validityCheck, validityDatesOf } from '../../validate/dates.js';
import { issuerIdOf, summariseVc } from '../vc-summary.js';
import { endorsementsCheck } from './endorsements.js';
import { recipientCheck } from './recipient.js';
import { refreshCheck } from './refresh.js';
import { schemaStep } from './schema-step.js';

/** Credential types whose specification lets any one proof of a proof set suffice (Open Badges 3.0 §8.2, CLR 2.0). */
const ONE_PROOF_SUFFICES = new Set(['OpenBadgeCredential', 'AchievementCredential', 'EndorsementCredential', 'ClrCredential']);


export function isOpenBadgeOrClr(vc: Record<string, unknown>): boolean {
  return stringsOf(vc.type).some((t) => ONE_PROOF_SUFFICES.has(t));
}

function diSteps(vc: Record<string, unknown>, issuer: string | undefined, ctx: VerifyContext): Step[] {
  let result: Promise<DiResult> | undefined;
  const run = (): Promise<DiResult> => {
    result ??= verifyDataIntegrity(vc, {
      documentLoader: createDocumentLoader(ctx.io),
      resolveKey: (method) => resolveVerificationMethod(method, ctx, { relationship: 'assertionMethod', issuer: issuer ?? '' }),
      now: ctx.now,
      proofSet: isOpenBadgeOrClr(vc) ? 'any' : 'all',
      hasContext: async (url) => (await ctx.io.fromBundle(url)) !== undefined,
    });
    return result;
  };
  if (!issuer) {
    return [{ id: 'issuer-key', gate: true, run: async () => check('issuer-key', 'DI_ISSUER_MISSING', 'The credential does not name its issuer') }];
  }
  return [
    { id: 'issuer-key', gate: true, run: async () => (await run()).keyCheck },
    { id: 'proof', gate: true, run: async () => (await run()).proofCheck },
  ];
}

/** W3C Verifiable Credentials (1.1 and 2.0) secured with embedded Data Integrity proofs, including Open Badges 3.0 and CLR 2.0. */
export const handler: FormatHandler = {
  format: 'vc-di',
  async plan(input, ctx): Promise<CredentialPlan> {
    const vc = isRecord(input.payload) ? input.payload : {};
    const issuer = issuerIdOf(vc);
    const ob = isOpenBadgeOrClr(vc);
    const steps: Step[] = [schemaStep(vc, ctx), ...diSteps(vc, issuer, ctx)];
    if (ob) steps.push({ id: 'refresh', needsAuthenticity: true, run: () => refreshCheck(vc, issuer, ctx) });
    // An expired credential is expired whoever signed it: the dates are checked even without a proof.
    steps.push({ id: 'validity', run: async () => validityCheck(validityDatesOf(vc), ctx) });
    steps.push(statusStep(vc, issuer, ctx));
    if (ctx.recipient !== undefined) steps.push({ id: 'recipient', needsAuthenticity: true, run: () => recipientCheck(vc, ctx.recipient) });
    if (ob) steps.push({ id: 'endorsements', needsAuthenticity: true, run: () => endorsementsCheck(vc, ctx) });
    return { credential: summariseVc(vc), document: vc, steps };
  },
};
