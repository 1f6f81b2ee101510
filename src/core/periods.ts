/**
 * Reporting periods of SPEC §2 and §12: month `2026-03`, quarter `2026-Q1`, semester `2026-S1`,
 * year `2026`, fiscal year `FY2026` (starting on Settings `fiscal_year_start_month`), custom range
 * `2026-01-15..2026-03-31`; the previous period of the same kind, the default period (the last
 * completed semester), and the elapsed part of a period that is not over. "Today" is always passed
 * in, never read from a clock.
 */

import { addMonths, type Day, dayFromIso, dayOf, isoOf, ymdOf } from './dates';

export type PeriodKind = 'month' | 'quarter' | 'semester' | 'year' | 'fiscal_year' | 'custom';

export interface Period {
  label: string;
  kind: PeriodKind;
  /** First day, inclusive. */
  start: Day;
  /** Last day, inclusive. */
  end: Day;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function make(kind: PeriodKind, label: string, start: Day, end: Day): Period {
  return { kind, label, start, end };
}

function monthsPeriod(kind: PeriodKind, label: string, year: number, month: number, months: number): Period {
  return make(kind, label, dayOf(year, month, 1), dayOf(year, month + months, 1) - 1);
}

/** Parses a period label; null when it is not one. */
export function parsePeriod(label: string, fyStartMonth = 1): Period | null {
  const text = label.trim();
  let m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return monthsPeriod('month', text, Number(m[1]), month, 1);
  }
  m = /^(\d{4})-Q([1-4])$/i.exec(text);
  if (m) return monthsPeriod('quarter', `${m[1]}-Q${m[2]}`, Number(m[1]), (Number(m[2]) - 1) * 3 + 1, 3);
  m = /^(\d{4})-S([12])$/i.exec(text);
  if (m) return monthsPeriod('semester', `${m[1]}-S${m[2]}`, Number(m[1]), Number(m[2]) === 1 ? 1 : 7, 6);
  m = /^(\d{4})$/.exec(text);
  if (m) return monthsPeriod('year', text, Number(m[1]), 1, 12);
  m = /^FY(\d{4})$/i.exec(text);
  if (m) return monthsPeriod('fiscal_year', `FY${m[1]}`, Number(m[1]), fyStartMonth, 12);
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (m) {
    const start = dayFromIso(m[1]);
    const end = dayFromIso(m[2]);
    if (start === null || end === null || end < start) return null;
    return make('custom', text, start, end);
  }
  return null;
}

/** The period just before `p`, of the same kind (same number of days for a custom range). */
export function previousPeriod(p: Period, fyStartMonth = 1): Period {
  const { year, month } = ymdOf(p.start);
  switch (p.kind) {
    case 'month': {
      const d = ymdOf(addMonths(p.start, -1));
      return parsePeriod(`${d.year}-${pad(d.month)}`)!;
    }
    case 'quarter': {
      const q = (month - 1) / 3 + 1;
      return parsePeriod(q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`)!;
    }
    case 'semester':
      return parsePeriod(month === 1 ? `${year - 1}-S2` : `${year}-S1`)!;
    case 'year':
      return parsePeriod(String(year - 1))!;
    case 'fiscal_year':
      return parsePeriod(`FY${year - 1}`, fyStartMonth)!;
    case 'custom': {
      const days = p.end - p.start + 1;
      const start = p.start - days;
      const end = p.start - 1;
      return make('custom', `${isoOf(start)}..${isoOf(end)}`, start, end);
    }
  }
}

/**
 * The same period a year earlier: `2026-S1` → `2025-S1`, `FY2026` → `FY2025`, a custom range moved
 * back twelve months (day for day, 29 February falling on 28 February).
 */
export function yearEarlier(p: Period, fyStartMonth = 1): Period {
  const { year } = ymdOf(p.start);
  switch (p.kind) {
    case 'custom': {
      const start = addMonths(p.start, -12);
      const end = Math.max(start, addMonths(p.end, -12));
      return make('custom', `${isoOf(start)}..${isoOf(end)}`, start, end);
    }
    case 'fiscal_year':
      return parsePeriod(`FY${year - 1}`, fyStartMonth)!;
    default:
      return parsePeriod(`${year - 1}${p.label.slice(4)}`, fyStartMonth)!;
  }
}

/** The last semester that is over on `today` (on 2026-11-27: 2026-S1). */
export function lastCompletedSemester(today: Day): Period {
  const { year, month } = ymdOf(today);
  return parsePeriod(month >= 7 ? `${year}-S1` : `${year - 1}-S2`)!;
}

/** The period of the given kind that contains `day` (used by CLUB_PERIOD). */
export function periodContaining(day: Day, kind: Exclude<PeriodKind, 'custom'>, fyStartMonth = 1): Period {
  const { year, month } = ymdOf(day);
  switch (kind) {
    case 'month':
      return parsePeriod(`${year}-${pad(month)}`)!;
    case 'quarter':
      return parsePeriod(`${year}-Q${Math.floor((month - 1) / 3) + 1}`)!;
    case 'semester':
      return parsePeriod(`${year}-S${month <= 6 ? 1 : 2}`)!;
    case 'year':
      return parsePeriod(String(year))!;
    case 'fiscal_year':
      return parsePeriod(`FY${month >= fyStartMonth ? year : year - 1}`, fyStartMonth)!;
  }
}

/** Whether `day` falls in `p`. */
export function inPeriod(day: Day | null | undefined, p: Period): boolean {
  return day !== null && day !== undefined && day >= p.start && day <= p.end;
}

/** The last day of `p` that counts on `today`: the end, or today while `p` is not over. */
export function effectiveEnd(p: Period, today: Day): Day {
  return Math.min(p.end, today);
}

/** Days of `p` elapsed on `today` (all of them once it is over; 0 before it starts). */
export function elapsedDays(p: Period, today: Day): number {
  return Math.max(0, effectiveEnd(p, today) - p.start + 1);
}

/** Weeks in P (elapsed part): days ÷ 7. */
export function weeksIn(p: Period, today: Day): number {
  return elapsedDays(p, today) / 7;
}

/**
 * Months in P (elapsed part): calendar months for calendar periods (a month under way counts as the
 * fraction of its days elapsed), days ÷ 30.4375 for a custom range.
 */
export function monthsIn(p: Period, today: Day): number {
  if (p.kind === 'custom') return elapsedDays(p, today) / 30.4375;
  const end = effectiveEnd(p, today);
  if (end < p.start) return 0;
  let months = 0;
  let cursor = p.start;
  while (cursor <= end) {
    const next = addMonths(cursor, 1);
    const monthEnd = next - 1;
    if (monthEnd <= end) months += 1;
    else months += (end - cursor + 1) / (next - cursor);
    cursor = next;
  }
  return months;
}
