/**
 * How a KPI's change and status are told to the club, in one place for the dashboard, the sidebar
 * and the highlights:
 * - the comparison: with the previous period (SPEC §2), or, for a KPI of yearly rhythm (dues are
 *   paid in January), with the same period a year earlier, said in words;
 * - no delta where its base is too small to mean it. The rule: a change is shown only when both
 *   values exist and, for a KPI that is a rate, mean, score or average (every unit but counts, sums
 *   of money and hours), both rest on at least MIN_SAMPLE (5) rows or answers — the sample under
 *   which the status is grey (SPEC §12). Counts and sums are exact whatever their size. The JSON keeps
 *   the raw `delta` and `delta_year` of SPEC §12 and §13;
 * - the status in words: with a target, on / near / off target; with a benchmark only, above / near /
 *   below the reference; without either, nothing.
 */

import type { Report } from './compute';
import { formatDelta, shownDelta, trendOf } from './format';
import type { Lang } from './i18n';
import { MIN_SAMPLE } from './kpis/benchmarks';
import type { KpiResult, Unit } from './kpis/types';

/** Units whose values are exact totals: their change means something whatever the size. */
const TOTAL_UNITS = new Set<Unit>(['count', 'money', 'hours']);

export interface Comparison {
  against: 'previous' | 'previous_year';
  /** Label of the period compared with (`2025-S2`, `2025-S1`). */
  period: string;
  /** The change, or null when there is none to show. */
  delta: number | null;
  /** `+5,0 pts`, '' without a change. */
  text: string;
  arrow: '▲' | '▼' | '=' | '';
  trend: 'good' | 'bad' | 'flat' | null;
}

/** Whether a change from a base of `baseN` to `n` rows or answers means something (see above). */
export function deltaMeaningful(unit: Unit, n: number, baseN: number): boolean {
  return TOTAL_UNITS.has(unit) || (n >= MIN_SAMPLE && baseN >= MIN_SAMPLE);
}

type Periods = Pick<Report, 'previous' | 'previousYear'>;

export function comparisonOf(k: KpiResult, periods: Periods, lang: Lang, currency: string): Comparison {
  const yearly = k.yearly;
  const raw = yearly ? k.deltaYear : k.delta;
  const baseN = yearly ? k.previousYearN : k.previousN;
  const delta = raw !== null && deltaMeaningful(k.unit, k.n, baseN) ? raw : null;
  const shown = delta === null ? null : shownDelta(delta, k.display);
  return {
    against: yearly ? 'previous_year' : 'previous',
    period: yearly ? periods.previousYear.label : periods.previous.label,
    delta,
    text: formatDelta(delta, k.display, lang, currency),
    arrow: shown === null || k.unit === 'list' ? '' : shown > 0 ? '▲' : shown < 0 ? '▼' : '=',
    trend: trendOf(delta, k.display, k.good),
  };
}

const YEARLY_NOTE = {
  fr: 'Comparé à {p}, un an plus tôt (rythme annuel des cotisations).',
  en: 'Compared with {p}, a year earlier (dues follow a yearly rhythm).',
};

/** The Calcul column's text: the formula, and for a yearly KPI what it is compared with. */
export function formulaText(k: KpiResult, periods: Periods, lang: Lang): string {
  return k.yearly
    ? `${k.formula} ${YEARLY_NOTE[lang].replace('{p}', periods.previousYear.label)}`
    : k.formula;
}

const WORDS = {
  grey: { fr: 'Données insuffisantes', en: 'Not enough data' },
  target: {
    green: { fr: 'Objectif atteint', en: 'On target' },
    amber: { fr: "Proche de l'objectif", en: 'Near target' },
    red: { fr: 'Objectif non atteint', en: 'Off target' },
  },
  above: { fr: 'Au-dessus de la référence', en: 'Above the benchmark' },
  below: { fr: 'Sous la référence', en: 'Below the benchmark' },
  near: { fr: 'Proche de la référence', en: 'Near the benchmark' },
};

/**
 * The status in words: with a target, whether it is met; with a benchmark only, which side of the
 * reference the value is; '' without either (no status).
 */
export function statusWords(k: KpiResult, lang: Lang): string {
  if (k.status === null) return '';
  if (k.status === 'grey') return WORDS.grey[lang];
  if (k.target !== null) return WORDS.target[k.status][lang];
  const reference = k.benchmark?.value;
  if (reference === undefined || typeof k.value !== 'number') return '';
  if (k.status === 'amber') return WORDS.near[lang];
  return (k.value >= reference ? WORDS.above : WORDS.below)[lang];
}
