/**
 * The automation's Dashboard line (src/core/automation-words.ts), hand-worked (issue 23): English
 * lines without a run and with an error, and a day written dd/MM/yyyy in French only when it is a
 * whole `yyyy-MM-dd` (anything else is shown as given).
 */

import { describe, expect, it } from 'vitest';
import type { AutomationRun } from '../../../src/core/api';
import { automationNote } from '../../../src/core/automation-words';

const run = (day: string): AutomationRun =>
  ({
    startedAt: `${day}T06:00:00.000Z`,
    day,
    outcome: 'done',
    sent: 2,
    pending: 0,
    quotaLeft: 98,
  }) as AutomationRun;

describe('automationNote', () => {
  it('says in English that nothing ran yet, and the last error', () => {
    expect(automationNote(null, { day: '2026-10-30', error: 'Quota reached' }, 'en')).toBe(
      'Automation: no run yet · last error on 2026-10-30: Quota reached',
    );
  });

  it('turns only a whole ISO day into a French date', () => {
    expect(automationNote(run('2026-11-03'), null, 'fr')).toBe(
      'Automatisation : dernier passage le 03/11/2026 (terminé, 2 e-mail(s) envoyé(s))',
    );
    expect(automationNote(run('x2026-11-03'), null, 'fr')).toContain('dernier passage le x2026-11-03 (');
    expect(automationNote(run('2026-11-03T06'), null, 'fr')).toContain('dernier passage le 2026-11-03T06 (');
  });
});
