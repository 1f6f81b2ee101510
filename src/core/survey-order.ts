/** The order the surveys panel offers events in, shared by the endpoint and the sidebar. */

import type { SurveyTargets } from './api';

type Orderable = Pick<SurveyTargets['events'][number], 'date' | 'hasSurvey' | 'upcoming'>;

/**
 * The order events are offered in: past events without a survey, the most recent first (the one to
 * survey now); then upcoming ones, the soonest first; then events with a survey, the most recent first.
 */
export function bySurveyOrder(a: Orderable, b: Orderable): number {
  const rank = (e: Orderable) => (e.hasSurvey ? 2 : e.upcoming ? 1 : 0);
  const r = rank(a) - rank(b);
  if (r !== 0) return r;
  return rank(a) === 1 ? a.date.localeCompare(b.date) : b.date.localeCompare(a.date);
}
