/**
 * relaunch_inactive's list (src/core/recommendations/inactive.ts), hand-worked one activity source at
 * a time (issue 23): each source alone is enough to judge, a row before the three months does not make
 * a member active, and Events without Attendance track nothing. Period 2026-S1, today 2026-09-15: the
 * three months run from 01/04/2026 to 30/06/2026. Three members, all joined in 2025: M001 active in the
 * window, M002 active only on 31/03 (the day before), M003 nothing.
 */

import { describe, expect, it } from 'vitest';
import type { RawTab } from '../../../src/core/read';
import { ATTENDANCE_HEADER, EVENTS_HEADER, MEMBERS_HEADER, memberRows, run, tab } from '../fixtures';

const members = tab('Membres', MEMBERS_HEADER, memberRows(3, '01/01/2025'));

/** The ids relaunch_inactive names, or null when it does not fire. */
function inactive(tabs: RawTab[]): unknown {
  const relaunch = run([members, ...tabs]).recommendations.find((r) => r.id === 'relaunch_inactive');
  return relaunch ? relaunch.figures.members : null;
}

// Each source alone: M001 active in the window, M002 only on 31/03, and a row naming nobody (or, for
// referrals, M003 receiving rather than giving).
const SOURCES: Array<[string, RawTab]> = [
  [
    'contents (authors)',
    tab(
      'Contenus',
      ['Date', 'Auteur', 'Titre'],
      [
        ['15/04/2026', 'M001', 'in the window'],
        ['31/03/2026', 'M002', 'the day before'],
        ['20/04/2026', '', 'no author'],
      ],
    ),
  ],
  [
    'interactions',
    tab(
      'Interactions',
      ['Date', 'Membre', 'Type'],
      [
        ['30/06/2026', 'M001', 'entraide'],
        ['31/03/2026', 'M002', 'entraide'],
        ['20/04/2026', '', 'entraide'],
      ],
    ),
  ],
  [
    'referrals (givers)',
    tab(
      'Recommandations',
      ['Date', 'Donneur', 'Bénéficiaire'],
      [
        ['01/04/2026', 'M001', 'Client X'],
        ['31/03/2026', 'M002', 'Client Y'],
        ['10/04/2026', 'Client Z', 'M003'],
      ],
    ),
  ],
  [
    'signed survey answers',
    tab(
      'Réponses',
      ['Horodatage', 'ID enquête', 'Membre', 'NPS'],
      [
        ['15/05/2026', 'COLD-2026-S1', 'M001', 9],
        ['31/03/2026', 'COLD-2026-S1', 'M002', 9],
      ],
    ),
  ],
];

describe('relaunch_inactive, one activity source at a time', () => {
  it.each(SOURCES)('%s alone: only rows of the window make a member active', (_, source) => {
    expect(inactive([source])).toEqual(['M002', 'M003']);
  });

  it('attendance: only events attended in the window count', () => {
    const events = tab('Événements', EVENTS_HEADER, [
      ['E1', '31/03/2026', 'atelier', ''],
      ['E2', '02/04/2026', 'atelier', ''],
    ]);
    const attendance = tab('Participations', ATTENDANCE_HEADER, [
      ['E2', 'M001', 'oui', 'oui', ''],
      ['E1', 'M002', 'oui', 'oui', ''],
      ['E2', 'M003', 'oui', 'non', ''], // registered, did not come
    ]);
    expect(inactive([events, attendance])).toEqual(['M002', 'M003']);
  });

  it('events without attendance rows track no activity: nobody is called inactive', () => {
    const events = tab('Événements', EVENTS_HEADER, [['E1', '02/04/2026', 'atelier', '']]);
    expect(inactive([events])).toBeNull();
    // Attendance rows need their events: without an Events tab, nothing is tracked either.
    expect(
      inactive([tab('Participations', ATTENDANCE_HEADER, [['E1', 'M001', 'oui', 'oui', '']])]),
    ).toBeNull();
  });
});
