import { describe, expect, it } from 'vitest';
import { formatBytes, formatMs, formatRatio, judge, median, percentile, renderTable, speedup, summarise } from '../../../bench/table.js';

describe('bench table and statistics', () => {
  it('computes nearest-rank p95 and the median of an even count without sorting the input in place', () => {
    const samples = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
    const copy = [...samples];
    expect(percentile(samples, 95)).toBe(19);
    expect(median(samples)).toBe(10.5);
    expect(samples).toEqual(copy);
    expect(summarise([3, 1, 2])).toEqual({ n: 3, median: 2, p95: 3, min: 1 });
  });

  it('returns NaN statistics for no samples instead of inventing a figure', () => {
    expect(summarise([]).median).toBeNaN();
    expect(formatMs(Number.NaN)).toBe('-');
  });

  it('reports the speed-up as other ÷ ours and refuses a missing side', () => {
    expect(speedup(2, 6)).toBe(3);
    expect(speedup(4, 2)).toBe(0.5);
    expect(speedup(undefined, 2)).toBeUndefined();
    expect(speedup(2, undefined)).toBeUndefined();
    expect(speedup(0, 2)).toBeUndefined();
    expect(formatRatio(3)).toBe('3.0×');
    expect(formatRatio(undefined)).toBe('-');
  });

  it('judges targets in the right direction and says when nothing was measured', () => {
    expect(judge(1.9, 2, 'lower')).toBe('met');
    expect(judge(2.1, 2, 'lower')).toBe('missed');
    expect(judge(2.9, 3, 'higher')).toBe('missed');
    expect(judge(undefined, 3, 'higher')).toBe('not measured');
  });

  it('formats sizes and times with units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(61_440)).toBe('60.0 kB');
    expect(formatMs(123.4)).toBe('123 ms');
    expect(formatMs(12.34)).toBe('12.3 ms');
    expect(formatMs(1.234)).toBe('1.23 ms');
  });

  it('renders an aligned Markdown table with right-aligned figures', () => {
    const text = renderTable(['credential', 'median'], [['VC 2.0', '1.00 ms'], ['OB 3.0, long name', '12.0 ms']]);
    expect(text.split('\n')).toEqual([
      '| credential        |  median |',
      '|-------------------|--------:|',
      '| VC 2.0            | 1.00 ms |',
      '| OB 3.0, long name | 12.0 ms |',
    ]);
  });
});
