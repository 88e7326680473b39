import { parse as parseDidUrl } from 'did-resolver';
import { isRecord, typesOf } from '../../util/json.js';
import { resolveVerificationMethod, type KeyResolution } from '../../keys/index.js';
import type { CredentialPlan, FormatHandler, PresentationBinding, Step, VerifyContext } from '../../pipeline/types.js';
import { createDocumentLoader } from '../../proofs/data-integrity/document-loader.js';
import { verifyDataIntegrity, type DiResult } from '../../proofs/data-integrity/verify.js';
import { headerCheck, parseCompactJws, verifyCompactJws } from '../../proofs/jws.js';
import { check, type Check, type PresentationReport } from '../../report.js';
import { jwtValidityDates, validityCheck } from '../../validate/dates.js';
import { methodUrlFor } from '../jose/issuer-key.js';
import { credentialWarningsCheck, credentialsCheck, holderBindingCheck, verifyPresented, type PresentedSet } from './credentials.js';

/**
 * Verifiable Presentations (VC Data Model 1.1 §4.10 and 2.0 §4.13): the holder's own proof, checked
 * against the holder's DID (the key must be listed under its `authentication`), the caller's
 * challenge and domain, then every credential inside through the whole pipeline. The verdict is the
 * worst of the holder's proof and the credentials' verdicts; an unsigned presentation is only a
 * container, whose verdict is its credentials'. See docs/presentations.md.
 */


function holderOf(vp: Record<string, unknown>): string | undefined {
  if (typeof vp.holder === 'string') return vp.holder;
  return isRecord(vp.holder) && typeof vp.holder.id === 'string' ? vp.holder.id : undefined;
}

function asList(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function stringsOf(value: unknown): string[] {
  return asList(value).filter((v): v is string => typeof v === 'string');
}

function didOfMethod(method: unknown): string | undefined {
  const url = typeof method === 'string' ? method : isRecord(method) && typeof method.id === 'string' ? method.id : undefined;
  if (!url) return undefined;
  if (url.startsWith('did:')) return parseDidUrl(url)?.did;
  const hash = url.indexOf('#');
  return hash > 0 ? url.slice(0, hash) : undefined;
}

/** The challenge and domain checks, from what the holder signed (`found`) and what the caller asked. */
function bindingChecks(found: { challenges: Array<string | undefined>; domains: string[][] }, binding: PresentationBinding | undefined, signed: boolean): Step[] {
  const challengeStep: Step = {
    id: 'challenge',
    needsAuthenticity: true,
    run: async () => {
      const expected = binding?.challenge;
      if (expected === undefined) return check('challenge', 'VP_CHALLENGE_NOT_CHECKED', 'No challenge was given, so a replayed presentation cannot be told apart');
      if (!signed) return check('challenge', 'VP_CHALLENGE_MISMATCH', `You asked for challenge ${JSON.stringify(expected)}, but the presentation is not signed and answers no challenge`);
      const wrong = found.challenges.filter((c) => c !== expected);
      if (wrong.length === 0 && found.challenges.length > 0) return check('challenge', 'VP_CHALLENGE_MATCH', `The holder signed the challenge ${JSON.stringify(expected)}`);
      const got = wrong.map((c) => (c === undefined ? 'none' : JSON.stringify(c))).join(', ');
      return check('challenge', 'VP_CHALLENGE_MISMATCH', `You asked for challenge ${JSON.stringify(expected)}; the holder signed ${got}`, { expected });
    },
  };
  const domainStep: Step = {
    id: 'domain',
    needsAuthenticity: true,
    run: async () => {
      const expected = binding?.domain;
      if (expected === undefined) return check('domain', 'VP_DOMAIN_NOT_CHECKED', 'No domain was given to compare the presentation with');
      if (!signed) return check('domain', 'VP_DOMAIN_MISMATCH', `You asked for domain ${JSON.stringify(expected)}, but the presentation is not signed and names no domain`);
      const ok = found.domains.length > 0 && found.domains.every((d) => d.includes(expected));
      if (ok) return check('domain', 'VP_DOMAIN_MATCH', `The holder made the presentation for ${expected}`);
      const got = found.domains.map((d) => (d.length ? d.join(' ') : 'none')).join(', ');
      return check('domain', 'VP_DOMAIN_MISMATCH', `You asked for domain ${JSON.stringify(expected)}; the holder signed it for ${got}`, { expected });
    },
  };
  return [challengeStep, domainStep];
}

function proofOutcome(c: Check | undefined): PresentationReport['proof'] {
  if (!c) return 'none';
  return c.status === 'pass' ? 'valid' : c.status === 'fail' ? 'invalid' : 'unverifiable';
}

/** Shared by both handlers: the credentials and holder-binding steps and the report section. */
function containerParts(
  vp: Record<string, unknown>,
  holder: string | undefined,
  securedBy: PresentationReport['securedBy'],
  proven: () => Promise<Check | undefined>,
  ctx: VerifyContext,
  extra: Pick<PresentationReport, 'challenge' | 'domain'>,
): { steps: Step[]; presentation: () => Promise<PresentationReport> } {
  let set: Promise<PresentedSet> | undefined;
  const credentials = () => (set ??= verifyPresented(vp.verifiableCredential, holder, ctx));
  const steps: Step[] = [
    { id: 'credentials', run: async () => credentialsCheck(await credentials()) },
    { id: 'credential-warnings', run: async () => credentialWarningsCheck(await credentials()) },
    {
      id: 'holder-binding',
      needsAuthenticity: securedBy !== 'none',
      run: async () => holderBindingCheck(await credentials(), holder, (await proven())?.status === 'pass'),
    },
  ];
  const presentation = async (): Promise<PresentationReport> => {
    const report: PresentationReport = { types: typesOf(vp), securedBy, proof: securedBy === 'none' ? 'none' : proofOutcome(await proven()), credentials: (await credentials()).credentials, ...extra };
    if (typeof vp.id === 'string') report.id = vp.id;
    if (holder) report.holder = holder;
    return report;
  };
  return { steps, presentation };
}

/** A key failure from the shared resolver, said of the holder (the resolver speaks of issuers). */
function asHolderCheck(c: Check): Check {
  return { ...c, id: 'holder-key', message: c.message.replace(/\bthe issuer\b/g, 'the holder') };
}

function holderKeyCheck(resolution: KeyResolution, holder: string): Check {
  if (!resolution.ok) return asHolderCheck(resolution.check);
  const k = resolution.key;
  return check('holder-key', 'VP_HOLDER_KEY_VALID', `${k.id} is ${holder}'s key, listed for authentication`, { keyId: k.id, type: k.type, controller: k.controller });
}

/** A presentation as JSON-LD: secured by an embedded Data Integrity proof, or not at all. */
export const vpHandler: FormatHandler = {
  format: 'vp',
  async plan(input, ctx): Promise<CredentialPlan> {
    const vp = isRecord(input.payload) ? input.payload : {};
    const proofs = asList(vp.proof).filter(isRecord);
    const signed = vp.proof !== undefined;
    const stated = holderOf(vp);
    // A signed presentation that names no holder is taken as its signer's (VC 2.0 makes `holder` optional).
    const holder = stated ?? (signed ? didOfMethod(proofs[0]?.verificationMethod) : undefined);
    const found = {
      challenges: proofs.map((p) => (typeof p.challenge === 'string' ? p.challenge : undefined)),
      domains: proofs.map((p) => stringsOf(p.domain)),
    };

    let di: Promise<DiResult> | undefined;
    const runDi = (): Promise<DiResult> =>
      (di ??= verifyDataIntegrity(vp, {
        documentLoader: createDocumentLoader(ctx.io),
        resolveKey: async (method) => {
          const resolution = await resolveVerificationMethod(method, ctx, { relationship: 'authentication', issuer: holder ?? '' });
          return resolution.ok ? resolution : { ok: false, check: asHolderCheck(resolution.check) };
        },
        now: ctx.now,
        proofSet: 'all',
        purpose: 'authentication',
        hasContext: async (url) => (await ctx.io.fromBundle(url)) !== undefined,
      }));

    const steps: Step[] = [];
    let proven: () => Promise<Check | undefined> = async () => undefined;
    if (!signed) {
      steps.push({ id: 'proof', run: async () => check('proof', 'VP_UNSIGNED', 'The presentation carries no proof of its holder: it is a container, and each credential inside is verified on its own') });
    } else if (!holder) {
      const missing = check('holder-key', 'VP_HOLDER_MISSING', 'The presentation is signed, but names no holder and its proof names no DID to take as one');
      steps.push({ id: 'holder-key', gate: true, run: async () => missing });
      proven = async () => missing;
    } else {
      steps.push({
        id: 'holder-key',
        gate: true,
        run: async () => {
          const { keyCheck } = await runDi();
          if (keyCheck.code !== 'KEY_VALID') return asHolderCheck(keyCheck);
          const keys = Array.isArray(keyCheck.details?.keys) ? (keyCheck.details.keys as Array<{ id: string }>).map((k) => k.id) : [];
          return check('holder-key', 'VP_HOLDER_KEY_VALID', `${keys.join(', ')} is ${holder}'s key, listed for authentication${stated ? '' : ' (the presentation names no holder; its signer is taken as the holder)'}`, { keys, holder });
        },
      });
      steps.push({ id: 'proof', gate: true, run: async () => (await runDi()).proofCheck });
      proven = async () => (await runDi()).proofCheck;
    }
    steps.push(...bindingChecks(found, ctx.presentationBinding, signed));
    const extra: Pick<PresentationReport, 'challenge' | 'domain'> = {};
    if (found.challenges[0] !== undefined) extra.challenge = found.challenges[0];
    if (found.domains[0]?.length) extra.domain = found.domains[0];
    const container = containerParts(vp, holder, signed ? 'data-integrity' : 'none', proven, ctx, extra);
    return { steps: [...steps, ...container.steps], presentation: container.presentation };
  },
};

/**
 * A presentation secured as a JWS: VP-JWT (VC 1.1 §6.3.1: the `vp` claim, `iss` the holder, `nonce`
 * the challenge, `aud` the domain) or VC-JOSE (`vp+jwt`: the payload is the presentation).
 */
export const vpJwtHandler: FormatHandler = {
  format: 'vp-jwt',
  async plan(input, ctx): Promise<CredentialPlan> {
    const text = input.sniffed.kind === 'jws-compact' ? input.sniffed.text : '';
    const parsed = parseCompactJws(text, 'proof', input.header ? { header: input.header, payload: input.payload } : undefined);
    const constant = (c: Check): Step => ({ id: c.id, gate: true, run: async () => c });
    if (!parsed.ok) return { steps: [constant(parsed.check)] };
    const jws = parsed.value;
    const payload = jws.payload ?? {};
    const vp = isRecord(payload.vp) ? payload.vp : payload;
    const iss = typeof payload.iss === 'string' ? payload.iss : undefined;
    const stated = holderOf(vp);
    const holder = iss ?? stated;
    const found = { challenges: [typeof payload.nonce === 'string' ? payload.nonce : undefined], domains: [stringsOf(payload.aud)] };

    let resolution: Promise<KeyResolution> | undefined;
    const key = () => (resolution ??= resolveVerificationMethod(methodUrlFor(holder ?? '', jws.header.kid), ctx, { relationship: 'authentication', issuer: holder ?? '' }));
    let proofResult: Promise<Check> | undefined;
    const proof = (): Promise<Check> =>
      (proofResult ??= (async () => {
        const rejected = headerCheck(jws.header);
        if (rejected) return rejected;
        const resolved = await key();
        if (!resolved.ok) return check('proof', 'SKIPPED_NOT_AUTHENTIC', 'The signature was not checked: no key of the holder listed for authentication was found (see the holder key check)');
        return verifyCompactJws(jws, resolved.key.publicKeyJwk, { signer: resolved.key.id });
      })());

    const steps: Step[] = [];
    let proven: () => Promise<Check | undefined> = proof;
    if (iss && stated && iss !== stated) {
      const mismatch = check('holder-key', 'VP_HOLDER_MISMATCH', `The token is signed by ${iss}, but the presentation names ${stated} as its holder`, { iss, holder: stated });
      steps.push(constant(mismatch));
      proven = async () => mismatch;
    } else if (!holder) {
      const missing = check('holder-key', 'VP_HOLDER_MISSING', 'The presentation token names no holder (neither iss nor holder), so no key can be tied to one');
      steps.push(constant(missing));
      proven = async () => missing;
    } else {
      steps.push({ id: 'holder-key', gate: true, run: async () => holderKeyCheck(await key(), holder) });
      steps.push({ id: 'proof', gate: true, run: proof });
    }
    steps.push(...bindingChecks(found, ctx.presentationBinding, true));
    steps.push({ id: 'validity', run: async () => validityCheck(jwtValidityDates(payload), ctx) });
    const extra: Pick<PresentationReport, 'challenge' | 'domain'> = {};
    if (found.challenges[0] !== undefined) extra.challenge = found.challenges[0];
    if (found.domains[0]?.length) extra.domain = found.domains[0];
    const container = containerParts(vp, holder, 'jose', proven, ctx, extra);
    return { steps: [...steps, ...container.steps], presentation: container.presentation };
  },
};
