/**
 * Personal survey links and the invitation and reminder e-mails, within the daily mail quota and
 * resumable without sending twice: the core plans who gets what (core/survey-invitations.ts), this
 * sends (outbox.ts) and logs in the Mail log tab (mail-log.ts); in anonymous mode the member id
 * column holds a fingerprint of the address, not the member id.
 * MailApp quota: https://developers.google.com/apps-script/reference/mail/mail-app#getremainingdailyquota
 */

import type { InvitationResult, SurveyLinksResult } from '../../core/api';
import { dayFromIso } from '../../core/dates';
import type { Member } from '../../core/model';
import { planInvitations, recipientsOf, surveyMail } from '../../core/survey-invitations';
import type { SurveyEntry } from '../../core/survey-registry';
import { summaryOf } from '../../core/survey-registry';
import { personalUrl } from '../../core/surveys';
import { withDocumentLock } from '../lock';
import { canSend, deliver, noteWaiting, type Outbox, openOutbox, skip } from '../outbox';
import { prefillTemplate } from './forms';
import { busyOf, type ClubContext, findEntry, loadClub, unknownSurvey } from './registry';

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
// Sending

export interface SurveySendResult {
  invitations: number;
  reminders: number;
  pending: number;
  withoutEmail: number;
}

/**
 * Sends what the plan says today for one survey through the outbox (quota, deadline, Mail log),
 * logging once each person left out and why. Under the lock the caller holds.
 */
export function sendSurvey(
  ctx: ClubContext,
  box: Outbox,
  entry: SurveyEntry,
  reminderAfterDays?: number,
): SurveySendResult {
  const anonymous = ctx.settings.anonymousSurveys;
  const plan = planInvitations(ctx.club, entry, box.log.memory.surveys, dayFromIso(ctx.today)!, {
    anonymous,
    reminderAfterDays,
    refused: box.log.memory.refused,
  });
  for (const s of plan.skipped) skip(box, { kind: 'invitation', subject: entry.surveyId, ...s }, s.reason);
  const template = anonymous || plan.queue.length === 0 ? null : prefillTemplate(entry);
  const event = ctx.club.events.find((e) => e.id === entry.target);
  const title = entry.kind === 'hot' ? event?.title || entry.target : entry.target;
  const done = { invitation: 0, reminder: 0 };
  let tried = 0;
  for (const { member, key, kind } of plan.queue) {
    if (!canSend(box)) break;
    tried++;
    const url = linkFor(entry, template, member, anonymous);
    const mail = surveyMail(
      entry.kind,
      kind,
      ctx.lang,
      { member, title, url, club: box.club },
      box.templates,
    );
    if (deliver(box, { kind, subject: entry.surveyId, key, member }, mail)) done[kind]++;
    else if (box.stopped) tried--;
  }
  const pending = plan.queue.length - tried;
  const next = plan.queue[tried];
  if (next)
    noteWaiting(
      box,
      { kind: next.kind, subject: entry.surveyId, key: next.key, member: next.member },
      pending,
    );
  return { invitations: done.invitation, reminders: done.reminder, pending, withoutEmail: plan.withoutEmail };
}

export function sendSurveyInvitations(surveyId: string): InvitationResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return withDocumentLock<InvitationResult>(
    () => {
      const ctx = loadClub(ss);
      const entry = findEntry(ss.getSheets(), surveyId);
      if (!entry) return unknownSurvey(surveyId, ctx.lang);
      const box = openOutbox(ss, ctx.lang, ctx.today, ctx.settings.clubName || ss.getName());
      const result = sendSurvey(ctx, box, entry);
      return { ok: true, surveyId: entry.surveyId, ...result, quotaLeft: Math.max(0, box.quota) };
    },
    () => busyOf(ss),
  );
}
