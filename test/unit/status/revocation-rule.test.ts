import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../../lib/index.js';
import type { FetchLike } from '../../../lib/io/types.js';
import type { Check, VerificationReport } from '../../../lib/report.js';
import { clearStatusListMemo } from '../../../lib/status/index.js';
import { jsonServer } from '../../support/jose-context.js';
import { newKey, openBadge, signDi as signObDi } from '../formats/vc-di/sign.js';
import { newIssuer, signDi, type Cryptosuite, type TestIssuer } from '../security/sign-di.js';

type TestKey = ReturnType<typeof newKey>;

/**
 * The revocation rule (docs/verdicts.md "Revocation"), for every W3C status mechanism and every list
 * fault: a list the signed credential names that marks it revoked or suspended makes it invalid
 * whoever signed the list and whatever is wrong with the list's own proof or dates; "not revoked"
 * counts only from a list authenticated as the issuer's; a list that is not the list named (id,
 * purpose) or cannot be decoded says nothing (a warning).
 */

const AT = new Date('2026-06-01T00:00:00Z');
const INDEX = 7;
const online = (fetch: FetchLike, extra: Record<string, unknown> = {}) => ({ fetch, at: AT, network: { resolveHost: async () => ['93.184.215.14'] }, ...extra });

/** RevocationList2020's context is shipped, pinned (lib/io/contexts): no resource bundle is needed to read such a credential. */
const RL2020_CONTEXT_URL = 'https://w3id.org/vc-revocation-list-2020/v1';

type Mechanism = 'BitstringStatusList' | 'StatusList2021' | 'RevocationList2020';

function encodedList(mechanism: Mechanism, revokedIndex?: number): string {
  const bytes = new Uint8Array(16 * 1024);
  if (revokedIndex !== undefined) bytes[Math.floor(revokedIndex / 8)] = 0x80 >> revokedIndex % 8;
  const b64 = Buffer.from(gzipSync(bytes)).toString('base64url');
  return mechanism === 'BitstringStatusList' ? `u${b64}` : b64;
}

const CONTEXTS: Record<Mechanism, string[]> = {
  BitstringStatusList: ['https://www.w3.org/ns/credentials/v2'],
  StatusList2021: ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/vc/status-list/2021/v1', 'https://w3id.org/security/data-integrity/v2'],
  RevocationList2020: ['https://www.w3.org/2018/credentials/v1', RL2020_CONTEXT_URL, 'https://w3id.org/security/data-integrity/v2'],
};
const SUITE: Record<Mechanism, Cryptosuite> = { BitstringStatusList: 'eddsa-rdfc-2022', StatusList2021: 'eddsa-rdfc-2022', RevocationList2020: 'eddsa-jcs-2022' };

interface ListOptions {
  signer: TestIssuer;
  issuer?: string;
  revoked?: boolean;
  purpose?: string;
  id?: string;
  validUntil?: string;
}

async function listCredential(mechanism: Mechanism, url: string, o: ListOptions): Promise<Record<string, unknown>> {
  const v2 = mechanism === 'BitstringStatusList';
  const subject: Record<string, unknown> = { id: `${url}#list`, type: mechanism, encodedList: encodedList(mechanism, o.revoked ? INDEX : undefined) };
  if (mechanism !== 'RevocationList2020') subject.statusPurpose = o.purpose ?? 'revocation';
  const list: Record<string, unknown> = {
    '@context': CONTEXTS[mechanism],
    id: o.id ?? url,
    type: ['VerifiableCredential', `${mechanism}Credential`],
    issuer: o.issuer ?? o.signer.did,
    ...(v2 ? { validFrom: '2026-01-01T00:00:00Z' } : { issuanceDate: '2026-01-01T00:00:00Z' }),
    ...(o.validUntil ? (v2 ? { validUntil: o.validUntil } : { expirationDate: o.validUntil }) : {}),
    credentialSubject: subject,
  };
  return signDi(list, o.signer, SUITE[mechanism]);
}

async function credentialNaming(mechanism: Mechanism, url: string, issuer: TestIssuer, purpose = 'revocation'): Promise<Record<string, unknown>> {
  const v2 = mechanism === 'BitstringStatusList';
  const status: Record<string, unknown> =
    mechanism === 'RevocationList2020'
      ? { id: `${url}#${INDEX}`, type: 'RevocationList2020Status', revocationListIndex: String(INDEX), revocationListCredential: url }
      : { id: `${url}#${INDEX}`, type: `${mechanism}Entry`, statusPurpose: purpose, statusListIndex: String(INDEX), statusListCredential: url };
  return signDi(
    {
      '@context': CONTEXTS[mechanism],
      id: 'urn:uuid:5b6a8f0e-4c1d-4b8e-9a57-0d3f2c1e9b77',
      type: ['VerifiableCredential'],
      issuer: issuer.did,
      ...(v2 ? { validFrom: '2026-01-01T00:00:00Z' } : { issuanceDate: '2026-01-01T00:00:00Z' }),
      credentialSubject: { id: 'did:example:ebfeb1f712ebc6f1c276e12ec21' },
      credentialStatus: status,
    },
    issuer,
    SUITE[mechanism],
  );
}

function statusOf(report: VerificationReport): Check {
  const found = report.checks.find((c) => c.id === 'status');
  if (!found) throw new Error(`no status check: ${JSON.stringify(report.checks.map((c) => c.code))}`);
  return found;
}

async function run(mechanism: Mechanism, credential: Record<string, unknown>, served: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<VerificationReport> {
  clearStatusListMemo();
  return verify(credential, online(jsonServer(served), extra));
}

describe.each(['BitstringStatusList', 'StatusList2021', 'RevocationList2020'] as const)('the revocation rule for %s', (mechanism) => {
  let issuer: TestIssuer;
  let other: TestIssuer;
  const url = `https://status.example/${mechanism.toLowerCase()}/1`;
  beforeAll(() => {
    issuer = newIssuer();
    other = newIssuer();
  });

  it('the issuer\'s own list: revoked is invalid, not revoked is verified', async () => {
    const credential = await credentialNaming(mechanism, url, issuer);
    const revoked = await run(mechanism, credential, { [url]: await listCredential(mechanism, url, { signer: issuer, revoked: true }) });
    expect(statusOf(revoked).code, JSON.stringify(revoked.checks)).toBe('STATUS_REVOKED');
    expect(statusOf(revoked).details?.listAuthenticated).toBe(true);
    expect(revoked.verdict).toBe('invalid');
    const trust = [{ name: 'My issuers', issuers: [{ id: issuer.did }] }];
    const active = await run(mechanism, credential, { [url]: await listCredential(mechanism, url, { signer: issuer }) }, { trust });
    expect(statusOf(active).code, JSON.stringify(active.checks)).toBe('STATUS_ACTIVE');
    expect(active.verdict).toBe('verified');
  });

  it('revoked on a list signed by another party is invalid, and the check says the list could not be authenticated and who signed it', async () => {
    const credential = await credentialNaming(mechanism, url, issuer);
    const report = await run(mechanism, credential, { [url]: await listCredential(mechanism, url, { signer: other, revoked: true }) });
    const status = statusOf(report);
    expect(status.code).toBe('STATUS_REVOKED');
    expect(status.message).toContain('could not be authenticated');
    expect(status.message).toContain(other.did);
    expect(status.details?.listAuthenticated).toBe(false);
    expect(report.verdict).toBe('invalid');
  });

  it('revoked on an expired list of the issuer is invalid', async () => {
    const credential = await credentialNaming(mechanism, url, issuer);
    const report = await run(mechanism, credential, { [url]: await listCredential(mechanism, url, { signer: issuer, revoked: true, validUntil: '2026-02-01T00:00:00Z' }) });
    expect(statusOf(report).code).toBe('STATUS_REVOKED');
    expect(statusOf(report).message).toMatch(/could not be authenticated.*VALIDITY_EXPIRED/);
    expect(report.verdict).toBe('invalid');
  });

  it('revoked on a list whose proof fails (tampered) is invalid', async () => {
    const credential = await credentialNaming(mechanism, url, issuer);
    const genuine = await listCredential(mechanism, url, { signer: issuer });
    const tampered = { ...genuine, credentialSubject: { ...(genuine.credentialSubject as object), encodedList: encodedList(mechanism, INDEX) } };
    const report = await run(mechanism, credential, { [url]: tampered });
    expect(statusOf(report).code).toBe('STATUS_REVOKED');
    expect(statusOf(report).details?.listAuthenticated).toBe(false);
    expect(report.verdict).toBe('invalid');
  });

  it('not revoked on a list signed by another party is a warning naming the reason, never verified', async () => {
    const credential = await credentialNaming(mechanism, url, issuer);
    const report = await run(mechanism, credential, { [url]: await listCredential(mechanism, url, { signer: other }) });
    expect(statusOf(report).code).toBe('STATUS_LIST_UNVERIFIED');
    expect(statusOf(report).message).toContain(`signed by ${other.did}`);
    expect(report.verdict).toBe('warning');
  });

  it('not revoked on an expired list of the issuer is a warning', async () => {
    const credential = await credentialNaming(mechanism, url, issuer);
    const report = await run(mechanism, credential, { [url]: await listCredential(mechanism, url, { signer: issuer, validUntil: '2026-02-01T00:00:00Z' }) });
    expect(statusOf(report).code).toBe('STATUS_LIST_UNVERIFIED');
    expect(report.verdict).toBe('warning');
  });

  it('a list another party signs counts as the issuer\'s when a trust list names it a status-list signer for the issuer', async () => {
    const credential = await credentialNaming(mechanism, url, issuer);
    const trust = [{ name: 'My issuers', issuers: [{ id: issuer.did, statusListSigners: [other.did] }] }];
    const report = await run(mechanism, credential, { [url]: await listCredential(mechanism, url, { signer: other }) }, { trust });
    expect(statusOf(report).code).toBe('STATUS_ACTIVE');
    expect(report.verdict).toBe('verified');
  });

  it('a list whose id is not the URL the credential names says nothing, even when it marks the index revoked (warning)', async () => {
    const credential = await credentialNaming(mechanism, url, issuer);
    for (const revoked of [false, true]) {
      const report = await run(mechanism, credential, { [url]: await listCredential(mechanism, url, { signer: issuer, revoked, id: `${url}-other` }) });
      expect(statusOf(report).code).toBe('STATUS_LIST_UNVERIFIED');
      expect(statusOf(report).message).toContain('not the list the credential names');
      expect(report.verdict).toBe('warning');
    }
  });

  it.skipIf(mechanism === 'RevocationList2020')('a list that serves another purpose says nothing (warning)', async () => {
    const credential = await credentialNaming(mechanism, url, issuer, 'revocation');
    const report = await run(mechanism, credential, { [url]: await listCredential(mechanism, url, { signer: issuer, revoked: true, purpose: 'suspension' }) });
    expect(statusOf(report).code).toBe('STATUS_PURPOSE_MISMATCH');
    expect(report.verdict).toBe('warning');
  });

  it('a list that cannot be decoded stays a warning, whoever signed it', async () => {
    const credential = await credentialNaming(mechanism, url, issuer);
    const list = await listCredential(mechanism, url, { signer: other });
    const broken = { ...list, credentialSubject: { ...(list.credentialSubject as object), encodedList: mechanism === 'BitstringStatusList' ? 'uAAAAAAA' : 'AAAAAAA' } };
    const report = await run(mechanism, credential, { [url]: broken });
    expect(statusOf(report).code).toBe('STATUS_LIST_MALFORMED');
    expect(report.verdict).toBe('warning');
  });
});

describe('the revocation rule for suspension (Bitstring Status List)', () => {
  it('suspended on a list signed by another party is invalid (STATUS_SUSPENDED)', async () => {
    const issuer = newIssuer();
    const other = newIssuer();
    const url = 'https://status.example/suspension/1';
    const credential = await credentialNaming('BitstringStatusList', url, issuer, 'suspension');
    const report = await run('BitstringStatusList', credential, { [url]: await listCredential('BitstringStatusList', url, { signer: other, revoked: true, purpose: 'suspension' }) });
    expect(statusOf(report).code).toBe('STATUS_SUSPENDED');
    expect(statusOf(report).message).toContain(other.did);
    expect(report.verdict).toBe('invalid');
  });
});

describe('the revocation rule for 1EdTech revocation lists (unsigned, served where the signed credential says)', () => {
  const url = 'https://status.example/1edtech/revocations';
  async function credential(key: TestKey): Promise<Record<string, unknown>> {
    const base = openBadge(key.did);
    const contexts = [...(base['@context'] as string[]), 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json'];
    return signObDi({ ...base, '@context': contexts, credentialStatus: { id: url, type: '1EdTechRevocationList' } }, key);
  }
  const list = (issuer: string, revoked: string[], id = url) => ({ id, issuer, revokedCredentials: revoked.map((r) => ({ id: r, revocationReason: 'Awarded in error' })) });

  it('revoked on a list that names another issuer is invalid, saying whose list it is', async () => {
    const issuer = newKey();
    const vc = await credential(issuer);
    const report = await verify(vc, online(jsonServer({ [url]: list('did:example:someone-else', [vc.id as string]) })));
    expect(statusOf(report).code).toBe('STATUS_REVOKED');
    expect(statusOf(report).message).toMatch(/could not be authenticated.*did:example:someone-else/);
    expect(report.verdict).toBe('invalid');
  });

  it('not revoked on a list of another issuer is a warning; on the issuer\'s own list it passes', async () => {
    const issuer = newKey();
    const vc = await credential(issuer);
    const foreign = await verify(vc, online(jsonServer({ [url]: list('did:example:someone-else', []) })));
    expect(statusOf(foreign).code).toBe('STATUS_LIST_UNVERIFIED');
    expect(foreign.verdict).not.toBe('verified');
    const own = await verify(vc, online(jsonServer({ [url]: list(issuer.did, []) })));
    expect(statusOf(own).code).toBe('STATUS_ACTIVE');
  });

  it('a list whose id is another list says nothing about the credential (warning)', async () => {
    const issuer = newKey();
    const vc = await credential(issuer);
    const report = await verify(vc, online(jsonServer({ [url]: list(issuer.did, [vc.id as string], `${url}/other`) })));
    expect(statusOf(report).code).toBe('STATUS_LIST_UNVERIFIED');
  });
});

describe('a status list signed with a key the issuer\'s DID document authorises', () => {
  const url = 'https://status.example/delegated/1';
  const DID = 'did:web:university.example';
  const DID_URL = 'https://university.example/.well-known/did.json';

  /** A did:web issuer whose document lists its own key, and optionally a status service's did:key key, under assertionMethod. */
  function webIssuer(authorise: TestIssuer | undefined): { issuer: TestIssuer; document: Record<string, unknown> } {
    const key = newIssuer();
    const issuer: TestIssuer = { ...key, did: DID, method: `${DID}#key-1` };
    const multibase = key.method.split('#')[1] as string;
    const document = {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: DID,
      verificationMethod: [{ id: `${DID}#key-1`, type: 'Multikey', controller: DID, publicKeyMultibase: multibase }],
      assertionMethod: ['#key-1', ...(authorise ? [authorise.method] : [])],
    };
    return { issuer, document };
  }

  it('counts as the issuer\'s: "not revoked" is relied on (verified), and the check names the key', async () => {
    const service = newIssuer();
    const { issuer, document } = webIssuer(service);
    const credential = await credentialNaming('BitstringStatusList', url, issuer);
    const trust = [{ name: 'My issuers', issuers: [{ id: DID }] }];
    const report = await run('BitstringStatusList', credential, { [url]: await listCredential('BitstringStatusList', url, { signer: service }), [DID_URL]: document }, { trust });
    expect(statusOf(report).code, JSON.stringify(report.checks)).toBe('STATUS_ACTIVE');
    expect(statusOf(report).details?.listAuthenticated).toBe(true);
    expect(statusOf(report).details?.listKey).toBe(service.method);
    expect(report.verdict).toBe('verified');
  });

  it('a key the issuer\'s DID document does not list is not the issuer\'s: "not revoked" stays a warning', async () => {
    const service = newIssuer();
    const { issuer, document } = webIssuer(undefined);
    const credential = await credentialNaming('BitstringStatusList', url, issuer);
    const report = await run('BitstringStatusList', credential, { [url]: await listCredential('BitstringStatusList', url, { signer: service }), [DID_URL]: document });
    expect(statusOf(report).code).toBe('STATUS_LIST_UNVERIFIED');
    expect(statusOf(report).message).toContain(`key ${service.method}`);
    expect(report.verdict).toBe('warning');
  });

  it('a key the document lists only for authentication (not assertionMethod) does not authorise the list', async () => {
    const service = newIssuer();
    const { issuer, document } = webIssuer(undefined);
    const credential = await credentialNaming('BitstringStatusList', url, issuer);
    const served = { ...document, authentication: [service.method] };
    const report = await run('BitstringStatusList', credential, { [url]: await listCredential('BitstringStatusList', url, { signer: service }), [DID_URL]: served });
    expect(statusOf(report).code).toBe('STATUS_LIST_UNVERIFIED');
  });
});
