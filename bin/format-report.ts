import { CODES } from '../lib/codes/index.js';
import { MICROCREDENTIAL_ELEMENTS, type Check, type VerificationReport } from '../lib/report.js';
import type { RegistryFinding } from '../lib/index.js';

const VERDICT_WORDS: Record<VerificationReport['verdict'], string> = {
  verified: 'VERIFIED: authentic, and every check passed',
  warning: 'VERIFIED WITH WARNINGS: authentic, but read the warnings below',
  invalid: 'INVALID: do not rely on this credential',
  unverifiable: 'UNVERIFIABLE: authenticity could not be established',
};

const STATUS_MARKS: Record<Check['status'], string> = { pass: '✔', fail: '✘', warn: '!', skip: '–' };

const ELEMENT_NAMES: Record<string, string> = {
  learner: 'Learner',
  title: 'Title',
  issuerCountry: 'Country of the issuer',
  awardingBody: 'Awarding body',
  issued: 'Date of issue',
  learningOutcomes: 'Learning outcomes',
  workload: 'Notional workload',
  level: 'Level (EQF)',
  assessment: 'Type of assessment',
  participation: 'Form of participation',
  qualityAssurance: 'Quality assurance',
};

interface Paint {
  (code: number, text: string): string;
}

function painter(color: boolean): Paint {
  return (code, text) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
}

/** Removes control characters so credential text cannot move the cursor or recolour the terminal. */
export function safeText(value: unknown, max = 300): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(valueText).join('; ');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const named = record.label ?? record.name ?? record.value;
    if (named !== undefined) return valueText(named);
    return safeText(
      Object.entries(record)
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([k, v]) => `${k}: ${valueText(v)}`)
        .join(', '),
      160,
    );
  }
  return safeText(value, 120);
}

/** The readable summary: the verdict first, then every check, then what the credential says. */
export function formatReport(report: VerificationReport, options: { color: boolean; source?: string }): string {
  const paint = painter(options.color);
  const verdictColor = { verified: 32, warning: 33, invalid: 31, unverifiable: 90 }[report.verdict];
  const lines: string[] = [];
  lines.push(paint(1, paint(verdictColor, VERDICT_WORDS[report.verdict])));
  if (options.source) lines.push(`  ${safeText(options.source)}`);
  lines.push(`  format: ${report.format}`);
  lines.push('');
  lines.push(paint(1, 'Checks'));
  for (const c of report.checks) {
    const markColor = { pass: 32, fail: 31, warn: 33, skip: 90 }[c.status];
    lines.push(`  ${paint(markColor, STATUS_MARKS[c.status])} ${c.id.padEnd(18)} ${safeText(c.message)} ${paint(90, `[${c.code}]`)}`);
    if (c.status !== 'pass') lines.push(`    ${paint(90, CODES[c.code].summary)}`);
  }
  const cred = report.credential;
  if (cred) {
    lines.push('');
    lines.push(paint(1, 'Credential'));
    const row = (label: string, value: unknown) => {
      if (value !== undefined && value !== null && value !== '') lines.push(`  ${label.padEnd(12)} ${safeText(value)}`);
    };
    row('Title', cred.title ?? cred.achievement?.name);
    row('Type', cred.types.join(', '));
    row('Issuer', [cred.issuer?.name, cred.issuer?.id].filter(Boolean).join(' — '));
    row('Country', cred.issuer?.country);
    row('Learner', [cred.subject?.name, cred.subject?.id].filter(Boolean).join(' — '));
    row('Issued', cred.issued);
    row('Valid from', cred.validFrom);
    row('Valid until', cred.validUntil);
    row('ID', cred.id);
  }
  const vp = report.presentation;
  if (vp) {
    lines.push('');
    lines.push(paint(1, 'Presentation'));
    const proofWords = { valid: 'signed by the holder', invalid: 'holder signature NOT valid', unverifiable: 'holder signature could not be checked', none: 'not signed (a container)' }[vp.proof];
    lines.push(`  ${'Holder'.padEnd(12)} ${vp.holder ? safeText(vp.holder) : '(none named)'} — ${proofWords}`);
    if (vp.challenge) lines.push(`  ${'Challenge'.padEnd(12)} ${safeText(vp.challenge)}`);
    if (vp.domain?.length) lines.push(`  ${'Domain'.padEnd(12)} ${safeText(vp.domain.join(', '))}`);
    for (const c of vp.credentials) {
      const about = c.subjectIsHolder === true ? 'about the holder' : c.subjectIsHolder === false ? `about ${safeText(c.report.credential?.subject?.id ?? 'someone else')}, not the holder` : '';
      lines.push('');
      lines.push(paint(1, `Credential ${c.index + 1} of ${vp.credentials.length}${about ? ` (${about})` : ''}${c.envelope ? ` [enveloped ${safeText(c.envelope)}]` : ''}`));
      lines.push(...formatReport(c.report, options).split('\n').map((line) => `    ${line}`));
    }
  }
  if (report.registry) lines.push('', ...formatRegistry(report.registry, report.credential?.issued ?? report.credential?.validFrom, paint));
  const mc = report.microcredential;
  if (mc) {
    lines.push('');
    lines.push(paint(1, `EU micro-credential elements (${11 - mc.missing.length} of 11 stated)`));
    for (const name of MICROCREDENTIAL_ELEMENTS) {
      const element = mc.elements[name];
      const mark = element?.present ? paint(32, '✔') : paint(90, '–');
      lines.push(`  ${mark} ${(ELEMENT_NAMES[name] ?? name).padEnd(24)} ${element?.present ? valueText(element.value) : paint(90, 'missing')}`);
    }
  }
  return lines.join('\n');
}

const OUTCOME_WORDS: Record<RegistryFinding['outcome'], [number, string]> = {
  listed: [32, 'LISTED'],
  lapsed: [33, 'REGISTRATION EXPIRED at the date of issue'],
  'not-listed': [90, 'NOT LISTED'],
};

/** What the `registry` check found (docs/registries.md): information, never a verdict on authenticity. */
export function formatRegistry(finding: RegistryFinding, issued: string | undefined, paint: Paint = painter(false)): string[] {
  const [color, words] = OUTCOME_WORDS[finding.outcome];
  const lines = [`${paint(1, 'Training registry')}: ${paint(color, words)}`];
  const row = (label: string, value: string | undefined) => {
    if (value) lines.push(`  ${label.padEnd(12)} ${value}`);
  };
  const entry = finding.entry;
  if (entry) {
    const registry = finding.registry;
    row('Registry', registry ? `${safeText(registry.name)}${registry.country ? ` (${safeText(registry.country)})` : ''}` : undefined);
    row('Code', `${safeText(entry.code)}${entry.scheme && !entry.code.startsWith(entry.scheme) ? ` (${safeText(entry.scheme)})` : ''}`);
    row('Title', safeText(entry.title));
    if (finding.block) row('Block', `${safeText(finding.block.code)} ${safeText(finding.block.title)}`);
    row('Level', [entry.level?.eqf !== undefined ? `EQF ${entry.level.eqf}` : '', entry.level?.nqf ? safeText(entry.level.nqf) : ''].filter(Boolean).join(', '));
    row('Workload', [entry.hours !== undefined ? `${entry.hours} h` : '', entry.ects !== undefined ? `${entry.ects} ECTS` : ''].filter(Boolean).join(', '));
    const scheme = registry?.fundingScheme ? safeText(registry.fundingScheme) : 'learning-account';
    row('Eligible', entry.eligible ? paint(32, `yes, for ${scheme} funding`) : paint(31, `no, not for ${scheme} funding`));
    const from = entry.registeredFrom?.slice(0, 10);
    const until = entry.registeredUntil?.slice(0, 10);
    row('Registered', from || until ? `${from ?? '…'} to ${until ?? '…'}` : undefined);
    if (finding.outcome === 'lapsed') row('Issued', paint(33, `${issued?.slice(0, 10) ?? 'unknown'}: outside the registration period`));
    row(
      'Provider',
      finding.providerIsIssuer === true
        ? 'the registry names the issuer as a provider (same legal identifier)'
        : finding.providerIsIssuer === false
          ? paint(33, 'the registry does not name the issuer among its providers')
          : undefined,
    );
    row('Matched by', finding.matchedBy ? safeText(finding.matchedBy) : undefined);
  } else {
    lines.push(`  ${finding.claimed.length ? `The credential names ${safeText(finding.claimed.slice(0, 5).join(', '))}, which no registry you use lists` : 'No registry you use lists this training'}`);
  }
  return lines;
}
