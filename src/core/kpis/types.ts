/**
 * What a KPI is (definition: id, family, FR/EN label and formula, unit, the tabs it reads, how to
 * compute one period) and what it gives (result: value, previous, delta, n, target, benchmark,
 * status, details). The catalogue (catalogue.ts) is one ordered registry of definitions.
 */

import type { Day } from '../dates';
import type { Bilingual, Lang } from '../i18n';
import type { Club } from '../model';
import type { Period } from '../periods';
import type { TabKey } from '../schema';
import type { Settings } from '../settings';

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
  | 'roi';

export type Status = 'green' | 'amber' | 'red' | 'grey';

/** One period's measure. `value` null = no data. */
export interface Measure {
  value: number | string[] | null;
  n: number;
  details?: Record<string, unknown>;
}

/** Everything a KPI needs to compute one period; `memo` shares work between KPIs of the same period. */
export interface KpiContext {
  club: Club;
  period: Period;
  today: Day;
  settings: Settings;
  lang: Lang;
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
  details: Record<string, unknown>;
  /** Data issues found in the tabs this KPI reads. */
  issueCount: number;
}
