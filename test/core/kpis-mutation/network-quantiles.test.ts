/**
 * Quantiles of the network roll-up (src/core/network/quantiles.ts), hand-worked (issue 23): type 7
 * at the ends and between order statistics, p clamped to [0, 1], the refusal of an empty list, and
 * the merge of sorted size bands into the overall band.
 */

import { describe, expect, it } from 'vitest';
import { mergeSorted, quantileSorted } from '../../../src/core/network/quantiles';

describe('quantileSorted', () => {
  it('interpolates between order statistics and clamps p to [0, 1]', () => {
    const x = Float64Array.from([10, 20, 40]);
    // n = 3: p = 0.25 → h = 0.5 → 10 + 0.5·(20 − 10) = 15; p = 0.75 → h = 1.5 → 20 + 0.5·20 = 30.
    expect(quantileSorted(x, 0.25)).toBe(15);
    expect(quantileSorted(x, 0.75)).toBe(30);
    expect(quantileSorted(x, 0)).toBe(10);
    expect(quantileSorted(x, 1)).toBe(40);
    expect(quantileSorted(x, -0.5)).toBe(10);
    expect(quantileSorted(x, 1.5)).toBe(40);
  });

  it('refuses an empty list with its reason', () => {
    expect(() => quantileSorted([], 0.5)).toThrow(new RangeError('quantile of an empty list'));
  });
});

describe('mergeSorted', () => {
  it('merges interleaved bands, equal values included, into one ascending list', () => {
    const merged = mergeSorted([
      Float64Array.from([-3, 0.5, 0.5, 8]),
      Float64Array.from([0.5, 2]),
      Float64Array.from([-4, 9, 10]),
    ]);
    expect([...merged]).toEqual([-4, -3, 0.5, 0.5, 0.5, 2, 8, 9, 10]);
    expect(mergeSorted([]).length).toBe(0);
  });
});
