import { constantStep } from './pipeline/constant-step.js';
import { UsageError, describeError } from './errors.js';
import { FORMAT_NAMES, loadHandler } from './formats/index.js';
import { classify } from './formats/classify.js';
import { acquire, inputErrorCheck } from './input/acquire.js';
import type { VerifyInput } from './input/sniff.js';
import { createIo } from './io/index.js';
import type { FetchLike, Io, NetworkPolicy, ResourceBundle, ResourceCache } from './io/types.js';
import { LIMITS } from './limits.js';
import { microcredentialCheck } from './validate/eu/check.js';
import { mapMicrocredential } from './validate/eu/index.js';
import { runSteps } from './pipeline/runner.js';
import type { CredentialPlan, KeyBindingExpectation, Step, VerifyContext, VerifyProgress } from './pipeline/types.js';
import { check, deriveVerdict, type Check, type FormatId, type VerificationReport } from './report.js';
import { evaluateTrust } from './trust/evaluate.js';
import { openEnvelope } from './formats/vp/enveloped.js';
import { registryConfigProblem } from './trust/registries/config.js';
import type { TrustList, TrustRegistry } from './trust/types.js';
import type { RegistryFinding, TrainingRegistry } from './training-registry/types.js';

export interface VerifyOptions {
  /** The one network seam; defaults to the platform's fetch behind the guard. */
  fetch?: FetchLike;
  /** Cache for DID documents, status lists and other remote reads. */
  cache?: ResourceCache;
  /** Offline resources consulted before the cache and the network. */
  resources?: ResourceBundle;
  /** Never touch the network. */
  offline?: boolean;
  /** Verify as of this instant (validity periods, status); default now. */
  at?: Date;
  /** Clock skew tolerated for validity periods, seconds. */
  clockSkewSeconds?: number;
  /** Trust lists, most authoritative first. */
  trust?: readonly TrustList[];
  /** Issuer registries (DCC, OpenID Federation, EBSI TIR), consulted after the lists, most authoritative first; none by default. */
  registries?: readonly TrustRegistry[];
  /** Training registries (eligible, quality-assured training for learning accounts), most authoritative first; see docs/registries.md. */
  trainingRegistries?: readonly TrainingRegistry[];
  /** Apply the EU micro-credential profile to every credential. */
  profile?: 'eu-microcredential';
  /** `email:ADDRESS` or a DID the credential should belong to. */
  recipient?: string;
  /** Expected audience and nonce of an SD-JWT key-binding JWT. */
  keyBinding?: KeyBindingExpectation;
  /** The challenge a presentation's proof must carry (DI `challenge`, VP-JWT `nonce`); not checked when absent. */
  challenge?: string;
  /** The domain a presentation's proof must name (DI `domain`, VP-JWT `aud`); not checked when absent. */
  domain?: string;
  /** Base URL of the EBSI APIs. */
  ebsiApiBase?: string;
  /** Network policy overrides (development only: `allowHttp`, `allowPrivateNetwork`). */
  network?: Partial<NetworkPolicy>;
  signal?: AbortSignal;
  onProgress?: (event: VerifyProgress) => void;
}

export const DEFAULT_EBSI_API_BASE = 'https://api-pilot.ebsi.eu';

/** The network seam as `options` ask for it: their fetch, cache, resource bundle, signal, policy and offline mode. */
export function ioForOptions(options: VerifyOptions): Io {
  return createIo({
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.resources ? { bundle: options.resources } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.network ? { policy: options.network } : {}),
    offline: options.offline === true,
  });
}

/**
 * Verifies one credential. Never throws for a bad credential: the report says what is wrong.
 * Throws `UsageError` only when called with arguments of the wrong kind.
 */
export async function verify(input: VerifyInput, options: VerifyOptions = {}): Promise<VerificationReport> {
  assertUsage(input, options);
  const io = ioForOptions(options);
  return verifyWithContext(input, options, io, 0, undefined);
}

async function verifyWithContext(
  input: VerifyInput,
  options: VerifyOptions,
  io: ReturnType<typeof createIo>,
  depth: number,
  retrievedFromHint: string | undefined,
): Promise<VerificationReport> {
  const now = options.at ?? new Date();
  const verifiedAt = new Date().toISOString();
  const onProgress = depth === 0 ? options.onProgress : undefined;

  const acquired = await acquire(input, io);
  if (!acquired.ok) {
    onProgress?.({ type: 'plan', format: 'unknown', checks: [{ id: 'input' }] });
    onProgress?.({ type: 'check', index: 0, check: acquired.check });
    return { verdict: deriveVerdict([acquired.check]), format: 'unknown', checks: [acquired.check], verifiedAt };
  }

  // VC 2.0 enveloped credentials and presentations verify as what their data: URL holds.
  let sniffed = acquired.sniffed;
  let inputCheck = acquired.check;
  const opened = sniffed.kind === 'json' ? openEnvelope(sniffed.value) : undefined;
  if (opened && !opened.ok) {
    onProgress?.({ type: 'plan', format: 'unknown', checks: [{ id: 'input' }] });
    onProgress?.({ type: 'check', index: 0, check: opened.check });
    return { verdict: deriveVerdict([opened.check]), format: 'unknown', checks: [opened.check], verifiedAt };
  }
  if (opened) {
    sniffed = opened.sniffed;
    if (inputCheck.code === 'INPUT_READ') inputCheck = { ...inputCheck, details: { kind: sniffed.kind, ...inputCheck.details, envelope: opened.mediaType } };
  }

  let classified: ReturnType<typeof classify>;
  try {
    classified = classify(sniffed);
  } catch (error) {
    const failed = inputErrorCheck(error);
    onProgress?.({ type: 'plan', format: 'unknown', checks: [{ id: 'input' }] });
    onProgress?.({ type: 'check', index: 0, check: failed });
    return { verdict: deriveVerdict([failed]), format: 'unknown', checks: [failed], verifiedAt };
  }
  const ctx: VerifyContext = {
    io,
    now,
    clockSkewSeconds: options.clockSkewSeconds ?? LIMITS.clockSkewSeconds,
    trustLists: options.trust ?? [],
    profile: options.profile,
    recipient: options.recipient,
    keyBinding: options.keyBinding,
    presentationBinding: { ...(options.challenge !== undefined ? { challenge: options.challenge } : {}), ...(options.domain !== undefined ? { domain: options.domain } : {}) },
    ebsiApiBase: options.ebsiApiBase ?? DEFAULT_EBSI_API_BASE,
    signal: options.signal,
    retrievedFrom: acquired.retrievedFrom ?? retrievedFromHint,
    depth,
    verifyNested: async (nested, overrides) => {
      if (depth + 1 > LIMITS.maxNesting) {
        const c = check('input', 'INPUT_TOO_DEEP', `Credentials nested more than ${LIMITS.maxNesting} levels deep are not verified`);
        return { verdict: 'invalid', format: 'unknown', checks: [c], verifiedAt: new Date().toISOString() };
      }
      return verifyWithContext(nested as VerifyInput, options, io, depth + 1, overrides?.retrievedFrom);
    },
  };

  const format: FormatId = classified.format;
  const handler = await loadHandler(format);
  let plan: CredentialPlan;
  if (format === 'unknown') {
    plan = { steps: [constantStep(check('format', 'FORMAT_UNKNOWN', unknownMessage(sniffed.kind)))] };
  } else if (globalThis.crypto?.subtle === undefined) {
    // Browsers withhold Web Crypto from pages not served over HTTPS: nothing can be checked, which
    // must not read as a broken signature.
    plan = { steps: [constantStep(check('format', 'CRYPTO_UNAVAILABLE', `Recognised as ${FORMAT_NAMES[format]}, but this page is not a secure context (HTTPS), so the browser offers no Web Crypto to check its signature`))] };
  } else if (!handler) {
    plan = { steps: [constantStep(check('format', 'FORMAT_UNSUPPORTED', `Recognised as ${FORMAT_NAMES[format]}, which this version of Credlens cannot verify yet`))] };
  } else {
    try {
      plan = await handler.plan(classified, ctx);
    } catch (error) {
      // A handler bug met by hostile input is a check in the report, never an exception from verify().
      plan = { steps: [constantStep(check('format', 'CHECK_INTERNAL_ERROR', `Unexpected error while reading the ${FORMAT_NAMES[format]}: ${describeError(error)}`))] };
    }
  }
  const container = plan.presentation !== undefined;
  const microcredential = plan.microcredential ?? (format !== 'unknown' && !container ? mapMicrocredential(format, plan.document) : undefined);

  const steps: Step[] = [...plan.steps];
  let registryFinding: RegistryFinding | undefined;
  if (handler && format !== 'unknown' && !container) {
    steps.push({
      id: 'trust',
      needsAuthenticity: true,
      run: () =>
        evaluateTrust({
          issuer: plan.credential?.issuer,
          lists: ctx.trustLists,
          registries: options.registries ?? [],
          ...(plan.issuerCertificates ? { certificates: plan.issuerCertificates } : {}),
          io: ctx.io,
          now: ctx.now,
          ebsiApiBase: ctx.ebsiApiBase,
        }),
    });
    steps.push({
      id: 'registry',
      needsAuthenticity: true,
      run: async () => {
        const registries = options.trainingRegistries ?? [];
        if (registries.length === 0) return check('registry', 'REGISTRY_NONE', 'No training registry is configured; add one to see whether this training is listed as eligible for funding');
        // Matching is loaded only when registries are configured: most pages never need it.
        const { registryCheck } = await import('./training-registry/check.js');
        const result = registryCheck({
          document: plan.document,
          credential: plan.credential,
          microcredential,
          registries,
          profile: ctx.profile,
        });
        registryFinding = result.finding;
        return result.check;
      },
    });
    steps.push({ id: 'microcredential', needsAuthenticity: false, run: async () => microcredentialCheck(microcredential, ctx.profile) });
  }

  onProgress?.({
    type: 'plan',
    format,
    checks: [{ id: 'input' }, ...steps.map((s) => ({ id: s.id }))],
    ...(plan.credential ? { credential: plan.credential } : {}),
  });
  onProgress?.({ type: 'check', index: 0, check: inputCheck });
  const results: Check[] = [inputCheck, ...(await runSteps(steps, 1, onProgress, options.signal))];

  const report: VerificationReport = { verdict: deriveVerdict(results), format, checks: results, verifiedAt };
  if (plan.credential) report.credential = plan.credential;
  if (microcredential) report.microcredential = microcredential;
  if (plan.presentation) report.presentation = await plan.presentation();
  if (registryFinding) report.registry = registryFinding;
  return report;
}

function unknownMessage(kind: string): string {
  switch (kind) {
    case 'png':
      return 'The PNG image carries no credential';
    case 'svg':
      return 'The SVG image carries no credential';
    case 'pdf':
      return 'Use verifyAll() or `credlens verify` for PDF documents, which may hold several credentials';
    default:
      return 'The data is readable but is not a credential format Credlens knows';
  }
}

function assertUsage(input: unknown, options: VerifyOptions): void {
  const ok =
    typeof input === 'string' || input instanceof Uint8Array || input instanceof ArrayBuffer || (typeof input === 'object' && input !== null);
  if (!ok) throw new UsageError('verify(input): input must be a string, bytes, or a parsed JSON object');
  if (options.at !== undefined && (!(options.at instanceof Date) || Number.isNaN(options.at.getTime()))) {
    throw new UsageError('verify(): options.at must be a valid Date');
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') throw new UsageError('verify(): options.fetch must be a function');
  const registryProblem = options.registries === undefined ? undefined : registryConfigProblem(options.registries);
  if (registryProblem) throw new UsageError(`verify(): ${registryProblem}`);
  if (options.profile !== undefined && options.profile !== 'eu-microcredential') {
    throw new UsageError(`verify(): unknown profile "${String(options.profile)}"`);
  }
  for (const name of ['challenge', 'domain'] as const) {
    if (options[name] !== undefined && (typeof options[name] !== 'string' || options[name] === '')) throw new UsageError(`verify(): options.${name} must be a non-empty string`);
  }
}

// For a shell that must stay small (the widget reads the files of its `registries` attribute through
// the guarded fetch): these two without lib/index.ts or lib/tools.ts, which pull in far more.
export { createIo } from './io/index.js';
