import { describe, expect, it } from 'vitest';
import { mapMicrocredential, stackCredentials } from '../../../../lib/validate/eu/index.js';
import type { VerificationReport } from '../../../../lib/report.js';
import { elmMicrocredential } from '../../../support/jades.js';

const ob3 = (omit: string[] = []): Record<string, unknown> => ({
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'did:web:uni.example', type: ['Profile'], name: 'Uni Example', address: { type: ['Address'], addressCountryCode: 'DE' } },
  validFrom: '2026-01-01T00:00:00Z',
  credentialSubject: {
    type: ['AchievementSubject'],
    identifier: [{ type: 'IdentityObject', identityHash: 'ana@example.org', identityType: 'emailAddress', hashed: false }],
    ...(omit.includes('assessment') ? {} : { result: [{ type: ['Result'], value: 'A' }] }),
    achievement: {
      id: 'https://uni.example/a/1',
      type: ['Achievement'],
      achievementType: 'MicroCredential',
      name: 'Applied Statistics',
      criteria: { narrative: 'Pass the exam' },
      ...(omit.includes('workload') ? {} : { creditsAvailable: 4 }),
      alignment: [
        { type: ['Alignment'], targetName: 'EQF level 5', targetUrl: 'http://data.europa.eu/snb/eqf/5', targetFramework: 'EQF' },
        { type: ['Alignment'], targetName: 'Builds regression models', targetUrl: 'https://esco.example/skill/1' },
      ],
      ...(omit.includes('participation') ? {} : { modeOfParticipation: 'online' }),
      ...(omit.includes('qualityAssurance') ? {} : { qualityAssurance: 'Accredited by AQAS' }),
    },
  },
});

describe('mapMicrocredential', () => {
  it('maps a complete ELM micro-credential (native) with the source of each element', () => {
    const p = mapMicrocredential('edc', elmMicrocredential());
    expect(p?.missing).toEqual([]);
    expect(p?.complete).toBe(true);
    expect(p?.claimsMicrocredential).toBe(true);
    expect(p?.elements.workload.value).toEqual({ ects: 3, volumeOfLearning: 'PT75H' });
    expect(p?.elements.level.value).toEqual({ eqf: 6 });
    expect(p?.elements.issuerCountry.value).toBe('ES');
    expect(p?.elements.workload.source).toContain('creditPoint');
  });

  it('reports the elements an ELM micro-credential lacks', () => {
    const p = mapMicrocredential('edc', elmMicrocredential({ omit: ['level', 'participation', 'qualityAssurance'] }));
    expect(p?.missing).toEqual(['level', 'participation', 'qualityAssurance']);
    expect(p?.complete).toBe(false);
  });

  it('maps a complete Open Badges 3.0 micro-credential (achievementType MicroCredential, EQF alignment, creditsAvailable)', () => {
    const p = mapMicrocredential('vc-di', ob3());
    expect(p?.missing).toEqual([]);
    expect(p?.claimsMicrocredential).toBe(true);
    expect(p?.elements.level.value).toEqual({ eqf: 5 });
    expect(p?.elements.learningOutcomes.value).toEqual(['Builds regression models']);
  });

  it('reports what an Open Badges 3.0 micro-credential lacks', () => {
    const p = mapMicrocredential('vc-jwt', ob3(['workload', 'participation', 'qualityAssurance', 'assessment']));
    expect(p?.missing).toEqual(['workload', 'assessment', 'participation', 'qualityAssurance']);
  });

  it('maps an SD-JWT VC learning credential with OB 3.0 structure, and flat claims', () => {
    expect(mapMicrocredential('sd-jwt-vc', { vct: 'urn:eudi:micro_credential:1', ...ob3() })?.missing).toEqual([]);
    const flat = mapMicrocredential('sd-jwt-vc', { vct: 'urn:eudi:micro_credential:1', given_name: 'Ana', family_name: 'García', title: 'Statistics', issuing_country: 'ES', awarding_body: 'Uni', date_of_issuance: '2026-01-01', learning_outcomes: ['x'], ects_credits: 2, eqf_level: 5, assessment_type: 'exam', form_of_participation: 'online' });
    expect(flat?.missing).toEqual(['qualityAssurance']);
    expect(flat?.claimsMicrocredential).toBe(true);
  });

  it('maps an EBSI diploma (achieved, wasAwardedBy, specifiedBy)', () => {
    const doc = {
      type: ['VerifiableCredential', 'VerifiableAttestation', 'VerifiableDiploma'],
      issuanceDate: '2026-01-01T00:00:00Z',
      credentialSubject: {
        id: 'did:key:z6Mk',
        familyName: 'García',
        givenNames: 'Ana',
        achieved: [{ title: 'Master of Science', wasAwardedBy: { awardingBody: ['did:ebsi:zUni'], awardingDate: '2025-07-01', awardingLocation: ['http://publications.europa.eu/resource/authority/country/ESP'] }, specifiedBy: [{ title: 'MSc', eqfLevel: 'http://data.europa.eu/snb/eqf/7', ectsCreditPoints: 120 }], wasDerivedFrom: [{ title: 'Overall assessment' }] }],
      },
    };
    const p = mapMicrocredential('ebsi-jwt', doc);
    expect(p?.elements.level.value).toEqual({ eqf: 7 });
    expect(p?.elements.issuerCountry.value).toBe('ES');
    expect(p?.missing).toEqual(['learningOutcomes', 'participation', 'qualityAssurance']);
  });

  it('maps what Open Badges 2.0 can carry (partial) and never claims completeness', () => {
    const p = mapMicrocredential('ob2-hosted', { type: 'Assertion', recipient: { identity: 'ana@example.org' }, issuedOn: '2026-01-01', badge: { name: 'Stats', issuer: { name: 'Uni' }, alignment: [{ targetName: 'Regression' }] } });
    expect(p?.elements.title.present).toBe(true);
    expect(p?.complete).toBe(false);
    expect(p?.missing).toContain('workload');
  });
});

describe('stackCredentials', () => {
  const report = (verdict: VerificationReport['verdict'], doc: Record<string, unknown>): VerificationReport => ({ verdict, format: 'edc', checks: [], verifiedAt: '', microcredential: mapMicrocredential('edc', doc) });

  it('sums ECTS and lists EQF levels of one learner, leaving out invalid credentials', () => {
    const stack = stackCredentials([report('verified', elmMicrocredential()), report('warning', elmMicrocredential()), report('invalid', elmMicrocredential())]);
    expect(stack.counted).toBe(2);
    expect(stack.ects).toBe(6);
    expect(stack.levels).toEqual([{ eqf: 6, count: 2 }]);
    expect(stack.excluded).toEqual([{ index: 2, reason: 'verdict invalid' }]);
  });
});
