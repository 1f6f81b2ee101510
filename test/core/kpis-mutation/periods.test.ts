/**
 * Period rules hand-worked at their edges (issue 23), beside test/core/periods.test.ts: the same
 * period a year earlier (untested there), the semester and quarter that contain a day at their first
 * and last months, labels as typed, and the elapsed part of a period at its first day.
 */

import { describe, expect, it } from 'vitest';
import { dayOf, isoOf } from '../../../src/core/dates';
import {
  elapsedDays,
  inPeriod,
  monthsIn,
  type Period,
  parsePeriod,
  periodContaining,
  yearEarlier,
} from '../../../src/core/periods';

const span = (p: Period | null) => (p ? [p.kind, p.label, isoOf(p.start), isoOf(p.end)] : null);
const earlier = (label: string, fy = 1) => span(yearEarlier(parsePeriod(label, fy)!, fy));

describe('yearEarlier', () => {
  it('is the same calendar unit one year before', () => {
    expect(earlier('2026-03')).toEqual(['month', '2025-03', '2025-03-01', '2025-03-31']);
    expect(earlier('2026-Q2')).toEqual(['quarter', '2025-Q2', '2025-04-01', '2025-06-30']);
    expect(earlier('2026-S2')).toEqual(['semester', '2025-S2', '2025-07-01', '2025-12-31']);
    expect(earlier('2026')).toEqual(['year', '2025', '2025-01-01', '2025-12-31']);
    // FY2026 from September: 1 Sept 2026 – 31 Aug 2027; a year earlier FY2025, 1 Sept 2025 – 31 Aug 2026.
    expect(earlier('FY2026', 9)).toEqual(['fiscal_year', 'FY2025', '2025-09-01', '2026-08-31']);
  });

  it('moves a custom range back twelve months day for day, 29 February falling on 28 February', () => {
    expect(earlier('2026-01-15..2026-03-31')).toEqual([
      'custom',
      '2025-01-15..2025-03-31',
      '2025-01-15',
      '2025-03-31',
    ]);
    expect(earlier('2024-02-01..2024-02-29')).toEqual([
      'custom',
      '2023-02-01..2023-02-28',
      '2023-02-01',
      '2023-02-28',
    ]);
    // A one-day range on 29 February: 28 February 2023, one day still.
    expect(earlier('2024-02-29..2024-02-29')).toEqual([
      'custom',
      '2023-02-28..2023-02-28',
      '2023-02-28',
      '2023-02-28',
    ]);
  });
});

describe('periodContaining at the edges', () => {
  it('June is in S1 and Q2, July in S2 and Q3, March in Q1, April in Q2', () => {
    expect(periodContaining(dayOf(2026, 6, 30), 'semester').label).toBe('2026-S1');
    expect(periodContaining(dayOf(2026, 7, 1), 'semester').label).toBe('2026-S2');
    expect(periodContaining(dayOf(2026, 3, 31), 'quarter').label).toBe('2026-Q1');
    expect(periodContaining(dayOf(2026, 4, 1), 'quarter').label).toBe('2026-Q2');
    expect(periodContaining(dayOf(2026, 6, 30), 'quarter').label).toBe('2026-Q2');
    expect(periodContaining(dayOf(2026, 12, 31), 'quarter').label).toBe('2026-Q4');
    expect(periodContaining(dayOf(2026, 1, 1), 'month').label).toBe('2026-01');
    expect(periodContaining(dayOf(2026, 11, 5), 'month').label).toBe('2026-11');
  });
});

describe('labels as typed', () => {
  it('trims spaces and writes the kind letters in capitals', () => {
    expect(span(parsePeriod(' 2026-03 '))).toEqual(['month', '2026-03', '2026-03-01', '2026-03-31']);
    expect(parsePeriod('2026-s2')?.label).toBe('2026-S2');
    expect(parsePeriod('fy2026')?.label).toBe('FY2026');
    expect(parsePeriod('2026-12')?.end).toBe(dayOf(2026, 12, 31));
    expect(parsePeriod('2026-01')?.start).toBe(dayOf(2026, 1, 1));
    // A custom range of one day is a period; its end before its start is not.
    expect(span(parsePeriod('2026-03-01..2026-03-01'))).toEqual([
      'custom',
      '2026-03-01..2026-03-01',
      '2026-03-01',
      '2026-03-01',
    ]);
  });
});

describe('the elapsed part at the first day', () => {
  const s1 = parsePeriod('2026-S1')!;

  it('counts the first day as elapsed, and nothing before it', () => {
    expect(elapsedDays(s1, dayOf(2026, 1, 1))).toBe(1);
    expect(elapsedDays(s1, dayOf(2025, 12, 30))).toBe(0);
    // On 1 January: one day of 31 of the first month.
    expect(monthsIn(s1, dayOf(2026, 1, 1))).toBeCloseTo(1 / 31, 12);
    expect(monthsIn(s1, dayOf(2025, 12, 31))).toBe(0);
    // On 28 February: January whole, February whole (28 of 28 days) → 2.
    expect(monthsIn(s1, dayOf(2026, 2, 28))).toBe(2);
    // On 1 February: January whole, then 1 day of 28 → 1 + 1/28.
    expect(monthsIn(s1, dayOf(2026, 2, 1))).toBeCloseTo(1 + 1 / 28, 12);
  });

  it('inPeriod includes both ends, and no undated row', () => {
    expect(inPeriod(dayOf(2026, 1, 1), s1)).toBe(true);
    expect(inPeriod(dayOf(2026, 6, 30), s1)).toBe(true);
    expect(inPeriod(dayOf(2025, 12, 31), s1)).toBe(false);
    expect(inPeriod(dayOf(2026, 7, 1), s1)).toBe(false);
    expect(inPeriod(null, s1)).toBe(false);
    expect(inPeriod(undefined, s1)).toBe(false);
    // Days count from 1 January 1970 (day 0): a range around it must still leave out an undated row.
    const around1970 = parsePeriod('1969-12-01..1970-01-31')!;
    expect(inPeriod(null, around1970)).toBe(false);
    expect(inPeriod(dayOf(1970, 1, 1), around1970)).toBe(true);
  });
});

describe('labels with something before or after', () => {
  it('are not periods', () => {
    for (const bad of [
      'x2026-03',
      '2026-03x',
      'x2026-Q1',
      '2026-Q1x',
      'x2026-S1',
      '2026-S1x',
      'xFY2026',
      'FY2026x',
      'x2026-01-01..2026-02-01',
      '2026-01-01..2026-02-01x',
    ])
      expect(parsePeriod(bad), bad).toBeNull();
  });

  it('a custom range with an impossible end is not a period, before 1970 too', () => {
    // Days count from 1 January 1970, so 1960 is negative: the range must still be refused.
    expect(parsePeriod('1960-01-01..1960-02-30')).toBeNull();
    expect(parsePeriod('1960-01-01..1960-02-29')?.kind).toBe('custom');
  });
});
