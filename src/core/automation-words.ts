/**
 * The automation's state in the club's words (issue 17), for the Dashboard tab: add-on triggers
 * send no failure e-mail (https://developers.google.com/workspace/add-ons/concepts/editor-triggers),
 * so the board reads the last run and the last error here and in the sidebar.
 */

import type { AutomationRun } from './api';
import type { Lang } from './i18n';

const OUTCOME: Record<AutomationRun['outcome'], { fr: string; en: string }> = {
  done: { fr: 'terminé', en: 'done' },
  partial: { fr: 'à poursuivre demain', en: 'to be continued tomorrow' },
  off: { fr: 'automatisation désactivée', en: 'automation off' },
  busy: { fr: 'classeur occupé', en: 'spreadsheet busy' },
  error: { fr: 'erreur', en: 'error' },
  running: { fr: 'interrompu', en: 'interrupted' },
};

/** How a run ended, in the club's words (the Dashboard tab and the sidebar share them). */
export function outcomeWord(outcome: AutomationRun['outcome'], lang: Lang): string {
  return OUTCOME[outcome][lang];
}

/** `yyyy-MM-dd` as the club reads it: dd/MM/yyyy in French. */
function day(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m && lang === 'fr' ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** One line for the Dashboard tab when automation is on: its last run and its last error. */
export function automationNote(
  lastRun: AutomationRun | null,
  lastError: { day: string; error: string } | null,
  lang: Lang,
): string {
  const fr = lang === 'fr';
  const run = lastRun
    ? fr
      ? `dernier passage le ${day(lastRun.day, lang)} (${outcomeWord(lastRun.outcome, 'fr')}, ${lastRun.sent} e-mail(s) envoyé(s))`
      : `last run on ${day(lastRun.day, lang)} (${outcomeWord(lastRun.outcome, 'en')}, ${lastRun.sent} email(s) sent)`
    : fr
      ? 'aucun passage pour l’instant'
      : 'no run yet';
  const error = lastError
    ? fr
      ? ` · dernière erreur le ${day(lastError.day, lang)} : ${lastError.error}`
      : ` · last error on ${day(lastError.day, lang)}: ${lastError.error}`
    : '';
  return `${fr ? 'Automatisation : ' : 'Automation: '}${run}${error}`;
}
