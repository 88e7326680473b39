import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { verify, type VerificationReport } from '../../../lib/index.js';
import { createOb2Issuer, fakeFetch, json, RECIPIENT_EMAIL } from '../../support/ob2-issuer.js';

const at = new Date('2026-11-28T00:00:00Z');

function codes(report: VerificationReport): Record<string, string> {
  return Object.fromEntries(report.checks.map((c) => [c.id, c.code]));
}

describe('Open Badges 2.0 hosted assertions', () => {
  it('verifies a hosted assertion published on the issuer\'s own origin', async () => {
    const issuer = await createOb2Issuer();
    const assertion = issuer.hostedAssertion('/assertions/1.json');
    const report = await verify(assertion, { fetch: fakeFetch(issuer.routes), at, recipient: `email:${RECIPIENT_EMAIL}` });
    expect(report.format).toBe('ob2-hosted');
    expect(codes(report)).toMatchObject({
      'hosted-origin': 'OB2_HOSTED_ORIGIN_VALID',
      validity: 'VALIDITY_OK',
      status: 'OB2_REVOCATION_LIST_NONE',
      recipient: 'OB2_RECIPIENT_MATCH',
    });
    expect(report.verdict).toBe('warning'); // authentic; no trust list configured
    expect(report.credential?.title).toBe('Robotics Foundations');
    expect(report.credential?.issuer?.name).toBe('Example University');
    expect(report.credential?.achievement?.criteria).toBe('Pass the robotics practical.');
    expect(report.credential?.evidence?.[0]?.description).toBe('Robot video');
  });

  it('rejects an assertion hosted off the origin the issuer allows', async () => {
    const issuer = await createOb2Issuer();
    // Anyone can publish a copy naming the real badge class on their own site.
    const forged = { ...issuer.hostedAssertion('/a.json'), id: 'https://attacker.example/a.json' };
    issuer.routes.set('https://attacker.example/a.json', json(forged));
    const report = await verify(forged, { fetch: fakeFetch(issuer.routes), at });
    expect(codes(report)['hosted-origin']).toBe('OB2_HOSTED_ORIGIN_MISMATCH');
    expect(report.verdict).toBe('invalid');
  });

  it('accepts another host only when the issuer lists it in allowedOrigins', async () => {
    const issuer = await createOb2Issuer('https://badges.example.edu', { verification: { type: 'hosted', allowedOrigins: ['cdn.example.net'] } });
    const moved = { ...issuer.hostedAssertion('/a.json'), id: 'https://cdn.example.net/a.json' };
    issuer.routes.set('https://cdn.example.net/a.json', json(moved));
    const ok = await verify(moved, { fetch: fakeFetch(issuer.routes), at });
    expect(codes(ok)['hosted-origin']).toBe('OB2_HOSTED_ORIGIN_VALID');
    // With allowedOrigins set, even the issuer's own host is no longer allowed.
    const own = issuer.hostedAssertion('/b.json');
    const report = await verify(own, { fetch: fakeFetch(issuer.routes), at });
    expect(codes(report)['hosted-origin']).toBe('OB2_HOSTED_ORIGIN_MISMATCH');
  });

  it('rejects a presented copy that differs from the hosted one', async () => {
    const issuer = await createOb2Issuer();
    const assertion = issuer.hostedAssertion('/assertions/1.json');
    const report = await verify({ ...assertion, issuedOn: '2020-01-01T00:00:00Z' }, { fetch: fakeFetch(issuer.routes), at });
    expect(codes(report)['hosted-origin']).toBe('OB2_HOSTED_COPY_MISMATCH');
    expect(report.verdict).toBe('invalid');
  });

  it('rejects an assertion the issuer no longer hosts (410 Gone)', async () => {
    const issuer = await createOb2Issuer();
    const assertion = issuer.hostedAssertion('/assertions/1.json');
    issuer.routes.set(String(assertion.id), () => new Response('gone', { status: 410 }));
    const report = await verify(assertion, { fetch: fakeFetch(issuer.routes), at });
    expect(codes(report)['hosted-origin']).toBe('OB2_HOSTED_NOT_FOUND');
    expect(report.verdict).toBe('invalid');
  });

  it('is unverifiable, never verified, when the issuer cannot be reached', async () => {
    const issuer = await createOb2Issuer();
    const assertion = issuer.hostedAssertion('/assertions/1.json');
    const report = await verify(assertion, { offline: true, at });
    expect(codes(report)['hosted-origin']).toBe('OB2_HOSTED_UNREACHABLE');
    expect(report.verdict).toBe('unverifiable');
  });

  it('rejects a revoked assertion listed in the issuer\'s revocation list', async () => {
    const listUrl = 'https://badges.example.edu/revocations.json';
    const issuer = await createOb2Issuer('https://badges.example.edu', { revocationList: listUrl });
    const assertion = issuer.hostedAssertion('/assertions/7.json');
    issuer.routes.set(
      listUrl,
      json({ '@context': 'https://w3id.org/openbadges/v2', type: 'RevocationList', id: listUrl, issuer: issuer.issuerId, revokedAssertions: [{ id: assertion.id, revocationReason: 'Awarded in error' }] }),
    );
    const report = await verify(assertion, { fetch: fakeFetch(issuer.routes), at });
    expect(codes(report).status).toBe('OB2_REVOKED');
    expect(report.checks.find((c) => c.id === 'status')?.message).toContain('Awarded in error');
    expect(report.verdict).toBe('invalid');
  });

  // docs/verdicts.md "Revocation": a listed badge is revoked whoever the list claims to belong to.
  it('rejects an assertion listed in a revocation list that names another issuer, saying whose list it is', async () => {
    const listUrl = 'https://badges.example.edu/revocations.json';
    const issuer = await createOb2Issuer('https://badges.example.edu', { revocationList: listUrl });
    const assertion = issuer.hostedAssertion('/assertions/9.json');
    issuer.routes.set(listUrl, json({ type: 'RevocationList', id: listUrl, issuer: 'https://elsewhere.example/issuer', revokedAssertions: [assertion.id] }));
    const report = await verify(assertion, { fetch: fakeFetch(issuer.routes), at });
    expect(codes(report).status).toBe('OB2_REVOKED');
    expect(report.checks.find((c) => c.id === 'status')?.message).toMatch(/could not be authenticated.*elsewhere\.example/);
    expect(report.verdict).toBe('invalid');
  });

  it('does not take "not revoked" from a revocation list of another issuer, nor from another list than the one named', async () => {
    const listUrl = 'https://badges.example.edu/revocations.json';
    for (const list of [
      { type: 'RevocationList', id: listUrl, issuer: 'https://elsewhere.example/issuer', revokedAssertions: [] },
      { type: 'RevocationList', id: 'https://badges.example.edu/other-list.json', revokedAssertions: [] },
    ]) {
      const issuer = await createOb2Issuer('https://badges.example.edu', { revocationList: listUrl });
      issuer.routes.set(listUrl, json({ ...list, ...(list.issuer ? {} : { issuer: issuer.issuerId }) }));
      const report = await verify(issuer.hostedAssertion('/assertions/10.json'), { fetch: fakeFetch(issuer.routes), at });
      expect(codes(report).status).toBe('STATUS_LIST_UNVERIFIED');
      expect(report.verdict).toBe('warning');
    }
  });

  it('warns when the revocation list cannot be read', async () => {
    const issuer = await createOb2Issuer('https://badges.example.edu', { revocationList: 'https://badges.example.edu/missing.json' });
    const report = await verify(issuer.hostedAssertion('/assertions/8.json'), { fetch: fakeFetch(issuer.routes), at });
    expect(codes(report).status).toBe('OB2_REVOCATION_LIST_UNAVAILABLE');
    expect(report.verdict).toBe('warning');
  });

  it('rejects an expired assertion', async () => {
    const issuer = await createOb2Issuer();
    const report = await verify(issuer.hostedAssertion('/a.json', { expires: '2026-06-01T00:00:00Z' }), { fetch: fakeFetch(issuer.routes), at });
    expect(codes(report).validity).toBe('VALIDITY_EXPIRED');
    expect(report.verdict).toBe('invalid');
  });

  it('rejects when the recipient hash does not match the expected recipient', async () => {
    const issuer = await createOb2Issuer();
    const report = await verify(issuer.hostedAssertion('/a.json'), { fetch: fakeFetch(issuer.routes), at, recipient: 'email:someone.else@example.org' });
    expect(codes(report).recipient).toBe('OB2_RECIPIENT_MISMATCH');
    expect(report.verdict).toBe('invalid');
  });

  it('matches md5 and unhashed recipients, email case-insensitively', async () => {
    const issuer = await createOb2Issuer();
    const identity = `md5$${createHash('md5').update(`${RECIPIENT_EMAIL}s`).digest('hex')}`;
    const md5 = await verify(issuer.hostedAssertion('/m.json', { recipient: { type: 'email', hashed: true, salt: 's', identity } }), {
      fetch: fakeFetch(issuer.routes),
      at,
      recipient: `email:${RECIPIENT_EMAIL}`,
    });
    expect(codes(md5).recipient).toBe('OB2_RECIPIENT_MATCH');
    const plain = await verify(issuer.hostedAssertion('/p.json', { recipient: { type: 'email', hashed: false, identity: 'Learner@Example.org' } }), {
      fetch: fakeFetch(issuer.routes),
      at,
      recipient: `email:${RECIPIENT_EMAIL}`,
    });
    expect(codes(plain).recipient).toBe('OB2_RECIPIENT_MATCH');
  });

  it('reports an Open Badges 1.0 assertion as unsupported, precisely', async () => {
    const report = await verify(
      { uid: '123abc', recipient: { identity: 'test@example.com', hashed: false, type: 'email' }, badge: 'https://a.example/badgeclass', issuedOn: '2015-04-30', verify: { type: 'hosted', url: 'https://a.example/instance' } },
      { offline: true, at },
    );
    expect(codes(report).format).toBe('OB1_ASSERTION_UNSUPPORTED');
    expect(report.verdict).toBe('unverifiable');
  });

  it('rejects a SignedBadge assertion presented without its signature', async () => {
    const issuer = await createOb2Issuer();
    const report = await verify({ ...issuer.hostedAssertion('/s.json'), verification: { type: 'SignedBadge' } }, { fetch: fakeFetch(issuer.routes), at });
    expect(codes(report).proof).toBe('OB2_SIGNED_WITHOUT_SIGNATURE');
    expect(report.verdict).toBe('invalid');
  });
});

describe('Open Badges 2.0 signed assertions', () => {
  it('verifies an RS256 assertion signed with a key the issuer lists', async () => {
    const issuer = await createOb2Issuer();
    const jws = await issuer.signedAssertion();
    const report = await verify(jws, { fetch: fakeFetch(issuer.routes), at, recipient: `email:${RECIPIENT_EMAIL}` });
    expect(report.format).toBe('ob2-signed');
    expect(codes(report)).toMatchObject({ proof: 'OB2_SIGNATURE_VALID', recipient: 'OB2_RECIPIENT_MATCH' });
    expect(report.verdict).toBe('warning');
  });

  it('rejects a signature by a key that is not in the issuer\'s publicKey', async () => {
    const issuer = await createOb2Issuer('https://badges.example.edu', { publicKey: 'https://badges.example.edu/keys/other.json' });
    const report = await verify(await issuer.signedAssertion(), { fetch: fakeFetch(issuer.routes), at });
    expect(codes(report).proof).toBe('OB2_KEY_NOT_AUTHORISED');
    expect(report.verdict).toBe('invalid');
    expect(codes(report).status).toBe('SKIPPED_NOT_AUTHENTIC');
  });

  it('rejects a signature made with another key than the one named', async () => {
    const issuer = await createOb2Issuer();
    const { privateKey: stranger } = await generateKeyPair('RS256', { modulusLength: 2048 });
    const report = await verify(await issuer.signedAssertion({}, stranger), { fetch: fakeFetch(issuer.routes), at });
    expect(codes(report).proof).toBe('OB2_SIGNATURE_INVALID');
    expect(report.verdict).toBe('invalid');
  });

  it('rejects a tampered signed payload', async () => {
    const issuer = await createOb2Issuer();
    const [h, p, s] = (await issuer.signedAssertion()).split('.');
    const payload = JSON.parse(Buffer.from(p as string, 'base64url').toString()) as Record<string, unknown>;
    payload.issuedOn = '2026-01-01T00:00:00Z';
    const tampered = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    const report = await verify(tampered, { fetch: fakeFetch(issuer.routes), at });
    expect(codes(report).proof).toBe('OB2_SIGNATURE_INVALID');
  });

  it('rejects any algorithm but RS256', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ recipient: {}, badge: 'https://x.example/b', verification: { type: 'SignedBadge' } })).toString('base64url');
    const report = await verify(`${header}.${payload}.`, { offline: true, at });
    expect(codes(report).proof).toBe('OB2_ALGORITHM_NOT_ALLOWED');
    expect(report.verdict).toBe('invalid');
  });

  it('finds the 1EdTech spec\'s signed example invalid: its key does not exist', async () => {
    const jws = readFileSync(new URL('../../vectors/1edtech-spec/ob2-spec-signed-badge-example.jws', import.meta.url), 'utf8');
    // example.org answers 404 for the key, badge class and issuer it names.
    const report = await verify(jws, { fetch: fakeFetch(new Map()), at });
    expect(report.format).toBe('ob2-signed');
    expect(codes(report).proof).toBe('OB2_KEY_NOT_FOUND');
    expect(report.verdict).toBe('invalid');
  });
});
