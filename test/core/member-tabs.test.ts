/**
 * The members' tabs (src/core/member-tabs.ts) from a small club, through the real report: the
 * Palmarès / Leaderboard and Bilan membres / Member statements laid out from scores and statements
 * computed from the tabs, every number worked out by hand below. (layouts.test.ts checks the same
 * functions on hand-made scores.)
 *
 * Period 2026-S1, today 2026-09-15: the score window is 01/01–30/06/2026 (6 months), the previous
 * one 01/07–31/12/2025. Members M001 Alice Martin, M002 Bruno Petit, M003 Chloé Durand, all joined
 * 01/01/2025, and M004 Emma Roux, a prospect (never scored, no statement).
 *
 * Events: E0 10/11/2025 (previous window), E1 12/01, E2 09/02, E3 09/03, E4 13/04/2026.
 * Attendance: M001 at E0 and E1–E4; M002 at E1 and E2; M003 nowhere.
 * Referrals in the window: M001 gives 6 (open, to outside); M002 gives 3: two open, one won 3,000 €
 * received by M001, closed 10/03/2026. Dues 2026: M001 400 € paid 15/01/2026, M002 400 € paid
 * 20/01/2026.
 *
 * Scores (default tiers, SPEC §4):
 * - M001: attendance 4/4 = 100 % → 20; referrals 6 ÷ 6 months = 1/month → 15; total 35, red
 *   (30 ≤ 35 < 50), 70 − 35 = 35 to green. Previous window: E0 1/1 = 100 % → 20, nothing else → 20;
 *   trend 35 − 20 = +15.
 * - M002: attendance 2/4 = 50 % → 10; referrals 3 ÷ 6 = 0.5/month → 10; business 3,000 ≥ 2,500 → 10;
 *   total 30, red, 40 to green. Previous window: E0 held, not attended: 0 → trend +30.
 * - M003: 0, grey, 70 to green; previous 0, trend 0 (« = 0 »).
 * Ranks: M001 1st (35), M002 2nd (30), M003 3rd (0).
 *
 * Statements (period 2026-S1): M001 events 4 (E1–E4), given 6, received 1, business received
 * 3,000, given 0, dues 400, per euro 3,000 ÷ 400 = 7.5. M002 events 2, given 3, received 0,
 * business received 0, given 3,000, dues 400, per euro 0 ÷ 400 = 0. M003 all 0, no dues → null.
 */

import { describe, expect, it } from 'vitest';
import { buildLeaderboard, buildStatements, LEADERBOARD_HEADER } from '../../src/core/member-tabs';
import { SCORE_COMPONENTS, scoreTiers } from '../../src/core/score';
import { EVENTS_HEADER, MEMBERS_HEADER, run, tab } from './fixtures';

const REFERRALS = ['Date', 'Donneur', 'Bénéficiaire', 'Statut', 'Valeur', 'Date de clôture'];
const times = <T>(n: number, row: T): T[] => Array.from({ length: n }, () => row);

function smallClub(settings: unknown[][] = []) {
  return [
    tab('Membres', MEMBERS_HEADER, [
      ['M001', 'Alice', 'Martin', '', '01/01/2025', '', ''],
      ['M002', 'Bruno', 'Petit', '', '01/01/2025', '', ''],
      ['M003', 'Chloé', 'Durand', '', '01/01/2025', '', ''],
      ['M004', 'Emma', 'Roux', '', '01/01/2025', '', 'prospect'],
    ]),
    tab('Événements', EVENTS_HEADER, [
      ['E0', '10/11/2025', 'atelier', ''],
      ['E1', '12/01/2026', 'atelier', ''],
      ['E2', '09/02/2026', 'atelier', ''],
      ['E3', '09/03/2026', 'atelier', ''],
      ['E4', '13/04/2026', 'atelier', ''],
    ]),
    tab(
      'Participations',
      ['ID événement', 'Membre', 'Inscrit', 'Présent'],
      [
        ...['E0', 'E1', 'E2', 'E3', 'E4'].map((e) => [e, 'M001', 'oui', 'oui']),
        ['E1', 'M002', 'oui', 'oui'],
        ['E2', 'M002', 'oui', 'oui'],
      ],
    ),
    tab('Recommandations', REFERRALS, [
      ...times(6, ['10/02/2026', 'M001', 'Client externe', 'en cours', '', '']),
      ...times(2, ['10/02/2026', 'M002', 'Client externe', 'en cours', '', '']),
      ['15/02/2026', 'M002', 'M001', 'gagné', 3_000, '10/03/2026'],
    ]),
    tab(
      'Cotisations',
      ['ID membre', 'Période', 'Montant', 'Payé le', 'Statut'],
      [
        ['M001', '2026', 400, '15/01/2026', 'payé'],
        ['M002', '2026', 400, '20/01/2026', 'payé'],
      ],
    ),
    tab('Paramètres', ['Clé', 'Valeur'], settings),
  ];
}

describe('Palmarès from a small club', () => {
  const report = run(smallClub());
  const layout = buildLeaderboard(report);

  it('scores the three members as worked out by hand', () => {
    expect(
      report.scores.map((s) => [s.rank, s.memberId, s.score, s.colour, s.missingToGreen, s.trend]),
    ).toEqual([
      [1, 'M001', 35, 'red', 35, 15],
      [2, 'M002', 30, 'red', 40, 30],
      [3, 'M003', 0, 'grey', 70, 0],
    ]);
  });

  it('lays the ranking under the header: rank, name, score, colour, points to green, trend, points by component', () => {
    expect(layout.name).toBe('Palmarès');
    expect(layout.values[1][0]).toBe('Score d’activité sur 6 mois, du 01/01/2026 au 30/06/2026.');
    expect(layout.values[4].slice(0, 6)).toEqual(LEADERBOARD_HEADER.fr);
    const byComponent = (points: Record<string, number>) => SCORE_COMPONENTS.map((c) => points[c.id] ?? 0);
    expect(layout.values.slice(5, 8)).toEqual([
      [1, 'Alice Martin', 35, 'rouge', 35, '▲ +15', ...byComponent({ attendance: 20, referrals: 15 })],
      [
        2,
        'Bruno Petit',
        30,
        'rouge',
        40,
        '▲ +30',
        ...byComponent({ attendance: 10, referrals: 10, business: 10 }),
      ],
      [3, 'Chloé Durand', 0, 'gris', 70, '= 0', ...byComponent({})],
    ]);
    // Colours as cell fills: red #fad2cf, grey #e8eaed (column D).
    expect(layout.backgrounds[5][3]).toBe('#fad2cf');
    expect(layout.backgrounds[7][3]).toBe('#e8eaed');
    // Scores bold, ranks as whole numbers.
    expect(layout.fontWeights[5][2]).toBe('bold');
    expect(layout.numberFormats[5][0]).toBe('0');
  });

  it('ends with the thresholds in force, one row per tier', () => {
    // Members on rows 5–7, a blank row 8, the thresholds' header on row 9, the 20 default tiers after.
    expect(layout.values[8].every((v) => v === null)).toBe(true);
    expect(layout.values[9].slice(0, 3)).toEqual(['Seuils en vigueur', 'Clé (Paramètres)', 'Points']);
    expect(layout.values.slice(10).map((row) => row.slice(1, 3))).toEqual(
      scoreTiers(report.settings).map((t) => [t.key, t.points]),
    );
    expect(layout.values).toHaveLength(10 + 20);
    expect(layout.values[10].slice(0, 3)).toEqual([
      'Assiduité (événements suivis ÷ événements de la fenêtre) ≥ 90\u00a0%',
      'score.attendance.90',
      20,
    ]);
  });

  it('shows only ranks when the leaderboard is not public, and a changed tier in the thresholds', () => {
    // score.referrals.1 = 12: M001's referrals now give 12 points, 20 + 12 = 32.
    const hidden = run(
      smallClub([
        ['leaderboard_public', 'non'],
        ['score.referrals.1', 12],
      ]),
    );
    const values = buildLeaderboard(hidden).values;
    expect(values.slice(5, 8).map((row) => row.slice(0, 3))).toEqual([
      [1, 'Membre n°1', 32],
      [2, 'Membre n°2', 30],
      [3, 'Membre n°3', 0],
    ]);
    expect(values.find((row) => row[1] === 'score.referrals.1')?.[2]).toBe(12);
  });

  it('in English: names, window and colours in English', () => {
    const en = buildLeaderboard(run(smallClub(), { locale: 'en_GB' }));
    expect(en.name).toBe('Leaderboard');
    expect(en.values[1][0]).toBe('Activity score over 6 months, 01/01/2026 to 30/06/2026.');
    expect(en.values[4].slice(0, 6)).toEqual(LEADERBOARD_HEADER.en);
    expect(en.values[5].slice(0, 4)).toEqual([1, 'Alice Martin', 35, 'red']);
    expect(en.values[7].slice(0, 4)).toEqual([3, 'Chloé Durand', 0, 'grey']);
  });
});

describe('Bilan membres from a small club', () => {
  it('one row per member of the period with the figures worked out by hand', () => {
    const layout = buildStatements(run(smallClub()));
    expect(layout.name).toBe('Bilan membres');
    expect(layout.values[0][0]).toBe('Bilan des membres — 2026-S1');
    expect(layout.values.slice(4)).toEqual([
      ['Alice Martin', '', 4, 6, 1, 3_000, 0, 0, 400, 7.5],
      ['Bruno Petit', '', 2, 3, 0, 0, 3_000, 0, 400, 0],
      ['Chloé Durand', '', 0, 0, 0, 0, 0, 0, 0, null],
    ]);
  });

  it('writes money in the club currency (Settings currency), in English', () => {
    const layout = buildStatements(run(smallClub([['currency', 'CHF']]), { locale: 'en_GB' }));
    expect(layout.name).toBe('Member statements');
    expect(layout.values[3].slice(0, 3)).toEqual(['Member', 'Company', 'Events']);
    // Columns F, G and I are money: business received, business given, dues paid.
    const formats = layout.numberFormats[4];
    expect([formats[5], formats[6], formats[8]].every((f) => f.includes('CHF'))).toBe(true);
    expect(formats[9]).toBe('0.00');
  });
});
