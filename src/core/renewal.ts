/**
 * The renewal season (issue 20), planned from the club, the Mail log's memory and today alone, so
 * that a day the daily run missed (no run, quota used up, a run stopped midway) is caught up by the
 * next one and nothing is ever sent twice:
 *
 * - **Statements.** From `weeksBefore` weeks before the term ends until its last day, each active
 *   member receives their personal statement of the ending term (statements.ts: events attended,
 *   referrals, business received, contents, dues, business per euro of dues) with the renewal link.
 * - **Reminder.** From `reminderDays` days into the new term (the first weekday from then on), and
 *   for FOLLOW_UP_DAYS days after, one reminder to each member of the ended term who is still
 *   active and has not paid the new term (a paid Dues row of that term). Without a Dues tab nobody
 *   is known to have paid: no reminder, and the plan says so.
 * - **To call.** From the reminder's day on, the members of the ended term who still have not paid
 *   and who were reminded (or cannot be written to): the list the dashboard shows, by name.
 *
 * The term and its end: renewal-settings.ts (the club's fiscal year, Settings
 * `fiscal_year_start_month`, as the Dues tab's `term` and the retention KPIs read it).
 *
 * Exactly-once: a statement is logged as an `invitation` and a reminder as a `reminder`, both under
 * the subject `RENOUVELLEMENT-<term renewed>` (`RENEWAL-<term>` in an English workbook; either
 * spelling counts), keyed by the member id. Erased members (Members `erased_on`) get nothing and no
 * row is written about them; members without an address or who asked for no e-mail are skipped,
 * and the run logs that once.
 */

import { FOLLOW_UP_DAYS, firstWeekdayFrom } from './automation';
import { fiscalYearOf } from './cells';
import { type Day, dayOf } from './dates';
import type { Bilingual, Lang } from './i18n';
import { termLabel } from './kpis/retention';
import type { MailMemory } from './mail-log';
import { type Club, isActiveOn, type Member } from './model';
import { effectiveEnd, type Period } from './periods';
import type { Settings } from './settings';
import { type MemberStatement, memberStatements } from './statements';
import { noEmail } from './survey-invitations';

/** The subject of the renewal rows of the Mail log, by the term being renewed. */
export const RENEWAL_SUBJECT: Bilingual = { fr: 'RENOUVELLEMENT-{term}', en: 'RENEWAL-{term}' };

export function renewalSubject(term: string, lang: Lang): string {
  return RENEWAL_SUBJECT[lang].replace('{term}', term);
}

/** The first day of a term (a fiscal year, named by the calendar year it starts in). */
export function termStart(term: number, fyStartMonth: number): Day {
  return dayOf(term, fyStartMonth, 1);
}

/** The last day of a term: the day before the next one starts. */
export function termEnd(term: number, fyStartMonth: number): Day {
  return termStart(term + 1, fyStartMonth) - 1;
}

export type RenewalPhase = 'statements' | 'reminders' | 'none';

export interface RenewalWindow {
  phase: RenewalPhase;
  /** The term being renewed: the next one while statements go, the one that started since. */
  term: number;
  /** Its label, as the Dues tab and the KPIs write it (`2027`, `2026-2027`). */
  termLabel: string;
  /** The term the statements cover: the ending one, or the one that just ended. */
  covered: Period;
  /** The first day statements go (`weeksBefore` weeks before the covered term's last day). */
  opens: Day;
  /** The reminder's day: the first weekday `reminderDays` days into the renewed term. */
  reminderDue: Day;
}

/** Where today stands in the season: statements, the reminder's follow-up, or neither. */
export function renewalWindow(today: Day, settings: Settings): RenewalWindow {
  const fy = settings.fyStartMonth;
  const { weeksBefore, reminderDays } = settings.renewal;
  const current = fiscalYearOf(today, fy);
  const opens = termEnd(current, fy) - 7 * weeksBefore;
  const window = (phase: RenewalPhase, covered: number): RenewalWindow => ({
    phase,
    term: covered + 1,
    termLabel: termLabel(covered + 1, fy),
    covered: {
      label: termLabel(covered, fy),
      kind: 'fiscal_year',
      start: termStart(covered, fy),
      end: termEnd(covered, fy),
    },
    opens: termEnd(covered, fy) - 7 * weeksBefore,
    reminderDue: firstWeekdayFrom(termStart(covered + 1, fy) + reminderDays),
  });
  if (today >= opens) return window('statements', current);
  const started = window('none', current - 1);
  const due = started.reminderDue;
  return today >= due && today <= due + FOLLOW_UP_DAYS ? { ...started, phase: 'reminders' } : started;
}

/**
 * The period a member's statement covers today (the printable page's default): the term the
 * renewal e-mails cover while they go and until the reminder's follow-up ends, else the current
 * term to date.
 */
export function statementPeriod(today: Day, settings: Settings): Period {
  const w = renewalWindow(today, settings);
  if (w.phase !== 'none' || today < w.reminderDue) return w.covered;
  const fy = settings.fyStartMonth;
  const current = fiscalYearOf(today, fy);
  return {
    label: termLabel(current, fy),
    kind: 'fiscal_year',
    start: termStart(current, fy),
    end: termEnd(current, fy),
  };
}

export type RenewalKind = 'invitation' | 'reminder';
export type RenewalSkipReason = 'erased' | 'no_address' | 'no_email';

export interface RenewalMail {
  member: Member;
  kind: RenewalKind;
  statement: MemberStatement;
}

export interface RenewalCall {
  member: Member;
  /** The day the reminder went (`yyyy-MM-dd`), or null when the member cannot be written to. */
  remindedOn: string | null;
  reason: 'reminded' | 'no_address' | 'no_email';
}

export interface RenewalPlan {
  /** Renewal on (Settings `renouvellement`) and the automation on (its daily run sends). */
  on: boolean;
  window: RenewalWindow;
  /** E-mails still to send today, in the Members tab's order. */
  mails: RenewalMail[];
  /** E-mails of this phase already sent, to any member (found in the Mail log). */
  sent: number;
  /** Members left out of this phase, and why. */
  skipped: Array<{ member: Member; kind: RenewalKind; reason: RenewalSkipReason }>;
  /** Non-payers after the reminder (see the file's comment). */
  toCall: RenewalCall[];
  /** No Dues tab: nobody is known to have paid, so no reminder and nobody to call. */
  noDues: boolean;
}

/** Members `erased_on` set: their data was erased (member-data.ts). */
export function isErased(member: Member): boolean {
  return (member.profile.erased_on ?? '').trim() !== '';
}

/** The day a renewal e-mail was sent to a member, under either spelling of the subject, or null. */
function sentOn(memory: MailMemory, label: string, key: string, kind: RenewalKind): string | null {
  for (const lang of ['fr', 'en'] as const) {
    const day = memory.surveys.get(`${renewalSubject(label, lang)}|${key}|${kind}`);
    if (day !== undefined) return day;
  }
  return null;
}

function unreachable(member: Member): 'no_address' | 'no_email' | null {
  if (noEmail(member)) return 'no_email';
  return member.email.includes('@') ? null : 'no_address';
}

/**
 * The members of the ended term who have not paid the renewed one: active on its last day and
 * still active today (a member who left is not chased), not erased.
 */
function nonPayers(club: Club, w: RenewalWindow, today: Day): Member[] {
  const paid = new Set(club.dues.filter((d) => d.paid && d.term === w.term).map((d) => d.member.id));
  return club.members.filter(
    (m) => isActiveOn(m, w.covered.end) && isActiveOn(m, today) && !isErased(m) && !paid.has(m.id),
  );
}

export function planRenewalMails(
  club: Club,
  mailLog: MailMemory,
  today: Day,
  settings: Settings,
): RenewalPlan {
  const window = renewalWindow(today, settings);
  const on = settings.renewal.on && settings.automation.on;
  const noDues = !club.hasData.dues;
  const plan: RenewalPlan = { on, window, mails: [], sent: 0, skipped: [], toCall: [], noDues };
  if (!on) return plan;
  const remindersStarted = window.phase !== 'statements' && today >= window.reminderDue;
  if (remindersStarted && !noDues)
    for (const member of nonPayers(club, window, today)) {
      const remindedOn = sentOn(mailLog, window.termLabel, member.id, 'reminder');
      const reason = unreachable(member);
      if (remindedOn !== null) plan.toCall.push({ member, remindedOn, reason: 'reminded' });
      else if (reason) plan.toCall.push({ member, remindedOn: null, reason });
    }
  if (window.phase === 'none' || (window.phase === 'reminders' && noDues)) return plan;
  const kind: RenewalKind = window.phase === 'statements' ? 'invitation' : 'reminder';
  const recipients =
    kind === 'invitation' ? club.members.filter((m) => isActiveOn(m, today)) : nonPayers(club, window, today);
  // The statement of the covered term: up to today while it runs; dues are that term's.
  const covered = { ...window.covered, end: effectiveEnd(window.covered, today) };
  const statements = new Map(
    memberStatements(club, covered, today, window.term - 1).map((s) => [s.memberId, s]),
  );
  plan.sent = club.members.filter((m) => sentOn(mailLog, window.termLabel, m.id, kind) !== null).length;
  for (const member of recipients) {
    if (isErased(member)) {
      plan.skipped.push({ member, kind, reason: 'erased' });
      continue;
    }
    if (sentOn(mailLog, window.termLabel, member.id, kind) !== null) continue;
    const reason = unreachable(member);
    const statement = statements.get(member.id);
    if (reason) plan.skipped.push({ member, kind, reason });
    else if (statement) plan.mails.push({ member, kind, statement });
  }
  return plan;
}
