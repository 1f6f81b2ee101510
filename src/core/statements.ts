/**
 * Bilan membres / Member statements (SPEC §4): what the network brought each member in P — events
 * attended, referrals given and received, business received from referrals (won value where the
 * member is the receiver, by closed_on else date), contents, dues paid (amount with paid_on in P),
 * and business received per euro of dues. Rows are dated in P and not after today, as the KPIs.
 * Every row list is walked once and bucketed by member.
 */

import type { Day } from './dates';
import type { Club, Member } from './model';
import { effectiveEnd, type Period } from './periods';

export interface MemberStatement {
  memberId: string;
  name: string;
  company: string;
  eventsAttended: number;
  referralsGiven: number;
  referralsReceived: number;
  /** Σ value of won referrals received, closed in P. */
  businessReceived: number;
  /** Σ value of won referrals given, closed in P (what the member brought the others). */
  businessGiven: number;
  contents: number;
  /** Σ amount of paid dues with paid_on in P. */
  duesPaid: number;
  /** businessReceived ÷ duesPaid; null when no dues were paid in P. */
  businessPerDuesEuro: number | null;
}

/**
 * One statement per member who was a member at some point of P (up to today while P is not over),
 * in the Members tab's order; prospects and former members without a leaving date are left out.
 * With `duesTerm` (the renewal statement, renewal.ts), dues paid are the paid rows of that term
 * whatever their paid_on: a term paid in advance still counts for it.
 */
export function memberStatements(
  club: Club,
  period: Period,
  today: Day,
  duesTerm: number | null = null,
): MemberStatement[] {
  const end = effectiveEnd(period, today);
  const inP = (d: Day | null) => d !== null && d >= period.start && d <= end;
  const members = club.members.filter(
    (m) =>
      m.joinedOn !== null &&
      m.joinedOn <= end &&
      (m.leftOn === null || m.leftOn >= period.start) &&
      m.status !== 'prospect' &&
      !m.formerWithoutLeft,
  );
  const byId = new Map<string, MemberStatement>();
  const rows = members.map((m) => {
    const s: MemberStatement = {
      memberId: m.id,
      name: `${m.firstName} ${m.lastName}`.trim() || m.id,
      company: m.company,
      eventsAttended: 0,
      referralsGiven: 0,
      referralsReceived: 0,
      businessReceived: 0,
      businessGiven: 0,
      contents: 0,
      duesPaid: 0,
      businessPerDuesEuro: null,
    };
    byId.set(m.id, s);
    return s;
  });
  const of = (m: Member | null) => (m ? byId.get(m.id) : undefined);

  for (const a of club.attendance) {
    const s = of(a.member);
    if (s && a.attended === true && inP(a.event.date)) s.eventsAttended++;
  }
  for (const r of club.referrals) {
    if (inP(r.date)) {
      const giver = of(r.giver);
      if (giver) giver.referralsGiven++;
      const receiver = of(r.receiver);
      if (receiver) receiver.referralsReceived++;
    }
    if (r.status === 'won' && inP(r.closedOn ?? r.date)) {
      const receiver = of(r.receiver);
      if (receiver) receiver.businessReceived += r.value ?? 0;
      const giver = of(r.giver);
      if (giver) giver.businessGiven += r.value ?? 0;
    }
  }
  for (const c of club.contents) {
    const s = of(c.author);
    if (s && inP(c.date)) s.contents++;
  }
  for (const d of club.dues) {
    const s = of(d.member);
    if (s && d.paid && (duesTerm === null ? inP(d.paidOn) : d.term === duesTerm)) s.duesPaid += d.amount ?? 0;
  }
  for (const s of rows) s.businessPerDuesEuro = s.duesPaid > 0 ? s.businessReceived / s.duesPaid : null;
  return rows;
}
