import type { VerificationReport } from '../../report.js';

export interface CredentialStack {
  /** The learner the credentials belong to, when they agree. */
  learner: string | undefined;
  /** Credentials counted: verified or warning, with a micro-credential profile. */
  counted: number;
  /** Credentials left out (invalid, unverifiable, or another learner), with the reason. */
  excluded: Array<{ index: number; reason: string }>;
  /** Sum of ECTS credit points over the counted credentials. */
  ects: number;
  /** Sum of stated hours (ISO 8601 durations such as PT45H) where no ECTS is stated. */
  hours: number;
  /** The EQF levels found, ascending, with how many credentials are at each. */
  levels: Array<{ eqf: number; count: number }>;
}

/** Hours in an ISO 8601 duration (PT45H, P2DT4H; a day counts 24 hours); undefined when unreadable. */
export function durationHours(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?)?$/.exec(value);
  if (!m || value === 'P' || value.endsWith('T')) return undefined;
  const [, w, d, h, min] = m.map((x) => (x === undefined ? 0 : Number(x)));
  return (w ?? 0) * 168 + (d ?? 0) * 24 + (h ?? 0) + (min ?? 0) / 60;
}

function learnerOf(report: VerificationReport): string | undefined {
  const v = report.microcredential?.elements.learner.value;
  return typeof v === 'string' ? v : report.credential?.subject?.id ?? report.credential?.subject?.name;
}

/**
 * Stacks several credentials of one learner: sums their workload (ECTS; hours where no ECTS is
 * stated) and lists their levels. Only authentic credentials count (verdict verified or warning),
 * and only those of the first learner named.
 */
export function stackCredentials(reports: readonly VerificationReport[]): CredentialStack {
  const stack: CredentialStack = { learner: undefined, counted: 0, excluded: [], ects: 0, hours: 0, levels: [] };
  const levels = new Map<number, number>();
  for (const [index, report] of reports.entries()) {
    if (report.verdict !== 'verified' && report.verdict !== 'warning') {
      stack.excluded.push({ index, reason: `verdict ${report.verdict}` });
      continue;
    }
    const profile = report.microcredential;
    if (!profile) {
      stack.excluded.push({ index, reason: 'no micro-credential elements' });
      continue;
    }
    const learner = learnerOf(report);
    if (stack.learner === undefined) stack.learner = learner;
    else if (learner !== undefined && learner !== stack.learner) {
      stack.excluded.push({ index, reason: `another learner (${learner})` });
      continue;
    }
    stack.counted += 1;
    const workload = profile.elements.workload.value as { ects?: unknown; volumeOfLearning?: unknown } | null;
    const ects = typeof workload?.ects === 'number' ? workload.ects : typeof workload?.ects === 'string' ? Number(workload.ects) : NaN;
    if (Number.isFinite(ects)) stack.ects += ects;
    else {
      const hours = durationHours(workload?.volumeOfLearning);
      if (hours !== undefined) stack.hours += hours;
    }
    const level = profile.elements.level.value as { eqf?: unknown } | null;
    if (typeof level?.eqf === 'number') levels.set(level.eqf, (levels.get(level.eqf) ?? 0) + 1);
  }
  stack.levels = [...levels.entries()].sort((a, b) => a[0] - b[0]).map(([eqf, count]) => ({ eqf, count }));
  return stack;
}
