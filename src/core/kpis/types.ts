/**
 * What a KPI is (definition: id, family, FR/EN label and formula, unit, the tabs it reads, how to
 * compute one period) and what it gives (result: value, previous, delta, n, target, benchmark,
 * status, details). The catalogue (catalogue.ts) is one ordered registry of definitions.
 */

import type { Bilingual } from '../i18n';
import type { PeerPosition } from '../network/peers';
import type { PeriodContext } from '../report-context';
import type { TabKey } from '../schema';

export type Unit =
  | 'count'
  | 'ratio'
  | 'nps'
  | 'mean_1_5'
  | 'money'
  | 'hours'
  | 'per_week'
  | 'per_month'
  | 'per_member'
  | 'per_event'
  | 'list';

/** How a value is shown when its unit alone says too little: euros returned per euro of dues. */
export type DisplayUnit = Unit | 'money_per_money';

export type Family =
  | 'engagement'
  | 'opportunities'
  | 'satisfaction'
  | 'retention'
  | 'knowledge'
  | 'visibility'
  | 'climate'
  | 'roi'
  /** The club's own KPIs, defined in Settings (custom-kpis.ts). */
  | 'custom';

export type Status = 'green' | 'amber' | 'red' | 'grey';

/** Which way of change is good news: `up` (most KPIs), `down` (churn), `neither` (a cost). */
export type GoodDirection = 'up' | 'down' | 'neither';

/** One period's measure. `value` null = no data. */
export interface Measure {
  value: number | string[] | null;
  n: number;
  details?: Record<string, unknown>;
}

/** Everything a KPI needs to compute one period; `memo` shares work between KPIs of the same period. */
export interface KpiContext extends PeriodContext {
  memo: Map<string, unknown>;
}

export interface KpiDefinition {
  id: string;
  family: Family;
  label: Bilingual;
  unit: Unit;
  /** One-line explanation of the formula. */
  formula: Bilingual;
  /** Tabs whose data issues touch this KPI. */
  tabs: TabKey[];
  /** churn_rate: lower is better. */
  lowerIsBetter?: boolean;
  /** Which direction is good news (default `up`, `down` when lowerIsBetter); `neither` for a cost. */
  good?: GoodDirection;
  /**
   * `yearly`: the KPI follows the year's rhythm (dues are paid in January), so the dashboard
   * compares it with the same period a year earlier rather than with the previous period.
   */
  rhythm?: 'yearly';
  /** Email rates: privacy features inflate opens. */
  indicative?: boolean;
  /** Shown otherwise than its unit says (default: the unit). */
  display?: DisplayUnit;
  compute(ctx: KpiContext): Measure;
}

export interface Benchmark {
  value: number;
  source: string;
}

export interface KpiResult {
  id: string;
  family: Family;
  label: string;
  unit: Unit;
  display: DisplayUnit;
  value: number | string[] | null;
  previous: number | string[] | null;
  delta: number | null;
  n: number;
  target: number | null;
  benchmark: Benchmark | null;
  status: Status | null;
  formula: string;
  lowerIsBetter: boolean;
  /** Which direction is good news. */
  good: GoodDirection;
  /** The same period a year earlier: its value, n and the change to it. */
  previousYear: number | string[] | null;
  deltaYear: number | null;
  /** n of the previous period and of the year-earlier one (how much each comparison rests on). */
  previousN: number;
  previousYearN: number;
  /** Whether the dashboard compares with a year earlier (the KPI's `rhythm` is yearly). */
  yearly: boolean;
  details: Record<string, unknown>;
  /** Data issues found in the tabs this KPI reads. */
  issueCount: number;
  /** Its place among the network's clubs (the Network benchmarks tab), when there is one. */
  peer?: PeerPosition;
}
