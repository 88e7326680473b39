import { describe, expect, it } from 'vitest';
import { verify } from '../../../lib/index.js';
import type { VerificationReport } from '../../../lib/report.js';
import type { TrustList } from '../../../lib/trust/types.js';
import { elmMicrocredential, sealJades } from '../../support/jades.js';
import { makeCa, makeCrl, makeLeaf } from '../../support/test-ca.js';

const at = new Date('2026-11-28T00:00:00Z');

function trustOf(report: VerificationReport) {
  const found = report.checks.find((c) => c.id === 'trust');
  if (!found) throw new Error('no trust check');
  return found;
}

describe('certificate anchors vouch for the issuer of an EDC seal', () => {
  it('makes the list holding the anchor vouch, naming it, when the list names no issuer', async () => {
    const root = await makeCa();
    const leaf = await makeLeaf(root);
    const sealed = await sealJades(elmMicrocredential(), leaf, { crls: [await makeCrl(root)] });
    const trust: TrustList[] = [{ name: 'Spanish universities CA', issuers: [], anchors: [root.pem] }];
    const report = await verify(sealed, { at, offline: true, trust });
    const c = trustOf(report);
    expect(c.code).toBe('TRUST_LISTED');
    expect(c.details).toMatchObject({ tier: 'trusted', list: 'Spanish universities CA', matchedBy: 'anchor' });
    expect(c.message).toContain('Credlens Test Root CA');
    expect(report.verdict).toBe('verified');
  });

  it('names the list whose anchor the chain reaches, not an earlier list with another anchor', async () => {
    const root = await makeCa();
    const other = await makeCa({ subject: { commonName: 'Unrelated Root', country: 'FR' } });
    const leaf = await makeLeaf(root);
    const sealed = await sealJades(elmMicrocredential(), leaf, { crls: [await makeCrl(root)] });
    const trust: TrustList[] = [
      { name: 'French CAs', issuers: [], anchors: [other.pem] },
      { name: 'Spanish CAs', issuers: [], anchors: [root.pem] },
    ];
    const c = trustOf(await verify(sealed, { at, offline: true, trust }));
    expect(c.code).toBe('TRUST_LISTED');
    expect(c.details?.list).toBe('Spanish CAs');
    expect(c.details?.consulted).toEqual([
      { source: 'French CAs', kind: 'list', outcome: 'not-listed' },
      expect.objectContaining({ source: 'Spanish CAs', kind: 'list', outcome: 'vouches', matchedBy: 'anchor' }),
    ]);
  });

  it('lets a more authoritative list that marks the issuer untrusted outrank an anchor further down (invalid)', async () => {
    const root = await makeCa();
    const leaf = await makeLeaf(root);
    const sealed = await sealJades(elmMicrocredential(), leaf, { crls: [await makeCrl(root)] });
    const trust: TrustList[] = [
      { name: 'Employer blocklist', issuers: [{ legalIdentifier: 'ES:Q2818014I', tier: 'untrusted' }] },
      { name: 'Spanish CAs', issuers: [], anchors: [root.pem] },
    ];
    const report = await verify(sealed, { at, offline: true, trust });
    const c = trustOf(report);
    expect(c.code).toBe('TRUST_UNTRUSTED');
    expect(c.details).toMatchObject({ tier: 'untrusted', list: 'Employer blocklist', matchedBy: 'legalIdentifier' });
    expect((c.details?.consulted as Array<{ outcome: string }>)[1]?.outcome).toBe('not-consulted');
    expect(report.verdict).toBe('invalid');
  });

  it('does not let an anchor vouch for a seal whose certificate had expired when it sealed', async () => {
    const root = await makeCa();
    const leaf = await makeLeaf(root, { notAfter: new Date('2026-01-01T00:00:00Z') });
    const sealed = await sealJades(elmMicrocredential(), leaf, { sigT: '2026-06-01T10:00:00Z' });
    const trust: TrustList[] = [{ name: 'Spanish CAs', issuers: [], anchors: [root.pem] }];
    const report = await verify(sealed, { at, offline: true, trust });
    const c = trustOf(report);
    expect(c.code).not.toBe('TRUST_LISTED');
    expect(report.verdict).toBe('invalid');
  });

  it('does not let an anchor vouch when the seal is forged (trust is skipped)', async () => {
    const root = await makeCa();
    const leaf = await makeLeaf(root);
    const sealed = (await sealJades(elmMicrocredential(), leaf)).replace('Ana Garc', 'Ana Gorc');
    const report = await verify(sealed, { at, offline: true, trust: [{ name: 'Spanish CAs', issuers: [], anchors: [root.pem] }] });
    expect(trustOf(report).status).toBe('skip');
    expect(report.verdict).toBe('invalid');
  });
});
