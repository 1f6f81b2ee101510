/**
 * Monthly challenges (issue 17), worked out by hand on a small club. Today 2026-09-15, period
 * 2026-S1 (score window 01/01/2026–30/06/2026).
 *
 * Members: M1 Alice Martin, M2 Bruno Petit (joined 2025); M3 Chloé Durand (left 25/08/2026, ancien);
 *          M4 David Leroy (joins 20/09/2026, after today); M5 Emma Roux (prospect).
 *   may take part in July and August: M1, M2, M3 (3); in September: M1, M2 (2).
 * Events: E1 05/08, E2 20/08, E3 02/09, E4 10/09, E5 25/09/2026 (after today).
 * Attendance: E1 M1, M2, M3 present, guest Zoé invited by M1 present; E2 M1, M3 present, M2 absent;
 *   E3 M1, M2 present, guest Yves invited by M2 present, guest Xavier invited by M2 absent;
 *   E4 M1 present, M2 unknown; E5 M1 present (typed ahead: after today, not counted).
 * Referrals: 10/02 M2→M1 (in the window); 20/08 M2→M1; 03/09 M1→M2; 05/09 M1→M3; 07/09 M2→M1;
 *   14/09 M5→M1 (a prospect: not counted).
 * Contents: 10/02 M2; 12/08 M3; 01/09 M2.  Responses: HOT-E3 by M1 on 03/09; COLD-2026-S1 by M2 on 04/07.
 *
 * Challenges (row: month, kind, N, club target, label) → expected:
 *   2 2026-08 attend 2 events     → M1 (E1, E2) ✓, M2 (E1) ✗, M3 (E1, E2) ✓ → 2 of 3, total 5
 *   3 08/2026 bring a guest, club target 3, « Défi invités » → M1 (Zoé) ✓ → 1 of 3, total 1 / 3
 *   4 2026-09 give 2 referrals, club target 5 → M1 2 ✓, M2 1 ✗ → 1 of 2, total 3 / 5
 *   5 15/09/2026 bring a guest    → M2 (Yves; Xavier absent) ✓ → 1 of 2, total 1
 *   6 2026-09 answer the survey   → M1 ✓ → 1 of 2, total 1
 *   7 2026-07 share a content     → nobody, 0 of 3, total 0
 *   8 2026-10 share a content     → future: 0 eligible
 *   9 2026-13 …                   → bad_month issue, row left out
 *  10 2026-09 « danser »          → bad_choice issue, row left out
 *  11 2026-02 share a content     → M2 ✓ (the only challenge inside the score window)
 */

import { beforeEach, describe, expect, it } from 'vitest';
import { challengesJson, challengesSummary } from '../../src/core/challenge-views';
import type { Report } from '../../src/core/compute';
import { buildDashboard } from '../../src/core/dashboard';
import { buildLeaderboard } from '../../src/core/member-tabs';
import { issues, run, tab } from './fixtures';

const members = tab(
  'Membres',
  ['ID membre', 'Prénom', 'Nom', 'E-mail', "Date d'adhésion", 'Date de départ', 'Statut'],
  [
    ['M1', 'Alice', 'Martin', 'alice@club.fr', '01/01/2025', '', ''],
    ['M2', 'Bruno', 'Petit', 'bruno@club.fr', '01/01/2025', '', ''],
    ['M3', 'Chloé', 'Durand', 'chloe@club.fr', '01/01/2025', '25/08/2026', 'ancien'],
    ['M4', 'David', 'Leroy', 'david@club.fr', '20/09/2026', '', ''],
    ['M5', 'Emma', 'Roux', 'emma@club.fr', '01/06/2026', '', 'prospect'],
  ],
);
const events = tab(
  'Événements',
  ['ID événement', 'Date', 'Titre'],
  [
    ['E1', '05/08/2026', 'a'],
    ['E2', '20/08/2026', 'b'],
    ['E3', '02/09/2026', 'c'],
    ['E4', '10/09/2026', 'd'],
    ['E5', '25/09/2026', 'e'],
  ],
);
const attendance = tab(
  'Participations',
  ['ID événement', 'Membre', 'Inscrit', 'Présent', 'Invité', 'Invité par'],
  [
    ['E1', 'M1', 'oui', 'oui', '', ''],
    ['E1', 'M2', 'oui', 'oui', '', ''],
    ['E1', 'M3', 'oui', 'oui', '', ''],
    ['E1', 'Zoé Invitée', 'oui', 'oui', 'oui', 'M1'],
    ['E2', 'M1', 'oui', 'oui', '', ''],
    ['E2', 'M2', 'oui', 'non', '', ''],
    ['E2', 'M3', 'oui', 'oui', '', ''],
    ['E3', 'M1', 'oui', 'oui', '', ''],
    ['E3', 'M2', 'oui', 'oui', '', ''],
    ['E3', 'Yves Invité', 'oui', 'oui', 'oui', 'M2'],
    ['E3', 'Xavier Invité', 'oui', 'non', 'oui', 'M2'],
    ['E4', 'M1', 'oui', 'oui', '', ''],
    ['E4', 'M2', 'oui', '', '', ''],
    ['E5', 'M1', 'oui', 'oui', '', ''],
  ],
);
const referrals = tab(
  'Recommandations',
  ['Date', 'Donneur', 'Bénéficiaire'],
  [
    ['10/02/2026', 'M2', 'M1'],
    ['20/08/2026', 'M2', 'M1'],
    ['03/09/2026', 'M1', 'M2'],
    ['05/09/2026', 'M1', 'M3'],
    ['07/09/2026', 'M2', 'M1'],
    ['14/09/2026', 'M5', 'M1'],
  ],
);
const contents = tab(
  'Contenus',
  ['Date', 'Auteur', 'Titre'],
  [
    ['10/02/2026', 'M2', 'x'],
    ['12/08/2026', 'M3', 'y'],
    ['01/09/2026', 'M2', 'z'],
  ],
);
const responses = tab(
  'Réponses',
  ['Horodatage', 'ID enquête', "Type d'enquête", 'ID événement', 'Membre', 'NPS'],
  [
    ['03/09/2026 10:00', 'HOT-E3', 'chaud', 'E3', 'M1', 9],
    ['04/07/2026 10:00', 'COLD-2026-S1', 'froid', '', 'M2', 8],
  ],
);
const challenges = tab(
  'Défis',
  ['Mois', 'Défi', 'Objectif par membre (N)', 'Objectif du club', 'Intitulé'],
  [
    ['2026-08', 'participer à N événements', 2, '', ''],
    ['08/2026', 'amener un invité', '', 3, 'Défi invités'],
    ['2026-09', 'donner N recommandations', 2, 5, ''],
    ['15/09/2026', 'Amener un invité', 1, '', ''],
    ['2026-09', "répondre à l'enquête", '', '', ''],
    ['2026-07', 'partager un contenu', 1, '', ''],
    ['2026-10', 'partager un contenu', 1, '', ''],
    ['2026-13', 'partager un contenu', 1, '', ''],
    ['2026-09', 'danser', 1, '', ''],
    ['2026-02', 'contenu', 1, '', ''],
  ],
);

const TABS = [members, events, attendance, referrals, contents, responses, challenges];
const settings = (rows: unknown[][]) => tab('Paramètres', ['Clé', 'Valeur'], rows);

describe('monthly challenges on a small club', () => {
  // Built before each test, not when the file is collected, so that a mutation run sees which
  // test reaches which line (README, Mutation testing).
  let report: Report;
  let c: Report['challenges'];
  beforeEach(() => {
    report = run(TABS);
    c = report.challenges;
  });
  const byRow = (row: number) => c.all.find((r) => r.challenge.row === row)!;
  const winners = (row: number) => byRow(row).winners.map((w) => w.memberId);

  it('reads the tab, reporting a bad month and an unknown kind with tab, row and column', () => {
    expect(c.all.map((r) => r.challenge.row)).toEqual([11, 7, 2, 3, 4, 5, 6, 8]);
    expect(issues(report, 'bad_month')).toEqual([
      expect.objectContaining({ tab: 'Défis', row: 9, column: 'Mois', value: '2026-13' }),
    ]);
    expect(issues(report, 'bad_choice')).toEqual([
      expect.objectContaining({ tab: 'Défis', row: 10, column: 'Défi', value: 'danser' }),
    ]);
    expect(byRow(5).monthLabel).toBe('2026-09');
    expect(byRow(3).challenge).toMatchObject({
      kind: 'guest',
      target: 1,
      clubTarget: 3,
      label: 'Défi invités',
    });
  });

  it('measures progress and winners per kind, as worked out by hand', () => {
    expect(byRow(2)).toMatchObject({ state: 'past', eligible: 3, clubTotal: 5 });
    expect(byRow(2).winners).toEqual([
      { memberId: 'M1', name: 'Alice Martin', count: 2 },
      { memberId: 'M3', name: 'Chloé Durand', count: 2 },
    ]);
    expect(byRow(3)).toMatchObject({ eligible: 3, clubTotal: 1 });
    expect(winners(3)).toEqual(['M1']);
    expect(byRow(4)).toMatchObject({ state: 'current', eligible: 2, clubTotal: 3 });
    expect(winners(4)).toEqual(['M1']);
    expect(byRow(5)).toMatchObject({ eligible: 2, clubTotal: 1 });
    expect(winners(5)).toEqual(['M2']);
    expect(byRow(6)).toMatchObject({ eligible: 2, clubTotal: 1 });
    expect(winners(6)).toEqual(['M1']);
    expect(byRow(7)).toMatchObject({ eligible: 3, clubTotal: 0, winners: [] });
    expect(byRow(8)).toMatchObject({ state: 'future', eligible: 0, clubTotal: 0, winners: [] });
    expect(winners(11)).toEqual(['M2']);
  });

  it('keeps this month and last month apart, and counts wins in the score window only', () => {
    expect(c.current.map((r) => r.challenge.row)).toEqual([4, 5, 6]);
    expect(c.lastMonth.map((r) => r.challenge.row)).toEqual([2, 3]);
    expect([...c.wonBy]).toEqual([['M2', 1]]);
  });

  it('shows this month’s progress and last month’s winners on the dashboard and in the sidebar', () => {
    const s = challengesSummary(report)!;
    expect(s.title).toBe('Défi du mois — septembre 2026');
    expect(s.items).toEqual([
      {
        title: 'Donner 2 recommandations',
        met: '1 membre(s) sur 2 l’ont relevé',
        total: 'Total du club : 3 / 5 visés',
        share: 0.5,
      },
      {
        title: 'Amener un invité',
        met: '1 membre(s) sur 2 l’ont relevé',
        total: 'Total du club : 1',
        share: 0.5,
      },
      {
        title: 'Répondre à une enquête',
        met: '1 membre(s) sur 2 l’ont relevé',
        total: 'Total du club : 1',
        share: 0.5,
      },
    ]);
    expect(s.winners).toBe('Gagnants de août 2026 : Alice Martin, Chloé Durand');
    const rows = buildDashboard(report, '').values.map((r) => r.join('|').replace(/\|+$/, ''));
    const at = rows.indexOf('Défi du mois — septembre 2026');
    expect(at).toBeGreaterThan(0);
    expect(rows.slice(at + 1, at + 5)).toEqual([
      'Donner 2 recommandations|1 membre(s) sur 2 l’ont relevé||Total du club : 3 / 5 visés',
      'Amener un invité|1 membre(s) sur 2 l’ont relevé||Total du club : 1',
      'Répondre à une enquête|1 membre(s) sur 2 l’ont relevé||Total du club : 1',
      'Gagnants de août 2026 : Alice Martin, Chloé Durand',
    ]);
  });

  it('puts the challenges won beside the score on the Palmarès, the score unchanged', () => {
    const without = run(TABS.filter((t) => t !== challenges));
    expect(report.scores.map((s) => [s.memberId, s.score])).toEqual(
      without.scores.map((s) => [s.memberId, s.score]),
    );
    const values = buildLeaderboard(report).values;
    const header = values.find((r) => r[0] === 'Rang')!;
    const column = header.indexOf('Défis relevés');
    expect(column).toBe(header.length - 1);
    const rowOf = (name: string) => values.find((r) => r[1] === name)!;
    expect(rowOf('Bruno Petit')[column]).toBe(1);
    expect(rowOf('Alice Martin')[column]).toBe(0);
    // A club without challenges has no such column.
    expect(buildLeaderboard(without).values.some((r) => r.includes('Défis relevés'))).toBe(false);
  });

  it('gives the JSON report a challenges block, naming winners only when the leaderboard is public', () => {
    const json = challengesJson(report);
    expect(json.month).toBe('2026-09');
    expect(json.history).toHaveLength(8);
    expect(json.last_month[0]).toEqual({
      month: '2026-08',
      kind: 'events',
      label: '',
      target: 2,
      club_target: null,
      state: 'past',
      eligible: 3,
      met: 2,
      club_total: 5,
      winners: [
        { member_id: 'M1', name: 'Alice Martin', count: 2 },
        { member_id: 'M3', name: 'Chloé Durand', count: 2 },
      ],
    });
    const hidden = run([...TABS, settings([['leaderboard_public', 'non']])]);
    expect(challengesJson(hidden).last_month[0]!.winners).toEqual([
      { member_id: 'M1', count: 2 },
      { member_id: 'M3', count: 2 },
    ]);
    expect(challengesSummary(hidden)!.winners).toBe('Gagnants de août 2026 : 2');
  });

  it('says so when this month has no challenge, and keeps quiet for a club without any', () => {
    const october = run(TABS, { today: '2026-11-02' });
    const s = challengesSummary(october)!;
    expect(s.none).toBe('Aucun défi ce mois-ci : ajoutez-en un dans l’onglet Défis.');
    expect(s.winners).toBe('Gagnants de octobre 2026 : personne');
    expect(challengesSummary(run(TABS.filter((t) => t !== challenges)))).toBeNull();
  });

  it('speaks English in an English workbook', () => {
    const en = run(TABS, { locale: 'en_GB', timeZone: 'Europe/London' });
    const s = challengesSummary(en)!;
    expect(s.title).toBe('Challenge of the month — September 2026');
    expect(s.items[0]!.title).toBe('Give 2 referrals');
    expect(s.items[0]!.total).toBe('Club total: 3 of 5 aimed at');
    expect(s.winners).toBe('Winners of August 2026: Alice Martin, Chloé Durand');
  });
});
