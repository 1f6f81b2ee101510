/**
 * « Automatisation » / Automation (issue 17), in the Surveys panel: the daily run's state (on since,
 * whether this user's daily trigger is installed, the last run and the last error; add-on triggers
 * send no failure e-mail, so this is where a board member sees one) and the switch. The state is
 * asked for on demand, so that opening the sidebar costs no extra call. Text only, never HTML.
 */
import type { AutomationStatus } from '../core/api';
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

function render(): void {
  if (!status) return;
  byId('automation-state').textContent = automationLines(status).join(' ');
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

async function toggle(): Promise<void> {
  if (busy || !status) return;
  busy = true;
  const button = byId<HTMLButtonElement>('automation-toggle');
  button.disabled = true;
  const result = await ask(() => server.setAutomation({ on: !status?.on }));
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
  byId('automation-toggle').addEventListener('click', () => void toggle());
  onLanguage(render);
}
