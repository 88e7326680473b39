/**
 * What a check code means for the verdict:
 * - `pass`: the check succeeded;
 * - `fail`: the credential is invalid (tampered, revoked, expired, malformed, unauthorised key...);
 * - `unverifiable`: a check that decides authenticity could not run (key not resolvable, offline,
 *   unsupported format or suite);
 * - `warning`: authenticity is established but a person must know something (untrusted issuer,
 *   status list unreachable, EU elements missing);
 * - `skip`: the check did not apply or was not run because an earlier one failed.
 */
export type CodeEffect = 'pass' | 'fail' | 'unverifiable' | 'warning' | 'skip';

export interface CodeInfo {
  readonly effect: CodeEffect;
  /** One plain sentence for people; the README's code table and the UI's "why" use it. */
  readonly summary: string;
  /** Set on the pass codes that establish authenticity (a proof verified, an OB 2.0 hosted origin check). */
  readonly authentic?: true;
}

export type CodeTable = Readonly<Record<string, CodeInfo>>;
