import { base64urlnopad } from '@scure/base';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { isRecord, typesOf } from '../../lib/tools.js';
import { base64ToBytes, textFileType, type WalletItem } from '../common/wallet.js';

/**
 * What a learner sends with an application: the selected credentials as one Verifiable
 * Presentation (unsigned: each credential keeps its issuer's proof, which is what a verifier
 * checks; a holder proof would need a key the learner does not have here), or as a zip of the
 * credential files exactly as imported, with the presentation and a summary of the last checks.
 */

const VC_V1 = 'https://www.w3.org/2018/credentials/v1';
const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/;
const SD_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+(~[A-Za-z0-9_.-]*)+~?$/;

export type ExportItem = Pick<WalletItem, 'id' | 'label' | 'fileName' | 'payload' | 'report'> & Partial<Pick<WalletItem, 'link' | 'verifiedAt'>>;

/** How one credential goes into a presentation. */
type Entry = { kind: 'object'; value: Record<string, unknown>; v1: boolean } | { kind: 'jwt'; text: string; mediaType: string };


function headerTyp(jwt: string): string | undefined {
  try {
    const header = JSON.parse(new TextDecoder().decode(base64urlnopad.decode(jwt.split('.')[0] ?? ''))) as unknown;
    return isRecord(header) && typeof header.typ === 'string' ? header.typ.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** A Verifiable Credential the presentation can carry; undefined for an Open Badges 2.0 assertion, an image, a PDF. */
export function presentationEntry(item: ExportItem): Entry | undefined {
  if (item.payload.type !== 'text') return undefined;
  const text = item.payload.text.trim();
  if (SD_JWT.test(text)) return { kind: 'jwt', text, mediaType: headerTyp(text) === 'vc+sd-jwt' ? 'application/vc+sd-jwt' : 'application/dc+sd-jwt' };
  if (JWS.test(text)) return { kind: 'jwt', text, mediaType: headerTyp(text) === 'vc+jwt' ? 'application/vc+jwt' : 'application/jwt' };
  if (!text.startsWith('{')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || !typesOf(value).includes('VerifiableCredential')) return undefined;
  const contexts = Array.isArray(value['@context']) ? value['@context'] : [value['@context']];
  return { kind: 'object', value, v1: contexts[0] === VC_V1 };
}

export interface BuiltPresentation {
  presentation: Record<string, unknown>;
  /** Credentials that cannot go into a presentation (they go into the zip only). */
  skipped: ExportItem[];
}

/**
 * One presentation of the selected credentials. VC Data Model 1.1 when every embedded credential
 * is a 1.1 one (JWTs then go in as strings, as VC-JWT 1.1 presentations carry them); otherwise 2.0,
 * with JWT and SD-JWT credentials as EnvelopedVerifiableCredential data: URLs (VC 2.0 §4.13).
 */
export function buildPresentation(items: readonly ExportItem[]): BuiltPresentation {
  const entries: Entry[] = [];
  const skipped: ExportItem[] = [];
  for (const item of items) {
    const entry = presentationEntry(item);
    if (entry) entries.push(entry);
    else skipped.push(item);
  }
  const objects = entries.filter((e) => e.kind === 'object');
  const v1 = objects.length > 0 && objects.every((e) => e.v1);
  const credentials = entries.map((e) => {
    if (e.kind === 'object') return e.value;
    return v1 ? e.text : { '@context': VC_V2, id: `data:${e.mediaType},${e.text}`, type: 'EnvelopedVerifiableCredential' };
  });
  const presentation: Record<string, unknown> = {
    '@context': [v1 ? VC_V1 : VC_V2],
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: ['VerifiablePresentation'],
    verifiableCredential: credentials,
  };
  return { presentation, skipped };
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  const dot = name.lastIndexOf('.');
  const [base, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base} (${n})${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

function fileBytes(item: ExportItem): Uint8Array {
  return item.payload.type === 'text' ? strToU8(item.payload.text) : base64ToBytes(item.payload.base64);
}

/** What each file is and what Credlens found when it last checked it, for the person who opens the zip. */
function summaryOf(item: ExportItem, fileName: string): Record<string, unknown> {
  const report = item.report;
  const finding = report?.registry;
  return {
    file: fileName,
    title: report?.credential?.title ?? report?.credential?.achievement?.name ?? item.label,
    ...(report?.credential?.issuer?.name ? { issuer: report.credential.issuer.name } : {}),
    ...(item.link ? { link: item.link } : {}),
    ...(report ? { verdict: report.verdict, verifiedAt: report.verifiedAt } : {}),
    ...(finding?.registry && finding.entry
      ? { registry: { outcome: finding.outcome, registry: finding.registry.name, code: finding.entry.code, title: finding.entry.title, eligible: finding.entry.eligible, ...(finding.block ? { block: finding.block.code } : {}) } }
      : finding
        ? { registry: { outcome: finding.outcome } }
        : {}),
  };
}

/**
 * A zip for an application: every selected credential file as imported (unique names), the
 * presentation of those that can be presented, and `credlens-summary.json` (the last verdicts and
 * registry findings: information for the reader, not evidence; the files are the evidence).
 */
export function buildZip(items: readonly ExportItem[], now = new Date()): Uint8Array {
  const taken = new Set<string>(['presentation.json', 'credlens-summary.json']);
  const files: Zippable = {};
  const summary: Array<Record<string, unknown>> = [];
  for (const item of items) {
    const name = uniqueName(item.fileName || `credential.${item.payload.type === 'text' ? textFileType(item.payload.text).extension : 'bin'}`, taken);
    files[name] = fileBytes(item);
    summary.push(summaryOf(item, name));
  }
  const { presentation, skipped } = buildPresentation(items);
  if (skipped.length < items.length) files['presentation.json'] = strToU8(JSON.stringify(presentation, null, 2));
  files['credlens-summary.json'] = strToU8(JSON.stringify({ exportedBy: 'Credlens wallet', exportedAt: now.toISOString(), credentials: summary }, null, 2));
  // Fixed timestamps inside the zip would lie; the export time is what the files were packed at.
  return zipSync(files, { level: 6, mtime: now });
}
