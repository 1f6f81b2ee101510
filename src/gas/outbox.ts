/**
 * Sending e-mails within the daily quota, each one logged in the Mail log the moment it goes
 * (mail-log.ts), for the survey invitations of the sidebar and for the daily automation alike.
 * MailApp.getRemainingDailyQuota() gives the recipients left for the day (100 for a consumer
 * account, 1,500 for Workspace: https://developers.google.com/apps-script/guides/services/quotas);
 * https://developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota() and
 * #sendEmail(String,String,String,Object) (options `name`, `htmlBody`, `inlineImages`: image key →
 * Blob, shown by `<img src="cid:KEY">`). A send that throws while
 * quota is left is a refused address: logged, not tried again for that address, the others go on.
 * A run also stops before its deadline (the 6-minute limit of an execution:
 * https://developers.google.com/apps-script/guides/services/quotas#current_limitations).
 */

import type { Lang } from '../core/i18n';
import { type MailKind, type Outcome, outcomeText } from '../core/mail-log';
import type { RenderedMail, Templates } from '../core/mail-templates';
import type { Member } from '../core/model';
import { now } from './clock';
import { logMail, type MailLog, openMailLog } from './mail-log';
import { readTemplates } from './templates';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Outbox {
  log: MailLog;
  lang: Lang;
  /** Today, `yyyy-MM-dd` in the spreadsheet time zone. */
  today: string;
  quota: number;
  /** Why sending stopped in this run, if it did. */
  stopped: 'quota' | 'time' | null;
  sent: number;
  club: string;
  templates: Templates;
  /** Epoch ms past which nothing more is sent (null: no deadline). */
  deadline: number | null;
  /** Whether this run logged its quota row already. */
  noted: boolean;
}

export interface Addressee {
  kind: MailKind;
  /** Survey id, or the nudge subject. */
  subject: string;
  /** Member id (a fingerprint for an anonymous survey). */
  key: string;
  member: Member;
}

export function openOutbox(
  ss: Spreadsheet,
  lang: Lang,
  today: string,
  club: string,
  deadline: number | null = null,
): Outbox {
  return {
    log: openMailLog(ss, lang),
    lang,
    today,
    quota: MailApp.getRemainingDailyQuota(),
    stopped: null,
    sent: 0,
    club,
    templates: readTemplates(ss),
    deadline,
    noted: false,
  };
}

function row(box: Outbox, to: Addressee, email: string, outcome: string, quotaLeft: number | '') {
  return { date: box.today, kind: to.kind, subject: to.subject, key: to.key, email, outcome, quotaLeft };
}

/** Whether more may be sent in this run (quota left, deadline not reached). */
export function canSend(box: Outbox): boolean {
  if (box.stopped) return false;
  if (box.quota <= 0) box.stopped = 'quota';
  else if (box.deadline !== null && now().getTime() >= box.deadline) box.stopped = 'time';
  return box.stopped === null;
}

/** Sends one e-mail and logs it; false when it did not go (see `box.stopped` for why). */
export function deliver(
  box: Outbox,
  to: Addressee,
  mail: RenderedMail & { inlineImages?: Record<string, GoogleAppsScript.Base.BlobSource> },
): boolean {
  if (!canSend(box)) return false;
  const email = to.member.email.trim();
  const options = { name: box.club, htmlBody: mail.htmlBody };
  try {
    MailApp.sendEmail(
      email,
      mail.subject,
      mail.body,
      mail.inlineImages ? { ...options, inlineImages: mail.inlineImages } : options,
    );
  } catch (e) {
    box.quota = MailApp.getRemainingDailyQuota();
    if (box.quota <= 0) {
      box.stopped = 'quota';
      return false;
    }
    const reason = e instanceof Error ? e.message : String(e);
    logMail(box.log, row(box, to, email, outcomeText('refused', box.lang, { reason }), box.quota), 'refused');
    return false;
  }
  box.quota--;
  box.sent++;
  logMail(box.log, row(box, to, email, outcomeText('sent', box.lang), box.quota), 'sent');
  return true;
}

/** Logs (once) why a person gets nothing: no address, or "no e-mail" asked. */
export function skip(box: Outbox, to: Addressee, outcome: Extract<Outcome, 'no_address' | 'no_email'>): void {
  logMail(box.log, row(box, to, to.member.email.trim(), outcomeText(outcome, box.lang), ''), outcome);
}

/** Logs that the quota stopped this run with `count` e-mails waiting (one row per run). */
export function noteWaiting(box: Outbox, next: Addressee, count: number): void {
  if (box.stopped !== 'quota' || count <= 0 || box.noted) return;
  box.noted = true;
  logMail(
    box.log,
    { ...row(box, next, '', outcomeText('quota', box.lang, { count }), 0), key: next.key },
    'quota',
  );
}
