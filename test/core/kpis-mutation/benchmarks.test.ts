/**
 * The status rule and the benchmarks (src/core/kpis/benchmarks.ts, SPEC §5 and §12), hand-worked at
 * each boundary (issue 23), beside the status tests of test/core/compute.test.ts.
 */

import { describe, expect, it } from 'vitest';
import { bandOf, benchmarkOf, statusOf } from '../../../src/core/kpis/benchmarks';
import { kpiDefinition } from '../../../src/core/kpis/catalogue';
import { defaultSettings } from '../../../src/core/settings';

const def = (id: string) => kpiDefinition(id)!;

describe('statusOf', () => {
  it('lower is better: at or under the target green, within the band amber, beyond red', () => {
    // A count whose lower values are better, target 10: band 10 % = 1 → ≤ 10 green, ≤ 11 amber.
    const fewer = { ...def('contents_shared'), lowerIsBetter: true };
    expect(statusOf(fewer, 9, 20, 10, null)).toBe('green');
    expect(statusOf(fewer, 10, 20, 10, null)).toBe('green');
    expect(statusOf(fewer, 10.5, 20, 10, null)).toBe('amber');
    expect(statusOf(fewer, 11, 20, 10, null)).toBe('amber');
    expect(statusOf(fewer, 11.5, 20, 10, null)).toBe('red');
  });

  it('higher is better: the band edge is still amber', () => {
    // Target 10, band 1: 9 is exactly the edge → amber; 11 green.
    expect(statusOf(def('contents_shared'), 11, 20, 10, null)).toBe('green');
    expect(statusOf(def('contents_shared'), 9, 20, 10, null)).toBe('amber');
  });

  it('a sample of 5 is enough, 4 is grey; a list value is grey', () => {
    expect(statusOf(def('nps'), 50, 5, 21, null)).toBe('green');
    expect(statusOf(def('nps'), 50, 4, 21, null)).toBe('grey');
    expect(statusOf(def('top_topics'), ['Export'], 20, 1, null)).toBe('grey');
  });

  it('the benchmark decides when there is no target', () => {
    const bench = { value: 0.15, source: 's' };
    // churn_rate (lower is better, ratio band 0.05): 0.14 green, 0.19 amber, 0.21 red.
    expect(statusOf(def('churn_rate'), 0.14, 20, null, bench)).toBe('green');
    expect(statusOf(def('churn_rate'), 0.19, 20, null, bench)).toBe('amber');
    expect(statusOf(def('churn_rate'), 0.21, 20, null, bench)).toBe('red');
    expect(statusOf(def('churn_rate'), 0.21, 20, null, null)).toBeNull();
  });
});

describe('bandOf', () => {
  it('is fixed for ratios, NPS and 1–5 means, 10 % of the target size otherwise', () => {
    expect(bandOf(def('participation_rate'), 0.9)).toBe(0.05);
    expect(bandOf(def('nps'), 21)).toBe(10);
    expect(bandOf(def('event_satisfaction'), 4)).toBe(0.25);
    expect(bandOf(def('investment_total'), 2000)).toBe(200);
    // A negative target still has a positive band.
    expect(bandOf(def('investment_total'), -300)).toBe(30);
  });
});

describe('benchmarkOf', () => {
  it('gives the built-in value with its source in the language asked', () => {
    const s = defaultSettings();
    expect(benchmarkOf('renewal_rate', s, 'fr')).toEqual({
      value: 0.85,
      source: 'MGI Membership Marketing Benchmarking Report 2019 (médiane)',
    });
    expect(benchmarkOf('renewal_rate', s, 'en')).toEqual({
      value: 0.85,
      source: 'MGI Membership Marketing Benchmarking Report 2019 (median)',
    });
    expect(benchmarkOf('press_mentions', s, 'fr')).toBeNull();
  });

  it("prefers the club's own benchmark from Settings, 0 included, naming it as the club's", () => {
    const s = { ...defaultSettings(), benchmarks: { renewal_rate: 0, press_mentions: 12 } };
    expect(benchmarkOf('renewal_rate', s, 'fr')).toEqual({ value: 0, source: 'Paramètres du club' });
    expect(benchmarkOf('press_mentions', s, 'en')).toEqual({ value: 12, source: 'Club settings' });
  });
});
