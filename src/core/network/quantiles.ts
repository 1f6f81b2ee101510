/**
 * Quantiles of a network's KPI values, exact: Hyndman & Fan's type 7 (linear interpolation between
 * order statistics), the default of R's `quantile`, NumPy's `percentile`, Excel's `PERCENTILE.INC`
 * and BigQuery's `PERCENTILE_CONT`, so the same snapshots loaded into a warehouse give the same
 * figures (docs/network-rollup.sql). For sorted x₁ ≤ … ≤ xₙ and p in [0, 1]: h = (n − 1)·p,
 * Q(p) = x⌊h⌋₊₁ + (h − ⌊h⌋)·(x⌊h⌋₊₂ − x⌊h⌋₊₁).
 */

/** Type 7 quantile of ascending `sorted` (non-empty), p in [0, 1]. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile of an empty list');
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Merges ascending arrays into one ascending Float64Array (the overall band from the size bands,
 * without sorting again).
 */
export function mergeSorted(parts: Float64Array[]): Float64Array {
  const total = parts.reduce((sum, p) => sum + p.length, 0);
  const out = new Float64Array(total);
  const at = parts.map(() => 0);
  for (let i = 0; i < total; i++) {
    let best = -1;
    for (let j = 0; j < parts.length; j++) {
      if (at[j] < parts[j].length && (best < 0 || parts[j][at[j]] < parts[best][at[best]])) best = j;
    }
    out[i] = parts[best][at[best]++];
  }
  return out;
}
