import { isRecord } from '../../util/json.js';
import type { VerifyContext } from '../../pipeline/types.js';
import { check, type Check, type PresentedCredential, type VerificationReport } from '../../report.js';
import { envelopeKind, openEnvelope } from './enveloped.js';

/** Credentials verified from one presentation; a wallet shares a handful, never hundreds. */
export const MAX_PRESENTED_CREDENTIALS = 16;

const JWT_LIKE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+(~[A-Za-z0-9_.~-]*)?$/;

export interface PresentedSet {
  credentials: PresentedCredential[];
  /** Entries beyond MAX_PRESENTED_CREDENTIALS, not verified. */
  skipped: number;
}

function entryReport(c: Check): VerificationReport {
  return { verdict: 'invalid', format: 'unknown', checks: [c], verifiedAt: new Date().toISOString() };
}

function subjectIds(report: VerificationReport): string[] {
  const id = report.credential?.subject?.id;
  return id ? [id] : [];
}

/**
 * Verifies every credential the presentation carries, each through the whole pipeline (its own
 * issuer, proof, status, validity), in order. Entries are credential objects, enveloped credentials
 * or JWT / SD-JWT strings (VP-JWT); anything else, a URL included, is refused rather than fetched.
 */
export async function verifyPresented(entries: unknown, holder: string | undefined, ctx: VerifyContext): Promise<PresentedSet> {
  const list = entries === undefined ? [] : Array.isArray(entries) ? entries : [entries];
  const credentials: PresentedCredential[] = [];
  for (const [index, entry] of list.slice(0, MAX_PRESENTED_CREDENTIALS).entries()) {
    let report: VerificationReport;
    let envelope: string | undefined;
    if (typeof entry === 'string' ? JWT_LIKE.test(entry.trim()) : isRecord(entry)) {
      if (isRecord(entry) && envelopeKind(entry)) {
        const opened = openEnvelope(entry, 'credential');
        if (opened?.ok) envelope = opened.mediaType;
      }
      report = await ctx.verifyNested(entry);
    } else {
      const what = typeof entry === 'string' ? (/^https?:/i.test(entry) ? 'a link' : 'text that is not a signed token') : Array.isArray(entry) ? 'a list' : `a ${typeof entry}`;
      report = entryReport(check('input', 'VP_ENTRY_MALFORMED', `Entry ${index + 1} of the presentation is ${what}, not a credential`, { index }));
    }
    const presented: PresentedCredential = { index, report };
    if (envelope) presented.envelope = envelope;
    const subjects = subjectIds(report);
    if (holder && subjects.length > 0) presented.subjectIsHolder = subjects.includes(holder);
    credentials.push(presented);
  }
  return { credentials, skipped: Math.max(0, list.length - MAX_PRESENTED_CREDENTIALS) };
}

/**
 * The presentation's verdict on its credentials is the worst of theirs (docs/presentations.md), in
 * two checks: `credentials` (all authentic, or the first reason not), then `credential-warnings`.
 */
export function credentialsCheck(set: PresentedSet): Check {
  const { credentials, skipped } = set;
  const verdicts = credentials.map((c) => ({ n: c.index + 1, verdict: c.report.verdict }));
  const details = { credentials: verdicts };
  const which = (v: string) => verdicts.filter((x) => x.verdict === v).map((x) => `#${x.n}`).join(', ');
  if (verdicts.some((v) => v.verdict === 'invalid')) return check('credentials', 'VP_CREDENTIAL_INVALID', `Not valid: credential ${which('invalid')} of ${credentials.length + skipped}`, details);
  if (skipped > 0) {
    return check('credentials', 'VP_TOO_MANY_CREDENTIALS', `The presentation carries ${credentials.length + skipped} credentials; the first ${credentials.length} were verified, ${skipped} were not`, details);
  }
  if (verdicts.some((v) => v.verdict === 'unverifiable')) return check('credentials', 'VP_CREDENTIAL_UNVERIFIABLE', `Could not be verified: credential ${which('unverifiable')} of ${credentials.length}`, details);
  if (credentials.length === 0) return check('credentials', 'VP_NO_CREDENTIALS', 'The presentation carries no credentials');
  return check('credentials', 'VP_CREDENTIALS_AUTHENTIC', credentials.length === 1 ? 'The credential in the presentation is authentic' : `All ${credentials.length} credentials in the presentation are authentic`, details);
}

export function credentialWarningsCheck(set: PresentedSet): Check {
  const verdicts = set.credentials.map((c) => c.report.verdict);
  if (set.skipped > 0 || verdicts.length === 0 || verdicts.some((v) => v === 'invalid' || v === 'unverifiable')) {
    return check('credential-warnings', 'VP_CREDENTIAL_WARNINGS_NOT_CHECKED', 'Not every credential is authentic (see above)');
  }
  const warned = set.credentials.filter((c) => c.report.verdict === 'warning');
  if (warned.length === 0) return check('credential-warnings', 'VP_CREDENTIALS_VERIFIED', 'Every credential verified without reservation');
  const reasons = warned.map((c) => `#${c.index + 1}: ${c.report.checks.filter((k) => k.status === 'warn').map((k) => k.message).join('; ')}`);
  return check('credential-warnings', 'VP_CREDENTIAL_WARNING', `Authentic, with something to know: ${reasons.join(' | ')}`, { credentials: warned.map((c) => c.index) });
}

/** Whether the credentials are about the holder, once the holder is proven. */
export function holderBindingCheck(set: PresentedSet, holder: string | undefined, proven: boolean): Check {
  if (!proven || !holder) {
    return check('holder-binding', 'VP_HOLDER_NOT_CHECKED', proven ? 'The presentation names no holder' : 'The presentation does not prove who its holder is, so its credentials are not compared with a holder');
  }
  const others = set.credentials.filter((c) => c.subjectIsHolder === false);
  const unknown = set.credentials.filter((c) => c.subjectIsHolder === undefined);
  if (others.length > 0) {
    return check('holder-binding', 'VP_HOLDER_NOT_SUBJECT', `Credential ${others.map((c) => `#${c.index + 1}`).join(', ')} is about ${others.map((c) => c.report.credential?.subject?.id).join(', ')}, not about the holder ${holder}`, { holder, credentials: others.map((c) => c.index) });
  }
  if (set.credentials.length === 0 || unknown.length === set.credentials.length) {
    return check('holder-binding', 'VP_HOLDER_NOT_CHECKED', 'No credential in the presentation names its subject, so none can be compared with the holder');
  }
  const note = unknown.length > 0 ? ` (${unknown.length} name no subject)` : '';
  return check('holder-binding', 'VP_HOLDER_IS_SUBJECT', `The credentials are about the holder ${holder}${note}`, { holder });
}
