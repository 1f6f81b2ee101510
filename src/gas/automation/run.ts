/**
 * The daily run of the automation (the handler of the time-driven trigger): under the document
 * lock, short, and resumable. It takes the answers in, then does what core/automation.ts plans for
 * today — the hot survey of each event once its delay has passed (created if missing, attendees
 * invited, one reminder later), the cold survey of the semester that ended, the nudges — sending
 * through the outbox (quota, Mail log row by row). It stops by itself well before the 6-minute
 * limit of an execution (https://developers.google.com/apps-script/guides/services/quotas#current_limitations);
 * what it did not reach is done by the next run, never twice.
 *
 * The time-driven event (https://developers.google.com/apps-script/guides/triggers/events#time-driven-events)
 * carries `triggerUid`. Whether such a run of an add-on sees the document through
 * SpreadsheetApp.getActiveSpreadsheet() is not documented (docs/PLATFORM.md): when it returns null,
 * the run opens the document by the id kept for its trigger (SpreadsheetApp.openById, which needs the
 * `spreadsheets` scope: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openbyidid).
 */

import type { AutomationRun } from '../../core/api';
import { eventLines, planAutomation } from '../../core/automation';
import { dayFromIso } from '../../core/dates';
import { NUDGE_SUBJECT } from '../../core/mail-log';
import { renderMail } from '../../core/mail-templates';
import { now } from '../clock';
import { withDocumentLock } from '../lock';
import { canSend, deliver, type Outbox, openOutbox } from '../outbox';
import { todayIn } from '../sheets';
import { createColdSurveyHeld, createHotSurveyHeld } from '../surveys/forms';
import { syncSurveyResponses } from '../surveys/intake';
import { sendSurvey } from '../surveys/invitations';
import { type ClubContext, findEntry, loadClub } from '../surveys/registry';
import { asTriggerUid, runMayAct } from './owner';
import { sendRenewalMails } from './renewal';
import { documentOf, recordRun } from './status';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A run stops starting new work after this long (the execution limit is 6 minutes). */
export const RUN_BUDGET_MS = 4 * 60 * 1000;

/** The document of the run: the active one, else the one kept for the trigger. */
function documentOfRun(e: { triggerUid?: string } | undefined): { ss: Spreadsheet | null; saw: boolean } {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return { ss: active, saw: true };
  const id = e?.triggerUid ? documentOf(String(e.triggerUid)) : null;
  if (!id) return { ss: null, saw: false };
  try {
    return { ss: SpreadsheetApp.openById(id), saw: false };
  } catch (err) {
    console.error(`Club Pulse: automation cannot open its spreadsheet: ${String(err)}`);
    return { ss: null, saw: false };
  }
}

/** The survey of a target, created when missing (false when it could not be). */
function surveyOf(ctx: ClubContext, kind: 'hot' | 'cold', target: string, box: Outbox): string | null {
  const surveyId = kind === 'hot' ? `HOT-${target}` : `COLD-${target}`;
  if (findEntry(ctx.ss.getSheets(), surveyId)) return surveyId;
  if (!canSend(box)) return null;
  const created = kind === 'hot' ? createHotSurveyHeld(ctx, target) : createColdSurveyHeld(ctx, target);
  if (!created.ok) throw new Error(created.message);
  return surveyId;
}

function runHeld(ss: Spreadsheet, run: AutomationRun, deadline: number): AutomationRun {
  syncSurveyResponses(ss, true);
  const ctx = loadClub(ss);
  run.day = ctx.today;
  const auto = ctx.settings.automation;
  if (!auto.on) return { ...run, outcome: 'off' };
  const box = openOutbox(ss, ctx.lang, ctx.today, ctx.settings.clubName || ss.getName(), deadline);
  const plan = planAutomation(ctx.club, auto, box.log.memory.nudges, dayFromIso(ctx.today)!);
  let pending = 0;
  const targets: Array<['hot' | 'cold', string]> = plan.hotEvents.map(
    (e) => ['hot', e.id] as ['hot', string],
  );
  if (plan.coldSemester) targets.push(['cold', plan.coldSemester]);
  for (const [kind, target] of targets) {
    const surveyId = surveyOf(ctx, kind, target, box);
    const entry = surveyId ? findEntry(ss.getSheets(), surveyId) : undefined;
    if (!entry) continue;
    pending += sendSurvey(ctx, box, entry, auto.reminderAfterDays).pending;
  }
  // The renewal season (issue 20): statements before the term ends, one reminder after (renewal.ts).
  pending += sendRenewalMails(ctx, box);
  const evenements = eventLines(plan.nextEvents, ctx.lang);
  plan.nudges.forEach((member, i) => {
    if (!canSend(box)) {
      pending += plan.nudges.length - i;
      return;
    }
    const mail = renderMail(box.templates, 'nudge', ctx.lang, {
      prenom: member.firstName || member.id,
      nom: member.lastName,
      lien: '',
      titre: '',
      club: box.club,
      evenements,
    });
    deliver(box, { kind: 'nudge', subject: NUDGE_SUBJECT[ctx.lang], key: member.id, member }, mail);
  });
  return {
    ...run,
    outcome: box.stopped || pending > 0 ? 'partial' : 'done',
    sent: box.sent,
    pending,
    quotaLeft: Math.max(0, box.quota),
  };
}

/** The handler of the daily time-driven trigger. Never throws: the error is kept for the sidebar. */
export function onAutomationTick(e?: { triggerUid?: string }): void {
  const startedAt = now();
  const { ss, saw } = documentOfRun(e);
  if (!ss) return;
  // Issue 20: a former owner's trigger (still installed: only its creator can remove it) does
  // nothing but note its run, so two owners never both send (owner.ts).
  if (!runMayAct(asTriggerUid(e), todayIn(ss.getSpreadsheetTimeZone())).acts) return;
  const run: AutomationRun = {
    startedAt: startedAt.toISOString(),
    day: '',
    outcome: 'running',
    sent: 0,
    pending: 0,
    quotaLeft: null,
    error: null,
    sawActiveSpreadsheet: saw,
  };
  const finished = withDocumentLock<AutomationRun>(
    () => {
      // Kept first, so that a run killed midway says so.
      recordRun(run);
      try {
        return runHeld(ss, run, startedAt.getTime() + RUN_BUDGET_MS);
      } catch (err) {
        return { ...run, outcome: 'error', error: err instanceof Error ? err.message : String(err) };
      }
    },
    () => ({ ...run, outcome: 'busy' }),
  );
  recordRun(finished);
}
