/**
 * What a report is computed for, passed as one object instead of positional parameters: the club,
 * the period, today (the end of a period still running), the settings and the language — and, for
 * a report, the period it is compared with. A `Report` (compute.ts) is one, so the layouts built
 * after a refresh take the report itself.
 */

import type { Day } from './dates';
import type { Lang } from './i18n';
import type { Club } from './model';
import type { Period } from './periods';
import type { Settings } from './settings';

/** One period of one club, as of `today`. */
export interface PeriodContext {
  club: Club;
  period: Period;
  today: Day;
  settings: Settings;
  lang: Lang;
}

/** A report's period and the one before it (SPEC §2: the comparison period). */
export interface ReportContext extends PeriodContext {
  previous: Period;
}
