/**
 * The automation on a local workbook (issue 17): `club-pulse automation club.xlsx --on|--off` does
 * what the board member's switch does (Settings keys, Templates tab, this user's daily trigger),
 * and `club-pulse tick club.xlsx --today YYYY-MM-DD` runs one daily run as Apps Script would:
 * every installed time-driven trigger of this workbook fires, each as its own execution, with a
 * time-driven event (https://developers.google.com/apps-script/guides/triggers/events#time-driven-events).
 * Mail "sent" goes nowhere: it is written to the Mail log tab, and kept by the emulator.
 */

import type { AutomationResult, AutomationRun, AutomationStatus } from '../core/api';
import { ownerName } from '../core/automation-owner';
import { wallClockAt } from '../core/timezone';
import { triggerStore } from './emulator/user-store';
import type { LoadedBundle } from './runtime';
import type { WorkbookModel } from './workbook/model';

type Lang = 'fr' | 'en';

/** The daily triggers of this workbook (every user's in the workbook, or this user's in the user store). */
export function dailyTriggers(
  model: WorkbookModel,
  userStore = process.env.CLUB_PULSE_USER_STORE || undefined,
) {
  return triggerStore(model, userStore)
    .list()
    .filter(
      (t) =>
        t.eventType === 'CLOCK' && (t.documentId === undefined || t.documentId === model.meta.spreadsheetId),
    );
}

/** The time-driven event object of a run at `at` (epoch ms) in the workbook's time zone. */
export function timeDrivenEvent(at: number, timeZone: string, triggerUid: string): Record<string, unknown> {
  const w = wallClockAt(at, timeZone);
  const day = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  return {
    authMode: 'FULL',
    year: w.year,
    month: w.month,
    'day-of-month': w.day,
    'day-of-week': day === 0 ? 7 : day,
    hour: w.hour,
    minute: w.minute,
    second: w.second,
    timezone: timeZone,
    triggerUid,
  };
}

/**
 * Fires every daily trigger of the workbook once, each as a time-driven execution (the emulator's
 * platform switch `timeDrivenSeesActiveSpreadsheet` decides what getActiveSpreadsheet answers).
 * Returns how many fired; an execution that throws (killed) is reported, the others still run.
 */
export function fireDailyTriggers(
  bundle: LoadedBundle,
  model: WorkbookModel,
  at: number,
  userStore?: string,
): { fired: number; failed: string[] } {
  const failed: string[] = [];
  const triggers = dailyTriggers(model, userStore);
  for (const t of triggers) {
    // A trigger runs under its creator's account (Session.getEffectiveUser).
    bundle.emulator.setTimeDriven(true, t.userEmail);
    try {
      bundle.call(t.handlerFunction, timeDrivenEvent(at, model.meta.timeZone, t.uniqueId));
    } catch (e) {
      failed.push(e instanceof Error ? e.message : String(e));
    } finally {
      bundle.emulator.setTimeDriven(false);
    }
  }
  return { fired: triggers.length, failed };
}

const TEXT = {
  on: { fr: 'Automatisation activée depuis le {since}.', en: 'Automation on since {since}.' },
  off: { fr: 'Automatisation désactivée.', en: 'Automation off.' },
  trigger: {
    fr: 'Déclencheur quotidien de cet utilisateur : {state}.',
    en: 'This user’s daily trigger: {state}.',
  },
  owner: { fr: 'Responsable : {owner}, depuis le {since}.', en: 'Owner: {owner}, since {since}.' },
  installed: { fr: 'installé', en: 'installed' },
  missing: { fr: 'absent', en: 'not installed' },
  none: {
    fr: 'Aucun déclencheur quotidien sur ce classeur : rien n’est parti (club-pulse automation --on).',
    en: 'No daily trigger on this workbook: nothing sent (club-pulse automation --on).',
  },
  run: {
    fr: 'Passage du {day} : {outcome} ; envoyés : {sent} ; en attente : {pending} ; quota restant : {quota}.',
    en: 'Run of {day}: {outcome}; sent: {sent}; waiting: {pending}; quota left: {quota}.',
  },
  error: { fr: 'Erreur : {error}', en: 'Error: {error}' },
  outcomes: {
    done: { fr: 'terminé', en: 'done' },
    partial: { fr: 'à reprendre au prochain passage', en: 'to be resumed by the next run' },
    off: { fr: 'automatisation désactivée, rien envoyé', en: 'automation off, nothing sent' },
    busy: { fr: 'classeur occupé, repris au prochain passage', en: 'workbook busy, resumed by the next run' },
    error: { fr: 'erreur', en: 'error' },
    running: { fr: 'interrompu', en: 'stopped midway' },
  },
};

function say(lang: Lang, text: { fr: string; en: string }, values: Record<string, unknown> = {}): string {
  return text[lang].replace(/\{(\w+)\}/g, (w, k: string) => (k in values ? String(values[k]) : w));
}

export function describeSwitch(result: AutomationResult, lang: Lang): string[] {
  if (!result.ok) return [result.message];
  const s: AutomationStatus = result.status;
  const lines = [s.on ? say(lang, TEXT.on, { since: s.since ?? '' }) : say(lang, TEXT.off)];
  lines.push(say(lang, TEXT.trigger, { state: say(lang, s.installedForMe ? TEXT.installed : TEXT.missing) }));
  // Issue 20: who owns it (core/automation-owner.ts).
  if (s.owner)
    lines.push(
      say(lang, TEXT.owner, { owner: ownerName({ ...s.owner, triggerIds: [] }, lang), since: s.owner.since }),
    );
  if (result.warning) lines.push(`! ${result.warning}`);
  return lines;
}

export function describeRun(run: AutomationRun | null, fired: number, lang: Lang): string[] {
  if (fired === 0 || !run) return [say(lang, TEXT.none)];
  const lines = [
    say(lang, TEXT.run, {
      day: run.day,
      outcome: say(lang, TEXT.outcomes[run.outcome]),
      sent: run.sent,
      pending: run.pending,
      quota: run.quotaLeft ?? '—',
    }),
  ];
  if (run.error) lines.push(say(lang, TEXT.error, { error: run.error }));
  return lines;
}
