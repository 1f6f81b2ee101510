import { describe, expect, it } from 'vitest';
import { automationNote } from '../../src/core/automation-words';

const run = {
  startedAt: '2026-11-03T06:00:00.000Z',
  day: '2026-11-03',
  outcome: 'partial' as const,
  sent: 12,
  pending: 3,
  quotaLeft: 0,
  error: null,
  sawActiveSpreadsheet: true,
};

describe('the automation on the Dashboard tab', () => {
  it('says the last run and the last error in the club language', () => {
    expect(automationNote(run, { day: '2026-10-30', error: 'Quota atteint' }, 'fr')).toBe(
      'Automatisation : dernier passage le 03/11/2026 (à poursuivre demain, 12 e-mail(s) envoyé(s)) · dernière erreur le 30/10/2026 : Quota atteint',
    );
    expect(automationNote(run, null, 'en')).toBe(
      'Automation: last run on 2026-11-03 (to be continued tomorrow, 12 email(s) sent)',
    );
    expect(automationNote(null, null, 'fr')).toBe('Automatisation : aucun passage pour l’instant');
  });
});
