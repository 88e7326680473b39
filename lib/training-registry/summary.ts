import type { Verdict, VerificationReport } from '../report.js';
import { durationHours } from '../validate/eu/stack.js';
import { indexOf } from './registry-index.js';
import type { RegistryBlock, RegistryFinding, TrainingRegistry } from './types.js';

export interface SummaryItem {
  /** The wallet's id for the credential. */
  id: string;
  report: VerificationReport;
}

export interface CountedCredential {
  id: string;
  title: string;
  verdict: Verdict;
  hours?: number;
  ects?: number;
  eqf?: number;
  /** The block of the qualification this credential certifies, when it certifies one. */
  block?: RegistryBlock;
}

export interface QualificationGroup {
  /** The registry code, or the achievement's id or title when no registry lists it. */
  key: string;
  title: string;
  registry?: NonNullable<RegistryFinding['registry']>;
  code?: string;
  eqf?: number;
  /** Eligible for learning-account funding in the learner's country (undefined: no registry says). */
  eligible?: boolean;
  credentials: CountedCredential[];
  hours: number;
  ects: number;
  /** Progress toward a qualification made of blocks, where the registry lists its blocks. */
  blocks?: { obtained: RegistryBlock[]; missing: RegistryBlock[] };
}

export interface LearningSummary {
  /** Authentic credentials (verified or warning) counted in the sums. */
  counted: number;
  /** Credentials left out of the sums, with why. */
  excluded: Array<{ id: string; reason: string }>;
  hours: number;
  ects: number;
  /** EQF levels, ascending, with how many counted credentials are at each. */
  levels: Array<{ eqf: number; count: number }>;
  /** Counted credentials eligible for learning-account funding in the learner's country. */
  eligible: number;
  groups: QualificationGroup[];
  byRegistry: Array<{ registry: NonNullable<RegistryFinding['registry']>; credentials: number; eligible: number }>;
}

export interface SummaryOptions {
  /** The registries the reports were checked against, to list the blocks a qualification is made of. */
  registries?: readonly TrainingRegistry[];
  /** The learner's country (ISO 3166-1 alpha-2): eligibility counts only in registries of that country. */
  country?: string;
}

/**
 * What a learner's credentials add up to: grouped by qualification (the registry entry they are
 * listed under, else their achievement), workload summed (the credential's own statement first,
 * else the registry's, never both), EQF levels, eligibility for learning-account funding, and
 * progress toward qualifications made of blocks. Only authentic credentials count.
 */
export function summariseLearning(items: readonly SummaryItem[], options: SummaryOptions = {}): LearningSummary {
  const summary: LearningSummary = { counted: 0, excluded: [], hours: 0, ects: 0, levels: [], eligible: 0, groups: [], byRegistry: [] };
  const groups = new Map<string, QualificationGroup>();
  const levels = new Map<number, number>();
  const registries = new Map<string, LearningSummary['byRegistry'][number]>();
  for (const { id, report } of items) {
    if (report.verdict !== 'verified' && report.verdict !== 'warning') {
      summary.excluded.push({ id, reason: `verdict ${report.verdict}` });
      continue;
    }
    const finding = report.registry?.outcome === 'listed' ? report.registry : undefined;
    const counted = countedCredential(id, report, finding);
    summary.counted += 1;
    summary.hours += counted.hours ?? 0;
    summary.ects += counted.ects ?? 0;
    if (counted.eqf !== undefined) levels.set(counted.eqf, (levels.get(counted.eqf) ?? 0) + 1);
    const eligible = finding ? eligibleIn(finding, options.country) : undefined;
    if (eligible) summary.eligible += 1;

    const key = finding?.entry ? `${finding.registry?.id ?? ''}#${finding.entry.code}` : (report.credential?.achievement?.id ?? report.credential?.title ?? id);
    let group = groups.get(key);
    if (!group) {
      group = {
        key: finding?.entry?.code ?? key,
        title: finding?.entry?.title ?? report.credential?.achievement?.name ?? report.credential?.title ?? 'Untitled credential',
        credentials: [],
        hours: 0,
        ects: 0,
      };
      if (finding?.registry) group.registry = finding.registry;
      if (finding?.entry) group.code = finding.entry.code;
      const eqf = finding?.entry?.level?.eqf ?? counted.eqf;
      if (eqf !== undefined) group.eqf = eqf;
      if (eligible !== undefined) group.eligible = eligible;
      groups.set(key, group);
    }
    group.credentials.push(counted);
    group.hours += counted.hours ?? 0;
    group.ects += counted.ects ?? 0;

    if (finding?.registry) {
      const tally = registries.get(finding.registry.id) ?? { registry: finding.registry, credentials: 0, eligible: 0 };
      tally.credentials += 1;
      if (eligible) tally.eligible += 1;
      registries.set(finding.registry.id, tally);
    }
  }
  for (const group of groups.values()) {
    const blocks = blocksOf(group, options.registries ?? []);
    if (blocks.length) {
      const obtained = new Set(group.credentials.map((c) => c.block?.code).filter(Boolean));
      group.blocks = { obtained: blocks.filter((b) => obtained.has(b.code)), missing: blocks.filter((b) => !obtained.has(b.code)) };
    }
  }
  summary.levels = [...levels.entries()].sort((a, b) => a[0] - b[0]).map(([eqf, count]) => ({ eqf, count }));
  summary.groups = [...groups.values()];
  summary.byRegistry = [...registries.values()];
  return summary;
}

function countedCredential(id: string, report: VerificationReport, finding: RegistryFinding | undefined): CountedCredential {
  const counted: CountedCredential = { id, title: report.credential?.title ?? report.credential?.achievement?.name ?? 'Untitled credential', verdict: report.verdict };
  const workload = report.microcredential?.elements.workload.value as { ects?: unknown; volumeOfLearning?: unknown; hours?: unknown } | null | undefined;
  const ects = typeof workload?.ects === 'number' ? workload.ects : typeof workload?.ects === 'string' ? Number(workload.ects) : NaN;
  const hours = typeof workload?.hours === 'number' ? workload.hours : durationHours(workload?.volumeOfLearning);
  if (Number.isFinite(ects)) counted.ects = ects;
  if (hours !== undefined) counted.hours = hours;
  // The registry's workload is the whole qualification's: it stands in only for a credential of the whole, stating none itself.
  if (counted.ects === undefined && counted.hours === undefined && finding?.entry && !finding.block) {
    if (finding.entry.ects !== undefined) counted.ects = finding.entry.ects;
    if (finding.entry.hours !== undefined) counted.hours = finding.entry.hours;
  }
  const level = report.microcredential?.elements.level.value as { eqf?: unknown } | null | undefined;
  const eqf = typeof level?.eqf === 'number' ? level.eqf : finding?.entry?.level?.eqf;
  if (eqf !== undefined) counted.eqf = eqf;
  if (finding?.block) counted.block = finding.block;
  return counted;
}

function eligibleIn(finding: RegistryFinding, country: string | undefined): boolean {
  if (!finding.entry?.eligible) return false;
  return country === undefined || finding.registry?.country === undefined || finding.registry.country === country.toUpperCase();
}

function blocksOf(group: QualificationGroup, registries: readonly TrainingRegistry[]): RegistryBlock[] {
  if (!group.registry || !group.code) return [];
  const registry = registries.find((r) => r.id === group.registry?.id);
  const listing = registry ? indexOf(registry).lookup(group.code) : undefined;
  return listing?.entry.blocks ?? [];
}
