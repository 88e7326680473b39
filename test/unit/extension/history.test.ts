import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../entrypoints/common/history.js';
import type { VerificationReport } from '../../../lib/index.js';

const DAY = 86_400_000;
let n = 0;
const fresh = () => new HistoryStore(`history-test-${++n}`);

function report(verdict: VerificationReport['verdict'], title: string, issuer = 'Northwind Academy'): VerificationReport {
  return { verdict, format: 'ob2-hosted', checks: [{ id: 'proof', status: 'pass', code: 'PROOF_VALID', message: 'ok' }], credential: { types: [], title, issuer: { id: 'https://issuer.example', name: issuer } }, verifiedAt: new Date().toISOString() } as VerificationReport;
}

describe('verification history', () => {
  it('records what, where, when and the verdict, and updates one entry per credential and page', async () => {
    const h = fresh();
    await h.record({ reportId: 'r1', report: report('verified', 'Data Analysis'), source: 'https://www.credly.com/badges/1', pageUrl: 'https://www.linkedin.com/in/jane', via: 'page', kind: 'link' }, 1000);
    const again = await h.record({ reportId: 'r1', report: report('invalid', 'Data Analysis'), source: 'https://www.credly.com/badges/1', pageUrl: 'https://www.linkedin.com/in/jane', via: 'page', kind: 'link' }, 5000);
    await h.record({ reportId: 'r1', report: report('verified', 'Data Analysis'), source: 'https://www.credly.com/badges/1', pageUrl: 'https://www.xing.com/profile/jane', via: 'page', kind: 'link' }, 6000);
    const all = await h.list();
    expect(all).toHaveLength(2);
    expect(again).toMatchObject({ verdict: 'invalid', times: 2, firstVerifiedAt: 1000, verifiedAt: 5000, title: 'Data Analysis', issuer: 'Northwind Academy' });
    expect(all[0]?.pageUrl).toBe('https://www.xing.com/profile/jane');
  });

  it('finds entries by every word of a search (title, issuer, site, verdict), not by any', async () => {
    const h = fresh();
    await h.record({ reportId: 'a', report: report('verified', 'Data Analysis'), source: 's', pageUrl: 'https://www.linkedin.com/in/jane', via: 'page', kind: 'link' });
    await h.record({ reportId: 'b', report: report('invalid', 'Welding Level 2', 'Diploma Mill'), source: 's', via: 'popup', kind: 'text' });
    expect((await h.list('welding')).map((e) => e.reportId)).toEqual(['b']);
    expect((await h.list('linkedin verified')).map((e) => e.reportId)).toEqual(['a']);
    expect(await h.list('linkedin invalid')).toEqual([]);
    expect((await h.list('not valid')).map((e) => e.reportId)).toEqual(['b']);
  });

  it('deletes one entry, everything, and whatever is older than the retention period', async () => {
    const h = fresh();
    const now = 100 * DAY;
    const old = await h.record({ reportId: 'old', report: report('verified', 'Old'), source: 's', via: 'popup', kind: 'text' }, now - 31 * DAY);
    const kept = await h.record({ reportId: 'new', report: report('verified', 'New'), source: 's', via: 'popup', kind: 'text' }, now - 29 * DAY);
    const third = await h.record({ reportId: 'x', report: report('warning', 'X'), source: 's', via: 'wallet', kind: 'text' }, now);
    expect(await h.prune(30, now)).toBe(1);
    expect((await h.list()).map((e) => e.id)).toEqual([third.id, kept.id]);
    expect((await h.list()).some((e) => e.id === old.id)).toBe(false);
    await h.remove(third.id);
    expect((await h.list()).map((e) => e.id)).toEqual([kept.id]);
    await h.clear();
    expect(await h.list()).toEqual([]);
  });

  it('exports JSON with dates and checks but without the stored report blobs', async () => {
    const h = fresh();
    await h.record({ reportId: 'a', report: report('verified', 'Data Analysis'), source: 'https://x.example/c', via: 'context-menu', kind: 'link' }, Date.UTC(2026, 10, 1));
    const doc = JSON.parse(await h.exportJson(Date.UTC(2026, 10, 2))) as { exportedAt: string; entries: Array<Record<string, unknown>> };
    expect(doc.exportedAt).toBe('2026-11-02T00:00:00.000Z');
    expect(doc.entries[0]).toMatchObject({ verdict: 'verified', verifiedAt: '2026-11-01T00:00:00.000Z', via: 'context-menu', checks: [{ code: 'PROOF_VALID' }] });
    expect(doc.entries[0]).not.toHaveProperty('report');
  });
});
