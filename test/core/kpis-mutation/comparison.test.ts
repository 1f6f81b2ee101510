/**
 * How a change and a status are told (src/core/comparison.ts), hand-worked where
 * test/core/board-reading.test.ts leaves room (issue 23): a base under five on one side only, an
 * arrow for a change that rounds to nothing, for a list and without a change, and the status words
 * of a grey KPI, of a KPI without status, without benchmark, without a value, near the reference and
 * exactly on it.
 */

import { describe, expect, it } from 'vitest';
import { comparisonOf, deltaMeaningful, statusWords } from '../../../src/core/comparison';
import type { KpiResult } from '../../../src/core/kpis/types';
import { kpiResult } from './kpi-result';

/** A rate of 50 % up from 40 %, on 10 rows each side, with only what comparison.ts reads. */
const k = (extra: Partial<KpiResult>) => kpiResult('x', { value: 0.5, previous: 0.4, delta: 0.1, ...extra });

const periods = { previous: { label: '2025-S2' }, previousYear: { label: '2025-S1' } } as Parameters<
  typeof comparisonOf
>[1];
const arrow = (extra: Partial<KpiResult>) => comparisonOf(k(extra), periods, 'fr', 'EUR').arrow;

describe('deltaMeaningful', () => {
  it('needs five rows on both sides for a rate, whatever the size for a count', () => {
    expect(deltaMeaningful('ratio', 5, 5)).toBe(true);
    expect(deltaMeaningful('ratio', 6, 4)).toBe(false);
    expect(deltaMeaningful('ratio', 4, 6)).toBe(false);
    expect(deltaMeaningful('count', 1, 0)).toBe(true);
  });
});

describe('comparisonOf', () => {
  it('points up, down, or level when the change rounds to nothing', () => {
    expect(arrow({ delta: 0.1 })).toBe('▲');
    expect(arrow({ delta: -0.1 })).toBe('▼');
    // +0.004 pts of a rate is shown as ±0.0 pt: level, not up.
    expect(arrow({ delta: 0.00004 })).toBe('=');
    expect(arrow({ delta: -0.00004 })).toBe('=');
    const level = comparisonOf(k({ delta: 0.00004 }), periods, 'fr', 'EUR');
    expect(level).toMatchObject({ against: 'previous', period: '2025-S2', trend: 'flat' });
  });

  it('has no arrow without a change, on too small a base, or for a list', () => {
    expect(arrow({ delta: null })).toBe('');
    const small = comparisonOf(k({ delta: 0.2, previousN: 4 }), periods, 'fr', 'EUR');
    expect(small).toMatchObject({ delta: null, text: '', arrow: '', trend: null });
    expect(arrow({ unit: 'list', display: 'list', value: ['a'], delta: 2 })).toBe('');
  });

  it('compares a yearly KPI with a year earlier, on the year-earlier base', () => {
    const c = comparisonOf(
      k({ yearly: true, delta: 0.3, deltaYear: -0.1, previousN: 2 }),
      periods,
      'en',
      'EUR',
    );
    expect(c).toMatchObject({ against: 'previous_year', period: '2025-S1', delta: -0.1, arrow: '▼' });
    expect(
      comparisonOf(k({ yearly: true, deltaYear: -0.1, previousYearN: 3 }), periods, 'en', 'EUR').delta,
    ).toBe(null);
  });
});

describe('statusWords', () => {
  const benchmark = { value: 0.85, source: 'x' };

  it('says nothing without a status, even with a target and a benchmark', () => {
    expect(statusWords(k({ status: null, target: 0.6, benchmark }), 'fr')).toBe('');
  });

  it('says there is not enough data for a grey KPI, target or not', () => {
    expect(statusWords(k({ status: 'grey', target: 0.6 }), 'fr')).toBe('Données insuffisantes');
    expect(statusWords(k({ status: 'grey', benchmark }), 'en')).toBe('Not enough data');
  });

  it('says nothing with neither target nor benchmark, or without a value', () => {
    expect(statusWords(k({ status: 'green', benchmark: null }), 'fr')).toBe('');
    expect(statusWords(k({ status: 'red', value: null, benchmark }), 'fr')).toBe('');
    expect(statusWords(k({ status: 'red', value: ['a'], benchmark }), 'fr')).toBe('');
  });

  it('says near the reference for amber, above at exactly the reference', () => {
    // 0.82 is under 0.85 but within the band: near, not below.
    expect(statusWords(k({ status: 'amber', value: 0.82, benchmark }), 'fr')).toBe('Proche de la référence');
    expect(statusWords(k({ status: 'amber', value: 0.82, benchmark }), 'en')).toBe('Near the benchmark');
    expect(statusWords(k({ status: 'green', value: 0.85, benchmark }), 'fr')).toBe(
      'Au-dessus de la référence',
    );
    expect(statusWords(k({ status: 'red', value: 0.7, benchmark }), 'en')).toBe('Below the benchmark');
  });
});
