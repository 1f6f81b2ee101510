/**
 * What the daily automation has to do today (issue 17), decided from the club and the Mail log's
 * memory alone, so that a run missed (a day without a trigger run, a quota used up, a run stopped
 * midway) is caught up by the next: the hot survey of each event once its delay has passed, the
 * cold survey of the semester that ended, and the nudges of the quiet members. Switching on does
 * not reach back: an event before the day automation was switched on gets nothing, unless Settings
 * ask for the last one; a semester whose survey day came before it neither.
 */

import type { AutomationSettings } from './automation-settings';
import { type Day, isoOf, ymdOf } from './dates';
import { fill, type Lang } from './i18n';
import { type Club, type ClubEvent, isActiveOn, type Member } from './model';
import { parsePeriod } from './periods';
import { noEmail } from './survey-invitations';

/** An event or a semester stays in the automation's hands this many days after its survey day. */
export const FOLLOW_UP_DAYS = 60;

export interface AutomationPlan {
  /** Events whose hot survey is due (oldest first): created if missing, then invitations and reminders. */
  hotEvents: ClubEvent[];
  /** The semester whose cold survey is due, e.g. `2026-S1`, if any. */
  coldSemester: string | null;
  /** Active members with an address, quiet for `nudgeAfterWeeks` weeks and not nudged for `nudgeEveryWeeks`. */
  nudges: Member[];
  /** The next events (at most three), for the nudge e-mails. */
  nextEvents: ClubEvent[];
}

const weekday = (d: Day): number => new Date(d * 86_400_000).getUTCDay();

/** The first day from `d` that is Monday to Friday. */
export function firstWeekdayFrom(d: Day): Day {
  let day = d;
  while (weekday(day) === 0 || weekday(day) === 6) day++;
  return day;
}

/** The calendar semester that ended last before `today`, and the day its cold survey is due. */
export function lastSemesterDue(today: Day, delayDays: number): { label: string; due: Day } {
  const { year, month } = ymdOf(today);
  const label = month <= 6 ? `${year - 1}-S2` : `${year}-S1`;
  const end = parsePeriod(label)!.end;
  return { label, due: firstWeekdayFrom(end + delayDays) };
}

/** The events the automation may survey: from the day it was switched on, plus the last one before if asked. */
function eligibleEvents(club: Club, auto: AutomationSettings, today: Day): ClubEvent[] {
  const since = auto.since ?? today;
  const sorted = [...club.events].sort((a, b) => a.date - b.date || a.row - b.row);
  const before = sorted.filter((e) => e.date < since);
  const lastBefore = auto.lastEvent ? before.filter((e) => e.date === before[before.length - 1]?.date) : [];
  return [...lastBefore, ...sorted.filter((e) => e.date >= since)];
}

/** The day of a member's last sign of life: joining, an event attended, an answer, a referral, a meeting. */
export function lastActivity(club: Club, today: Day): Map<string, Day> {
  const last = new Map<string, Day>();
  const seen = (m: Member | null | undefined, d: Day) => {
    if (m && d <= today && d > (last.get(m.id) ?? -Infinity)) last.set(m.id, d);
  };
  for (const m of club.members) if (m.joinedOn !== null) seen(m, m.joinedOn);
  for (const a of club.attendance) if (a.attended) seen(a.member, a.event.date);
  for (const a of club.answers) seen(a.member, a.submittedOn);
  for (const r of club.referrals) seen(r.giver, r.date);
  for (const i of club.interactions) seen(i.member, i.date);
  for (const c of club.contents) seen(c.author, c.date);
  return last;
}

export function planAutomation(
  club: Club,
  auto: AutomationSettings,
  lastNudges: Map<string, Day>,
  today: Day,
): AutomationPlan {
  const empty: AutomationPlan = { hotEvents: [], coldSemester: null, nudges: [], nextEvents: [] };
  if (!auto.on) return empty;
  const since = auto.since ?? today;
  const attended = new Set(club.attendance.filter((a) => a.attended && a.member).map((a) => a.event.id));
  const hotEvents = eligibleEvents(club, auto, today).filter((e) => {
    const due = e.date + auto.hotDelayDays;
    return due <= today && today <= due + FOLLOW_UP_DAYS && attended.has(e.id);
  });
  const cold = lastSemesterDue(today, auto.coldDelayDays);
  const coldSemester =
    cold.due >= since && cold.due <= today && today <= cold.due + FOLLOW_UP_DAYS ? cold.label : null;
  const nextEvents = club.events
    .filter((e) => e.date > today)
    .sort((a, b) => a.date - b.date)
    .slice(0, 3);
  const nudges: Member[] = [];
  if (auto.nudgeAfterWeeks > 0) {
    const activity = lastActivity(club, today);
    for (const m of club.members) {
      if (!isActiveOn(m, today) || !m.email.includes('@') || noEmail(m)) continue;
      const quietSince = activity.get(m.id);
      if (quietSince === undefined || today - quietSince < 7 * auto.nudgeAfterWeeks) continue;
      const nudged = lastNudges.get(m.id);
      if (nudged !== undefined && today - nudged < 7 * auto.nudgeEveryWeeks) continue;
      nudges.push(m);
    }
  }
  return { hotEvents, coldSemester, nudges, nextEvents };
}

const EVENT_LINE = { fr: '- {date} : {title}', en: '- {date}: {title}' };
const NO_EVENT = {
  fr: '- (le programme arrive bientôt)',
  en: '- (the programme is coming soon)',
};

/** The next events as lines of a nudge e-mail ({evenements}). */
export function eventLines(events: ClubEvent[], lang: Lang): string {
  if (events.length === 0) return NO_EVENT[lang];
  return events
    .map((e) => {
      const iso = isoOf(e.date);
      const date = lang === 'fr' ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso;
      return fill(EVENT_LINE[lang], { date, title: e.title || e.id });
    })
    .join('\n');
}
