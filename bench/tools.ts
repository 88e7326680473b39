import type { DiFixture, Fixtures, JoseFixture } from './fixtures.js';

/**
 * The verifiers measured side by side. Each adapter prepares what is not part of verifying (keys
 * imported for the bare baselines, canonical bytes for the floor) and returns a `verify` that does
 * the work one user action would. `verify` says whether the input was accepted, so a figure is only
 * ever reported for a verification that succeeded.
 */
export type ToolId = 'credlens' | 'verifier-core' | 'dbvc' | 'floor' | 'c14n' | 'jose';

export const TOOL_NAMES: Record<ToolId, string> = {
  credlens: 'Credlens verify()',
  'verifier-core': '@digitalcredentials/verifier-core',
  dbvc: '@digitalbazaar/vc',
  floor: 'floor (hash + signature)',
  c14n: 'canonicalisation + floor',
  jose: 'bare jose',
};

export interface Outcome {
  ok: boolean;
  detail: string;
}

export type Verify = () => Promise<Outcome>;

export type Fixture = { family: 'di'; fixture: DiFixture } | { family: 'jose'; fixture: JoseFixture };

/** Which tools apply to a family of inputs (the JOSE formats are not Data Integrity, and vice versa). */
export function toolsFor(family: Fixture['family']): ToolId[] {
  return family === 'di' ? ['credlens', 'verifier-core', 'dbvc', 'floor', 'c14n'] : ['credlens', 'jose'];
}

export interface CredlensOptions {
  cache?: unknown;
}

/** Prepares `tool` for `input`; returns a reason instead when the tool cannot verify that input at all. */
export async function prepare(tool: ToolId, input: Fixture, fixtures: Fixtures): Promise<Verify | { unsupported: string }> {
  switch (tool) {
    case 'credlens':
      return credlens(input);
    case 'verifier-core':
      if (input.family !== 'di') return { unsupported: 'Data Integrity only' };
      return verifierCore(input.fixture);
    case 'dbvc':
      if (input.family !== 'di') return { unsupported: 'Data Integrity only' };
      return dbvc(input.fixture, fixtures);
    case 'floor':
      if (input.family !== 'di') return { unsupported: 'Data Integrity only' };
      return floor(input.fixture, fixtures, false);
    case 'c14n':
      if (input.family !== 'di') return { unsupported: 'Data Integrity only' };
      return floor(input.fixture, fixtures, true);
    case 'jose':
      if (input.family !== 'jose') return { unsupported: 'JOSE only' };
      return bareJose(input.fixture);
  }
}

async function credlens(input: Fixture): Promise<Verify> {
  const { loadCredlens } = await import('./build-lib.js');
  const { verify } = await loadCredlens();
  const value = input.family === 'di' ? input.fixture.credential : input.fixture.token;
  return async () => {
    const report = await verify(value as never, { offline: true });
    const proof = report.checks.find((c) => c.id === 'proof');
    const ok = (report.verdict === 'verified' || report.verdict === 'warning') && proof?.status === 'pass';
    return { ok, detail: `${report.verdict}${ok ? '' : `: ${report.checks.filter((c) => c.status !== 'pass').map((c) => `${c.code} ${c.message}`).join('; ')}`}` };
  };
}

let fetchRouted = false;

/**
 * verifier-core fetches the Open Badges 3.0 JSON Schema with the global fetch. There is no internet
 * here, so the global fetch serves the schema from the copy Credlens compiles its validator from
 * (the same file) and answers 404 for anything else.
 */
function routeGlobalFetch(): void {
  if (fetchRouted) return;
  fetchRouted = true;
  const schemas: Record<string, string> = {
    'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json': 'lib/validate/schema/sources/ob-v3p0-achievementcredential-vc2.json',
    'https://purl.imsglobal.org/spec/ob/v3p0/schema/json-ld/ob_v3p0_anyachievementcredential_schema.json': 'lib/validate/schema/sources/ob-v3p0-achievementcredential-vc1.json',
  };
  globalThis.fetch = (async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const file = schemas[url.replace(/#$/, '')];
    if (!file) return new Response('not found (benchmark: no network)', { status: 404 });
    const { readFile } = await import('node:fs/promises');
    const { resolve } = await import('node:path');
    const schema = JSON.parse(await readFile(resolve(import.meta.dirname, '..', file), 'utf8')) as Record<string, unknown>;
    // Credlens's copy names itself under its own $id; served at the 1EdTech URL it must carry that
    // one, and the draft 2019-09 dialect the 1EdTech files declare (verifier-core's Ajv2019 loops
    // forever fetching the draft-07 meta-schema otherwise).
    schema.$id = url;
    schema.$schema = 'https://json-schema.org/draft/2019-09/schema';
    return new Response(JSON.stringify(schema), { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

interface VerifierCoreResult {
  errors?: { name: string; message: string }[];
  log?: { id: string; valid?: boolean; error?: { message: string } }[];
  additionalInformation?: { id: string; results?: unknown }[];
}

async function verifierCore(fixture: DiFixture): Promise<Verify | { unsupported: string }> {
  if (fixture.suite === 'ecdsa-rdfc-2019') {
    return { unsupported: 'verifier-core 1.0.0-beta.11 registers only Ed25519Signature2020 and eddsa-rdfc-2022 suites (no ECDSA)' };
  }
  routeGlobalFetch();
  const { verifyCredential } = await import('@digitalcredentials/verifier-core');
  return async () => {
    const result = (await verifyCredential({ credential: fixture.credential as never, knownDIDRegistries: [] })) as unknown as VerifierCoreResult;
    const signature = result.log?.find((e) => e.id === 'valid_signature');
    const ok = !result.errors && signature?.valid === true;
    return { ok, detail: ok ? 'valid_signature' : JSON.stringify(result.errors ?? result.log).slice(0, 300) };
  };
}

async function dbvc(fixture: DiFixture, fixtures: Fixtures): Promise<Verify> {
  const vc = await import('@digitalbazaar/vc');
  const { staticLoader } = await import('./fixtures.js');
  const documentLoader = staticLoader(fixtures.loaderDocuments);
  let suite: unknown;
  if (fixture.suite === 'Ed25519Signature2020') {
    const { Ed25519Signature2020 } = await import('@digitalbazaar/ed25519-signature-2020');
    suite = new Ed25519Signature2020();
  } else {
    const { DataIntegrityProof } = await import('@digitalbazaar/data-integrity');
    const { cryptosuite } = fixture.suite === 'eddsa-rdfc-2022' ? await import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite') : await import('@digitalbazaar/ecdsa-rdfc-2019-cryptosuite');
    suite = new DataIntegrityProof({ cryptosuite });
  }
  return async () => {
    const result = (await vc.verifyCredential({ credential: fixture.credential, suite, documentLoader })) as { verified: boolean; error?: unknown };
    return { ok: result.verified, detail: result.verified ? 'verified' : String((result.error as Error | undefined)?.message ?? result.error).slice(0, 300) };
  };
}

/**
 * The floor: what any verifier must do once the canonical bytes exist. SHA-256 of the canonical
 * proof options and of the canonical document, then the signature check with Web Crypto. The
 * canonicalisation itself (done once here, outside the timing) is what the floor leaves out;
 * with `canonicalise`, each call also canonicalises both (jsonld RDFC-1.0, safe mode, static
 * loader): the share of every JSON-LD verifier's time that the JSON-LD engine takes.
 */
async function floor(fixture: DiFixture, fixtures: Fixtures, canonicalise: boolean): Promise<Verify> {
  const jsonld = (await import('jsonld')).default as { canonize(doc: unknown, options: Record<string, unknown>): Promise<string> };
  const { staticLoader } = await import('./fixtures.js');
  const { base58btc } = await import('./multibase.js');
  const documentLoader = staticLoader(fixtures.loaderDocuments);
  const { proof, ...document } = fixture.credential as { proof: Record<string, unknown> } & Record<string, unknown>;
  const { proofValue, ...config } = proof;
  const canon = (value: unknown) => jsonld.canonize(value, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader, safe: true });
  const encoder = new TextEncoder();
  const docBytes = encoder.encode(await canon(document));
  const configBytes = encoder.encode(await canon({ ...config, '@context': document['@context'] }));
  const signature = base58btc(String(proofValue));
  const method = String(config.verificationMethod);
  const multibase = method.slice(method.indexOf('#') + 1);
  const multicodec = base58btc(multibase);
  let key: CryptoKey;
  let algorithm: AlgorithmIdentifier | EcdsaParams;
  if (fixture.suite === 'ecdsa-rdfc-2019') {
    // 0x8024: p256-pub, compressed point.
    key = await crypto.subtle.importKey('raw', multicodec.slice(2), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    algorithm = { name: 'ECDSA', hash: 'SHA-256' };
  } else {
    key = await crypto.subtle.importKey('raw', multicodec.slice(2), { name: 'Ed25519' }, false, ['verify']);
    algorithm = { name: 'Ed25519' };
  }
  const configForHash = { ...config, '@context': document['@context'] };
  return async () => {
    const [configInput, docInput] = canonicalise
      ? await Promise.all([canon(configForHash).then((t) => encoder.encode(t)), canon(document).then((t) => encoder.encode(t))])
      : [configBytes, docBytes];
    const [a, b] = await Promise.all([crypto.subtle.digest('SHA-256', configInput), crypto.subtle.digest('SHA-256', docInput)]);
    const data = new Uint8Array(64);
    data.set(new Uint8Array(a), 0);
    data.set(new Uint8Array(b), 32);
    const ok = await crypto.subtle.verify(algorithm, key, signature as BufferSource, data);
    return { ok, detail: ok ? 'signature valid' : 'signature invalid' };
  };
}

/** Bare jose: the signature and the registered claims; for SD-JWT also the disclosure digests. */
async function bareJose(fixture: JoseFixture): Promise<Verify> {
  const { importJWK, jwtVerify, base64url } = await import('jose');
  const key = await importJWK(fixture.publicJwk as Parameters<typeof importJWK>[0], fixture.alg);
  if (fixture.kind === 'vc-jwt') {
    return async () => {
      const { payload } = await jwtVerify(fixture.token, key, { algorithms: [fixture.alg] });
      return { ok: typeof payload.vc === 'object', detail: 'jwtVerify' };
    };
  }
  const encoder = new TextEncoder();
  return async () => {
    const [jwt = '', ...rest] = fixture.token.split('~');
    const disclosures = rest.filter((d) => d !== '');
    const { payload } = await jwtVerify(jwt, key, { algorithms: [fixture.alg], typ: 'dc+sd-jwt' });
    const digests = new Set(payload._sd as string[]);
    let ok = true;
    for (const d of disclosures) {
      const digest = base64url.encode(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(d))));
      if (!digests.has(digest)) ok = false;
      JSON.parse(new TextDecoder().decode(base64url.decode(d)));
    }
    return { ok, detail: 'jwtVerify + disclosure digests' };
  };
}
