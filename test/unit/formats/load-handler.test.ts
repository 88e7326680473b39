import { describe, expect, it } from 'vitest';
import { loadHandler, loadOnce } from '../../../lib/formats/index.js';

describe('loading format handlers', () => {
  it('does not import a handler again on every verification', async () => {
    let calls = 0;
    const load = loadOnce(async () => {
      calls += 1;
      return { n: calls };
    });
    const [a, b] = await Promise.all([load(), load()]);
    const c = await load();
    expect(calls).toBe(1);
    expect(a).toBe(b);
    expect(c).toBe(a);
  });

  it('tries again after a failed import instead of keeping the failure for the whole process', async () => {
    let calls = 0;
    const load = loadOnce(async () => {
      calls += 1;
      if (calls === 1) throw new Error('chunk failed to load');
      return 'handler';
    });
    await expect(load()).rejects.toThrow('chunk failed to load');
    await expect(load()).resolves.toBe('handler');
    expect(calls).toBe(2);
  });

  it('still answers undefined for a format without a handler and the same handler for a known one', async () => {
    expect(await loadHandler('unknown')).toBeUndefined();
    const first = await loadHandler('vc-jwt');
    expect(first?.format).toBe('vc-jwt');
    expect(await loadHandler('vc-jwt')).toBe(first);
  });
});
