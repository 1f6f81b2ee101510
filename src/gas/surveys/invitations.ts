/**
 * Personal survey links and the invitation and reminder e-mails, within the daily mail quota and
 * resumable without sending twice: the core plans who gets what (core/survey-invitations.ts), this
 * sends and logs. `_ClubPulse_Mail` (hidden) keeps one row per e-mail sent (survey, recipient key,
 * invitation or reminder, day); in anonymous mode the recipient key is a hash of the address.
 * MailApp quota: https://developers.google.com/apps-script/reference/mail/mail-app#getremainingdailyquota
 */

import type { InvitationResult, SurveyLinksResult } from '../../core/api';
import { dayFromIso } from '../../core/dates';
import type { Member } from '../../core/model';
import {
  greetingName,
  logSurveyMail,
  MAIL_LOG_HEADER,
  parseSurveyMailLog,
  planInvitations,
  recipientsOf,
  type SurveyMailLog,
  surveyMail,
} from '../../core/survey-invitations';
import type { SurveyEntry } from '../../core/survey-registry';
import { summaryOf } from '../../core/survey-registry';
import { personalUrl } from '../../core/surveys';
import { withDocumentLock } from '../lock';
import { asText } from '../sheets';
import { prefillTemplate } from './forms';
import { busyOf, type ClubContext, findEntry, loadClub, unknownSurvey } from './registry';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const MAIL_SHEET = '_ClubPulse_Mail';

function linkFor(entry: SurveyEntry, template: string | null, member: Member, anonymous: boolean): string {
  return anonymous || !template ? entry.publicUrl : personalUrl(template, member.id);
}

export function surveyLinks(surveyId: string): SurveyLinksResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ctx = loadClub(ss);
  const entry = findEntry(ss.getSheets(), surveyId);
  if (!entry) return unknownSurvey(surveyId, ctx.lang);
  const anonymous = ctx.settings.anonymousSurveys;
  const template = anonymous ? null : prefillTemplate(entry);
  return {
    ok: true,
    survey: summaryOf(entry),
    anonymous,
    links: recipientsOf(ctx.club, entry, dayFromIso(ctx.today)!).map((m) => ({
      memberId: m.id,
      name: `${m.firstName} ${m.lastName}`.trim(),
      email: m.email,
      url: linkFor(entry, template, m, anonymous),
    })),
  };
}

// -----------------------------------------------------------------------------------------------
// The mail log

export interface MailLog {
  sheet: Sheet | null;
  sent: SurveyMailLog;
  rows: number;
}

export function readMailLog(sheets: Sheet[]): MailLog {
  const sheet = sheets.find((s) => s.getName() === MAIL_SHEET) ?? null;
  if (!sheet) return { sheet, sent: new Map(), rows: 0 };
  const values = sheet.getDataRange().getValues();
  return { sheet, sent: parseSurveyMailLog(values), rows: values.length };
}

function appendMailLog(ss: Spreadsheet, log: MailLog, rows: unknown[][]): void {
  let sheet = log.sheet;
  if (!sheet) {
    sheet = ss.insertSheet(MAIL_SHEET, ss.getSheets().length);
    sheet.hideSheet();
    sheet.getRange(1, 1, 1, 4).setValues([MAIL_LOG_HEADER]);
    log.rows = 1;
    log.sheet = sheet;
  }
  const start = Math.max(log.rows, 1) + 1;
  const needed = start + rows.length - 1;
  if (needed > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
  sheet.getRange(start, 1, rows.length, 4).setValues(rows);
  log.rows = needed;
}

// -----------------------------------------------------------------------------------------------
// Sending

/** Sends what the plan says today, within the quota, logging each e-mail sent. Under the lock. */
export function sendInvitationsHeld(ctx: ClubContext, entry: SurveyEntry): InvitationResult {
  const { ss, lang } = ctx;
  const anonymous = ctx.settings.anonymousSurveys;
  const template = anonymous ? null : prefillTemplate(entry);
  const log = readMailLog(ss.getSheets());
  const plan = planInvitations(ctx.club, entry, log.sent, dayFromIso(ctx.today)!, { anonymous });
  let quota = MailApp.getRemainingDailyQuota();
  const done: unknown[][] = [];
  const event = ctx.club.events.find((e) => e.id === entry.target);
  const title = entry.kind === 'hot' ? event?.title || entry.target : entry.target;
  const club = ctx.settings.clubName || ss.getName();
  let stopped = false;
  try {
    for (const { member: m, key, kind } of plan.queue) {
      if (quota <= 0) break;
      const values = { name: greetingName(m), title, url: linkFor(entry, template, m, anonymous), club };
      const mail = surveyMail(entry.kind, kind, lang, values);
      try {
        MailApp.sendEmail(m.email, mail.subject, mail.body, { name: club });
      } catch (_e) {
        // Quota reached earlier than announced, or a refused address: stop, resume next run.
        stopped = true;
        break;
      }
      quota--;
      logSurveyMail(log.sent, entry.surveyId, key, kind, ctx.today);
      done.push([asText(entry.surveyId), asText(key), kind, asText(ctx.today)]);
    }
  } finally {
    if (done.length > 0) appendMailLog(ss, log, done);
  }
  const invitations = done.filter((r) => r[2] === 'invitation').length;
  return {
    ok: true,
    surveyId: entry.surveyId,
    invitations,
    reminders: done.length - invitations,
    pending: plan.queue.length - done.length,
    withoutEmail: plan.withoutEmail,
    quotaLeft: stopped ? 0 : Math.max(0, quota),
  };
}

export function sendSurveyInvitations(surveyId: string): InvitationResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return withDocumentLock<InvitationResult>(
    () => {
      const ctx = loadClub(ss);
      const entry = findEntry(ss.getSheets(), surveyId);
      if (!entry) return unknownSurvey(surveyId, ctx.lang);
      return sendInvitationsHeld(ctx, entry);
    },
    () => busyOf(ss),
  );
}
