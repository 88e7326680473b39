import { parseJsonText } from '../../util/strict-json.js';
import { isRecord } from '../../util/json.js';
import type { Classified, CredentialPlan, FormatHandler, Step, VerifyContext } from '../../pipeline/types.js';
import { parseJades } from '../../proofs/jades.js';
import { check, type Check } from '../../report.js';
import { statusStep } from '../../status/index.js';
import { validityCheck, validityDatesOf } from '../../validate/dates.js';
import { summariseElm } from '../../elm/read.js';
import { Seal } from './seal.js';

/**
 * Europass digital credentials: an ELM credential (VC 1.1 or 2.0 envelope) under a JAdES eSeal.
 * Plan: seal integrity (the gate), then the seal certificate, qualified status, the sealer's legal
 * identity, revocation and time at signing, then the credential's validity and status.
 */
export const handler: FormatHandler = {
  format: 'edc',
  async plan(input: Classified, ctx: VerifyContext): Promise<CredentialPlan> {
    if (input.sniffed.kind === 'json') {
      // An ELM document without its seal: nothing vouches for it.
      const document = isRecord(input.payload) ? input.payload : undefined;
      const plan: CredentialPlan = {
        steps: [constant(check('seal-integrity', 'SEAL_MALFORMED', 'This Europass credential carries no electronic seal, so nothing shows who issued it or that it is unchanged'))],
      };
      if (document) {
        plan.document = document;
        plan.credential = summariseElm(document);
      }
      return plan;
    }
    const parsed = parseJades(input.sniffed);
    if (!parsed.ok) return { steps: [constant(check('seal-integrity', parsed.check.code, parsed.check.message))] };

    let document: Record<string, unknown> | undefined;
    try {
      const value = parseJsonText(parsed.value.payloadText);
      document = isRecord(value) ? value : undefined;
    } catch {
      document = undefined;
    }
    const seal = new Seal(parsed.value, document, ctx);
    const steps: Step[] = [
      { id: 'seal-integrity', gate: true, run: () => seal.integrity() },
      { id: 'seal-certificate', needsAuthenticity: true, run: () => seal.certificate() },
      { id: 'seal-qualified', needsAuthenticity: true, run: () => seal.qualified() },
      { id: 'seal-identity', needsAuthenticity: true, run: () => seal.identity() },
      { id: 'seal-revocation', needsAuthenticity: true, run: () => seal.revocation() },
      { id: 'seal-timestamp', needsAuthenticity: true, run: () => seal.timestamp() },
    ];
    // The seal's chain, judged at its signing time: the trust step asks which list's anchor it reaches.
    const plan: CredentialPlan = { steps, issuerCertificates: async () => (seal.x5c.length > 0 ? { x5c: seal.x5c, at: seal.at, intermediates: seal.etsiU.certificates } : undefined) };
    if (!document) {
      steps.push(constant(check('format', 'INPUT_MALFORMED', 'The sealed content is not a JSON credential'), true));
      return plan;
    }
    plan.document = document;
    plan.credential = summariseElm(document);
    steps.push({ id: 'validity', needsAuthenticity: true, run: async () => validityCheck(validityDatesOf(document), ctx) });
    const withStatus = document.credentialStatus === undefined && document.status !== undefined ? { ...document, credentialStatus: document.status } : document;
    const issuerId = isRecord(document.issuer) && typeof document.issuer.id === 'string' ? document.issuer.id : typeof document.issuer === 'string' ? document.issuer : undefined;
    steps.push(statusStep(withStatus, issuerId, ctx));
    return plan;
  },
};

function constant(result: Check, needsAuthenticity = false): Step {
  return { id: result.id, gate: !needsAuthenticity, needsAuthenticity, run: async () => result };
}
