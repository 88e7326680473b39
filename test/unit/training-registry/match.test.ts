import { describe, expect, it } from 'vitest';
import { codeKey, matchRegistries, registryClaimsOf, sameLegalIdentifier } from '../../../lib/training-registry/index.js';
import { registryCheck } from '../../../lib/training-registry/check.js';
import { sampleRegistries } from '../../support/registries.js';

const { rncp, mcf, own } = sampleRegistries();

/** An Open Badges 3.0 credential (unsigned: these tests read claims only) aligned to a registry code. */
function ob3(alignment: Record<string, unknown>[], options: { issued?: string; issuerLegal?: string; achievementId?: string } = {}): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: 'https://univ.example/issuer', type: ['Profile'], name: 'Université Exemple de Lyon' },
    validFrom: options.issued ?? '2025-06-30T00:00:00Z',
    credentialSubject: {
      id: 'did:example:learner',
      type: ['AchievementSubject'],
      achievement: { id: options.achievementId ?? 'https://univ.example/achievements/web', type: ['Achievement'], name: 'Développeur web', alignment },
    },
  };
}

function claimsOf(doc: Record<string, unknown>, legal?: string) {
  return registryClaimsOf(doc, { types: [], issued: doc.validFrom as string, ...(legal ? { issuer: { legalIdentifier: legal } } : {}) }, undefined, ['RNCP', 'RS']);
}

describe('codes as credentials write them', () => {
  it('unifies France Compétences codes and pages', () => {
    expect(codeKey('RNCP 99901')).toBe('RNCP99901');
    expect(codeKey('rncp-99901')).toBe('RNCP99901');
    expect(codeKey('https://www.francecompetences.fr/recherche/rncp/99901/')).toBe('RNCP99901');
    expect(codeKey('https://francecompetences.fr/recherche/rs/99903')).toBe('RS99903');
    expect(codeKey('RNCP99901 BC02')).toBe('RNCP99901BC02');
    expect(codeKey(' qf-ex-0001 ')).toBe('QF-EX-0001');
  });
  it('matches a SIREN to the SIRETs of its establishments, and nothing else', () => {
    expect(sameLegalIdentifier('FR:12345678900011', '123456789')).toBe(true);
    expect(sameLegalIdentifier('SIRET 123 456 789 00011', 'FR-12345678900011')).toBe(true);
    expect(sameLegalIdentifier('FR:12345678900011', '12345678900029')).toBe(false);
    expect(sameLegalIdentifier('FR:12345678900011', '987654321')).toBe(false);
  });
});

describe('matching a credential against registries', () => {
  it('finds an OB 3.0 alignment to an RNCP code, in force on the date of issue, eligible, with the issuer as certifier', () => {
    const claims = claimsOf(ob3([{ type: ['Alignment'], targetName: 'RNCP', targetCode: 'RNCP99901', targetUrl: 'https://www.francecompetences.fr/recherche/rncp/99901/' }]), 'FR:123456789');
    expect(claims.claimed).toContain('RNCP99901');
    const finding = matchRegistries(claims, [rncp]);
    expect(finding).toMatchObject({
      outcome: 'listed',
      registry: { id: 'fr:france-competences:rncp-rs', country: 'FR', fundingScheme: 'CPF (Mon Compte Formation)' },
      entry: { code: 'RNCP99901', level: { eqf: 5 }, eligible: true, registeredUntil: '2028-06-01', blocks: 3 },
      providerIsIssuer: true,
    });
  });
  it('says the provider is not the issuer when the legal identifiers differ', () => {
    const finding = matchRegistries(claimsOf(ob3([{ targetCode: 'RNCP99901' }]), 'FR:999999999'), [rncp]);
    expect(finding.providerIsIssuer).toBe(false);
  });
  it('leaves provider matching open when the credential states no legal identifier', () => {
    const finding = matchRegistries(claimsOf(ob3([{ targetCode: 'RNCP99901' }])), [rncp]);
    expect(finding.outcome).toBe('listed');
    expect(finding.providerIsIssuer).toBeUndefined();
  });
  it('reports a block of a qualification (a credential for one "bloc de compétences")', () => {
    const finding = matchRegistries(claimsOf(ob3([{ targetCode: 'RNCP99901BC02' }])), [rncp]);
    expect(finding.outcome).toBe('listed');
    expect(finding.block).toEqual({ code: 'RNCP99901BC02', title: "Développer la partie back-end d'une application web" });
  });
  it('is lapsed when the registration had ended before the date of issue', () => {
    const finding = matchRegistries(claimsOf(ob3([{ targetCode: 'RNCP99902' }], { issued: '2023-03-01T00:00:00Z' })), [rncp]);
    expect(finding.outcome).toBe('lapsed');
  });
  it('is lapsed when the registration had not begun on the date of issue', () => {
    const finding = matchRegistries(claimsOf(ob3([{ targetCode: 'RNCP99901' }], { issued: '2023-01-15T00:00:00Z' })), [rncp]);
    expect(finding.outcome).toBe('lapsed');
  });
  it('counts the last day of a registration as in force', () => {
    const finding = matchRegistries(claimsOf(ob3([{ targetCode: 'RNCP99902' }], { issued: '2021-12-31T23:00:00Z' })), [rncp]);
    expect(finding.outcome).toBe('listed');
  });
  it('prefers a registry whose listing is in force over an earlier lapsed one', () => {
    const lapsedFirst = { ...rncp, id: 'old', entries: rncp.entries.map((e) => (e.code === 'RNCP99901' ? { ...e, registeredUntil: '2020-01-01' } : e)) };
    const finding = matchRegistries(claimsOf(ob3([{ targetCode: 'RNCP99901' }])), [lapsedFirst, mcf]);
    expect(finding.outcome).toBe('listed');
    expect(finding.registry?.id).toBe('fr:caisse-des-depots:mon-compte-formation');
  });
  it('is not listed when no registry has the code, and keeps the claim', () => {
    const finding = matchRegistries(claimsOf(ob3([{ targetCode: 'RNCP12' }])), [rncp, mcf]);
    expect(finding).toEqual({ outcome: 'not-listed', claimed: ['RNCP12'] });
  });
  it('matches an ELM credential by its qualification identifier and an alias URI', () => {
    const elmDoc = {
      type: ['VerifiableCredential', 'EuropeanDigitalCredential'],
      issuer: { id: 'urn:org', legalIdentifier: { notation: 'NL-KVK-41001234', spatial: { id: 'http://publications.europa.eu/resource/authority/country/NLD' } } },
      credentialSubject: {
        id: 'did:example:learner',
        hasClaim: { type: 'LearningAchievement', specifiedBy: { id: 'urn:epass:qualification:example-0001', type: 'Qualification', title: { en: 'Master' } } },
      },
    };
    const claims = registryClaimsOf(elmDoc, { types: [], issued: '2026-07-01' }, undefined, []);
    const finding = matchRegistries(claims, [own]);
    expect(finding).toMatchObject({ outcome: 'listed', matchedBy: 'urn:epass:qualification:example-0001', providerIsIssuer: true, entry: { ects: 120 } });
  });
  it("never matches the learner's own id", () => {
    const doc = ob3([]);
    (doc.credentialSubject as Record<string, unknown>).id = 'RNCP99901';
    expect(matchRegistries(claimsOf(doc), [rncp]).outcome).toBe('not-listed');
  });
});

describe('the registry check', () => {
  const input = (doc: Record<string, unknown>, profile?: 'eu-microcredential', registries = [rncp]) => ({
    document: doc,
    credential: { types: [], issued: doc.validFrom as string },
    microcredential: undefined,
    registries,
    profile,
  });
  it('is information when nothing is configured', () => {
    expect(registryCheck(input(ob3([{ targetCode: 'RNCP99901' }]), undefined, [])).check).toMatchObject({ id: 'registry', code: 'REGISTRY_NONE', status: 'skip' });
  });
  it('passes with the listing in words', () => {
    const { check } = registryCheck(input(ob3([{ targetCode: 'RNCP99901' }])));
    expect(check.code).toBe('REGISTRY_LISTED');
    expect(check.message).toMatch(/RNCP99901 “Développeur d'applications web” \(EQF 5, eligible for CPF \(Mon Compte Formation\) funding\)/);
  });
  it('is information, not a warning, for a lapsed or unlisted claim outside the EU profile', () => {
    expect(registryCheck(input(ob3([{ targetCode: 'RNCP99902' }], { issued: '2024-01-01T00:00:00Z' }))).check).toMatchObject({ code: 'REGISTRY_LAPSED', status: 'skip' });
    expect(registryCheck(input(ob3([{ targetCode: 'RNCP4242' }]))).check).toMatchObject({ code: 'REGISTRY_NOT_LISTED', status: 'skip' });
  });
  it('warns under the EU profile when the credential claims a listing the registries do not confirm', () => {
    const lapsed = registryCheck(input(ob3([{ targetCode: 'RNCP99902' }], { issued: '2024-01-01T00:00:00Z' }), 'eu-microcredential')).check;
    expect(lapsed).toMatchObject({ code: 'REGISTRY_CLAIM_UNCONFIRMED', status: 'warn' });
    expect(lapsed.message).toMatch(/not in force on the date of issue \(2019-01-15 to 2021-12-31\)/);
    expect(registryCheck(input(ob3([{ targetCode: 'RNCP4242' }]), 'eu-microcredential')).check.code).toBe('REGISTRY_CLAIM_UNCONFIRMED');
  });
  it('does not warn under the EU profile when the credential claims nothing', () => {
    expect(registryCheck(input(ob3([]), 'eu-microcredential')).check.code).toBe('REGISTRY_NOT_LISTED');
  });
});
