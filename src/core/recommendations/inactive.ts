/**
 * Who has been inactive for the last months of a period (relaunch_inactive's list), from the rows
 * rather than the KPIs.
 */

import { addMonths, type Day } from '../dates';
import { type Club, isActiveOn, type Member } from '../model';
import { effectiveEnd, type Period } from '../periods';
import { THRESHOLDS } from './thresholds';

/**
 * Members with no attended event, referral given, interaction, content or signed answer in the 3
 * months before P's end (from `since` to P's end, or to today while P is not over), among members
 * active at that end who joined before `since` (so were members the whole 3 months). Every row list
 * is walked once. Null when the club has no members or tracks no activity at all (then everyone
 * would look inactive for want of data, not of activity).
 */
export function inactiveMembers(
  club: Club,
  period: Period,
  today: Day,
): { since: Day; end: Day; members: Member[] } | null {
  const h = club.hasData;
  const tracked = (h.events && h.attendance) || h.referrals || h.interactions || h.contents || h.responses;
  if (!h.members || !tracked) return null;
  const end = effectiveEnd(period, today);
  const since = addMonths(end + 1, -THRESHOLDS.inactiveMonths);
  const busy = new Set<string>();
  const within = (d: Day | null) => d !== null && d >= since && d <= end;
  for (const a of club.attendance)
    if (a.member && a.attended === true && within(a.event.date)) busy.add(a.member.id);
  for (const r of club.referrals) if (r.giver && within(r.date)) busy.add(r.giver.id);
  for (const i of club.interactions) if (i.member && within(i.date)) busy.add(i.member.id);
  for (const c of club.contents) if (c.author && within(c.date)) busy.add(c.author.id);
  for (const a of club.answers) if (a.member && within(a.submittedOn)) busy.add(a.member.id);
  const members = club.members.filter(
    (m) => isActiveOn(m, end) && m.joinedOn !== null && m.joinedOn < since && !busy.has(m.id),
  );
  return { since, end, members };
}
