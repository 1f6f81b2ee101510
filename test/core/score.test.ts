/**
 * Activity score (SPEC §4, §12), worked out by hand. Period 2026-S1, today 2026-09-15: the window
 * is 01/01/2026–30/06/2026 (6 months), the previous one 01/07/2025–31/12/2025. Each component is
 * checked at each of its thresholds and just below; then colour, missing points, trend, Settings
 * overrides, the window while P is not over, and the leaderboard order.
 */

import { describe, expect, it } from 'vitest';
import { dayOf, isoOf } from '../../src/core/dates';
import { parsePeriod } from '../../src/core/periods';
import {
  colourOf,
  type MemberScore,
  SCORE_SETTINGS,
  type ScoreComponentId,
  scoreOf,
  scoreTiers,
  scoreWindow,
} from '../../src/core/score';
import { defaultSettings } from '../../src/core/settings';
import { EVENTS_HEADER, MEMBERS_HEADER, memberRows, run, tab } from './fixtures';

const ATTENDANCE = ['ID événement', 'Membre', 'Inscrit', 'Présent', 'Invité', 'Invité par'];
const REFERRALS = ['Date', 'Donneur', 'Bénéficiaire', 'Statut', 'Valeur', 'Date de clôture'];

// 20 weekly events in the window: E01 on Monday 05/01/2026 … E20 on 18/05/2026.
const EVENTS = Array.from({ length: 20 }, (_, i) => [
  `E${String(i + 1).padStart(2, '0')}`,
  isoOf(dayOf(2026, 1, 5) + 7 * i),
  'atelier',
  '',
]);
/** `member` attended the first `count` events (E01…). */
const attends = (member: string, count: number, from = 0) =>
  EVENTS.slice(from, from + count).map(([id]) => [id, member, 'oui', 'oui', '', '']);
const times = <T>(n: number, row: T): T[] => Array.from({ length: n }, () => row);

function scores(tabs: Parameters<typeof run>[0], options: Parameters<typeof run>[1] = {}) {
  const report = run(tabs, options);
  return { report, by: Object.fromEntries(report.scores.map((s) => [s.memberId, s])) };
}
const points = (s: MemberScore, id: ScoreComponentId) => s.components.find((c) => c.id === id)!.points;
const value = (s: MemberScore, id: ScoreComponentId) => s.components.find((c) => c.id === id)!.value;

describe('components at their thresholds', () => {
  it('attendance: ≥ 90 % → 20, ≥ 75 % → 15, ≥ 50 % → 10, ≥ 25 % → 5, over events held while active', () => {
    // Of 20 events: 18 = 90 %, 17 = 85 %, 15 = 75 %, 14 = 70 %, 10 = 50 %, 9 = 45 %, 5 = 25 %, 4 = 20 %.
    const counts = [18, 17, 15, 14, 10, 9, 5, 4];
    const { by } = scores([
      tab('Membres', MEMBERS_HEADER, [
        ...memberRows(8, '01/01/2025'),
        // M009 joined on 30/03/2026, the day of E13: E13 … E20 are held while a member → 8 events.
        ['M009', 'Prenom9', 'Nom9', '', '30/03/2026', '', ''],
      ]),
      tab('Événements', EVENTS_HEADER, EVENTS),
      tab('Participations', ATTENDANCE, [
        ...counts.flatMap((n, i) => attends(`M00${i + 1}`, n)),
        // As a guest at E01 before joining (not counted), then E13 … E18: 6 of 8 = 75 % → 15.
        ['E01', 'M009', 'oui', 'oui', 'oui', ''],
        ...attends('M009', 6, 12),
      ]),
    ]);
    expect(counts.map((_, i) => points(by[`M00${i + 1}`], 'attendance'))).toEqual([
      20, 15, 15, 10, 10, 5, 5, 0,
    ]);
    expect(value(by.M001, 'attendance')).toBeCloseTo(0.9, 12);
    expect(value(by.M009, 'attendance')).toBe(0.75);
    expect(points(by.M009, 'attendance')).toBe(15);
    // Attendance alone: the score is the attendance points; 20 is grey, 50 points short of green.
    expect(by.M001).toMatchObject({ score: 20, colour: 'grey', missingToGreen: 50 });
  });

  it('referrals given per month (÷ 6): ≥ 2 → 20, ≥ 1 → 15, ≥ 0.5 → 10, > 0 → 5', () => {
    // 12 = 2/month, 11, 6 = 1/month, 5, 3 = 0.5/month, 2, 1, 0.
    const counts = [12, 11, 6, 5, 3, 2, 1, 0];
    const { by } = scores([
      tab('Membres', MEMBERS_HEADER, memberRows(8)),
      tab(
        'Recommandations',
        REFERRALS,
        counts.flatMap((n, i) =>
          times(n, ['10/02/2026', `M00${i + 1}`, 'Client externe', 'en cours', '', '']),
        ),
      ),
    ]);
    expect(counts.map((_, i) => points(by[`M00${i + 1}`], 'referrals'))).toEqual([
      20, 15, 15, 10, 10, 5, 5, 0,
    ]);
    expect(value(by.M005, 'referrals')).toBe(0.5);
  });

  it('business: won value of referrals given, by closed_on (else date): ≥ 10,000 → 15, ≥ 2,500 → 10, > 0 → 5', () => {
    const { by } = scores([
      tab('Membres', MEMBERS_HEADER, memberRows(7)),
      tab('Recommandations', REFERRALS, [
        // Given in December 2025, closed in the window: counts by its closing date.
        ['15/12/2025', 'M001', 'Client', 'gagné', 10_000, '10/01/2026'],
        ['10/02/2026', 'M002', 'Client', 'gagné', 9_999, ''],
        ['10/02/2026', 'M003', 'Client', 'gagné', 2_000, ''],
        ['11/02/2026', 'M003', 'Client', 'gagné', 500, ''], // 2,000 + 500 = 2,500
        ['10/02/2026', 'M004', 'Client', 'gagné', 2_499, ''],
        ['10/02/2026', 'M005', 'Client', 'gagné', 1, ''],
        // Closed after the window: nothing.
        ['10/06/2026', 'M006', 'Client', 'gagné', 50_000, '01/07/2026'],
        // Lost, or received rather than given: nothing.
        ['10/02/2026', 'M007', 'Client', 'perdu', 50_000, ''],
        ['10/02/2026', 'Client', 'M007', 'gagné', 50_000, ''],
      ]),
    ]);
    const pts = ['M001', 'M002', 'M003', 'M004', 'M005', 'M006', 'M007'].map((m) =>
      points(by[m], 'business'),
    );
    expect(pts).toEqual([15, 10, 10, 5, 5, 0, 0]);
    expect(value(by.M003, 'business')).toBe(2_500);
  });

  it('guests per month (÷ 6): ≥ 0.5 → 10, > 0 → 5; contents: ≥ 3 → 10, ≥ 1 → 5; interactions per month: ≥ 2 → 10, > 0 → 5', () => {
    const { by } = scores([
      tab('Membres', MEMBERS_HEADER, memberRows(4)),
      tab('Événements', EVENTS_HEADER, EVENTS),
      tab('Participations', ATTENDANCE, [
        // M001 brought 3 guests who came (3 ÷ 6 = 0.5), M002 two (one more did not come).
        ['E01', 'invite1@x.fr', 'oui', 'oui', 'oui', 'M001'],
        ['E02', 'invite2@x.fr', 'oui', 'oui', 'oui', 'M001'],
        ['E03', 'invite3@x.fr', 'oui', 'oui', 'oui', 'M001'],
        ['E01', 'invite4@x.fr', 'oui', 'oui', 'oui', 'M002'],
        ['E02', 'invite5@x.fr', 'oui', 'oui', 'oui', 'M002'],
        ['E03', 'invite6@x.fr', 'oui', 'non', 'oui', 'M002'],
      ]),
      tab(
        'Contenus',
        ['Date', 'Auteur'],
        [...times(3, ['10/03/2026', 'M001']), ...times(2, ['10/03/2026', 'M002'])],
      ),
      tab(
        'Interactions',
        ['Date', 'Membre', 'Type'],
        [
          // 12 ÷ 6 = 2 per month; every type counts.
          ...times(6, ['10/03/2026', 'M001', 'entraide']),
          ...times(6, ['11/03/2026', 'M001', 'commentaire']),
          ...times(11, ['10/03/2026', 'M002', 'partage']),
          ['10/03/2026', 'M003', 'question'],
        ],
      ),
    ]);
    expect(['M001', 'M002', 'M003', 'M004'].map((m) => points(by[m], 'guests'))).toEqual([10, 5, 0, 0]);
    expect(['M001', 'M002', 'M003', 'M004'].map((m) => points(by[m], 'contents'))).toEqual([10, 5, 0, 0]);
    expect(['M001', 'M002', 'M003', 'M004'].map((m) => points(by[m], 'interactions'))).toEqual([10, 5, 5, 0]);
  });

  it('hot surveys answered ÷ events attended: ≥ 50 % → 10, > 0 → 5; nothing attended → 0; anonymous → nobody', () => {
    const hot = (event: string, member: string) => ['20/02/2026', `HOT-${event}`, 'chaud', event, member, 5];
    const { by } = scores([
      tab('Membres', MEMBERS_HEADER, memberRows(4)),
      tab('Événements', EVENTS_HEADER, EVENTS),
      tab('Participations', ATTENDANCE, [
        ...attends('M001', 4),
        ...attends('M002', 4),
        ...attends('M003', 4),
      ]),
      tab(
        'Réponses',
        ['Horodatage', 'ID enquête', "Type d'enquête", 'ID événement', 'Membre', 'Satisfaction'],
        [
          hot('E01', 'M001'), // M001: 2 of 4 = 50 % → 10
          hot('E02', 'M001'),
          hot('E01', 'M002'), // M002: 1 of 4 = 25 % → 5
          hot('E02', ''), // anonymous: nobody's
          hot('E03', ''),
          hot('E09', 'M003'), // M003 did not attend E09 → 0 of 4
          hot('E01', 'M004'), // M004 attended nothing → 0
        ],
      ),
    ]);
    expect(['M001', 'M002', 'M003', 'M004'].map((m) => points(by[m], 'surveys'))).toEqual([10, 5, 0, 0]);
    expect(value(by.M001, 'surveys')).toBe(0.5);
    expect(value(by.M004, 'surveys')).toBe(0);
  });

  it('sponsor: a sponsored member who joined in the window → 5', () => {
    const header = [...MEMBERS_HEADER, 'Parrain'];
    const { by } = scores([
      tab('Membres', header, [
        ['M001', 'Ana', 'A', '', '01/01/2024', '', '', ''],
        ['M002', 'Ben', 'B', '', '01/01/2024', '', '', ''],
        ['M003', 'Cyd', 'C', '', '01/01/2026', '', '', 'M001'], // joined on the window's first day
        ['M004', 'Dan', 'D', '', '31/12/2025', '', '', 'M002'], // the day before
      ]),
    ]);
    expect(points(by.M001, 'sponsor')).toBe(5);
    expect(points(by.M002, 'sponsor')).toBe(0);
  });
});

describe('colour, trend, settings, window, leaderboard', () => {
  it('colour: green ≥ 70, amber ≥ 50, red ≥ 30, grey below', () => {
    expect([100, 70, 69, 50, 49, 30, 29, 0].map(colourOf)).toEqual([
      'green',
      'green',
      'amber',
      'amber',
      'red',
      'red',
      'grey',
      'grey',
    ]);
  });

  it('sums the components, the points missing to green and the trend against the previous window', () => {
    // M001, window 2026-S1: 18/20 events → 20; 6 referrals → 15; one won 3,000 → 10; 3 contents → 10;
    //   no answers → 0: total 55, amber, 15 short of green.
    // Previous window 01/07/2025–31/12/2025: 2 events, both attended → 20; nothing else → 20.
    // Trend 55 − 20 = +35. M002 joined 01/02/2026: not a member at 31/12/2025 → no previous score.
    const { by } = scores([
      tab('Membres', MEMBERS_HEADER, [
        ...memberRows(1, '01/01/2025'),
        ['M002', 'Prenom2', 'Nom2', '', '01/02/2026', '', ''],
      ]),
      tab('Événements', EVENTS_HEADER, [
        ...EVENTS,
        ['P1', '10/09/2025', 'atelier', ''],
        ['P2', '10/12/2025', 'atelier', ''],
      ]),
      tab('Participations', ATTENDANCE, [
        ...attends('M001', 18),
        ['P1', 'M001', 'oui', 'oui', '', ''],
        ['P2', 'M001', 'oui', 'oui', '', ''],
      ]),
      tab('Recommandations', REFERRALS, [
        ['10/03/2026', 'M001', 'Client', 'gagné', 3_000, ''],
        ...times(5, ['10/03/2026', 'M001', 'Client', 'en cours', '', '']),
      ]),
      tab('Contenus', ['Date', 'Auteur'], times(3, ['10/03/2026', 'M001'])),
    ]);
    expect(by.M001).toMatchObject({
      score: 55,
      colour: 'amber',
      missingToGreen: 15,
      previous: 20,
      trend: 35,
    });
    expect(by.M001.components.map((c) => [c.id, c.points, c.max])).toEqual([
      ['attendance', 20, 20],
      ['referrals', 15, 20],
      ['business', 10, 15],
      ['guests', 0, 10],
      ['contents', 10, 10],
      ['interactions', 0, 10],
      ['surveys', 0, 10],
      ['sponsor', 0, 5],
    ]);
    expect(by.M002).toMatchObject({ score: 0, previous: null, trend: null });
  });

  it('Settings score.* change points, move and remove thresholds', () => {
    const settings = tab(
      'Paramètres',
      ['Clé', 'Valeur'],
      [
        ['score.attendance.90', '0'], // removes the 90 % tier …
        ['score.attendance.80', '20'], // … and puts 20 points at 80 %
        ['score.contents.1', '8'],
        ['score.referrals.0,5', '12'],
      ],
    );
    const tabs = [
      tab('Membres', MEMBERS_HEADER, memberRows(2)),
      tab('Événements', EVENTS_HEADER, EVENTS),
      // M001: 17/20 = 85 % → 15 by default, 20 with the setting; 1 content → 5 by default, 8 with it.
      tab('Participations', ATTENDANCE, [...attends('M001', 17), ...attends('M002', 18)]),
      tab('Contenus', ['Date', 'Auteur'], [['10/03/2026', 'M001']]),
      // M002: 3 referrals = 0.5/month → 10 by default, 12 with the setting.
      tab('Recommandations', REFERRALS, times(3, ['10/03/2026', 'M002', 'Client', 'en cours', '', ''])),
    ];
    const before = scores(tabs).by;
    expect([before.M001.score, before.M002.score]).toEqual([15 + 5, 20 + 10]);
    const { report, by } = scores([...tabs, settings]);
    expect([points(by.M001, 'attendance'), points(by.M001, 'contents')]).toEqual([20, 8]);
    // M002's 90 % meets the 80 % tier: still 20.
    expect([points(by.M002, 'attendance'), points(by.M002, 'referrals')]).toEqual([20, 12]);
    const attendance = scoreTiers(report.settings).filter((t) => t.component === 'attendance');
    expect(attendance.map((t) => [t.key, t.points])).toEqual([
      ['score.attendance.80', 20],
      ['score.attendance.75', 15],
      ['score.attendance.50', 10],
      ['score.attendance.25', 5],
    ]);
    expect(attendance[0].label.fr).toBe(
      'Assiduité (événements suivis ÷ événements de la fenêtre) ≥ 80\u00a0%',
    );
  });

  it('documents every default key with its points and labels; the best tiers add up to 100', () => {
    expect(SCORE_SETTINGS.map((t) => `${t.key}=${t.points}`)).toEqual([
      'score.attendance.90=20',
      'score.attendance.75=15',
      'score.attendance.50=10',
      'score.attendance.25=5',
      'score.referrals.2=20',
      'score.referrals.1=15',
      'score.referrals.0.5=10',
      'score.referrals.any=5',
      'score.business.10000=15',
      'score.business.2500=10',
      'score.business.any=5',
      'score.guests.0.5=10',
      'score.guests.any=5',
      'score.contents.3=10',
      'score.contents.1=5',
      'score.interactions.2=10',
      'score.interactions.any=5',
      'score.surveys.50=10',
      'score.surveys.any=5',
      'score.sponsor.1=5',
    ]);
    const best = new Map<string, number>();
    for (const t of SCORE_SETTINGS) best.set(t.component, Math.max(best.get(t.component) ?? 0, t.points));
    expect([...best.values()].reduce((a, b) => a + b, 0)).toBe(100);
    expect(SCORE_SETTINGS.find((t) => t.key === 'score.business.10000')!.label).toEqual({
      fr: 'Affaires conclues grâce à ses recommandations (valeur gagnée) ≥ 10\u00a0000',
      en: 'Business closed from referrals given (won value) ≥ 10,000',
    });
    expect(SCORE_SETTINGS.find((t) => t.key === 'score.referrals.any')!.label.en).toBe(
      'Referrals given per month > 0',
    );
  });

  it('window: ends at P’s end, or at the last completed month’s end while P is not over', () => {
    const iso = (w: ReturnType<typeof scoreWindow>) =>
      [w.start, w.end, w.previousStart, w.previousEnd].map(isoOf);
    const s = defaultSettings();
    expect(iso(scoreWindow(parsePeriod('2026-S1')!, dayOf(2026, 9, 15), s))).toEqual([
      '2026-01-01',
      '2026-06-30',
      '2025-07-01',
      '2025-12-31',
    ]);
    // 2026-S2 is under way on 15/09/2026: the window ends on 31/08/2026; 3 months with the setting.
    s.scoreWindowMonths = 3;
    expect(iso(scoreWindow(parsePeriod('2026-S2')!, dayOf(2026, 9, 15), s))).toEqual([
      '2026-06-01',
      '2026-08-31',
      '2026-03-01',
      '2026-05-31',
    ]);
    // On P's last day P is not over yet.
    expect(iso(scoreWindow(parsePeriod('2026-S1')!, dayOf(2026, 6, 30), s))[1]).toBe('2026-05-31');
  });

  it('leaderboard: best first, equal scores share a rank and go by name; only active members; scoreOf', () => {
    const { report, by } = scores([
      tab('Membres', MEMBERS_HEADER, [
        ['M001', 'Zoé', 'Zola', 'zoe@club.fr', '01/01/2025', '', ''],
        ['M002', 'Anne', 'Arnaud', 'anne@club.fr', '01/01/2025', '', ''],
        ['M003', 'Bob', 'Blanc', 'bob@club.fr', '01/01/2025', '', ''],
        ['M004', 'Carl', 'Cros', '', '01/01/2025', '01/03/2026', ''], // left: not scored
        ['M005', 'Dina', 'Dumas', '', '01/01/2025', '', 'prospect'], // prospect: not scored
      ]),
      tab('Événements', EVENTS_HEADER, EVENTS),
      tab('Participations', ATTENDANCE, [
        ...attends('M001', 18),
        ...attends('M002', 10),
        ...attends('M003', 10),
      ]),
    ]);
    expect(report.scores.map((s) => [s.rank, s.name, s.score])).toEqual([
      [1, 'Zoé Zola', 20],
      [2, 'Anne Arnaud', 10],
      [2, 'Bob Blanc', 10],
    ]);
    expect(by.M004).toBeUndefined();
    expect(scoreOf(report, 'BOB@club.fr')).toMatchObject({ ok: true, score: { memberId: 'M003', rank: 2 } });
    expect(scoreOf(report, 'anne arnaud')).toMatchObject({ ok: true, score: { memberId: 'M002' } });
    expect(scoreOf(report, 'M004')).toEqual({ ok: false, reason: 'not_active' });
    expect(scoreOf(report, 'Personne')).toEqual({ ok: false, reason: 'unknown_member' });
  });
});
