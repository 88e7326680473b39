import { describe, expect, it } from 'vitest';
import { memoryBundle } from '../../../../lib/io/index.js';
import { verify } from '../../../../lib/verify.js';
import type { VerificationReport } from '../../../../lib/report.js';
import { encodedList, newKey, openBadge, signDi } from './sign.js';

const OB_WITH_EXTENSIONS = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
];
const at = new Date('2026-11-28T00:00:00Z');
const offline = { offline: true, at } as const;

function code(report: VerificationReport, id: string): string | undefined {
  return report.checks.find((c) => c.id === id)?.code;
}

describe('vc-di handler: proofs and keys', () => {
  it('verifies an Open Badge 3.0 signed by its did:key issuer, with its achievement in the summary', async () => {
    const key = newKey();
    const report = await verify(await signDi(openBadge(key.did), key), offline);
    expect(report.format).toBe('vc-di');
    expect(code(report, 'proof')).toBe('DI_PROOF_VALID');
    expect(code(report, 'issuer-key')).toBe('KEY_VALID');
    expect(code(report, 'schema')).toBe('SCHEMA_VALID');
    expect(['verified', 'warning']).toContain(report.verdict);
    expect(report.credential?.achievement?.name).toBe('Teamwork');
    expect(report.credential?.achievement?.criteria).toBe('Nominated by peers.');
    expect(report.credential?.issuer?.name).toBe('Example University');
  });

  it('verifies an ecdsa-rdfc-2019 P-256 credential', async () => {
    const key = newKey('P-256');
    const report = await verify(await signDi(openBadge(key.did), key), offline);
    expect(code(report, 'proof')).toBe('DI_PROOF_VALID');
  });

  it('rejects a credential when a claim was tampered with', async () => {
    const key = newKey();
    const signed = await signDi(openBadge(key.did), key);
    const tampered = { ...signed, name: 'Leadership Badge' };
    const report = await verify(tampered, offline);
    expect(code(report, 'proof')).toBe('DI_SIGNATURE_INVALID');
    expect(report.verdict).toBe('invalid');
  });

  it('rejects a credential when the proof value was tampered with', async () => {
    const key = newKey();
    const signed = await signDi(openBadge(key.did), key);
    const proof = signed.proof as Record<string, string>;
    const value = proof.proofValue as string;
    const flipped = value.slice(0, 10) + (value[10] === 'A' ? 'B' : 'A') + value.slice(11);
    const report = await verify({ ...signed, proof: { ...proof, proofValue: flipped } }, offline);
    expect(code(report, 'proof')).toBe('DI_SIGNATURE_INVALID');
    expect(report.verdict).toBe('invalid');
  });

  it('rejects a proof whose cryptosuite does not fit the key (wrong cryptosuite)', async () => {
    const key = newKey();
    const report = await verify(await signDi(openBadge(key.did), key, { cryptosuite: 'ecdsa-rdfc-2019' }), offline);
    expect(code(report, 'proof')).toBe('DI_CRYPTOSUITE_KEY_MISMATCH');
    expect(report.verdict).toBe('invalid');
  });

  it('reports an unknown cryptosuite as unverifiable', async () => {
    const key = newKey();
    const report = await verify(await signDi(openBadge(key.did), key, { cryptosuite: 'eddsa-rdfc-2099' }), offline);
    expect(code(report, 'proof')).toBe('DI_CRYPTOSUITE_UNSUPPORTED');
    expect(report.verdict).toBe('unverifiable');
  });

  it('rejects a proof whose purpose is not assertionMethod', async () => {
    const key = newKey();
    const report = await verify(await signDi(openBadge(key.did), key, { proofPurpose: 'authentication' }), offline);
    expect(code(report, 'proof')).toBe('DI_PROOF_PURPOSE_INVALID');
    expect(report.verdict).toBe('invalid');
  });

  it('rejects a credential signed by a key the issuer does not control (controller ≠ issuer)', async () => {
    const key = newKey();
    const other = newKey();
    const report = await verify(await signDi(openBadge(other.did), key), offline);
    expect(code(report, 'issuer-key')).toBe('KEY_CONTROLLER_MISMATCH');
    expect(report.verdict).toBe('invalid');
  });

  it('rejects a key that the issuer lists only for authentication, not in assertionMethod', async () => {
    const key = newKey();
    const issuer = 'https://issuer.example/issuers/1';
    const methodId = `${issuer}#key-1`;
    const controllerDocument = {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: issuer,
      verificationMethod: [{ id: methodId, type: 'Multikey', controller: issuer, publicKeyMultibase: key.multibase }],
      authentication: [methodId],
      assertionMethod: [],
    };
    const signed = await signDi(openBadge(issuer), key, { methodId });
    const report = await verify(signed, { ...offline, resources: memoryBundle({ [issuer]: controllerDocument }) });
    expect(code(report, 'issuer-key')).toBe('KEY_NOT_AUTHORISED');
    expect(report.verdict).toBe('invalid');
    const authorised = await verify(signed, { ...offline, resources: memoryBundle({ [issuer]: { ...controllerDocument, assertionMethod: [methodId] } }) });
    expect(code(authorised, 'proof')).toBe('DI_PROOF_VALID');
  });

  it('reports a credential with an unknown JSON-LD context as unverifiable (never fetched)', async () => {
    const key = newKey();
    const vc = openBadge(key.did);
    vc['@context'] = [...(vc['@context'] as string[]), 'https://contexts.example/unknown/v1'];
    let fetched = false;
    const report = await verify(await signWithBundle(vc, key), { at, fetch: async () => { fetched = true; throw new Error('no'); } });
    expect(code(report, 'proof')).toBe('DI_CONTEXT_UNKNOWN');
    expect(report.verdict).toBe('unverifiable');
    expect(fetched).toBe(false);
  });

  it('rejects a credential with a property its contexts do not define (undefined term, safe mode)', async () => {
    const key = newKey();
    const vc = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: 'urn:uuid:0b6e1d7e-2b8f-4a51-9c55-5a2f7d3c9e10',
      type: ['VerifiableCredential'],
      issuer: key.did,
      validFrom: '2025-01-01T00:00:00Z',
      credentialSubject: { id: 'did:example:learner' },
    };
    const signed = await signDi(vc, key);
    expect(code(await verify(signed, offline), 'proof')).toBe('DI_PROOF_VALID');
    const report = await verify({ ...signed, credentialSubject: { id: 'did:example:learner', favouriteColour: 'blue' } }, offline);
    expect(code(report, 'proof')).toBe('DI_UNDEFINED_TERM');
    expect(report.verdict).toBe('invalid');
  });

  it('rejects an ecdsa-sd-2023 base proof presented directly', async () => {
    const key = newKey('P-256');
    const signed = await signDi(openBadge(key.did), key);
    const base = `u${Buffer.from([0xd9, 0x5d, 0x00, 0x85]).toString('base64url')}`;
    const report = await verify({ ...signed, proof: { ...(signed.proof as object), cryptosuite: 'ecdsa-sd-2023', proofValue: base } }, offline);
    expect(code(report, 'proof')).toBe('DI_SD_BASE_PROOF');
    expect(report.verdict).toBe('invalid');
  });

  it('accepts one valid proof of an Open Badge proof set, and names it', async () => {
    const key = newKey();
    const signed = await signDi(openBadge(key.did), key);
    const bogus = { ...(signed.proof as object), proofValue: 'z3' + 'A'.repeat(80) };
    const report = await verify({ ...signed, proof: [bogus, signed.proof] }, offline);
    const proof = report.checks.find((c) => c.id === 'proof');
    expect(proof?.code).toBe('DI_PROOF_VALID');
    expect(proof?.details?.verifiedProof).toBe(1);
  });
});

async function signWithBundle(vc: Record<string, unknown>, key: ReturnType<typeof newKey>): Promise<Record<string, unknown>> {
  // The signature is irrelevant: verification must stop at the context before any fetch.
  const known = { ...vc, '@context': (vc['@context'] as string[]).slice(0, 2) };
  const signed = await signDi(known, key);
  return { ...signed, '@context': vc['@context'] };
}

describe('vc-di handler: status lists', () => {
  const listUrl = 'https://issuer.example/status/1';

  async function withStatus(purpose: 'revocation' | 'suspension', index: number, list: { bytes?: number; set?: number[]; tamper?: boolean; listPurpose?: string }) {
    const key = newKey();
    const vc = openBadge(key.did, {
      credentialStatus: { id: `${listUrl}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: purpose, statusListIndex: String(index), statusListCredential: listUrl },
    });
    const listVc = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: listUrl,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: key.did,
      validFrom: '2025-01-01T00:00:00Z',
      credentialSubject: { id: `${listUrl}#list`, type: 'BitstringStatusList', statusPurpose: list.listPurpose ?? purpose, encodedList: encodedList(list.bytes ?? 16384, list.set ?? []) },
    };
    let signedList = await signDi(listVc, key);
    if (list.tamper) signedList = { ...signedList, credentialSubject: { ...listVc.credentialSubject, encodedList: encodedList(16384, [1, 2, 3]) } };
    return verify(await signDi(vc, key), { ...offline, resources: memoryBundle({ [listUrl]: signedList }) });
  }

  it('passes a credential whose bit is clear', async () => {
    const report = await withStatus('revocation', 42, { set: [41, 43] });
    expect(code(report, 'status')).toBe('STATUS_ACTIVE');
  });

  it('rejects a revoked credential', async () => {
    const report = await withStatus('revocation', 42, { set: [42] });
    expect(code(report, 'status')).toBe('STATUS_REVOKED');
    expect(report.verdict).toBe('invalid');
  });

  it('rejects a suspended credential with its own code', async () => {
    const report = await withStatus('suspension', 7, { set: [7] });
    expect(code(report, 'status')).toBe('STATUS_SUSPENDED');
    expect(report.verdict).toBe('invalid');
  });

  it('warns, never verifies, when the status list was tampered with', async () => {
    const report = await withStatus('revocation', 42, { tamper: true });
    expect(code(report, 'status')).toBe('STATUS_LIST_UNVERIFIED');
    expect(report.verdict).toBe('warning');
  });

  it('warns when the status list is shorter than the 16 KiB minimum', async () => {
    const report = await withStatus('revocation', 3, { bytes: 64 });
    expect(code(report, 'status')).toBe('STATUS_LIST_TOO_SHORT');
    expect(report.verdict).toBe('warning');
  });

  it('warns when the index lies outside the list', async () => {
    const report = await withStatus('revocation', 16384 * 8 + 5, {});
    expect(code(report, 'status')).toBe('STATUS_INDEX_OUT_OF_RANGE');
    expect(report.verdict).toBe('warning');
  });

  it('warns when the list serves another purpose', async () => {
    const report = await withStatus('revocation', 3, { listPurpose: 'suspension' });
    expect(code(report, 'status')).toBe('STATUS_PURPOSE_MISMATCH');
  });

  it('warns when the status list cannot be read offline', async () => {
    const key = newKey();
    const vc = openBadge(key.did, { credentialStatus: { id: `${listUrl}#1`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '1', statusListCredential: listUrl } });
    const report = await verify(await signDi(vc, key), offline);
    expect(code(report, 'status')).toBe('STATUS_LIST_UNAVAILABLE');
    expect(report.verdict).toBe('warning');
  });
});

describe('vc-di handler: Open Badges 3.0 refresh, recipient and endorsements', () => {
  it('keeps the original when the refresh service returns a forged credential', async () => {
    const key = newKey();
    const forger = newKey();
    const refreshUrl = 'https://issuer.example/refresh/1';
    const vc = openBadge(key.did, { refreshService: { id: refreshUrl, type: '1EdTechCredentialRefresh' }, '@context': OB_WITH_EXTENSIONS });
    const forged = await signDi(openBadge(key.did, { name: 'Forged' }), forger, { methodId: key.methodId });
    const report = await verify(await signDi(vc, key), { ...offline, resources: memoryBundle({ [refreshUrl]: forged }) });
    expect(code(report, 'refresh')).toBe('REFRESH_FAILED');
    expect(code(report, 'proof')).toBe('DI_PROOF_VALID');
    expect(report.verdict).toBe('warning');
  });

  it('uses a refreshed copy that verifies', async () => {
    const key = newKey();
    const refreshUrl = 'https://issuer.example/refresh/2';
    const vc = openBadge(key.did, { refreshService: { id: refreshUrl, type: '1EdTechCredentialRefresh' }, '@context': OB_WITH_EXTENSIONS });
    const fresh = await signDi(openBadge(key.did), key);
    const report = await verify(await signDi(vc, key), { ...offline, resources: memoryBundle({ [refreshUrl]: fresh }) });
    expect(code(report, 'refresh')).toBe('REFRESH_CURRENT');
  });

  it('matches a salted, hashed email recipient and rejects another person', async () => {
    const key = newKey();
    const hash = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('ada@example.orgpepper'))).toString('hex');
    const vc = openBadge(key.did);
    const subject = vc.credentialSubject as Record<string, unknown>;
    delete subject.id;
    subject.identifier = [{ type: 'IdentityObject', hashed: true, identityHash: `sha256$${hash}`, identityType: 'emailAddress', salt: 'pepper' }];
    const signed = await signDi(vc, key);
    expect(code(await verify(signed, { ...offline, recipient: 'email:ada@example.org' }), 'recipient')).toBe('RECIPIENT_MATCH');
    const other = await verify(signed, { ...offline, recipient: 'email:eve@example.org' });
    expect(code(other, 'recipient')).toBe('RECIPIENT_MISMATCH');
    expect(other.verdict).toBe('invalid');
  });

  it('warns about an embedded endorsement with a bad proof, with its report nested', async () => {
    const key = newKey();
    const endorser = newKey();
    const endorsement = await signDi(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
        id: 'urn:uuid:endorsement-1',
        type: ['VerifiableCredential', 'EndorsementCredential'],
        issuer: { id: endorser.did, type: ['Profile'], name: 'Endorser' },
        validFrom: '2025-01-01T00:00:00Z',
        name: 'Endorsement',
        credentialSubject: { id: 'https://example.edu/achievements/teamwork', type: ['EndorsementSubject'], endorsementComment: 'Good' },
      },
      endorser,
    );
    const good = await verify(await signDi(openBadge(key.did, { endorsement: [endorsement] }), key), offline);
    expect(code(good, 'endorsements')).toBe('ENDORSEMENTS_VALID');
    const bad = { ...endorsement, name: 'Tampered endorsement' };
    const report = await verify(await signDi(openBadge(key.did, { endorsement: [bad] }), key), offline);
    const c = report.checks.find((x) => x.id === 'endorsements');
    expect(c?.code).toBe('ENDORSEMENT_INVALID');
    expect((c?.details?.endorsements as Array<{ verdict: string }>)[0]?.verdict).toBe('invalid');
    expect(report.verdict).toBe('warning');
  });

  it('warns (never invalid) about a genuine Open Badge whose issuer.image is a URL string, naming the member and what the schema expects', async () => {
    const key = newKey();
    const vc = openBadge(key.did, { issuer: { id: key.did, type: ['Profile'], name: 'Example University', image: 'https://example.edu/logo.png' } });
    const report = await verify(await signDi(vc, key), offline);
    expect(code(report, 'proof')).toBe('DI_PROOF_VALID');
    const schema = report.checks.find((c) => c.id === 'schema');
    expect(schema?.code).toBe('SCHEMA_INVALID');
    expect(schema?.status).toBe('warn');
    expect(schema?.message).toMatch(/"issuer\.image" must be object/);
    expect(report.verdict).toBe('warning');
  });

  it('warns about a signed Open Badge whose achievement lacks the criteria the 1EdTech schema requires', async () => {
    const key = newKey();
    const vc = openBadge(key.did);
    delete ((vc.credentialSubject as Record<string, unknown>).achievement as Record<string, unknown>).criteria;
    const report = await verify(await signDi(vc, key), offline);
    const schema = report.checks.find((c) => c.id === 'schema');
    expect(schema?.code).toBe('SCHEMA_INVALID');
    expect(schema?.message).toContain('credentialSubject.achievement.criteria');
    expect(code(report, 'proof')).toBe('DI_PROOF_VALID');
    // Conformance is not authenticity: a genuine credential that breaks the schema is a warning naming the member.
    expect(report.verdict).toBe('warning');
  });

  it('checks a signed CLR 2.0 ClrCredential against the CLR schema, and warns about one whose subject holds no credentials', async () => {
    const key = newKey();
    const clr = (subject: Record<string, unknown>): Record<string, unknown> => ({
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      id: 'urn:uuid:2a7f0d3e-5c1b-4c7e-9a3e-0f2b6c1d8e02',
      type: ['VerifiableCredential', 'ClrCredential'],
      issuer: { id: key.did, type: ['Profile'], name: 'Example University' },
      validFrom: '2025-01-01T00:00:00Z',
      name: 'Transcript of Example Learner',
      credentialSubject: { id: 'did:example:learner', type: ['ClrSubject'], ...subject },
    });
    const badge = await signDi(openBadge(key.did), key);
    const good = await verify(await signDi(clr({ verifiableCredential: [badge] }), key), offline);
    expect(code(good, 'proof')).toBe('DI_PROOF_VALID');
    expect(code(good, 'schema')).toBe('SCHEMA_VALID');
    expect(good.checks.find((c) => c.id === 'schema')?.message).toContain('CLR 2.0 ClrCredential schema');

    const bad = await verify(await signDi(clr({}), key), offline);
    const schema = bad.checks.find((c) => c.id === 'schema');
    expect(code(bad, 'proof')).toBe('DI_PROOF_VALID');
    expect(schema?.code).toBe('SCHEMA_INVALID');
    expect(schema?.details?.missing).toBe('credentialSubject.verifiableCredential');
    expect(bad.verdict).toBe('warning');
  });
});
