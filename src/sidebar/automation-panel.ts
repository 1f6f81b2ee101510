/**
 * « Automatisation » / Automation (issue 17), in the Surveys panel: the daily run's state (on since,
 * whether this user's daily trigger is installed, the last run and the last error; add-on triggers
 * send no failure e-mail, so this is where a board member sees one) and the switch; who owns it and
 * « Reprendre l'automatisation » for another board member (issue 20). The state is
 * asked for on demand, so that opening the sidebar costs no extra call. Text only, never HTML.
 */
import type { AutomationStatus } from '../core/api';
import { ignoredRunNote, offBoardNote, ownerName } from '../core/automation-owner';
import { outcomeWord } from '../core/automation-words';
import { server } from './server';
import { ask, byId, currentLang, dayText, onLanguage, sentenceOf, showAlert, t } from './ui';

let status: AutomationStatus | null = null;
let busy = false;

/** The state in sentences, in the sidebar's language. */
export function automationLines(s: AutomationStatus): string[] {
  const lines = [
    s.on
      ? s.since
        ? t('automationOnSince', { since: dayText(s.since) })
        : t('automationOn')
      : t('automationOff'),
  ];
  if (s.on && !s.installedForMe) lines.push(t('automationNotMine'));
  lines.push(...ownerLines(s));
  lines.push(
    s.lastRun
      ? t('automationLastRun', {
          day: dayText(s.lastRun.day),
          outcome: outcomeWord(s.lastRun.outcome, currentLang()),
        })
      : t('automationNeverRun'),
  );
  if (s.lastError)
    lines.push(t('automationLastError', { day: dayText(s.lastError.day), error: s.lastError.error }));
  return lines;
}

/** Who owns it (issue 20): the owner, whether it is this user, the board list, a former owner's run. */
function ownerLines(s: AutomationStatus): string[] {
  const lang = currentLang();
  const lines: string[] = [];
  if (s.owner) {
    const owner = { ...s.owner, triggerIds: [] };
    lines.push(t('automationOwner', { owner: ownerName(owner, lang), since: dayText(s.owner.since) }));
    if (s.ownerIsMe) lines.push(t('automationOwnerMe'));
    if (s.ownerOffBoard) lines.push(offBoardNote(owner, lang));
  } else if (s.on) lines.push(t('automationOwnerUnknown'));
  if (s.on && s.ignoredRun) lines.push(ignoredRunNote(s.ignoredRun, lang));
  return lines;
}

function render(): void {
  if (!status) return;
  byId('automation-state').textContent = automationLines(status).join(' ');
  byId('automation-takeover').hidden = !(status.on && !status.ownerIsMe);
  byId('automation-toggle').textContent = t(status.on ? 'automationSwitchOff' : 'automationSwitchOn');
  byId('automation-body').hidden = false;
}

async function show(): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    status = (await server.automationStatus()) ?? null;
    if (status) render();
    else showAlert(t('noAnswer'));
  } catch (failure) {
    showAlert(sentenceOf(failure));
  }
  busy = false;
}

async function toggle(takeOver: boolean): Promise<void> {
  if (busy || !status) return;
  busy = true;
  const button = byId<HTMLButtonElement>(takeOver ? 'automation-takeover' : 'automation-toggle');
  button.disabled = true;
  const on = !status.on;
  const result = await ask(() => (takeOver ? server.takeOverAutomation() : server.setAutomation({ on })));
  if (result?.ok) {
    status = result.status;
    render();
    byId('automation-outcome').textContent = result.warning ?? '';
  }
  busy = false;
  button.disabled = false;
}

export function initAutomationPanel(): void {
  byId('automation-show').addEventListener('click', () => void show());
  byId('automation-toggle').addEventListener('click', () => void toggle(false));
  byId('automation-takeover').addEventListener('click', () => void toggle(true));
  onLanguage(render);
}
