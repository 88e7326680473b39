import { countryName, toLang, type Lang } from '../../components/index.js';
import type { LearningSummary, QualificationGroup, RegistryFinding, VerificationReport } from '../../lib/index.js';
import { fill, strings } from '../common/i18n/index.js';
import { h } from '../common/page.js';
import type { RegistryMeta } from '../common/registry-store.js';

/**
 * The wallet's "what your credentials add up to" (issue #19): workload (hours and ECTS) and EQF
 * levels summed over the authentic credentials, which are eligible for learning-account funding
 * in the learner's country, grouped by qualification (with progress through its blocks where the
 * registry lists them) and by registry. The numbers come from lib's summariseLearning.
 */

export interface LearningView {
  summary: LearningSummary;
  registries: RegistryMeta[];
  country: string | undefined;
  onCountry: (country: string) => void;
  /** Credentials checked before the registries last changed. */
  stale: number;
  onCheckAll: () => void;
  /** The listings the credentials were found under, by `registryId#code`, for the funding marks. */
  findings: ReadonlyMap<string, RegistryFinding>;
  /** Each credential's own finding, by wallet id (a lapsed listing forms no registry group). */
  byCredential: ReadonlyMap<string, RegistryFinding>;
}

export const findingKey = (registryId: string, code: string): string => `${registryId}#${code}`;

const number = (n: number, lang: Lang): string => n.toLocaleString(lang, { maximumFractionDigits: 1 });

function workload(hours: number, ects: number, lang: Lang): string | undefined {
  const t = strings().learning;
  const parts = [hours ? fill(t.hoursShort, { n: number(hours, lang) }) : undefined, ects ? fill(t.ectsShort, { n: number(ects, lang) }) : undefined].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}

/** The funding mark of a listing: eligible here, eligible only in another country, or not eligible. */
export function eligibilityMark(finding: Pick<RegistryFinding, 'registry' | 'entry'>, eligibleHere: boolean | undefined, lang: Lang): HTMLElement | undefined {
  const t = strings().learning;
  const scheme = finding.registry?.fundingScheme ?? t.learningAccount;
  if (eligibleHere === undefined || !finding.entry) return undefined;
  if (eligibleHere) return h('span', { className: 'chip verified eligibility', 'data-eligible': 'yes', text: `✓ ${fill(t.eligible, { scheme })}` });
  if (finding.entry.eligible && finding.registry?.country) {
    return h('span', { className: 'chip warning eligibility', 'data-eligible': 'elsewhere', text: fill(t.eligibleElsewhere, { country: countryName(finding.registry.country, lang) ?? finding.registry.country }) });
  }
  return h('span', { className: 'chip unverifiable eligibility', 'data-eligible': 'no', text: fill(t.notEligible, { scheme }) });
}

/** The registry line of one credential's card in the wallet. */
export function registryFacts(report: VerificationReport | undefined, country: string | undefined): HTMLElement | undefined {
  const finding = report?.registry;
  if (!finding || (report?.verdict !== 'verified' && report?.verdict !== 'warning')) return undefined;
  const lang = toLang(document.documentElement.lang);
  const t = strings().learning;
  if (finding.outcome === 'not-listed' || !finding.entry || !finding.registry) return h('div', { className: 'facts registry-facts' }, h('span', { text: t.notListed }));
  const code = finding.block ? `${finding.block.code} (${finding.entry.code})` : finding.entry.code;
  const here = finding.outcome === 'listed' ? finding.entry.eligible && (!country || !finding.registry.country || finding.registry.country === country) : false;
  return h(
    'div',
    { className: 'facts registry-facts' },
    h('span', { text: fill(t.listedIn, { registry: finding.registry.name, code }) }),
    finding.outcome === 'listed' ? eligibilityMark(finding, here, lang) : h('span', { className: 'chip warning', 'data-eligible': 'lapsed', text: t.lapsed }),
  );
}

function stat(value: string, label: string, id: string): HTMLElement {
  return h('div', { className: 'stat', id }, h('span', { className: 'n', text: value }), h('span', { className: 'l', text: label }));
}

function groupCard(group: QualificationGroup, view: LearningView, lang: Lang): HTMLElement {
  const t = strings().learning;
  const findings = view.findings;
  const own = group.credentials.map((c) => view.byCredential.get(c.id)).find((f) => f?.outcome === 'lapsed' && f.registry && f.entry);
  const listing = view.registries.length === 0 ? undefined : group.registry && group.code ? fill(t.listedIn, { registry: group.registry.name, code: group.code }) : own?.registry && own.entry ? fill(t.listedIn, { registry: own.registry.name, code: own.entry.code }) : t.notListed;
  const facts = [
    listing,
    group.eqf !== undefined ? fill(t.eqf, { n: group.eqf }) : undefined,
    workload(group.hours, group.ects, lang),
    fill(t.credentials, { n: group.credentials.length }),
  ].filter((x): x is string => Boolean(x));
  const finding = group.registry && group.code ? findings.get(findingKey(group.registry.id, group.code)) : undefined;
  const mark = finding ? eligibilityMark(finding, group.eligible, lang) : own ? h('span', { className: 'chip warning', 'data-eligible': 'lapsed', text: t.lapsed }) : undefined;
  const blocks = group.blocks;
  const total = blocks ? blocks.obtained.length + blocks.missing.length : 0;
  return h(
    'li',
    { className: 'qualification', 'data-key': group.key },
    h('div', { className: 'grow' }, h('strong', { text: group.title }), h('div', { className: 'facts' }, ...facts.map((f) => h('span', { text: f })), mark)),
    blocks && total
      ? h(
          'div',
          { className: 'blocks' },
          h('label', { className: 'hint', text: fill(t.blocks, { done: blocks.obtained.length, total }) }, h('progress', { max: String(total), value: String(blocks.obtained.length) })),
          h(
            'ul',
            { className: 'block-list' },
            ...blocks.obtained.map((b) => h('li', { className: 'obtained', 'data-block': b.code }, h('span', { className: 'visually-hidden', text: `${t.obtained}: ` }), `✓ ${b.code} · ${b.title}`)),
            ...blocks.missing.map((b) => h('li', { className: 'missing', 'data-block': b.code }, h('span', { className: 'visually-hidden', text: `${t.missing}: ` }), `○ ${b.code} · ${b.title}`)),
          ),
        )
      : undefined,
  );
}

function countryPicker(view: LearningView, lang: Lang): HTMLElement {
  const t = strings().learning;
  const countries = [...new Set([...view.registries.flatMap((r) => (r.country ? [r.country] : [])), ...(view.country ? [view.country] : [])])].sort();
  const select = h('select', { id: 'learner-country' }, h('option', { value: '', text: t.anyCountry }), ...countries.map((c) => h('option', { value: c, text: countryName(c, lang) ?? c, selected: c === view.country })));
  select.value = view.country ?? '';
  select.addEventListener('change', () => view.onCountry(select.value));
  return h('div', { className: 'row' }, h('label', { for: 'learner-country', text: t.countryLabel }), select);
}

export function learningSection(view: LearningView): HTMLElement {
  const t = strings().learning;
  const lang = toLang(document.documentElement.lang);
  const { summary } = view;
  const levels = summary.levels.map((l) => `${l.eqf}${l.count > 1 ? ` (×${l.count})` : ''}`).join(', ');
  const eligibleLabel = view.country ? fill(t.eligibleIn, { country: countryName(view.country, lang) ?? view.country }) : t.eligibleAny;
  const checkAll = h('button', { type: 'button', id: 'wallet-check-all', text: t.checkAll });
  checkAll.addEventListener('click', () => view.onCheckAll());
  return h(
    'section',
    { className: 'card', 'aria-labelledby': 'learning-h', id: 'learning' },
    h('h2', { id: 'learning-h', text: t.heading }),
    h(
      'div',
      { className: 'stack' },
      stat(number(summary.hours, lang), t.hours, 'sum-hours'),
      stat(number(summary.ects, lang), t.ects, 'sum-ects'),
      stat(levels || t.none, t.levels, 'sum-levels'),
      view.registries.length ? stat(String(summary.eligible), eligibleLabel, 'sum-eligible') : undefined,
    ),
    view.registries.length ? countryPicker(view, lang) : h('p', { className: 'hint', id: 'learning-no-registries' }, `${t.noRegistries} `, h('a', { href: '/options.html#registries', text: t.openSettings })),
    view.stale ? h('div', { className: 'row', id: 'learning-stale' }, h('span', { className: 'hint', text: t.stale }), checkAll) : undefined,
    summary.counted === 0 ? h('p', { className: 'hint', text: t.nothing }) : undefined,
    summary.counted > 0 && !summary.hours && !summary.ects && !summary.levels.length ? h('p', { className: 'hint', id: 'learning-no-workload', text: t.noWorkload }) : undefined,
    summary.groups.length ? h('h3', { text: t.byQualification }) : undefined,
    summary.groups.length ? h('ul', { className: 'plain qualifications', id: 'by-qualification' }, ...summary.groups.map((g) => groupCard(g, view, lang))) : undefined,
    summary.byRegistry.length ? h('h3', { text: t.byRegistry }) : undefined,
    summary.byRegistry.length
      ? h(
          'ul',
          { className: 'plain', id: 'by-registry' },
          ...summary.byRegistry.map((r) => h('li', { 'data-registry': r.registry.id }, h('strong', { text: r.registry.name }), h('span', { className: 'hint', text: fill(t.registryLine, { n: r.credentials, eligible: r.eligible }) }))),
        )
      : undefined,
    summary.excluded.length ? h('p', { className: 'hint', id: 'learning-excluded', text: fill(t.excluded, { n: summary.excluded.length }) }) : undefined,
    h('p', { className: 'hint', id: 'learning-balances', text: t.balances }),
  );
}
