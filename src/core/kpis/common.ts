/**
 * Small pieces shared by the KPI families: ratios and means that give "no data" instead of 0 on
 * an empty base, "in P" (dated in the period and not after today), and the memoised sets most KPIs
 * rest on (active members of P, events of P, attendance rows of P).
 */

import type { Day } from '../dates';
import { type Attendance, type ClubEvent, isActiveOn, type Member } from '../model';
import { effectiveEnd, inPeriod } from '../periods';
import type { KpiContext, Measure } from './types';

export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

export function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export const NO_DATA: Measure = { value: null, n: 0 };

/** Dated in P and not after today (a planned event is not yet held). */
export function inP(ctx: KpiContext, day: Day | null | undefined): boolean {
  return inPeriod(day, ctx.period) && (day as Day) <= ctx.today;
}

export function memo<T>(ctx: KpiContext, key: string, make: () => T): T {
  if (!ctx.memo.has(key)) ctx.memo.set(key, make());
  return ctx.memo.get(key) as T;
}

/** Members active at P's end (or today while P is not over). */
export function activeMembersOfP(ctx: KpiContext): Member[] {
  return memo(ctx, 'activeMembers', () => {
    const end = effectiveEnd(ctx.period, ctx.today);
    return ctx.club.members.filter((m) => isActiveOn(m, end));
  });
}

export function eventsOfP(ctx: KpiContext): ClubEvent[] {
  return memo(ctx, 'events', () => ctx.club.events.filter((e) => inP(ctx, e.date)));
}

export function attendanceOfP(ctx: KpiContext): Attendance[] {
  return memo(ctx, 'attendance', () => ctx.club.attendance.filter((a) => inP(ctx, a.event.date)));
}

/** A measure from a ratio, with n. */
export function rateMeasure(
  numerator: number,
  denominator: number,
  n = denominator,
  details?: Record<string, unknown>,
): Measure {
  return { value: ratio(numerator, denominator), n, details };
}

/** The Net Promoter Score of a list of 0–10 answers: % promoters − % detractors, or null without answers. */
export function npsOf(scores: number[]): number | null {
  if (scores.length === 0) return null;
  // Scores come validated from the Responses tab (out_of_range issues) or from CLUB_NPS: anything
  // else is a programming error, not a value to count (some libraries silently accept 15 or −5).
  for (const s of scores) {
    if (!Number.isInteger(s) || s < 0 || s > 10)
      throw new RangeError(`NPS scores are whole numbers from 0 to 10, got ${s}`);
  }
  let promoters = 0;
  let detractors = 0;
  for (const s of scores) {
    if (s >= 9) promoters++;
    else if (s <= 6) detractors++;
  }
  return ((promoters - detractors) / scores.length) * 100;
}
