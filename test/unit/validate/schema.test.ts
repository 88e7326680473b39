import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaCheck } from '../../../lib/validate/schema/index.js';

const AC_SCHEMA_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
const SOURCES = join(__dirname, '../../../lib/validate/schema/sources');
const GENERATED = join(__dirname, '../../../lib/validate/generated');

function achievement(): Record<string, unknown> {
  return {
    id: 'https://example.edu/achievements/teamwork',
    type: ['Achievement'],
    criteria: { narrative: 'Nominated by peers.' },
    description: 'Collaborates within a group.',
    name: 'Teamwork',
  };
}

/** An OB 3.0 AchievementCredential on the VC 2.0 data model (no proof needed for a schema check). */
function vc2(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:7f1c2a34-7a61-4f4e-9d2a-3c3f4b7e1a01',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: 'did:example:issuer', type: ['Profile'], name: 'Example University' },
    validFrom: '2025-01-01T00:00:00Z',
    name: 'Teamwork Badge',
    credentialSubject: { id: 'did:example:learner', type: ['AchievementSubject'], achievement: achievement() },
    ...extra,
  };
}

/** The same badge on the VC 1.1 data model (OB 3.0.0 as first published). */
function vc1(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context.json'],
    id: 'urn:uuid:7f1c2a34-7a61-4f4e-9d2a-3c3f4b7e1a02',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: 'did:example:issuer', type: 'Profile', name: 'Example University' },
    issuanceDate: '2023-01-01T00:00:00Z',
    name: 'Teamwork Badge',
    credentialSubject: { id: 'did:example:learner', type: 'AchievementSubject', achievement: achievement() },
    ...extra,
  };
}

describe('schema: the 1EdTech Open Badges 3.0 AchievementCredential schemas', () => {
  it('accepts a conforming VC 2.0 badge against the VC 2.0 variant, with a single proof object', async () => {
    const c = await schemaCheck(vc2({ proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod' } }));
    expect(c.code).toBe('SCHEMA_VALID');
    expect(c.message).toContain('(VC 2.0)');
  });

  it('accepts a conforming VC 1.1 badge against the VC 1.1 variant (string types allowed there)', async () => {
    const c = await schemaCheck(vc1());
    expect(c.code).toBe('SCHEMA_VALID');
    expect(c.message).toContain('(VC 1.1)');
  });

  it('rejects a VC 2.0 badge without validFrom, naming the member', async () => {
    const vc = vc2();
    delete vc.validFrom;
    const c = await schemaCheck(vc);
    expect(c.code).toBe('SCHEMA_INVALID');
    expect(c.status).toBe('warn');
    expect(c.details?.missing).toBe('validFrom');
    expect(c.message).toContain('"validFrom"');
  });

  it('rejects a VC 1.1 badge without a name, which that variant requires (VC 2.0 does not)', async () => {
    const v1 = vc1();
    delete v1.name;
    const c1 = await schemaCheck(v1);
    expect(c1.code).toBe('SCHEMA_INVALID');
    expect(c1.details?.missing).toBe('name');
    const v2 = vc2();
    delete v2.name;
    expect((await schemaCheck(v2)).code).toBe('SCHEMA_VALID');
  });

  it('rejects a badge whose achievement lacks its description, naming the nested member', async () => {
    const a = achievement();
    delete a.description;
    const c = await schemaCheck(vc2({ credentialSubject: { id: 'did:example:learner', type: ['AchievementSubject'], achievement: a } }));
    expect(c.code).toBe('SCHEMA_INVALID');
    expect(c.details?.missing).toBe('credentialSubject.achievement.description');
  });

  it('rejects an issuer Profile without its type, through the ProfileRef oneOf', async () => {
    const c = await schemaCheck(vc2({ issuer: { id: 'did:example:issuer', name: 'No type' } }));
    expect(c.code).toBe('SCHEMA_INVALID');
    expect(c.details?.missing).toBe('issuer.type');
  });

  it('rejects a VC 2.0 badge whose first context is not the VC 2.0 context the schema requires', async () => {
    const c = await schemaCheck(
      vc2({ '@context': ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'https://www.w3.org/ns/credentials/v2'] }),
    );
    // First context decides the variant: this one is checked as VC 1.1, which requires issuanceDate.
    expect(c.code).toBe('SCHEMA_INVALID');
  });

  it('rejects a date-time that is not a real date (format checked by ajv-formats, compiled ahead of time)', async () => {
    const c = await schemaCheck(vc2({ validFrom: '2025-02-30T00:00:00Z' }));
    expect(c.code).toBe('SCHEMA_INVALID');
    expect(c.message).toContain('validFrom');
  });

  it('rejects an identifier object with a member the schema does not allow (additionalProperties false)', async () => {
    const subject = {
      type: ['AchievementSubject'],
      achievement: achievement(),
      identifier: [{ type: 'IdentityObject', hashed: false, identityHash: 'a@example.com', identityType: 'emailAddress', extra: 1 }],
    };
    const c = await schemaCheck(vc2({ credentialSubject: subject }));
    expect(c.code).toBe('SCHEMA_INVALID');
  });

  it('checks an embedded endorsement against the EndorsementCredential definition of the schema', async () => {
    const endorsement = {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: 'urn:uuid:endorsement-1',
      type: ['VerifiableCredential', 'EndorsementCredential'],
      issuer: { id: 'did:example:endorser', type: ['Profile'] },
      validFrom: '2025-01-01T00:00:00Z',
      credentialSubject: { id: 'https://example.edu/achievements/teamwork', type: ['EndorsementSubject'] },
      proof: { type: 'DataIntegrityProof' },
    };
    const c = await schemaCheck(vc2({ endorsement: [endorsement] }));
    expect(c.code).toBe('SCHEMA_INVALID');
    expect(c.details?.missing).toBe('endorsement.0.name');
    expect((await schemaCheck(vc2({ endorsement: [{ ...endorsement, name: 'Endorsement' }] }))).code).toBe('SCHEMA_VALID');
  });
});

const CLR_SCHEMA_URL = 'https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json';

/** A CLR 2.0 ClrCredential holding one OB 3.0 badge (no proof needed for a schema check). */
function clr(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: 'urn:uuid:2a7f0d3e-5c1b-4c7e-9a3e-0f2b6c1d8e01',
    type: ['VerifiableCredential', 'ClrCredential'],
    issuer: { id: 'did:example:issuer', type: ['Profile'], name: 'Example University' },
    validFrom: '2025-01-01T00:00:00Z',
    name: 'Transcript of Example Learner',
    credentialSubject: { id: 'did:example:learner', type: ['ClrSubject'], verifiableCredential: [vc2()] },
    ...extra,
  };
}

describe('schema: the 1EdTech CLR 2.0 ClrCredential schema', () => {
  it('accepts a conforming ClrCredential by its type, without a declared schema', async () => {
    const c = await schemaCheck(clr({ proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' } }));
    expect(c.code).toBe('SCHEMA_VALID');
    expect(c.message).toContain('CLR 2.0 ClrCredential schema');
  });

  it('rejects a ClrCredential whose subject holds no verifiableCredential, naming the member', async () => {
    const c = await schemaCheck(clr({ credentialSubject: { id: 'did:example:learner', type: ['ClrSubject'] } }));
    expect(c.code).toBe('SCHEMA_INVALID');
    expect(c.status).toBe('warn');
    expect(c.details?.missing).toBe('credentialSubject.verifiableCredential');
  });

  it('rejects a ClrCredential without a name, which the CLR schema requires', async () => {
    const vc = clr();
    delete vc.name;
    const c = await schemaCheck(vc);
    expect(c.code).toBe('SCHEMA_INVALID');
    expect(c.details?.missing).toBe('name');
  });

  it('rejects a ClrCredential whose contexts lack the OB 3.0 context the schema requires third', async () => {
    const c = await schemaCheck(clr({ '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json'] }));
    expect(c.code).toBe('SCHEMA_INVALID');
  });

  it('validates against the declared CLR schema URL and reports its id when a member is missing', async () => {
    const declared = { credentialSchema: [{ id: CLR_SCHEMA_URL, type: '1EdTechJsonSchemaValidator2019' }] };
    expect((await schemaCheck(clr(declared))).code).toBe('SCHEMA_VALID');
    const broken = clr(declared);
    delete broken.validFrom;
    const c = await schemaCheck(broken);
    expect(c.code).toBe('SCHEMA_INVALID');
    expect(c.details?.schemaId).toBe(CLR_SCHEMA_URL);
    expect(c.details?.missing).toBe('validFrom');
  });

  it('does not impose the CLR schema on a ClrCredential without a CLR 2.0 context', async () => {
    const c = await schemaCheck(clr({ '@context': ['https://www.w3.org/ns/credentials/v2'] }));
    expect(c.code).toBe('SCHEMA_NONE');
  });
});

describe('schema: credentialSchema declarations', () => {
  it('validates against the declared 1EdTech schema URL, choosing the variant by data model', async () => {
    const declared = [{ id: AC_SCHEMA_URL, type: '1EdTechJsonSchemaValidator2019' }];
    const ok = await schemaCheck(vc2({ credentialSchema: declared }));
    expect(ok.code).toBe('SCHEMA_VALID');
    expect(ok.message).toContain('(VC 2.0)');
    const broken = vc1({ credentialSchema: declared });
    delete broken.issuanceDate;
    const c = await schemaCheck(broken);
    expect(c.code).toBe('SCHEMA_INVALID');
    expect(c.details?.schemaId).toBe(AC_SCHEMA_URL);
    expect(c.details?.missing).toBe('issuanceDate');
  });

  it('applies the declared OB 3.0 schema even to a credential that does not call itself an Open Badge', async () => {
    const vc = vc2({ type: ['VerifiableCredential'], credentialSchema: [{ id: AC_SCHEMA_URL, type: '1EdTechJsonSchemaValidator2019' }] });
    const c = await schemaCheck(vc);
    expect(c.code).toBe('SCHEMA_INVALID');
  });

  it('never reports a declared schema that is not shipped as passed', async () => {
    const other = 'https://example.org/schemas/degree.json';
    const plain = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential'],
      credentialSchema: { id: other, type: 'JsonSchema' },
    };
    const c = await schemaCheck(plain);
    expect(c.code).toBe('SCHEMA_NOT_SHIPPED');
    expect(c.details?.notChecked).toEqual([other]);
    const withOb = await schemaCheck(vc2({ credentialSchema: [{ id: AC_SCHEMA_URL, type: '1EdTechJsonSchemaValidator2019' }, { id: other, type: 'JsonSchema' }] }));
    expect(withOb.code).toBe('SCHEMA_VALID');
    expect(withOb.details?.notChecked).toEqual([other]);
    expect(withOb.message).toContain('not checked');
  });

  it('does not impose the 1EdTech schema on pre-release (plugfest) badges without an OB 3.0 context', async () => {
    const c = await schemaCheck({
      '@context': ['https://www.w3.org/2018/credentials/v1', 'https://w3c-ccg.github.io/vc-ed/plugfest-1-2022/jff-vc-edu-plugfest-1-context.json'],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
    });
    expect(c.code).toBe('SCHEMA_NONE');
  });
});

describe('schema: shipped files and generated validators', () => {
  it('ships the 1EdTech schema files unmodified, each with its recorded SHA-256', async () => {
    const sources = readFileSync(join(SOURCES, 'SOURCES.md'), 'utf8');
    const modules = JSON.parse(readFileSync(join(SOURCES, 'modules.json'), 'utf8')) as Record<string, string>;
    for (const path of Object.values(modules)) {
      const bytes = readFileSync(join(SOURCES, path));
      const digest = Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
      expect(sources, path).toContain(digest);
    }
  });

  it('generates validators that need no eval and no runtime require', () => {
    for (const file of readdirSync(GENERATED).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(GENERATED, file), 'utf8');
      expect(code, file).not.toMatch(/new Function|\beval\(|\brequire\(/);
    }
  });
});
