/** The one owner of the periods offered and of the default (issue 16), for the menu, the sidebar and the CLI. */

import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/core/dates';
import { defaultPeriodOf, periodChoices } from '../../src/core/period-choices';
import { kpi, run, tab } from './fixtures';

const today = dayFromIso('2026-12-04')!;

describe('period choices', () => {
  it('offers the last completed semester first by default, four semesters and the calendar year', () => {
    const { periods, defaultPeriod } = periodChoices({ defaultPeriod: null, fyStartMonth: 1 }, today);
    expect(defaultPeriod.label).toBe('2026-S1');
    expect(periods.map((p) => p.label)).toEqual(['2026-S1', '2025-S2', '2025-S1', '2024-S2', '2026']);
  });

  it('puts Settings default_period first and offers the fiscal year when it starts in September', () => {
    const { periods, defaultPeriod } = periodChoices({ defaultPeriod: '2026-Q1', fyStartMonth: 9 }, today);
    expect(defaultPeriod.label).toBe('2026-Q1');
    // 30 June 2026 (end of the last completed semester) falls in FY2025 (1 Sept 2025 – 31 Aug 2026).
    expect(periods.map((p) => p.label)).toEqual([
      '2026-Q1',
      '2026-S1',
      '2025-S2',
      '2025-S1',
      '2024-S2',
      'FY2025',
    ]);
    expect(periods.at(-1)).toMatchObject({ kind: 'fiscal_year' });
  });

  it('falls back to the last completed semester on a bad default_period', () => {
    expect(defaultPeriodOf({ defaultPeriod: 'S1 2026', fyStartMonth: 1 }, today).label).toBe('2026-S1');
  });

  it('is the period a refresh without one computes', () => {
    const settings = tab('Paramètres', ['Clé', 'Valeur'], [['default_period', '2026-Q1']]);
    const report = run([settings], { period: null, today: '2026-12-04' });
    expect(report.period.label).toBe('2026-Q1');
    expect(kpi(report, 'active_members')).toBeDefined();
  });
});
