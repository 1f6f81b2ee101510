/**
 * The one owner of the periods a club is offered and of the default one (issue 16): the menu's
 * refresh, the sidebar's period list and the CLI all ask here, so they agree. The default is
 * Settings `default_period` when it is a valid label, else the last completed semester (SPEC §2);
 * the offer is that default, the last four completed semesters, and the year — the fiscal year
 * (`FY2025`) when Settings `fiscal_year_start_month` is not January, else the calendar year.
 */

import { cellLocaleOf } from './cells';
import type { Day } from './dates';
import { langOfLocale } from './i18n';
import { IssueLog } from './issues';
import { lastCompletedSemester, type Period, parsePeriod, periodContaining, previousPeriod } from './periods';
import { matchTabs, type RawTab, readTabs } from './read';
import { readSettings, type Settings } from './settings';

/** How many completed semesters are offered. */
export const SEMESTERS_OFFERED = 4;

/** Settings `default_period` when valid, else the last completed semester on `today`. */
export function defaultPeriodOf(
  settings: Pick<Settings, 'defaultPeriod' | 'fyStartMonth'>,
  today: Day,
): Period {
  const own = settings.defaultPeriod ? parsePeriod(settings.defaultPeriod, settings.fyStartMonth) : null;
  return own ?? lastCompletedSemester(today);
}

/** The periods offered, the default first, no label twice. */
export function periodChoices(
  settings: Pick<Settings, 'defaultPeriod' | 'fyStartMonth'>,
  today: Day,
): { periods: Period[]; defaultPeriod: Period } {
  const fy = settings.fyStartMonth;
  const chosen = defaultPeriodOf(settings, today);
  const semesters: Period[] = [lastCompletedSemester(today)];
  while (semesters.length < SEMESTERS_OFFERED)
    semesters.push(previousPeriod(semesters[semesters.length - 1]));
  const year = periodContaining(semesters[0].end, fy === 1 ? 'year' : 'fiscal_year', fy);
  const periods: Period[] = [];
  for (const p of [chosen, ...semesters, year])
    if (!periods.some((q) => q.label === p.label)) periods.push(p);
  return { periods, defaultPeriod: chosen };
}

/**
 * The Settings of a workbook from its raw tabs (only the Settings tab is read), with the issues
 * left aside: what the sidebar needs before any refresh.
 */
export function settingsOfTabs(tabs: RawTab[], locale: string, timeZone: string): Settings {
  const scratch = new IssueLog(langOfLocale(locale));
  const cellLocale = cellLocaleOf(locale, timeZone);
  const raw = matchTabs(tabs, scratch).get('settings');
  const tab = readTabs(raw ? [raw] : [], {
    lang: scratch.lang,
    locale: cellLocale,
    fyStartMonth: 1,
    issues: scratch,
  }).get('settings')!;
  return readSettings(tab.rows, { tab: tab.name, locale: cellLocale, issues: scratch });
}
