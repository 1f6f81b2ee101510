// The NPS test vectors of ../shared/samples/nps_test_vectors.json as plain score lists: the
// distribution forms are expanded (detractor → 0, passive/neutral → 7, promoter → 10) and pooled,
// and vectors without a valid expected NPS (the out-of-range anti-example) are kept apart.
import { readFileSync } from 'node:fs';
import { samplePath } from './samples';

interface Counts {
  detractors: number;
  passives?: number;
  neutrals?: number;
  promoters: number;
}

interface RawVector {
  source: string;
  scores?: number[];
  counts?: Counts;
  counts_list?: Counts[];
  recomputed_nps_pct?: number;
}

export interface NpsVector {
  source: string;
  scores: number[];
  /** null for the anti-example whose scores are out of range and must be rejected. */
  expected: number | null;
}

function expand(c: Counts): number[] {
  const passives = c.passives ?? c.neutrals ?? 0;
  return [...Array(c.detractors).fill(0), ...Array(passives).fill(7), ...Array(c.promoters).fill(10)];
}

export function npsVectors(): NpsVector[] {
  const raw = JSON.parse(readFileSync(samplePath('nps_test_vectors.json'), 'utf8')).vectors as RawVector[];
  return raw.map((v) => ({
    source: v.source,
    scores: v.scores ?? (v.counts ? expand(v.counts) : (v.counts_list ?? []).flatMap(expand)),
    expected: v.recomputed_nps_pct ?? null,
  }));
}
