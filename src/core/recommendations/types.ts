/**
 * The shapes of the recommendation rules (SPEC §5): what a rule reads, what it gives back, and the
 * Recommendation the report carries. Its own module so that compute.ts (which holds the report) and
 * the rules (which read the KPIs it computed) do not import each other.
 */

import type { KpiResult } from '../kpis/types';
import type { PeriodContext } from '../report-context';

export type Severity = 1 | 2 | 3;

export interface Recommendation {
  id: string;
  text: string;
  severity: Severity;
  figures: Record<string, unknown>;
}

export interface RecommendationInput extends PeriodContext {
  kpis: KpiResult[];
}

/** What a rule sees: the input, and the KPIs of the period by id. */
export interface RuleContext extends RecommendationInput {
  kpi(id: string): KpiResult | undefined;
  /** The KPI's value when it is a finite number (a disabled or no-data KPI gives null). */
  value(id: string): number | null;
  /** The KPI's value on the previous period, likewise. */
  previous(id: string): number | null;
}

/** One firing of a rule, its text in both languages. */
export interface Firing {
  /** Set when a rule fires several times (`more_of_format:<format>`); else the rule's id. */
  id?: string;
  text: { fr: string; en: string };
  figures: Record<string, unknown>;
}

/** A named rule of the table: its SPEC §12 id, its severity (3 = most severe), and its condition. */
export interface Rule {
  id: string;
  severity: Severity;
  /** The firings, in their order (most rules fire at most once). */
  fire(context: RuleContext): Firing[];
}
