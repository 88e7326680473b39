import { describeError } from '../../errors.js';
import { isRecord } from '../../util/json.js';
import type { VerifyContext } from '../../pipeline/types.js';
import { check, type Check } from '../../report.js';

/**
 * Open Badges 3.0 `1EdTechCredentialRefresh`: fetched once, only after the proof verified (the
 * step needs authenticity), and only for the credential given (never for a refreshed copy). The
 * copy is verified like any credential and must have the same id and issuer; otherwise the original
 * stands and the check warns.
 */
export async function refreshCheck(credential: Record<string, unknown>, issuer: string | undefined, ctx: VerifyContext): Promise<Check> {
  const service = Array.isArray(credential.refreshService) ? credential.refreshService[0] : credential.refreshService;
  if (!isRecord(service)) return check('refresh', 'REFRESH_NONE', 'The credential offers no refresh service');
  if (service.type !== '1EdTechCredentialRefresh' || typeof service.id !== 'string') {
    return check('refresh', 'REFRESH_UNSUPPORTED', `Refresh services of type ${String(service.type)} are not used`);
  }
  if (ctx.depth > 0) return check('refresh', 'REFRESH_UNSUPPORTED', 'A refreshed copy is not refreshed again');
  const url = service.id;
  let text: string;
  try {
    const response = await ctx.io.get(url, { kind: 'credential', accept: 'application/vc+ld+json, application/ld+json, application/json, application/vc+jwt;q=0.9' });
    text = new TextDecoder().decode(response.body);
  } catch (error) {
    return check('refresh', 'REFRESH_FAILED', `The refresh service ${url} could not be reached (${describeError(error)}); the original credential was checked`, { service: url });
  }
  const report = await ctx.verifyNested(text, { retrievedFrom: url });
  const sameIssuer = report.credential?.issuer?.id === issuer;
  const sameId = typeof credential.id !== 'string' || report.credential?.id === credential.id;
  if ((report.verdict === 'verified' || report.verdict === 'warning') && sameIssuer && sameId) {
    return check('refresh', 'REFRESH_CURRENT', `The refresh service returned a verified copy (${report.verdict})`, { service: url, report });
  }
  const why = !sameIssuer ? 'it names another issuer' : !sameId ? 'it is a different credential' : `it is ${report.verdict}`;
  return check('refresh', 'REFRESH_FAILED', `The refresh service's copy was not used because ${why}; the original credential was checked`, { service: url, report });
}
