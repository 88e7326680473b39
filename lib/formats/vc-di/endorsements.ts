import { isRecord } from '../../util/json.js';
import { LIMITS } from '../../limits.js';
import type { VerifyContext } from '../../pipeline/types.js';
import { check, type Check } from '../../report.js';

/** Embedded endorsements of an Open Badges 3.0 / CLR credential, its achievement and its issuer profile. */
export function embeddedEndorsements(credential: Record<string, unknown>): unknown[] {
  const holders: unknown[] = [credential, credential.issuer];
  for (const subject of Array.isArray(credential.credentialSubject) ? credential.credentialSubject : [credential.credentialSubject]) {
    if (isRecord(subject)) holders.push(subject.achievement);
  }
  const found: unknown[] = [];
  for (const holder of holders.filter(isRecord)) {
    for (const key of ['endorsement', 'endorsementJwt']) {
      const value = holder[key];
      if (value !== undefined) found.push(...(Array.isArray(value) ? value : [value]));
    }
  }
  return found;
}

/** Verifies each embedded endorsement as a credential of its own; the nested reports go in the details. */
export async function endorsementsCheck(credential: Record<string, unknown>, ctx: VerifyContext): Promise<Check> {
  const all = embeddedEndorsements(credential);
  if (all.length === 0) return check('endorsements', 'ENDORSEMENTS_NONE', 'The credential carries no embedded endorsements');
  const checked = all.slice(0, LIMITS.maxEndorsements);
  const reports = [];
  for (const endorsement of checked) reports.push(await ctx.verifyNested(endorsement as Record<string, unknown>));
  const details = {
    endorsements: reports.map((r) => ({ verdict: r.verdict, issuer: r.credential?.issuer, id: r.credential?.id, checks: r.checks })),
  };
  const bad = reports.filter((r) => r.verdict !== 'verified' && r.verdict !== 'warning');
  if (bad.length > 0) {
    const who = bad.map((r) => r.credential?.issuer?.name ?? r.credential?.issuer?.id ?? 'an unnamed endorser').join(', ');
    return check('endorsements', 'ENDORSEMENT_INVALID', `${bad.length} of ${reports.length} endorsements did not verify (${who})`, details);
  }
  if (all.length > checked.length) {
    return check('endorsements', 'ENDORSEMENTS_TOO_MANY', `${checked.length} endorsements verified; ${all.length - checked.length} more were not checked`, details);
  }
  return check('endorsements', 'ENDORSEMENTS_VALID', `${reports.length} endorsement${reports.length === 1 ? '' : 's'} verified`, details);
}
