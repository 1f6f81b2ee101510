// The formula baseline of the benchmark (bench/baseline.ts, bench/BASELINE.md) computes the same
// KPIs as Club Pulse: on the clean scale-S club, every baseline formula, evaluated by HyperFormula,
// gives Club Pulse's value for the period (and again after the period cells are switched back and
// forth). No wall time is asserted.
import { describe, expect, it } from 'vitest';
import { BASELINE_KPIS, periodCells, runBaseline } from '../../bench/baseline';
import { BENCH, benchClub, clubPulseReport, gridsOf, kpiValues } from '../../bench/club';

describe('formula baseline', () => {
  it('gives Club Pulse’s values on the clean scale-S club', () => {
    const club = benchClub('S');
    const expected = kpiValues(clubPulseReport(gridsOf(club)));
    const run = runBaseline(
      club.tabs,
      periodCells(BENCH.period, BENCH.today),
      periodCells(BENCH.otherPeriod, BENCH.today),
    );
    for (const id of BASELINE_KPIS) {
      const want = expected.get(id);
      expect(typeof want, `${id} has a Club Pulse value`).toBe('number');
      expect(typeof run.values[id], `${id}: ${run.values[id]}`).toBe('number');
      expect(run.values[id] as number, id).toBeCloseTo(want as number, 9);
    }
  });

  it('also agrees on the other period (the recalculated one)', () => {
    const club = benchClub('S');
    const expected = kpiValues(clubPulseReport(gridsOf(club), BENCH.otherPeriod));
    const run = runBaseline(
      club.tabs,
      periodCells(BENCH.otherPeriod, BENCH.today),
      periodCells(BENCH.period, BENCH.today),
    );
    for (const id of BASELINE_KPIS) expect(run.values[id] as number, id).toBeCloseTo(expected.get(id)!, 9);
  });
});
