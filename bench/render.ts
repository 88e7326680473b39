import { renderComparison, type ContentScriptResult } from './sections/content-script.js';
import type { JsonLdRow } from './sections/jsonld.js';
import type { QrResult } from './sections/qr.js';
import { serverLoadTable, type ServerLoadResult } from './sections/server.js';
import type { SizeResult } from './sections/size.js';
import type { ThroughputResult } from './sections/throughput.js';
import type { InputResult, ToolResult } from './sections/verification.js';
import { formatBytes, formatMs, formatRatio, judge, renderTable, speedup, type Summary, type Target } from './table.js';
import { TOOL_NAMES, type ToolId } from './tools.js';

export interface BenchReport {
  machine: { node: string; cpus: number; cpuModel: string; loadAverageAtStart: number[]; loadAverageAtEnd?: number[]; date: string };
  command: string;
  durationSeconds?: number;
  notes: string[];
  verification?: InputResult[];
  jsonld?: JsonLdRow[];
  throughput?: ThroughputResult;
  contentScript?: ContentScriptResult;
  size?: SizeResult;
  qr?: QrResult;
  server?: ServerLoadResult;
  targets?: Target[];
}

const warm = (r: ToolResult | undefined) => r?.warm?.median;

function cell(r: ToolResult | undefined, pick: 'warm' | 'cold'): string {
  if (!r) return '-';
  if (r.unsupported) return 'n/a';
  const s = pick === 'warm' ? r.warm : r.cold;
  return s ? `${formatMs(s.median)} / ${formatMs(s.p95)}` : '-';
}

function verificationTables(results: InputResult[]): string[] {
  const out: string[] = [];
  const di = results.filter((r) => r.family === 'di');
  const jose = results.filter((r) => r.family === 'jose');
  if (di.length > 0) {
    out.push('### 1. Data Integrity verification, warm (median / p95 per call, same process, interleaved)', '');
    out.push(
      renderTable(
        ['credential', 'Credlens', 'verifier-core', '@digitalbazaar/vc', 'floor', 'canonicalisation + floor', 'verifier-core ÷ Credlens', 'vc ÷ Credlens', 'Credlens ÷ floor'],
        di.map((r) => [
          r.label,
          cell(r.tools.credlens, 'warm'),
          cell(r.tools['verifier-core'], 'warm'),
          cell(r.tools.dbvc, 'warm'),
          cell(r.tools.floor, 'warm'),
          cell(r.tools.c14n, 'warm'),
          formatRatio(speedup(warm(r.tools.credlens), warm(r.tools['verifier-core']))),
          formatRatio(speedup(warm(r.tools.credlens), warm(r.tools.dbvc))),
          formatRatio(speedup(warm(r.tools.floor), warm(r.tools.credlens))),
        ]),
      ),
      '',
    );
    out.push('### 1b. Data Integrity verification, cold (fresh process: load the verifier + first verification; median / p95)', '');
    out.push(
      renderTable(
        ['credential', 'Credlens', 'verifier-core', '@digitalbazaar/vc', 'Credlens first call', 'verifier-core first call', 'vc first call'],
        di.map((r) => [
          r.label,
          cell(r.tools.credlens, 'cold'),
          cell(r.tools['verifier-core'], 'cold'),
          cell(r.tools.dbvc, 'cold'),
          formatMs(r.tools.credlens?.coldFirst?.median),
          r.tools['verifier-core']?.unsupported ? 'n/a' : formatMs(r.tools['verifier-core']?.coldFirst?.median),
          formatMs(r.tools.dbvc?.coldFirst?.median),
        ]),
      ),
      '',
    );
  }
  if (jose.length > 0) {
    out.push('### 1c. JOSE credentials (median / p95): Credlens\'s whole verify() against bare jose', '');
    out.push(
      renderTable(
        ['credential', 'Credlens warm', 'bare jose warm', 'Credlens ÷ jose', 'Credlens cold', 'jose cold'],
        jose.map((r) => [
          r.label,
          cell(r.tools.credlens, 'warm'),
          cell(r.tools.jose, 'warm'),
          formatRatio(speedup(warm(r.tools.jose), warm(r.tools.credlens))),
          cell(r.tools.credlens, 'cold'),
          cell(r.tools.jose, 'cold'),
        ]),
      ),
      '',
    );
  }
  out.push(
    'What each verifier does per call: Credlens runs its whole pipeline (classify, issuer key resolution and authorisation, proof, schema for Open Badges, validity, status, trust, EU profile) offline; verifier-core runs @digitalcredentials/vc with its security document loader, the registry lookup (empty registry list) and the Open Badges schema check (schema served from a local copy: no internet here); @digitalbazaar/vc verifies the proof (and dates) with a static document loader; the floor is two SHA-256 digests of canonical bytes computed beforehand plus one Web Crypto signature check; "canonicalisation + floor" also canonicalises the document and the proof options on every call with jsonld (RDFC-1.0, safe mode), the engine all three verifiers use. Bare jose: jwtVerify with the key imported beforehand (SD-JWT: plus the disclosure digests). A figure is reported only for verifications that succeeded: Credlens\'s verdict on these inputs is `warning` (the issuer is on no trust list) with its proof check passed.',
    '',
  );
  const missing = results.flatMap((r) =>
    (Object.entries(r.tools) as [ToolId, ToolResult][]).filter(([, t]) => t.unsupported).map(([tool, t]) => `- ${TOOL_NAMES[tool]} on "${r.label}": not timed (${t.unsupported})`),
  );
  if (missing.length > 0) out.push('Not timed:', ...[...new Set(missing)], '');
  return out;
}

function jsonLdTable(rows: JsonLdRow[]): string[] {
  const cell = (s: Summary) => `${formatMs(s.median)} / ${formatMs(s.p95)}`;
  return [
    '### 1d. The JSON-LD engine: document → canonical N-Quads (median / p95 per call, interleaved)',
    '',
    renderTable(
      ['credential (without proof)', 'jsonld.js', 'jsonld-streaming-parser + rdf-canonize', 'Credlens fast path + rdf-canonize', 'of which rdf-canonize', 'jsonld.js ÷ fast path', 'same bytes as jsonld.js (streaming / fast)'],
      rows.map((r) => [r.label, cell(r.jsonld), cell(r.streaming), cell(r.fast), cell(r.rdfcOnly), formatRatio(speedup(r.fast.median, r.jsonld.median)), `${r.sameBytes.streaming ? 'yes' : 'NO'} / ${r.sameBytes.fast ? 'yes' : 'NO'}`]),
    ),
    '',
    'jsonld-streaming-parser is timed with its defaults (no safe mode of its own: an undefined term is dropped or raises only with its strict options), so it is not an equal-strictness candidate either way.',
    '',
  ];
}

function geometricMean(values: number[]): number | undefined {
  const finite = values.filter((v) => Number.isFinite(v) && v > 0);
  if (finite.length === 0) return undefined;
  return Math.exp(finite.reduce((s, v) => s + Math.log(v), 0) / finite.length);
}

/** The targets of issues 8 and 17, judged from this run's figures. */
export function judgeTargets(report: BenchReport): Target[] {
  const targets: Target[] = [];
  const di = report.verification?.filter((r) => r.family === 'di') ?? [];
  const ratios = (pick: (r: InputResult) => number | undefined) => di.map(pick).filter((v): v is number => v !== undefined && Number.isFinite(v));
  const summary = (values: number[], worst: number | undefined) => (values.length ? `${formatRatio(worst)} worst, ${formatRatio(geometricMean(values))} geometric mean over ${values.length}` : 'not measured');
  const vsCore = ratios((r) => speedup(warm(r.tools.credlens), warm(r.tools['verifier-core'])));
  const worstCore = vsCore.length ? Math.min(...vsCore) : undefined;
  targets.push({ name: 'Data Integrity, warm, verifier-core ÷ Credlens', goal: '≥ 3× on every credential it can verify', measured: summary(vsCore, worstCore), state: judge(worstCore, 3, 'higher') });
  const vsVc = ratios((r) => speedup(warm(r.tools.credlens), warm(r.tools.dbvc)));
  const worstVc = vsVc.length ? Math.min(...vsVc) : undefined;
  targets.push({ name: 'Data Integrity, warm, @digitalbazaar/vc ÷ Credlens', goal: '≥ 2.5×', measured: summary(vsVc, worstVc), state: judge(worstVc, 2.5, 'higher') });
  const vsFloor = ratios((r) => speedup(warm(r.tools.floor), warm(r.tools.credlens)));
  const worstFloor = vsFloor.length ? Math.max(...vsFloor) : undefined;
  targets.push({ name: 'Data Integrity, warm, Credlens ÷ floor', goal: '≤ 3×', measured: summary(vsFloor, worstFloor), state: judge(worstFloor, 3, 'lower') });
  const cold = ratios((r) => speedup(r.tools.dbvc?.cold?.median, r.tools.credlens?.cold?.median));
  const worstCold = cold.length ? Math.max(...cold) : undefined;
  targets.push({ name: 'Data Integrity, cold, Credlens ÷ @digitalbazaar/vc', goal: '≤ 1×', measured: summary(cold, worstCold), state: judge(worstCold, 1, 'lower') });
  const cached = report.throughput?.runs.find((r) => r.name.startsWith('shared'));
  const per1000 = cached && report.throughput ? (cached.totalMs * 1000) / report.throughput.credentials : undefined;
  targets.push({ name: '1,000 credentials, 5 issuers, shared cache', goal: '≤ 0.5 s CPU', measured: per1000 !== undefined ? `${(per1000 / 1000).toFixed(2)} s${report.throughput!.credentials !== 1000 ? ` (scaled from ${report.throughput!.credentials})` : ''}` : 'not measured', state: judge(per1000, 500, 'lower') });
  for (const [prefix, name] of [['vc-jwt', 'VC-JWT'], ['sd-jwt-vc', 'SD-JWT VC']] as const) {
    const jwt = report.verification?.find((r) => r.id.startsWith(prefix));
    const ratio = jwt ? speedup(warm(jwt.tools.jose), warm(jwt.tools.credlens)) : undefined;
    targets.push({ name: `${name}, Credlens ÷ bare jose`, goal: '≤ 1.2×', measured: ratio ? formatRatio(ratio) : 'not measured', state: judge(ratio, 1.2, 'lower') });
  }
  for (const form of ['RGBA pixels', 'PNG bytes'] as const) {
    const found = report.qr?.cases.find((c) => c.name.startsWith('with') && c.name.endsWith(form));
    const none = report.qr?.cases.find((c) => c.name.startsWith('without') && c.name.endsWith(form));
    targets.push({ name: `QR, 1000 × 1000 picture (${form}), found and decoded`, goal: '≤ 3 ms', measured: found ? formatMs(found.summary.median) : 'not measured', state: judge(found?.summary.median, 3, 'lower') });
    targets.push({ name: `QR, 1000 × 1000 picture (${form}), no code`, goal: '≤ 1 ms', measured: none ? formatMs(none.summary.median) : 'not measured', state: judge(none?.summary.median, 1, 'lower') });
  }
  const big = report.contentScript?.pages.find((p) => p.nominalNodes === 50_000 && !p.error);
  const noBig = report.contentScript?.unavailable ?? (report.contentScript ? 'not measured: no 50,000-node page in this run (--quick skips it, or it failed)' : 'not measured');
  targets.push({
    name: 'Content script, 50,000-node page',
    goal: '< 2 ms per 1,000 nodes',
    measured: big ? formatMs(big.scanMsPer1000) : noBig,
    state: judge(big?.scanMsPer1000, 2, 'lower'),
  });
  targets.push({
    name: 'Content script, 50,000-node page',
    goal: 'no task over 50 ms',
    measured: big ? `longest task ${formatMs(big.longestTaskMs)}` : noBig,
    state: judge(big?.longestTaskMs, 50, 'lower'),
  });
  const cmp = report.contentScript?.comparison;
  if (cmp) {
    targets.push({
      name: 'Content script per 1,000 nodes, now ÷ before issue #20',
      goal: '≤ 1.10×',
      measured: cmp.ratio !== undefined ? `${cmp.ratio.toFixed(2)}× (${cmp.ratioPage ?? ''})` : (cmp.error ?? 'not measured'),
      state: judge(cmp.ratio, 1.1, 'lower'),
    });
  }
  const first = report.size?.widget?.first;
  targets.push({ name: 'Widget first module', goal: '≤ 60 kB gzip', measured: first ? formatBytes(first.gzip) : report.size?.widgetError ?? 'not measured', state: judge(first?.gzip, 60 * 1024, 'lower') });
  const content = report.size?.extension?.contentScript;
  targets.push({ name: 'Content script size', goal: '≤ 30 kB gzip', measured: content ? formatBytes(content.gzip) : report.size?.extensionError ?? 'not measured', state: judge(content?.gzip, 30 * 1024, 'lower') });
  return targets;
}

export function renderReport(report: BenchReport): string {
  const out: string[] = ['## Credlens benchmark', ''];
  const m = report.machine;
  out.push(
    `Machine: ${m.cpus} × ${m.cpuModel}, Node ${m.node}, load average ${m.loadAverageAtStart.join(' ')} at start${m.loadAverageAtEnd ? `, ${m.loadAverageAtEnd.join(' ')} at end` : ''}; ${m.date}.`,
    `Command: \`${report.command}\`${report.durationSeconds !== undefined ? ` (${report.durationSeconds} s)` : ''}.`,
    '',
  );
  if (report.verification) out.push(...verificationTables(report.verification));
  if (report.jsonld) out.push(...jsonLdTable(report.jsonld));
  if (report.throughput) out.push(...throughputTable(report.throughput));
  if (report.contentScript) out.push(...contentTable(report.contentScript));
  if (report.size) out.push(...sizeTable(report.size));
  if (report.qr) out.push(...qrTable(report.qr));
  if (report.server) out.push('', ...serverLoadTable(report.server));
  const targets = judgeTargets(report);
  report.targets = targets;
  out.push('### Targets', '', renderTable(['target', 'goal', 'this run', 'state'], targets.map((t) => [t.name, t.goal, t.measured, t.state])), '');
  if (report.notes.length > 0) out.push('Notes:', ...report.notes.map((n) => `- ${n}`), '');
  return out.join('\n');
}

function throughputTable(t: ThroughputResult): string[] {
  return [
    `### 2. Throughput: ${t.credentials} distinct credentials, ${t.issuers} issuers (did:web keys, shared status lists; simulated network ${t.latencyMs} ms per request)`,
    '',
    renderTable(
      ['run', 'total', 'per credential', 'credentials / s', 'network requests', 'verified'],
      t.runs.map((r) => [r.name, formatMs(r.totalMs), formatMs(r.totalMs / t.credentials), (t.credentials / (r.totalMs / 1000)).toFixed(0), String(r.requests), `${r.verified}/${t.credentials}`]),
    ),
    '',
    ...t.notes.map((n) => `${n}`),
    '',
  ];
}

function contentTable(c: ContentScriptResult): string[] {
  if (c.unavailable) return ['### 3. Content script on big pages', '', `Not measured: ${c.unavailable}`, ''];
  return [
    '### 3. Content script on big pages (Chromium, built extension)',
    '',
    renderTable(
      ['page', 'nodes', 'credential links', 'scan time', 'per 1,000 nodes', 'longest task (page alone)', 'all verdicts shown', 'memory added'],
      c.pages.map((p) =>
        p.error
          ? [p.name, String(p.nodes), String(p.links), `error: ${p.error}`, '-', '-', '-', '-']
          : [p.name, p.nodes.toLocaleString('en'), String(p.links), formatMs(p.scanMs), p.nodes >= 1000 ? formatMs(p.scanMsPer1000) : 'n/a (tiny page)', `${formatMs(p.longestTaskMs)} (${formatMs(p.baselineLongestTaskMs)})`, formatMs(p.allVerdictsMs), formatBytes(p.memoryAddedBytes)],
      ),
    ),
    '',
    ...c.notes,
    '',
    ...renderComparison(c, renderTable, formatMs),
  ];
}

function sizeTable(s: SizeResult): string[] {
  const rows: string[][] = [];
  if (s.widget) {
    rows.push(['widget: first module (credlens-verifier.js)', formatBytes(s.widget.first.raw), formatBytes(s.widget.first.gzip)]);
    rows.push([`widget: lazy chunks (${s.widget.chunks.length})`, formatBytes(s.widget.chunks.reduce((n, c) => n + c.raw, 0)), formatBytes(s.widget.chunks.reduce((n, c) => n + c.gzip, 0))]);
    for (const c of s.widget.chunks.slice(0, 6)) rows.push([`  ${c.file}`, formatBytes(c.raw), formatBytes(c.gzip)]);
  } else rows.push(['widget', s.widgetError ?? 'not built', '-']);
  if (s.extension) {
    rows.push(['extension: content script', formatBytes(s.extension.contentScript.raw), formatBytes(s.extension.contentScript.gzip)]);
    rows.push(['extension: whole zip (chrome-mv3)', formatBytes(s.extension.zipBytes), '(zip)']);
  } else rows.push(['extension', s.extensionError ?? 'not built', '-']);
  if (s.blockcerts?.first) {
    rows.push([`Blockcerts verifier ${s.blockcerts.version ?? ''}: ${s.blockcerts.note ? 'published bundle' : 'first module'}`, formatBytes(s.blockcerts.first.raw), formatBytes(s.blockcerts.first.gzip)]);
    rows.push([`Blockcerts verifier: lazy chunks (${s.blockcerts.chunks?.length ?? 0})`, formatBytes((s.blockcerts.chunks ?? []).reduce((n, c) => n + c.raw, 0)), formatBytes((s.blockcerts.chunks ?? []).reduce((n, c) => n + c.gzip, 0))]);
  } else rows.push(['Blockcerts verifier', `not measured: ${s.blockcerts?.error ?? 'not attempted'}`, '-']);
  const ratio = s.widget && s.blockcerts?.first ? speedup(s.widget.first.gzip, s.blockcerts.first.gzip) : undefined;
  return [
    '### 4. Size',
    '',
    renderTable(['artefact', 'raw', 'gzip'], rows),
    '',
    ...(ratio ? [`Blockcerts verifier ÷ Credlens widget first module (gzip): ${formatRatio(ratio)}.`, ''] : []),
    ...(s.blockcerts?.note ? [s.blockcerts.note, ''] : []),
    ...s.notes,
    '',
  ];
}

function qrTable(q: QrResult): string[] {
  if (q.unavailable) return ['### 5. QR decoding', '', `Not measured: ${q.unavailable}`, ''];
  return [
    `### 5. QR decoding (${q.width} × ${q.height} picture, decodeQrCodes in lib/input/qr.ts beside zxing-wasm's readBarcodes alone, interleaved; the first call also instantiates the WebAssembly)`,
    '',
    renderTable(
      ['image', 'Credlens median / p95', 'zxing-wasm alone median / p95', 'zxing alone ÷ Credlens', 'first call (loads the WebAssembly)', 'result'],
      q.cases.map((c) => [
        c.name,
        `${formatMs(c.summary.median)} / ${formatMs(c.summary.p95)}`,
        c.baseline ? `${formatMs(c.baseline.median)} / ${formatMs(c.baseline.p95)}` : 'n/a',
        c.baseline ? formatRatio(c.baseline.median / c.summary.median) : 'n/a',
        formatMs(c.firstMs),
        c.result,
      ]),
    ),
    '',
  ];
}
