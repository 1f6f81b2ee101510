/**
 * Monthly challenges (issue 17): the board writes in the Défis / Challenges tab a month, a kind of
 * challenge measured by a tracking tab, a target per member (N, default 1), and optionally a club
 * target and a label. For each challenge this module measures, over the month (up to today for the
 * month under way), what every member did, who met it (the winners), how many members could take
 * part, and the club's total against its target. Past challenges stay as history.
 *
 * What each kind counts (SPEC §1):
 * - guest: guests who came (Attendance `guest`, `attended` = yes) with the member as `invited_by`;
 * - referrals: Referrals rows with the member as `giver`, dated in the month;
 * - content: Contents rows with the member as `author`, dated in the month;
 * - events: distinct events attended (Attendance `attended` = yes) held in the month;
 * - survey: distinct surveys the member answered (signed Responses rows submitted in the month).
 * A member can take part when active on at least one day of the month (SPEC §3's active, without the
 * prospect); the club total is the sum over those members.
 */

import { addMonths, type Day, ymdOf } from './dates';
import type { Club, Member } from './model';

export type ChallengeKind = 'guest' | 'referrals' | 'content' | 'events' | 'survey';

export interface Challenge {
  /** Row of the Challenges tab. */
  row: number;
  /** First day of the month. */
  month: Day;
  kind: ChallengeKind;
  /** What each member must reach (≥ 1). */
  target: number;
  clubTarget: number | null;
  label: string;
}

export interface ChallengeWinner {
  memberId: string;
  name: string;
  count: number;
}

export interface ChallengeResult {
  challenge: Challenge;
  /** `2026-03`. */
  monthLabel: string;
  start: Day;
  end: Day;
  state: 'past' | 'current' | 'future';
  /** Members who could take part (active on a day of the month). */
  eligible: number;
  /** Members who met the challenge, most active first (ties by name). */
  winners: ChallengeWinner[];
  /** Everything the eligible members did towards it. */
  clubTotal: number;
}

export interface ChallengesReport {
  /** First day of today's month. */
  month: Day;
  /** Every challenge, by month then row: the history. */
  all: ChallengeResult[];
  /** This month's. */
  current: ChallengeResult[];
  /** Last month's. */
  lastMonth: ChallengeResult[];
  /** Challenges met per member id, over the months wholly inside `wonWindow`. */
  wonBy: Map<string, number>;
}

export function monthLabelOf(day: Day): string {
  const { year, month } = ymdOf(day);
  return `${year}-${String(month).padStart(2, '0')}`;
}

const monthStartOf = (day: Day): Day => {
  const { day: d } = ymdOf(day);
  return day - d + 1;
};

/** The challenges of the tab, as read (rows with a bad month or kind are already reported and left out). */
export function challengesOfClub(club: Club): Challenge[] {
  const rows = club.tabs.get('challenges')?.rows ?? [];
  return rows.map(({ row, v }) => ({
    row,
    month: v.month as Day,
    kind: v.kind as ChallengeKind,
    target: typeof v.target === 'number' && v.target >= 1 ? v.target : 1,
    clubTarget: typeof v.club_target === 'number' ? v.club_target : null,
    label: typeof v.label === 'string' ? v.label : '',
  }));
}

const nameOf = (m: Member): string => `${m.firstName} ${m.lastName}`.trim() || m.id;

/** True when the member is active on at least one day of [start, end]. */
function activeDuring(m: Member, start: Day, end: Day): boolean {
  if (m.joinedOn === null || m.joinedOn > end) return false;
  if (m.status === 'prospect' || m.formerWithoutLeft) return false;
  return m.leftOn === null || m.leftOn >= start;
}

/** What each member did towards a kind of challenge in [start, end], by member id. */
export function countsOf(club: Club, kind: ChallengeKind, start: Day, end: Day): Map<string, number> {
  const counts = new Map<string, number>();
  const within = (d: Day | null) => d !== null && d >= start && d <= end;
  const add = (m: Member | null) => {
    if (m) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
  };
  const distinct = new Set<string>();
  const addOnce = (m: Member | null, key: string) => {
    if (!m || distinct.has(`${m.id}\u0000${key}`)) return;
    distinct.add(`${m.id}\u0000${key}`);
    add(m);
  };
  switch (kind) {
    case 'guest':
      for (const a of club.attendance)
        if (a.guest && a.attended === true && within(a.event.date)) add(a.invitedBy);
      break;
    case 'referrals':
      for (const r of club.referrals) if (within(r.date)) add(r.giver);
      break;
    case 'content':
      for (const c of club.contents) if (within(c.date)) add(c.author);
      break;
    case 'events':
      for (const a of club.attendance)
        if (a.attended === true && !a.guest && within(a.event.date)) addOnce(a.member, a.event.id);
      break;
    case 'survey':
      for (const a of club.answers) if (within(a.submittedOn)) addOnce(a.member, a.surveyId);
      break;
  }
  return counts;
}

/** Measures one challenge on the club, as of `today`. */
export function measureChallenge(club: Club, challenge: Challenge, today: Day): ChallengeResult {
  const start = challenge.month;
  const monthEnd = addMonths(start, 1) - 1;
  const state = start > today ? 'future' : monthEnd < today ? 'past' : 'current';
  const end = Math.min(monthEnd, today);
  const eligible = state === 'future' ? [] : club.members.filter((m) => activeDuring(m, start, end));
  const counts = state === 'future' ? new Map<string, number>() : countsOf(club, challenge.kind, start, end);
  let clubTotal = 0;
  const winners: ChallengeWinner[] = [];
  for (const m of eligible) {
    const count = counts.get(m.id) ?? 0;
    clubTotal += count;
    if (count >= challenge.target) winners.push({ memberId: m.id, name: nameOf(m), count });
  }
  winners.sort(
    (a, b) => b.count - a.count || a.name.localeCompare(b.name) || a.memberId.localeCompare(b.memberId),
  );
  return {
    challenge,
    monthLabel: monthLabelOf(start),
    start,
    end: monthEnd,
    state,
    eligible: eligible.length,
    winners,
    clubTotal,
  };
}

/** Every challenge measured, this month's and last month's apart, and the wins per member in `wonWindow`. */
export function challengesReport(
  club: Club,
  today: Day,
  wonWindow: { start: Day; end: Day },
): ChallengesReport {
  const month = monthStartOf(today);
  const previous = addMonths(month, -1);
  const all = challengesOfClub(club)
    .sort((a, b) => a.month - b.month || a.row - b.row)
    .map((c) => measureChallenge(club, c, today));
  const wonBy = new Map<string, number>();
  for (const r of all) {
    if (r.state !== 'past' || r.start < wonWindow.start || r.end > wonWindow.end) continue;
    for (const w of r.winners) wonBy.set(w.memberId, (wonBy.get(w.memberId) ?? 0) + 1);
  }
  return {
    month,
    all,
    current: all.filter((r) => r.start === month),
    lastMonth: all.filter((r) => r.start === previous),
    wonBy,
  };
}
