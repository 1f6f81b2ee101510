/** Periods (SPEC §2, §12): every label form, previous periods, the default, elapsed weeks and months. */

import { describe, expect, it } from 'vitest';
import { computeReport } from '../../src/core/compute';
import { dayOf, isoOf } from '../../src/core/dates';
import {
  lastCompletedSemester,
  monthsIn,
  type Period,
  parsePeriod,
  periodContaining,
  previousPeriod,
  weeksIn,
} from '../../src/core/periods';
import { run, tab } from './fixtures';

const span = (p: Period | null) => (p ? [p.kind, p.label, isoOf(p.start), isoOf(p.end)] : null);

describe('parsePeriod', () => {
  it('reads every label form', () => {
    expect(span(parsePeriod('2026-03'))).toEqual(['month', '2026-03', '2026-03-01', '2026-03-31']);
    expect(span(parsePeriod('2026-02'))).toEqual(['month', '2026-02', '2026-02-01', '2026-02-28']);
    expect(span(parsePeriod('2026-Q1'))).toEqual(['quarter', '2026-Q1', '2026-01-01', '2026-03-31']);
    expect(span(parsePeriod('2026-q4'))).toEqual(['quarter', '2026-Q4', '2026-10-01', '2026-12-31']);
    expect(span(parsePeriod('2026-S1'))).toEqual(['semester', '2026-S1', '2026-01-01', '2026-06-30']);
    expect(span(parsePeriod('2026-S2'))).toEqual(['semester', '2026-S2', '2026-07-01', '2026-12-31']);
    expect(span(parsePeriod('2026'))).toEqual(['year', '2026', '2026-01-01', '2026-12-31']);
    expect(span(parsePeriod('FY2026'))).toEqual(['fiscal_year', 'FY2026', '2026-01-01', '2026-12-31']);
    // FY2026 starts in 2026: with September, 1 Sept 2026 – 31 Aug 2027.
    expect(span(parsePeriod('FY2026', 9))).toEqual(['fiscal_year', 'FY2026', '2026-09-01', '2027-08-31']);
    expect(span(parsePeriod('2026-01-15..2026-03-31'))).toEqual([
      'custom',
      '2026-01-15..2026-03-31',
      '2026-01-15',
      '2026-03-31',
    ]);
  });

  it('rejects what is not a period', () => {
    for (const bad of [
      '2026-13',
      '2026-00',
      '2026-Q5',
      '2026-S3',
      'FY26',
      '2026-03-31..2026-01-15',
      '2026-02-30..2026-03-01',
      'S1',
      '',
    ]) {
      expect(parsePeriod(bad)).toBeNull();
    }
  });
});

describe('previousPeriod', () => {
  it('is the previous calendar unit of the same kind', () => {
    expect(previousPeriod(parsePeriod('2026-03')!).label).toBe('2026-02');
    expect(previousPeriod(parsePeriod('2026-01')!).label).toBe('2025-12');
    expect(previousPeriod(parsePeriod('2026-Q1')!).label).toBe('2025-Q4');
    expect(previousPeriod(parsePeriod('2026-Q3')!).label).toBe('2026-Q2');
    expect(previousPeriod(parsePeriod('2026-S1')!).label).toBe('2025-S2');
    expect(previousPeriod(parsePeriod('2026-S2')!).label).toBe('2026-S1');
    expect(previousPeriod(parsePeriod('2026')!).label).toBe('2025');
    expect(span(previousPeriod(parsePeriod('FY2026', 9)!, 9))).toEqual([
      'fiscal_year',
      'FY2025',
      '2025-09-01',
      '2026-08-31',
    ]);
  });

  it('is the same number of days just before a custom range', () => {
    // 15 Jan – 31 Mar 2026 is 17 + 28 + 31 = 76 days.
    const prev = previousPeriod(parsePeriod('2026-01-15..2026-03-31')!);
    expect(prev.end - prev.start + 1).toBe(76);
    // Counting back: 14 days in January (1–14), 31 in December, 30 in November → 75, plus 31 October = 76.
    expect(span(prev)).toEqual(['custom', '2025-10-31..2026-01-14', '2025-10-31', '2026-01-14']);
  });
});

describe('default period', () => {
  it('is the last completed semester', () => {
    expect(lastCompletedSemester(dayOf(2026, 9, 15)).label).toBe('2026-S1');
    expect(lastCompletedSemester(dayOf(2026, 7, 1)).label).toBe('2026-S1');
    expect(lastCompletedSemester(dayOf(2026, 6, 30)).label).toBe('2025-S2');
    expect(lastCompletedSemester(dayOf(2026, 1, 2)).label).toBe('2025-S2');
    const report = run([], { period: null, today: '2026-03-20' });
    expect([report.period.label, report.previous.label]).toEqual(['2025-S2', '2025-S1']);
  });

  it('takes Settings default_period when no period is asked for', () => {
    const report = run([tab('Paramètres', ['Clé', 'Valeur'], [['default_period', '2026-Q1']])], {
      period: '',
    });
    expect(report.period.label).toBe('2026-Q1');
  });

  it('uses fiscal_year_start_month for FY periods', () => {
    const report = run([tab('Paramètres', ['Clé', 'Valeur'], [['fiscal_year_start_month', 9]])], {
      period: 'FY2025',
    });
    expect(span(report.period)).toEqual(['fiscal_year', 'FY2025', '2025-09-01', '2026-08-31']);
    expect(report.previous.label).toBe('FY2024');
  });

  it('returns ok:false with bad_period for a bad label, in the language', () => {
    const outcome = computeReport({
      tabs: [],
      locale: 'fr_FR',
      timeZone: 'Europe/Paris',
      today: '2026-09-15',
      period: '2026-S3',
    });
    expect(outcome).toMatchObject({ ok: false, code: 'bad_period' });
    if (!outcome.ok) expect(outcome.message).toContain('Période « 2026-S3 » invalide');
    const en = computeReport({
      tabs: [],
      locale: 'en_GB',
      timeZone: 'Europe/London',
      today: '2026-09-15',
      period: 'last year',
    });
    if (!en.ok) expect(en.message).toContain('Invalid period "last year"');
    expect(en.ok).toBe(false);
  });
});

describe('elapsed weeks and months', () => {
  const s1 = parsePeriod('2026-S1')!;

  it('counts every day of a period that is over', () => {
    // 2026-S1: 31 + 28 + 31 + 30 + 31 + 30 = 181 days = 181 / 7 weeks; 6 calendar months.
    expect(weeksIn(s1, dayOf(2026, 9, 15))).toBeCloseTo(181 / 7, 12);
    expect(monthsIn(s1, dayOf(2026, 9, 15))).toBe(6);
  });

  it('counts only the elapsed part of a period that is not over', () => {
    // On 14 Feb: 31 days of January + 14 of February = 45 days; months = 1 + 14/28.
    expect(weeksIn(s1, dayOf(2026, 2, 14))).toBeCloseTo(45 / 7, 12);
    expect(monthsIn(s1, dayOf(2026, 2, 14))).toBeCloseTo(1.5, 12);
    expect(weeksIn(s1, dayOf(2025, 12, 31))).toBe(0);
  });

  it('counts custom-range months as days ÷ 30.4375', () => {
    const custom = parsePeriod('2026-01-01..2026-03-31')!;
    // 31 + 28 + 31 = 90 days.
    expect(monthsIn(custom, dayOf(2026, 9, 15))).toBeCloseTo(90 / 30.4375, 12);
  });

  it('finds the period containing a day', () => {
    const d = dayOf(2026, 8, 20);
    expect(periodContaining(d, 'month').label).toBe('2026-08');
    expect(periodContaining(d, 'quarter').label).toBe('2026-Q3');
    expect(periodContaining(d, 'semester').label).toBe('2026-S2');
    expect(periodContaining(d, 'year').label).toBe('2026');
    expect(periodContaining(d, 'fiscal_year', 9).label).toBe('FY2025');
    expect(periodContaining(dayOf(2026, 9, 1), 'fiscal_year', 9).label).toBe('FY2026');
  });
});
