import { check, type Check, type MicrocredentialProfile } from '../../report.js';

/**
 * The EU micro-credential check: a warning only for credentials that present themselves as
 * micro-credentials, or when the caller asks for the profile; informational (`skip`) otherwise.
 */
export function microcredentialCheck(profile: MicrocredentialProfile | undefined, requested: 'eu-microcredential' | undefined): Check {
  const applies = requested === 'eu-microcredential' || profile?.claimsMicrocredential === true;
  if (!profile) {
    return applies
      ? check('microcredential', 'MICROCREDENTIAL_INCOMPLETE', 'None of the eleven EU micro-credential elements could be read from this credential')
      : check('microcredential', 'MICROCREDENTIAL_INFORMATIONAL', 'Not a micro-credential');
  }
  const present = 11 - profile.missing.length;
  const details = { missing: profile.missing };
  if (!applies) {
    return check('microcredential', 'MICROCREDENTIAL_INFORMATIONAL', `Not presented as a micro-credential; it states ${present} of the 11 EU elements`, details);
  }
  if (profile.complete) return check('microcredential', 'MICROCREDENTIAL_COMPLETE', 'All 11 elements of an EU micro-credential are stated', details);
  return check('microcredential', 'MICROCREDENTIAL_INCOMPLETE', `${profile.missing.length} of the 11 EU micro-credential elements are missing: ${profile.missing.join(', ')}`, details);
}
