import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, MAX_WALLET_ITEMS, payloadId, safeFileName, textFileType, WalletStore, type WalletItem } from '../../../entrypoints/common/wallet.js';
import type { VerificationReport } from '../../../lib/index.js';

let n = 0;
const fresh = () => new WalletStore(`wallet-test-${++n}`);

async function item(text: string, addedAt: number): Promise<WalletItem> {
  const payload = { type: 'text' as const, text };
  return { id: await payloadId(payload), addedAt, via: 'file', label: 'c.json', payload, fileName: 'c.json' };
}

describe('wallet', () => {
  it('keeps one copy of a credential imported twice, with its first import date and its link', async () => {
    const w = fresh();
    const a = await item('{"a":1}', 1000);
    await w.put({ ...a, link: 'https://www.credly.com/badges/1' });
    await w.put({ ...a, addedAt: 9000 });
    const all = await w.list();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ addedAt: 1000, link: 'https://www.credly.com/badges/1' });
  });

  it('stores the latest verification, exports everything and deletes everything', async () => {
    const w = fresh();
    const a = await item('eyJhbGciOiJFUzI1NiJ9.e30.sig', 1);
    await w.put(a);
    const report = { verdict: 'verified', format: 'vc-jwt', checks: [], verifiedAt: '2026-11-28T10:00:00Z' } as unknown as VerificationReport;
    await w.setReport(a.id, 'rid', report, 5);
    expect((await w.get(a.id))?.report?.verdict).toBe('verified');
    const doc = JSON.parse(await w.exportJson()) as { credentials: Array<{ credential: { text: string }; lastVerification: { verdict: string } }> };
    expect(doc.credentials[0]?.credential.text).toBe('eyJhbGciOiJFUzI1NiJ9.e30.sig');
    expect(doc.credentials[0]?.lastVerification.verdict).toBe('verified');
    await w.clear();
    expect(await w.list()).toEqual([]);
  });

  it('refuses a credential beyond the bound instead of growing without limit', async () => {
    const w = fresh();
    for (let i = 0; i < MAX_WALLET_ITEMS; i++) await w.put({ ...(await item(`{"i":${i}}`, i)) });
    await expect(w.put(await item('{"one":"more"}', 1e9))).rejects.toThrow(/at most/);
  });

  it('names attached files safely and with the type of the credential', () => {
    expect(safeFileName('../../etc/passwd', 'json')).toBe('.. .. etc passwd.json');
    expect(safeFileName('Data Analysis with Python', 'jwt')).toBe('Data Analysis with Python.jwt');
    expect(safeFileName('badge.png', 'png')).toBe('badge.png');
    expect(textFileType('{"@context":[]}').mediaType).toBe('application/json');
    expect(textFileType('eyJ.a.b~c~').extension).toBe('sd-jwt');
    expect(textFileType('<svg/>').extension).toBe('svg');
    const bytes = new Uint8Array(70_000).map((_, i) => i % 256);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });
});
