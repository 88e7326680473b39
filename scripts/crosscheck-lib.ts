// The engine of `npm run crosscheck` (scripts/crosscheck.ts) and of its unit test: one credential file
// through Credlens and the two reference verifiers, offline, and the comparison.
//
// - @digitalcredentials/verifier-core (the DCC verifier): `verifyCredential({ credential })`, with
//   `fetch` refused, so it runs on its own bundled contexts and did:key resolution.
// - @digitalbazaar/vc: `verifyCredential` with the Data Integrity suites installed here
//   (eddsa-rdfc-2022, ecdsa-rdfc-2019, Ed25519Signature2020) and a document loader that answers the
//   contexts Credlens ships, the resource bundle, and DID documents (resolved by Credlens's DID
//   resolver; the proof, canonicalisation and purpose checks are the library's own), and Bitstring
//   Status Lists checked by @digitalcredentials/vc-bitstring-status-list through the same loader.
// A reference verifier that cannot handle a credential (not JSON-LD, a suite it lacks) is `n/a` and
// is left out of the comparison. Agreement means: Credlens calls the credential authentic
// (verified or warning) exactly when the reference verifier calls it valid.
import { readFileSync } from 'node:fs';
import { verify } from '../lib/index.js';
import { createIo } from '../lib/io/index.js';
import type { ResourceBundle } from '../lib/io/types.js';
import { pinnedContext } from '../lib/io/contexts/index.js';
import { resolveDid } from '../lib/keys/did.js';
import { EXPLAINED } from './crosscheck-explained.js';

export const CROSSCHECK_AT = new Date('2026-11-28T00:00:00Z');

export interface CrosscheckRow {
  name: string;
  credlens: string;
  credlensCode: string;
  verifierCore: string;
  digitalbazaar: string;
  agreement: 'agree' | 'explained' | 'disagree';
  explanation?: string;
}

type Outcome = { label: string; valid: boolean | undefined };

function jsonOf(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) && 'proof' in value ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function withoutNetwork<T>(run: () => Promise<T>): Promise<T> {
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: unknown) => {
    throw new Error(`crosscheck is offline: ${String(input)}`);
  }) as typeof fetch;
  try {
    return await run();
  } finally {
    globalThis.fetch = original;
  }
}

async function verifierCore(credential: Record<string, unknown>): Promise<Outcome> {
  try {
    const { verifyCredential } = (await import('@digitalcredentials/verifier-core')) as unknown as {
      verifyCredential(options: { credential: unknown; knownDIDRegistries: unknown[] }): Promise<{ errors?: Array<{ name: string }>; log?: Array<{ id: string; valid: boolean }> }>;
    };
    const result = await withoutNetwork(() => verifyCredential({ credential: structuredClone(credential), knownDIDRegistries: [] }));
    if (result.errors?.length) return { label: `error: ${result.errors.map((e) => e.name).join(', ')}`, valid: false };
    const failed = (result.log ?? []).filter((l) => !l.valid && l.id !== 'registered_issuer').map((l) => l.id);
    return failed.length ? { label: `invalid: ${failed.join(', ')}`, valid: false } : { label: 'valid', valid: true };
  } catch (error) {
    return { label: `threw: ${(error as Error).message.slice(0, 60)}`, valid: false };
  }
}

async function digitalbazaar(credential: Record<string, unknown>, resources: ResourceBundle | undefined): Promise<Outcome> {
  const proofs = (Array.isArray(credential.proof) ? credential.proof : [credential.proof]) as Array<Record<string, unknown>>;
  const kinds = proofs.map((p) => (p.type === 'DataIntegrityProof' ? String(p.cryptosuite) : String(p.type)));
  const supported = ['eddsa-rdfc-2022', 'ecdsa-rdfc-2019', 'Ed25519Signature2020'];
  if (!kinds.every((k) => supported.includes(k))) return { label: `n/a (${kinds.join(', ')})`, valid: undefined };
  const [{ verifyCredential }, { DataIntegrityProof }, eddsa, ecdsa, { Ed25519Signature2020 }, bitstring] = (await Promise.all([
    import('@digitalbazaar/vc'),
    import('@digitalbazaar/data-integrity'),
    import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite'),
    import('@digitalbazaar/ecdsa-rdfc-2019-cryptosuite'),
    import('@digitalbazaar/ed25519-signature-2020'),
    import('@digitalcredentials/vc-bitstring-status-list'),
  ])) as [
    { verifyCredential(o: Record<string, unknown>): Promise<{ verified: boolean; error?: { errors?: Array<{ name?: string; message?: string }>; name?: string; message?: string } }> },
    { DataIntegrityProof: new (o: Record<string, unknown>) => unknown },
    { cryptosuite: unknown },
    { cryptosuite: unknown },
    { Ed25519Signature2020: new () => unknown },
    { checkStatus(o: Record<string, unknown>): Promise<{ verified: boolean; results?: Array<{ status?: boolean }> }> },
  ];
  const io = createIo({ offline: true, ...(resources ? { bundle: resources } : {}) });
  const documentLoader = async (url: string) => {
    const pinned = pinnedContext(url);
    if (pinned) return { contextUrl: null, documentUrl: url, document: await pinned };
    if (url.startsWith('did:')) {
      const [did, fragment] = url.split('#') as [string, string | undefined];
      const resolved = await resolveDid(did, { io, ebsiApiBase: 'https://api-pilot.ebsi.eu' });
      const doc = resolved.didDocument as unknown as Record<string, unknown> | null;
      if (!doc) throw new Error(`DID not resolvable offline: ${did}`);
      if (!fragment) return { contextUrl: null, documentUrl: url, document: doc };
      const methods = (doc.verificationMethod ?? []) as Array<Record<string, unknown>>;
      const method = methods.find((m) => m.id === url || m.id === `#${fragment}`);
      if (!method) throw new Error(`no verification method ${url}`);
      return { contextUrl: null, documentUrl: url, document: { '@context': doc['@context'], ...method, id: url } };
    }
    const bundled = resources ? await resources.get(url) : undefined;
    if (bundled) return { contextUrl: null, documentUrl: url, document: JSON.parse(new TextDecoder().decode(bundled)) as unknown };
    throw new Error(`not available offline: ${url}`);
  };
  const suite = [new DataIntegrityProof({ cryptosuite: eddsa.cryptosuite }), new DataIntegrityProof({ cryptosuite: ecdsa.cryptosuite }), new Ed25519Signature2020()];
  try {
    // Status through the DCC's Bitstring Status List library (list verified, issuers matched), with the same loader.
    const checkStatus = (o: Record<string, unknown>) => bitstring.checkStatus({ ...o, documentLoader, suite });
    const result = (await withoutNetwork(() => verifyCredential({ credential: structuredClone(credential), suite, documentLoader, now: CROSSCHECK_AT, checkStatus }))) as Awaited<ReturnType<typeof verifyCredential>> & {
      statusResult?: { verified: boolean; results?: Array<{ status?: boolean }> };
    };
    if (result.verified && result.statusResult?.results?.some((r) => r.status === true)) return { label: 'invalid: revoked', valid: false };
    if (result.verified) return { label: 'valid', valid: true };
    const errors = result.error?.errors ?? (result.error ? [result.error] : []);
    return { label: `invalid: ${errors.map((e) => e.name ?? e.message ?? 'error').join(', ').slice(0, 60)}`, valid: false };
  } catch (error) {
    return { label: `invalid: ${(error as Error).message.slice(0, 60)}`, valid: false };
  }
}

export async function crosscheckFiles(inputs: Array<{ name: string; path: string }>, options: { resources?: ResourceBundle } = {}): Promise<CrosscheckRow[]> {
  const rows: CrosscheckRow[] = [];
  for (const input of inputs) {
    const bytes = new Uint8Array(readFileSync(input.path));
    const report = await verify(bytes, { offline: true, at: CROSSCHECK_AT, ...(options.resources ? { resources: options.resources } : {}) });
    const decisive = report.checks.find((c) => c.status === 'fail') ?? report.checks.find((c) => c.status === 'warn') ?? report.checks.find((c) => c.status === 'pass');
    const json = jsonOf(bytes);
    const core: Outcome = json ? await verifierCore(json) : { label: 'n/a (not JSON-LD)', valid: undefined };
    const bazaar: Outcome = json ? await digitalbazaar(json, options.resources) : { label: 'n/a (not JSON-LD)', valid: undefined };
    const authentic = report.verdict === 'verified' || report.verdict === 'warning';
    const agrees = [core, bazaar].every((o) => o.valid === undefined || o.valid === authentic);
    const key = input.name.replace(/^(corpus|vectors|fixtures)\//, '');
    const explained = EXPLAINED[key];
    const row: CrosscheckRow = {
      name: input.name,
      credlens: report.verdict,
      credlensCode: decisive?.code ?? '',
      verifierCore: core.label,
      digitalbazaar: bazaar.label,
      agreement: agrees ? 'agree' : explained && explained.credlens === report.verdict ? 'explained' : 'disagree',
    };
    if (!agrees && explained) row.explanation = explained.why;
    rows.push(row);
  }
  return rows;
}
