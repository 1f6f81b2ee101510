/**
 * The renewal step of the daily run (issue 20): what core/renewal.ts plans for today — the personal
 * statements in the weeks before the term ends, the one reminder to non-payers once the new term
 * has started — sent through the outbox, within the day's quota and the run's time, each e-mail
 * logged in the Mail log as it goes (the log is what makes it exactly-once). Members without an
 * address or who asked for no e-mail are logged once as skipped; an erased member gets no row at
 * all (nothing new is written about them). Also the Dashboard tab's lines on the season.
 */

import type { Report } from '../../core/compute';
import { dayFromIso } from '../../core/dates';
import type { Lang } from '../../core/i18n';
import { renderMail } from '../../core/mail-templates';
import { planRenewalMails, type RenewalPlan, renewalSubject } from '../../core/renewal';
import { renewalNotes } from '../../core/renewal-words';
import { periodText, statementText } from '../../core/statement-words';
import { openMailLog } from '../mail-log';
import { canSend, deliver, noteWaiting, type Outbox, skip } from '../outbox';
import type { ClubContext } from '../surveys/registry';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Sends today's renewal e-mails; returns how many wait for the next run. */
export function sendRenewalMails(ctx: ClubContext, box: Outbox): number {
  const today = dayFromIso(ctx.today)!;
  const plan = planRenewalMails(ctx.club, box.log.memory, today, ctx.settings);
  if (!plan.on || plan.window.phase === 'none') return 0;
  const { window } = plan;
  const subject = renewalSubject(window.termLabel, ctx.lang);
  for (const s of plan.skipped)
    if (s.reason !== 'erased')
      skip(box, { kind: s.kind, subject, key: s.member.id, member: s.member }, s.reason);
  const periode = periodText(window.covered.start, Math.min(window.covered.end, today), ctx.lang);
  for (let i = 0; i < plan.mails.length; i++) {
    const { member, kind, statement } = plan.mails[i]!;
    const to = { kind, subject, key: member.id, member };
    if (!canSend(box)) {
      noteWaiting(box, to, plan.mails.length - i);
      return plan.mails.length - i;
    }
    const mail = renderMail(
      box.templates,
      kind === 'invitation' ? 'renewal_statement' : 'renewal_reminder',
      ctx.lang,
      {
        prenom: member.firstName || member.id,
        nom: member.lastName,
        lien: ctx.settings.renewal.link,
        titre: '',
        club: box.club,
        evenements: '',
        bilan: statementText(statement, ctx.lang, ctx.settings.currency),
        periode,
        saison: window.termLabel,
      },
    );
    deliver(box, to, mail);
  }
  return 0;
}

/** The plan as of a refresh (the Mail log read once), for the Dashboard tab. */
export function renewalPlanOf(ss: Spreadsheet, report: Report): RenewalPlan {
  const memory = openMailLog(ss, report.lang).memory;
  return planRenewalMails(report.club, memory, report.today, report.settings);
}

/** The Dashboard tab's lines on the renewal season (none when it is off). */
export function renewalDashboardNotes(ss: Spreadsheet, report: Report, lang: Lang = report.lang): string[] {
  if (!report.settings.renewal.on || !report.settings.automation.on) return [];
  return renewalNotes(renewalPlanOf(ss, report), lang);
}
