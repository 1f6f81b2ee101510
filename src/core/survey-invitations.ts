/**
 * Who is asked to answer a survey and what each person gets (issue 15, move 1): the recipients
 * (attendees of the event for a hot survey, members active in the semester for a cold one), the
 * mail log rows (one per e-mail sent: survey, recipient key, invitation or reminder, day), and
 * `planInvitations`, which decides from them who gets an invitation and who a reminder —
 * invitations before reminders, never the same e-mail twice. Pure: the adapter sends and logs.
 */

import { type Day, isoOf } from './dates';
import type { Lang } from './i18n';
import { type RenderedMail, renderMail, type TemplateId, type Templates } from './mail-templates';
import { type Club, isActiveOn, type Member } from './model';
import { parsePeriod } from './periods';
import type { SurveyKind } from './surveys';

/** A survey as the planning needs it. */
export interface SurveyTarget {
  surveyId: string;
  kind: SurveyKind;
  /** The event id (hot) or the semester label (cold). */
  target: string;
}

export type InvitationKind = 'invitation' | 'reminder';

/** Who is asked: attendees of the event (hot), members active in the semester (cold), once each. */
export function recipientsOf(club: Club, survey: SurveyTarget, today: Day): Member[] {
  const seen = new Set<string>();
  const out: Member[] = [];
  if (survey.kind === 'hot') {
    for (const a of club.attendance) {
      if (a.event.id !== survey.target || a.attended !== true || !a.member || seen.has(a.member.id)) continue;
      seen.add(a.member.id);
      out.push(a.member);
    }
    return out;
  }
  const period = parsePeriod(survey.target);
  if (!period) return out;
  const at = Math.min(period.end, today);
  for (const m of club.members) {
    if (!isActiveOn(m, at) || seen.has(m.id)) continue;
    seen.add(m.id);
    out.push(m);
  }
  return out;
}

/** A short stable hash (FNV-1a, base 36): the mail log's key of an address in anonymous mode. */
export function hashOf(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return `h${h.toString(36)}`;
}

/** The key the mail log keeps for a member: the member id, or a hash of the address when anonymous. */
export function recipientKey(member: Member, anonymous: boolean): string {
  return anonymous ? hashOf(member.email.toLowerCase()) : member.id;
}

// -----------------------------------------------------------------------------------------------
// The mail log

/** `${surveyId}|${key}|${kind}` → day sent (yyyy-MM-dd). */
export type SurveyMailLog = Map<string, string>;

export const MAIL_LOG_HEADER = ['survey_id', 'recipient', 'kind', 'sent_on'];

/** The mail log from its grid (header first; rows without a survey id are left out). */
export function parseSurveyMailLog(values: unknown[][]): SurveyMailLog {
  const sent: SurveyMailLog = new Map();
  for (const row of values.slice(1)) {
    if (!row[0]) continue;
    sent.set(`${row[0]}|${row[1]}|${row[2]}`, String(row[3]));
  }
  return sent;
}

/** Records one e-mail sent in a mail log (the in-memory form of a row). */
export function logSurveyMail(
  log: SurveyMailLog,
  surveyId: string,
  key: string,
  kind: InvitationKind,
  day: string,
): void {
  log.set(`${surveyId}|${key}|${kind}`, day);
}

// -----------------------------------------------------------------------------------------------
// Planning

export interface PlannedMail {
  member: Member;
  /** The mail log's key of the recipient. */
  key: string;
  kind: InvitationKind;
}

export interface InvitationPlan {
  /** Invitations first, then reminders, each in recipient order. */
  queue: PlannedMail[];
  /** Every recipient, with or without an address. */
  recipients: Member[];
  /** Recipients without a usable address (no `@`): never in the queue. */
  withoutEmail: number;
  /** Recipients left out, and why: no address, or "no e-mail" asked (Members `no_email`). */
  skipped: Array<{ member: Member; key: string; reason: 'no_address' | 'no_email' }>;
}

export interface PlanOptions {
  anonymous: boolean;
  /** A reminder goes this many days after the invitation at the earliest (default 1: the next day). */
  reminderAfterDays?: number;
  /** `${surveyId}|${key}|${kind}|${email}` refused before: not tried again for that address. */
  refused?: Set<string>;
}

/** A member who asked for no e-mail (Members `no_email` = yes). */
export function noEmail(member: Member): boolean {
  return member.profile.no_email === 'true';
}

/**
 * Who gets what today. Each recipient with an address gets an invitation if none was logged; a
 * reminder if the invitation was sent `reminderAfterDays` days ago or more (before today by
 * default), they did not answer (a signed answer to this survey) and no reminder was logged. In
 * anonymous mode nobody is known to have answered, so no reminders are planned at all. A member
 * marked "no e-mail" gets nothing.
 */
export function planInvitations(
  club: Club,
  survey: SurveyTarget,
  mailLog: SurveyMailLog,
  today: Day,
  options: PlanOptions,
): InvitationPlan {
  const { anonymous } = options;
  const remindFrom = isoOf(today - Math.max(1, options.reminderAfterDays ?? 1) + 1);
  const answered = new Set<string>();
  if (!anonymous)
    for (const a of club.answers) if (a.surveyId === survey.surveyId && a.member) answered.add(a.member.id);
  const recipients = recipientsOf(club, survey, today);
  const invitations: PlannedMail[] = [];
  const reminders: PlannedMail[] = [];
  const skipped: InvitationPlan['skipped'] = [];
  for (const member of recipients) {
    const key = recipientKey(member, anonymous);
    if (!member.email.includes('@')) {
      skipped.push({ member, key, reason: 'no_address' });
      continue;
    }
    if (noEmail(member)) {
      skipped.push({ member, key, reason: 'no_email' });
      continue;
    }
    const tried = (kind: InvitationKind) =>
      options.refused?.has(`${survey.surveyId}|${key}|${kind}|${member.email.toLowerCase()}`) === true;
    const invited = mailLog.get(`${survey.surveyId}|${key}|invitation`);
    if (!invited) {
      if (!tried('invitation')) invitations.push({ member, key, kind: 'invitation' });
    } else if (
      !anonymous &&
      !answered.has(member.id) &&
      invited < remindFrom &&
      !mailLog.has(`${survey.surveyId}|${key}|reminder`) &&
      !tried('reminder')
    )
      reminders.push({ member, key, kind: 'reminder' });
  }
  // Invitations before reminders: a first e-mail matters more than a second one.
  return {
    queue: [...invitations, ...reminders],
    recipients,
    withoutEmail: skipped.filter((s) => s.reason === 'no_address').length,
    skipped,
  };
}

// -----------------------------------------------------------------------------------------------
// The e-mails

/** The name an e-mail greets: the first name, else the full name, else the member id. */
export function greetingName(m: Member): string {
  return m.firstName || `${m.firstName} ${m.lastName}`.trim() || m.id;
}

/** The e-mail of a survey invitation or reminder, from the club's templates (defaults if none). */
export function surveyMail(
  kind: SurveyKind,
  mail: InvitationKind,
  lang: Lang,
  values: { member: Member; title: string; url: string; club: string },
  templates: Templates = new Map(),
): RenderedMail {
  return renderMail(templates, `${kind}_${mail}` as TemplateId, lang, {
    prenom: greetingName(values.member),
    nom: values.member.lastName,
    lien: values.url,
    titre: values.title,
    club: values.club,
    evenements: '',
  });
}
