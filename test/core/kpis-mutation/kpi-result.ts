/** A KPI result built by hand for the tests of what reads KPIs (recommendations, comparisons, highlights). */

import type { KpiResult } from '../../../src/core/kpis/types';

/** A rate of `id` with no value, no change, no target, n = 10 on both sides, overridden by `extra`. */
export function kpiResult(id: string, extra: Partial<KpiResult> = {}): KpiResult {
  return {
    ...{ id, family: 'engagement', label: id, unit: 'ratio', display: 'ratio', value: null, previous: null },
    ...{ delta: null, n: 10, target: null, benchmark: null, status: null, formula: '', lowerIsBetter: false },
    ...{ good: 'up', previousYear: null, deltaYear: null, previousN: 10, previousYearN: 10, yearly: false },
    ...{ details: {}, issueCount: 0 },
    ...extra,
  } as KpiResult;
}

/** A KPI of `family` shown in its own unit (unit and display alike), overridden by `extra`. */
export function unitKpi(
  id: string,
  family: KpiResult['family'],
  label: string,
  unit: KpiResult['unit'],
  extra: Partial<KpiResult> = {},
): KpiResult {
  return kpiResult(id, { family, label, unit, display: unit as KpiResult['display'], ...extra });
}
