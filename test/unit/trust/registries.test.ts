import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { verify } from '../../../lib/index.js';
import { createIo } from '../../../lib/io/index.js';
import type { FetchLike } from '../../../lib/io/types.js';
import { evaluateTrust, type TrustInputs } from '../../../lib/trust/evaluate.js';
import type { TrustRegistry, TrustSourceOutcome } from '../../../lib/trust/types.js';
import { elmMicrocredential, sealJades } from '../../support/jades.js';
import { makeCa, makeLeaf } from '../../support/test-ca.js';

const now = new Date('2026-11-28T00:00:00Z');
const EBSI = 'https://api-test.ebsi.example';
const json = (value: unknown, init: ResponseInit = {}) => new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' }, ...init });

/** The one network seam, answering from a route table and recording every URL asked for. */
function seam(routes: Record<string, () => Response | Promise<Response>>): FetchLike & { calls: string[] } {
  const calls: string[] = [];
  const fn = (async (url: string) => {
    calls.push(url);
    const route = routes[url];
    if (!route) return new Response('not found', { status: 404 });
    return route();
  }) as unknown as FetchLike & { calls: string[] };
  fn.calls = calls;
  return fn;
}

async function trust(issuerId: string, registries: TrustRegistry[], fetch: FetchLike, extra: Partial<TrustInputs> = {}) {
  return evaluateTrust({ issuer: { id: issuerId, name: 'OneUni' }, lists: [], registries, io: createIo({ fetch }), now, ebsiApiBase: EBSI, ...extra });
}

const DCC_URL = 'https://digitalcredentials.example/community-registry/registry.json';
const dccRegistry = {
  meta: { created: '2022-10-27T17:57:31+00:00', updated: '2022-10-27T17:57:31+00:00' },
  registry: { 'did:web:oneuni.example': { name: 'OneUni University', location: 'Cambridge, MA, USA', url: 'https://oneuni.example' } },
};
const DCC: TrustRegistry = { kind: 'dcc-registry', name: 'DCC Community Registry', url: DCC_URL };

describe('Digital Credentials Consortium registries', () => {
  it('knows an issuer listed under its DID, with the registry and the name it gives', async () => {
    const c = await trust('did:web:oneuni.example', [DCC], seam({ [DCC_URL]: () => json(dccRegistry) }));
    expect(c.code).toBe('TRUST_KNOWN');
    expect(c.status).toBe('pass');
    expect(c.details).toMatchObject({ tier: 'known', list: 'DCC Community Registry', matchedBy: 'registry' });
    expect((c.details?.consulted as TrustSourceOutcome[])[0]).toMatchObject({ outcome: 'knows', name: 'OneUni University', reason: 'Cambridge, MA, USA, https://oneuni.example' });
  });

  it('makes a configured tier count: a registry you trust vouches', async () => {
    const c = await trust('did:web:oneuni.example', [{ ...DCC, tier: 'trusted' }], seam({ [DCC_URL]: () => json(dccRegistry) }));
    expect(c.code).toBe('TRUST_LISTED');
  });

  it('warns (unknown) when the registry does not list the issuer', async () => {
    const c = await trust('did:web:elsewhere.example', [DCC], seam({ [DCC_URL]: () => json(dccRegistry) }));
    expect(c.code).toBe('TRUST_UNKNOWN');
    expect(c.status).toBe('warn');
  });

  it('says the registry could not be checked, with the reason, when it is unreachable (never a pass)', async () => {
    const c = await trust('did:web:oneuni.example', [DCC], seam({ [DCC_URL]: () => new Response('oops', { status: 503 }) }));
    expect(c.code).toBe('TRUST_LIST_UNAVAILABLE');
    expect(c.status).toBe('warn');
    expect(c.message).toContain('"DCC Community Registry" could not be checked');
    expect(c.message).toContain('IO_HTTP_STATUS');
    expect(c.details?.unavailable).toEqual(['DCC Community Registry']);
  });

  it('says the registry could not be checked when it is not a DCC registry document', async () => {
    const c = await trust('did:web:oneuni.example', [DCC], seam({ [DCC_URL]: () => json({ issuers: [] }) }));
    expect(c.code).toBe('TRUST_LIST_UNAVAILABLE');
    expect(c.message).toContain('not a DCC issuer registry');
  });

  it('does not take a registry entry from the object prototype', async () => {
    const c = await trust('__proto__', [DCC], seam({ [DCC_URL]: () => json(dccRegistry) }));
    expect(c.code).toBe('TRUST_UNKNOWN');
  });

  it('does not let a less authoritative registry pass when a higher one is unreachable', async () => {
    const second = 'https://digitalcredentials.example/sandbox-registry/registry.json';
    const fetch = seam({ [DCC_URL]: () => new Response('', { status: 500 }), [second]: () => json(dccRegistry) });
    const c = await trust('did:web:oneuni.example', [DCC, { kind: 'dcc-registry', name: 'DCC Sandbox', url: second }], fetch);
    expect(c.code).toBe('TRUST_LIST_UNAVAILABLE');
    expect(c.message).toContain('"DCC Sandbox" knows OneUni');
    expect(c.details).toMatchObject({ tier: 'known', list: 'DCC Sandbox', unavailable: ['DCC Community Registry'] });
  });

  it('never contacts a registry that is not configured, nor one after the source that decided', async () => {
    const fetch = seam({ [DCC_URL]: () => json(dccRegistry) });
    await trust('did:web:oneuni.example', [], fetch);
    expect(fetch.calls).toEqual([]);
    const c = await trust('did:web:oneuni.example', [DCC], fetch, { lists: [{ name: 'Mine', issuers: [{ id: 'did:web:oneuni.example' }] }] });
    expect(c.code).toBe('TRUST_LISTED');
    expect(c.details?.list).toBe('Mine');
    expect((c.details?.consulted as TrustSourceOutcome[])[1]).toMatchObject({ source: 'DCC Community Registry', outcome: 'not-consulted' });
    expect(fetch.calls).toEqual([]);
  });

  it('says could not be checked offline, without touching the network', async () => {
    const fetch = seam({ [DCC_URL]: () => json(dccRegistry) });
    const c = await evaluateTrust({ issuer: { id: 'did:web:oneuni.example' }, lists: [], registries: [DCC], io: createIo({ fetch, offline: true }), now, ebsiApiBase: EBSI });
    expect(c.code).toBe('TRUST_LIST_UNAVAILABLE');
    expect(c.message).toContain('IO_OFFLINE');
    expect(fetch.calls).toEqual([]);
  });
});

describe('EBSI Trusted Issuers Registry (v5)', () => {
  const did = 'did:ebsi:zZeKyEJfUTGwajhNyNX928z';
  const url = `${EBSI}/trusted-issuers-registry/v5/issuers/${encodeURIComponent(did)}`;
  const TIR: TrustRegistry = { kind: 'ebsi-tir' };
  const attribute = (issuerType: string) => ({ hash: 'a'.repeat(64), body: 'eyJ...', issuerType, tao: 'did:ebsi:zTao', rootTao: 'did:ebsi:zRoot' });

  it('knows an accredited did:ebsi issuer (TI)', async () => {
    const c = await trust(did, [TIR], seam({ [url]: () => json({ did, attributes: [attribute('TI')] }) }));
    expect(c.code).toBe('TRUST_KNOWN');
    expect(c.message).toContain('accredited as TI');
    expect(c.details?.list).toBe(`EBSI Trusted Issuers Registry (${EBSI})`);
  });

  it('warns (unknown) for a did:ebsi issuer the registry does not hold (404)', async () => {
    const c = await trust(did, [TIR], seam({}));
    expect(c.code).toBe('TRUST_UNKNOWN');
    expect((c.details?.consulted as TrustSourceOutcome[])[0]?.outcome).toBe('not-listed');
  });

  it('marks an issuer whose accreditations were all revoked as untrusted (fail)', async () => {
    const c = await trust(did, [TIR], seam({ [url]: () => json({ did, attributes: [attribute('Revoked')] }) }));
    expect(c.code).toBe('TRUST_UNTRUSTED');
    expect(c.status).toBe('fail');
  });

  it('does not ask about issuers that are not did:ebsi', async () => {
    const fetch = seam({});
    const c = await trust('did:web:oneuni.example', [TIR], fetch);
    expect(c.code).toBe('TRUST_UNKNOWN');
    expect((c.details?.consulted as TrustSourceOutcome[])[0]?.outcome).toBe('not-applicable');
    expect(fetch.calls).toEqual([]);
  });

  it('rejects an answer about another DID as unusable', async () => {
    const c = await trust(did, [TIR], seam({ [url]: () => json({ did: 'did:ebsi:zOther', attributes: [attribute('TI')] }) }));
    expect(c.code).toBe('TRUST_LIST_UNAVAILABLE');
  });
});

describe('OpenID Federation (signatures verified)', () => {
  const TA = 'https://registry.federation.example';
  const FEDERATION: TrustRegistry = { kind: 'openid-federation', name: 'DCC Member Registry', trustAnchor: TA };
  const subject = 'did:web:oneuni.example';
  const iat = Math.floor(now.getTime() / 1000) - 60;

  async function keys() {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' } as JWK;
    return { privateKey, jwk };
  }

  async function statement(payload: Record<string, unknown>, key: CryptoKey) {
    return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', typ: 'entity-statement+jwt', kid: 'k1' }).setIssuedAt(iat).setExpirationTime(iat + 86_400).sign(key);
  }

  async function federation(opts: { subordinateKey?: CryptoKey } = {}) {
    const anchor = await keys();
    const configuration = await statement({ iss: TA, sub: TA, jwks: { keys: [anchor.jwk] }, metadata: { federation_entity: { organization_name: 'DCC', federation_fetch_endpoint: `${TA}/fetch` } } }, anchor.privateKey);
    const subordinate = await statement({ iss: TA, sub: subject, metadata: { federation_entity: { organization_name: 'OneUni University' } } }, opts.subordinateKey ?? anchor.privateKey);
    const routes = {
      [`${TA}/.well-known/openid-federation`]: () => new Response(configuration, { headers: { 'content-type': 'application/entity-statement+jwt' } }),
      [`${TA}/fetch?sub=${encodeURIComponent(subject)}`]: () => new Response(subordinate, { headers: { 'content-type': 'application/entity-statement+jwt' } }),
    };
    return { anchor, routes };
  }

  it('knows an issuer with a subordinate statement signed by the trust anchor', async () => {
    const { routes } = await federation();
    const c = await trust(subject, [FEDERATION], seam(routes));
    expect(c.code).toBe('TRUST_KNOWN');
    expect((c.details?.consulted as TrustSourceOutcome[])[0]).toMatchObject({ outcome: 'knows', name: 'OneUni University' });
  });

  it('refuses a subordinate statement signed by another key (could not be checked, never a pass)', async () => {
    const intruder = await keys();
    const { routes } = await federation({ subordinateKey: intruder.privateKey });
    const c = await trust(subject, [FEDERATION], seam(routes));
    expect(c.code).toBe('TRUST_LIST_UNAVAILABLE');
    expect(c.message).toContain('does not verify');
  });

  it('refuses an entity configuration that does not verify with the pinned keys', async () => {
    const { routes } = await federation();
    const other = await keys();
    const c = await trust(subject, [{ ...FEDERATION, jwks: { keys: [other.jwk as JsonWebKey] } }], seam(routes));
    expect(c.code).toBe('TRUST_LIST_UNAVAILABLE');
    expect(c.message).toContain('entity configuration');
  });

  it('refuses an expired statement', async () => {
    const { routes } = await federation();
    const c = await evaluateTrust({ issuer: { id: subject }, lists: [], registries: [FEDERATION], io: createIo({ fetch: seam(routes) }), now: new Date(now.getTime() + 3 * 86_400_000), ebsiApiBase: EBSI });
    expect(c.code).toBe('TRUST_LIST_UNAVAILABLE');
  });

  it('warns (unknown) when the federation holds no statement about the issuer (404)', async () => {
    const { routes } = await federation();
    const c = await trust('did:web:other.example', [FEDERATION], seam(routes));
    expect(c.code).toBe('TRUST_UNKNOWN');
  });
});

describe('registries in verify()', () => {
  it('asks a configured registry about the issuer of a sealed credential, through the fetch seam', async () => {
    const root = await makeCa();
    const leaf = await makeLeaf(root);
    const doc = elmMicrocredential();
    (doc.issuer as Record<string, unknown>).id = 'did:web:oneuni.example';
    const fetch = seam({ [DCC_URL]: () => json(dccRegistry) });
    const report = await verify(await sealJades(doc, leaf), { at: now, fetch, registries: [DCC] });
    const c = report.checks.find((x) => x.id === 'trust');
    expect(c?.code).toBe('TRUST_KNOWN');
    expect(fetch.calls).toEqual([DCC_URL]);
  });

  it('rejects a registry configuration that is not https as a usage error', async () => {
    await expect(verify('{}', { registries: [{ kind: 'dcc-registry', url: 'http://x.example/r.json' }] })).rejects.toThrow(/registries\[0\]\.url must be an https URL/);
  });
});
