/**
 * Monthly challenges (src/core/challenges.ts), hand-worked (issue 23) on a small club, today
 * 1 March 2026 unless told otherwise; March 2026 runs from the 1st to the 31st.
 *
 * Members: M1 Alice Martin (joined 2025), M2 Bruno (no last name, joined on 31/03/2026, the month's
 * last day), M3 (no name, joined 2025, left on 01/03/2026, the month's first day), M4 Chloé Durand
 * (no join date), M5 Bruno Zed (joined 2025). Eligible in March: M1, M2, M3, M5 (4).
 * Events: E1 01/03/2026, E2 31/03/2026, E3 01/04/2026. Attendance: M1 at E1 twice (a row typed
 * twice), at E2; M5 at E1 and E2; M3 at E1. Survey answers in March: M1 twice to two surveys, one
 * anonymous. Referrals in March: M1 ×2, one by someone who is no member.
 * Every report is built inside its test.
 */

import { describe, expect, it } from 'vitest';
import {
  type Challenge,
  challengesOfClub,
  challengesReport,
  measureChallenge,
} from '../../../src/core/challenges';
import { dayOf } from '../../../src/core/dates';
import { run, tab } from '../fixtures';

const MARCH = dayOf(2026, 3, 1);

function club(challengeRows: unknown[][] = []) {
  return [
    tab(
      'Membres',
      ['ID membre', 'Prénom', 'Nom', 'E-mail', "Date d'adhésion", 'Date de départ', 'Statut'],
      [
        ['M1', 'Alice', 'Martin', 'alice@club.fr', '01/01/2025', '', ''],
        ['M2', 'Bruno', '', 'bruno@club.fr', '31/03/2026', '', ''],
        ['M3', '', '', 'm3@club.fr', '01/01/2025', '01/03/2026', 'ancien'],
        ['M4', 'Chloé', 'Durand', 'chloe@club.fr', '', '', ''],
        ['M5', 'Bruno', 'Zed', 'zed@club.fr', '01/01/2025', '', ''],
      ],
    ),
    tab(
      'Événements',
      ['ID événement', 'Date', 'Titre'],
      [
        ['E1', '01/03/2026', 'a'],
        ['E2', '31/03/2026', 'b'],
        ['E3', '01/04/2026', 'c'],
      ],
    ),
    tab(
      'Participations',
      ['ID événement', 'Membre', 'Inscrit', 'Présent'],
      [
        ['E1', 'M1', 'oui', 'oui'],
        ['E1', 'M1', 'oui', 'oui'],
        ['E2', 'M1', 'oui', 'oui'],
        ['E3', 'M1', 'oui', 'oui'],
        ['E1', 'M5', 'oui', 'oui'],
        ['E2', 'M5', 'oui', 'oui'],
        ['E1', 'M3', 'oui', 'oui'],
      ],
    ),
    tab(
      'Recommandations',
      ['Date', 'Donneur', 'Bénéficiaire'],
      [
        ['02/03/2026', 'M1', 'M5'],
        ['03/03/2026', 'M1', 'M5'],
        ['04/03/2026', 'Inconnu', 'M1'],
      ],
    ),
    tab(
      'Réponses',
      ['Horodatage', 'ID enquête', "Type d'enquête", 'ID événement', 'Membre', 'NPS'],
      [
        ['02/03/2026 10:00', 'HOT-E1', 'chaud', 'E1', 'M1', 9],
        ['03/03/2026 10:00', 'COLD-2026-Q1', 'froid', '', 'M1', 8],
        ['04/03/2026 10:00', 'COLD-2026-Q1', 'froid', '', '', 7],
      ],
    ),
    tab('Défis', ['Mois', 'Défi', 'Objectif par membre (N)', 'Objectif du club', 'Intitulé'], challengeRows),
  ];
}

const challenge = (kind: Challenge['kind'], target = 1, month = MARCH): Challenge => ({
  row: 2,
  month,
  kind,
  target,
  clubTarget: null,
  label: '',
});

describe('challengesOfClub', () => {
  it('reads a target under 1 as 1 and no club target as null', () => {
    const report = run(
      club([
        ['2026-03', 'participer à N événements', 0, '', ''],
        ['2026-03', 'participer à N événements', 3, 12, 'Assidus'],
      ]),
      { today: '2026-03-01' },
    );
    expect(challengesOfClub(report.club).map((c) => [c.row, c.target, c.clubTarget, c.label])).toEqual([
      [2, 1, null, ''],
      [3, 3, 12, 'Assidus'],
    ]);
  });
});

describe('challengesOfClub without the optional columns', () => {
  it('reads no club target, target 1 and no label when the tab lacks those columns', () => {
    const tabs = club().slice(0, -1);
    tabs.push(tab('Défis', ['Mois', 'Défi'], [['2026-03', 'amener un invité']]));
    const report = run(tabs, { today: '2026-03-01' });
    expect(challengesOfClub(report.club)).toEqual([
      { row: 2, month: MARCH, kind: 'guest', target: 1, clubTarget: null, label: '' },
    ]);
  });
});

describe('measureChallenge', () => {
  it('counts distinct events attended in the month, from its first to its last day', () => {
    const report = run(club(), { today: '2026-04-15' });
    const r = measureChallenge(report.club, challenge('events', 2), report.today);
    // M1: E1 (typed twice, once) and E2 = 2; M5: E1, E2 = 2; M3: E1 = 1 (left on the 1st: eligible);
    // M2 joined on the 31st: eligible, 0. M4 has no join date: not eligible.
    expect(r).toMatchObject({ state: 'past', eligible: 4, clubTotal: 5, monthLabel: '2026-03' });
    // Tied at 2: by name, Alice Martin before Bruno Zed.
    expect(r.winners).toEqual([
      { memberId: 'M1', name: 'Alice Martin', count: 2 },
      { memberId: 'M5', name: 'Bruno Zed', count: 2 },
    ]);
  });

  it('names a member by first name alone, or by id without a name, most active first', () => {
    const report = run(club(), { today: '2026-04-15' });
    const r = measureChallenge(report.club, challenge('events', 0), report.today);
    expect(r.winners.map((w) => [w.name, w.count])).toEqual([
      ['Alice Martin', 2],
      ['Bruno Zed', 2],
      ['M3', 1],
      ['Bruno', 0],
    ]);
  });

  it('counts surveys answered once each, leaving anonymous answers out; referrals by members only', () => {
    const report = run(club(), { today: '2026-04-15' });
    const surveys = measureChallenge(report.club, challenge('survey'), report.today);
    expect([surveys.clubTotal, surveys.winners.map((w) => [w.memberId, w.count])]).toEqual([2, [['M1', 2]]]);
    const referrals = measureChallenge(report.club, challenge('referrals', 2), report.today);
    expect([referrals.clubTotal, referrals.winners.map((w) => w.memberId)]).toEqual([2, ['M1']]);
  });

  it('is current from the month’s first day to its last, and past only after', () => {
    const on = (today: string) => {
      const report = run(club(), { today });
      return measureChallenge(report.club, challenge('events'), report.today);
    };
    expect(on('2026-02-28').state).toBe('future');
    expect(on('2026-03-01')).toMatchObject({ state: 'current', eligible: 3, clubTotal: 3 });
    expect(on('2026-03-31').state).toBe('current');
    expect(on('2026-04-01').state).toBe('past');
  });
});

describe('challengesReport', () => {
  it('counts wins of past challenges wholly inside the window, its first and last months included', () => {
    const rows = [
      ['2026-01', 'participer à N événements', 1, '', ''],
      ['2026-03', 'participer à N événements', 2, '', ''],
      ['2026-04', 'participer à N événements', 1, '', ''],
      ['2026-05', 'partager un contenu', 1, '', ''],
    ];
    const report = run(club(rows), { today: '2026-04-15' });
    const windowed = (start: string, end: string) => [
      ...challengesReport(report.club, report.today, { start: dayOf(...ymd(start)), end: dayOf(...ymd(end)) })
        .wonBy,
    ];
    // March: M1 and M5 win. January: nobody (no event). May: future.
    expect(windowed('2026-03-01', '2026-03-31')).toEqual([
      ['M1', 1],
      ['M5', 1],
    ]);
    expect(windowed('2026-03-02', '2026-06-30')).toEqual([]);
    expect(windowed('2026-01-01', '2026-03-30')).toEqual([]);
    // April is under way (M1 went to E3 on 1 April): its wins wait for the month's end.
    expect(windowed('2026-04-01', '2026-04-30')).toEqual([]);
    const all = challengesReport(report.club, report.today, { start: 0, end: dayOf(2030, 1, 1) });
    expect(all.all.map((r) => r.monthLabel)).toEqual(['2026-01', '2026-03', '2026-04', '2026-05']);
    expect(all.lastMonth.map((r) => r.monthLabel)).toEqual(['2026-03']);
    expect(all.current.map((r) => [r.monthLabel, r.winners.map((w) => w.memberId)])).toEqual([
      ['2026-04', ['M1']],
    ]);
  });
});

function ymd(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y, m, d];
}
