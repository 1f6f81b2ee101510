/**
 * The members' activity score (src/core/score.ts, SPEC §4, §12) at its edges, hand-worked where
 * test/core/score.test.ts leaves room (issue 23): rows on the first and last days of both windows
 * and outside them, a member who joined on the window's last day or leaves after P's end, events
 * listed out of date order, guests and sponsored members who do not count, answers that are not
 * hot, a tier worth more than a higher one, the 10⁻⁹ tolerance, the leaderboard's order and names,
 * and the tier labels Settings create.
 *
 * Unless told otherwise: period 2026-S1, today 15/09/2026, so the window is 01/01/2026–30/06/2026
 * (6 months) and the previous one 01/07/2025–31/12/2025. Default tiers: contents ≥ 3 → 10, ≥ 1 → 5;
 * guests per month > 0 → 5; attendance ≥ 90 % → 20 … ≥ 25 % → 5; business ≥ 2,500 → 10, > 0 → 5.
 */

import { describe, expect, it } from 'vitest';
import { type MemberScore, type ScoreComponentId, scoreOf, scoreTiers } from '../../../src/core/score';
import { defaultSettings } from '../../../src/core/settings';
import { EVENTS_HEADER, MEMBERS_HEADER, memberRows, run, tab } from '../fixtures';

const ATTENDANCE = ['ID événement', 'Membre', 'Inscrit', 'Présent', 'Invité', 'Invité par'];
const REFERRALS = ['Date', 'Donneur', 'Bénéficiaire', 'Statut', 'Valeur', 'Date de clôture'];
const ANSWERS = ['Horodatage', 'ID enquête', "Type d'enquête", 'ID événement', 'Membre', 'Satisfaction'];
const CONTENTS = ['Date', 'Auteur'];
const INTERACTIONS = ['Date', 'Membre', 'Type'];

const byId = (scores: MemberScore[]) => Object.fromEntries(scores.map((s) => [s.memberId, s]));
const part = (s: MemberScore, id: ScoreComponentId) => s.components.find((c) => c.id === id)!;
const settingsTab = (rows: Array<[string, string]>) => tab('Paramètres', ['Clé', 'Valeur'], rows);

/** The score of a club of one member, M001 (joined, left), with the events [ID, date] listed and those M001 attended. */
function oneMember(joined: string, left: string, events: Array<[string, string]>, attended: string[]) {
  const { scores } = run([
    tab('Membres', MEMBERS_HEADER, [['M001', 'Ana', 'Lopez', '', joined, left, '']]),
    tab(
      'Événements',
      EVENTS_HEADER,
      events.map(([id, date]) => [id, date, 'atelier', '']),
    ),
    tab(
      'Participations',
      ATTENDANCE,
      attended.map((id) => [id, 'M001', 'oui', 'oui', '', '']),
    ),
  ]);
  return scores[0];
}

describe('the two windows, day by day', () => {
  it('counts a row on the first and last days of each window, none just outside', () => {
    // One content each (≥ 1 → 5 points):
    // M001 on 01/07/2025, the previous window's first day → previous 5, score 0.
    // M002 on 31/12/2025, the previous window's last day → previous 5, score 0.
    // M003 on 30/06/2025, the day before it → previous 0, score 0.
    // M004 on 01/07/2026, the day after the window (P is over) → previous 0, score 0.
    // M005 on 30/06/2026, the window's last day → score 5, previous 0; trend +5.
    const { scores } = run([
      tab('Membres', MEMBERS_HEADER, memberRows(5, '01/01/2025')),
      tab('Contenus', CONTENTS, [
        ['01/07/2025', 'M001'],
        ['31/12/2025', 'M002'],
        ['30/06/2025', 'M003'],
        ['01/07/2026', 'M004'],
        ['30/06/2026', 'M005'],
      ]),
    ]);
    const by = byId(scores);
    expect(['M001', 'M002', 'M003', 'M004', 'M005'].map((m) => [by[m].score, by[m].previous])).toEqual([
      [0, 5],
      [0, 5],
      [0, 0],
      [0, 0],
      [5, 0],
    ]);
    expect(by.M005.trend).toBe(5);
  });

  it('leaves out what a member did outside both windows, and what a member not scored did', () => {
    // M001 on 15/07/2026 (after the window, before today): attended E9, brought a guest to it,
    // answered its hot survey, wrote a content and an interaction: none of it counts → 0 and 0.
    // M002 left on 01/03/2026 (not active at P's end, not scored) but wrote a content, an
    // interaction and attended E1 in the window: not scored, and nobody else gains from it.
    const { scores } = run([
      tab('Membres', MEMBERS_HEADER, [
        ...memberRows(1, '01/01/2025'),
        ['M002', 'Prenom2', 'Nom2', '', '01/01/2025', '01/03/2026', ''],
      ]),
      tab('Événements', EVENTS_HEADER, [
        ['E1', '12/01/2026', 'atelier', ''],
        ['E9', '15/07/2026', 'atelier', ''],
      ]),
      tab('Participations', ATTENDANCE, [
        ['E9', 'M001', 'oui', 'oui', '', ''],
        ['E9', 'invite@x.fr', 'oui', 'oui', 'oui', 'M001'],
        ['E1', 'M002', 'oui', 'oui', '', ''],
        ['E1', 'invite2@x.fr', 'oui', 'oui', 'oui', 'M002'],
      ]),
      tab('Réponses', ANSWERS, [
        ['16/07/2026', 'HOT-E9', 'chaud', 'E9', 'M001', 5],
        ['13/01/2026', 'HOT-E1', 'chaud', 'E1', 'M002', 5],
      ]),
      tab('Contenus', CONTENTS, [
        ['15/07/2026', 'M001'],
        ['10/02/2026', 'M002'],
      ]),
      tab('Interactions', INTERACTIONS, [
        ['15/07/2026', 'M001', 'entraide'],
        ['10/02/2026', 'M002', 'entraide'],
      ]),
    ]);
    expect(scores.map((s) => [s.memberId, s.score, s.previous])).toEqual([['M001', 0, 0]]);
    // E1 is M001's only event of the window, not attended: 0 of 1.
    expect(part(scores[0], 'attendance').value).toBe(0);
    expect(part(scores[0], 'guests').value).toBe(0);
  });

  it('joined on the window’s last day: that day’s event is the one event held while a member', () => {
    // M001 joined on 30/06/2026 and attended E2 that day: 1 of 1 = 100 % → 20. E1 (28/06) was
    // held before M001 joined: not in the base.
    const score = oneMember(
      '30/06/2026',
      '',
      [
        ['E1', '28/06/2026'],
        ['E2', '30/06/2026'],
      ],
      ['E2'],
    );
    expect(part(score, 'attendance')).toMatchObject({ value: 1, points: 20 });
    expect(score.previous).toBeNull();
  });

  it('a member who leaves after P’s end: the previous window’s base stops at its own end', () => {
    // M001 joined in 2025 and leaves on 31/07/2026, after P (active on 30/06/2026: scored).
    // Previous window: P1 (on its first day, 01/07/2025) and P2 held, P2 attended: 1 of 2 = 50 %
    // → 10 (not 1 of 4 with E1 and E2, held after it). Window: E1 and E2 held, E1 attended: 1 of
    // 2 = 50 % → 10. Trend 0.
    const score = oneMember(
      '01/01/2025',
      '31/07/2026',
      [
        ['P1', '01/07/2025'],
        ['P2', '10/12/2025'],
        ['E1', '12/01/2026'],
        ['E2', '09/03/2026'],
      ],
      ['P2', 'E1'],
    );
    expect(score).toMatchObject({ score: 10, previous: 10, trend: 0 });
  });

  it('counts the events held while a member whatever order the Events tab lists them in', () => {
    // Listed June, January, February, March. M001 joined on 15/02/2026: held while a member are
    // 09/03 and 10/06 → 2; both attended: 2 of 2 = 100 % → 20.
    const score = oneMember(
      '15/02/2026',
      '',
      [
        ['E4', '10/06/2026'],
        ['E1', '12/01/2026'],
        ['E2', '09/02/2026'],
        ['E3', '09/03/2026'],
      ],
      ['E3', 'E4'],
    );
    expect(part(score, 'attendance')).toMatchObject({ value: 1, points: 20 });
  });

  it('no event held: attendance has no value (not 0 ÷ 0), and no tier gives it points', () => {
    // A tier at 0.0000000001 % would be met by a measured 0; a missing measure meets none.
    const { scores } = run([
      tab('Membres', MEMBERS_HEADER, memberRows(1)),
      settingsTab([['score.attendance.0,0000000001', '3']]),
    ]);
    expect(part(scores[0], 'attendance')).toEqual({ id: 'attendance', value: null, points: 0, max: 20 });
  });

  it('an undated row in a window around 1 January 1970 (day 0) counts in no window', () => {
    // Period 1970-S1: the window is 01/01/1970–30/06/1970. M002, sponsored by M001, has no join
    // date: the sponsorship has no day, so M001 gets nothing for it.
    const { scores } = run(
      [
        tab(
          'Membres',
          [...MEMBERS_HEADER, 'Parrain'],
          [
            ['M001', 'Ana', 'Lopez', '', '01/01/1969', '', '', ''],
            ['M002', 'Ben', 'Roy', '', '', '', '', 'M001'],
          ],
        ),
      ],
      { period: '1970-S1' },
    );
    expect(scores.map((s) => [s.memberId, part(s, 'sponsor').value])).toEqual([['M001', 0]]);
  });
});

describe('what does not count', () => {
  it('a member who came (not as a guest) is nobody’s guest, even with someone in « Invité par »', () => {
    // M002 is an active member at E1 with M001 in « Invité par » but « Invité » = non: M001 brought
    // nobody → 0 guests.
    const { scores } = run([
      tab('Membres', MEMBERS_HEADER, memberRows(2)),
      tab('Événements', EVENTS_HEADER, [['E1', '12/01/2026', 'atelier', '']]),
      tab('Participations', ATTENDANCE, [['E1', 'M002', 'oui', 'oui', 'non', 'M001']]),
    ]);
    expect(part(byId(scores).M001, 'guests')).toMatchObject({ value: 0, points: 0 });
  });

  it('a prospect who names a sponsor is no sponsored member', () => {
    // M002, a prospect « joined » 10/02/2026 with M001 as sponsor: M001 sponsored nobody → 0.
    const { scores } = run([
      tab(
        'Membres',
        [...MEMBERS_HEADER, 'Parrain'],
        [
          ['M001', 'Ana', 'Lopez', '', '01/01/2025', '', '', ''],
          ['M002', 'Ben', 'Roy', '', '10/02/2026', '', 'prospect', 'M001'],
        ],
      ),
    ]);
    expect(part(byId(scores).M001, 'sponsor')).toMatchObject({ value: 0, points: 0 });
  });

  it('surveys count only hot answers tied to an event', () => {
    // M001 attended E1…E4. Cold answers about E1 and E2, and a hot answer naming no event:
    // 0 hot answers of 4 events → 0 %, 0 points. M002 attended E1 and answered its hot survey:
    // 1 of 1 = 100 % → 10.
    const { scores } = run([
      tab('Membres', MEMBERS_HEADER, memberRows(2)),
      tab('Événements', EVENTS_HEADER, [
        ['E1', '12/01/2026', 'atelier', ''],
        ['E2', '09/02/2026', 'atelier', ''],
        ['E3', '09/03/2026', 'atelier', ''],
        ['E4', '13/04/2026', 'atelier', ''],
      ]),
      tab('Participations', ATTENDANCE, [
        ...['E1', 'E2', 'E3', 'E4'].map((e) => [e, 'M001', 'oui', 'oui', '', '']),
        ['E1', 'M002', 'oui', 'oui', '', ''],
      ]),
      tab('Réponses', ANSWERS, [
        ['20/02/2026', 'COLD-E1', 'froid', 'E1', 'M001', 5],
        ['20/02/2026', 'COLD-E2', 'froid', 'E2', 'M001', 5],
        ['20/02/2026', 'HOT-X', 'chaud', '', 'M001', 5],
        ['13/01/2026', 'HOT-E1', 'chaud', 'E1', 'M002', 5],
      ]),
    ]);
    const by = byId(scores);
    expect(part(by.M001, 'surveys')).toMatchObject({ value: 0, points: 0 });
    expect(part(by.M002, 'surveys')).toMatchObject({ value: 1, points: 10 });
  });
});

describe('the 10⁻⁹ tolerance on thresholds', () => {
  it('a measure 10⁻⁹ under a threshold meets it; 10⁻⁹ is not « more than 0 »', () => {
    // M001 won 2,500 − 10⁻⁹: within the tolerance of 2,500 → 10. M002 won 10⁻⁹: not > 10⁻⁹ → 0.
    const { scores } = run([
      tab('Membres', MEMBERS_HEADER, memberRows(2)),
      tab('Recommandations', REFERRALS, [
        ['10/02/2026', 'M001', 'Client', 'gagné', 2_500 - 1e-9, ''],
        ['10/02/2026', 'M002', 'Client', 'gagné', 1e-9, ''],
      ]),
    ]);
    const by = byId(scores);
    expect(part(by.M001, 'business').points).toBe(10);
    expect(part(by.M002, 'business')).toMatchObject({ value: 1e-9, points: 0 });
  });
});

describe('leaderboard', () => {
  it('best score first, then by name, then by ID, whatever the Members order; names trimmed', () => {
    // Contents: 3 → 10, 1 → 5. Listed: M001 Zed (5), M002 Bea (10), M005 Al (10), M004 Al (10),
    // M003 Cy (0), M006 without first name (0), M007 without any name (0).
    // Order: 10: Al M004, Al M005, Bea; 5: Zed; 0: Cy Cros, « M007 » (its ID), « Seul » (in the
    // localised comparison « Cy Cros » < « M007 » < « Seul »).
    const { scores } = run([
      tab('Membres', MEMBERS_HEADER, [
        ['M001', 'Zed', 'Zola', '', '01/01/2025', '', ''],
        ['M002', 'Bea', 'Blanc', '', '01/01/2025', '', ''],
        ['M005', 'Al', 'Arnaud', '', '01/01/2025', '', ''],
        ['M004', 'Al', 'Arnaud', '', '01/01/2025', '', ''],
        ['M003', 'Cy', 'Cros', '', '01/01/2025', '', ''],
        ['M006', '', 'Seul', '', '01/01/2025', '', ''],
        ['M007', '', '', '', '01/01/2025', '', ''],
      ]),
      tab('Contenus', CONTENTS, [
        ['10/03/2026', 'M001'],
        ...['M002', 'M005', 'M004'].flatMap((m) => Array.from({ length: 3 }, () => ['10/03/2026', m])),
      ]),
    ]);
    expect(scores.map((s) => [s.rank, s.memberId, s.name, s.score])).toEqual([
      [1, 'M004', 'Al Arnaud', 10],
      [1, 'M005', 'Al Arnaud', 10],
      [1, 'M002', 'Bea Blanc', 10],
      [4, 'M001', 'Zed Zola', 5],
      [5, 'M003', 'Cy Cros', 0],
      [5, 'M007', 'M007', 0],
      [5, 'M006', 'Seul', 0],
    ]);
  });

  it('scoreOf: a name two members share is ambiguous', () => {
    const report = run([
      tab('Membres', MEMBERS_HEADER, [
        ['M001', 'Al', 'Arnaud', '', '01/01/2025', '', ''],
        ['M002', 'Al', 'Arnaud', '', '01/01/2025', '', ''],
      ]),
    ]);
    expect(scoreOf(report, 'Al Arnaud')).toEqual({ ok: false, reason: 'ambiguous_member' });
    expect(scoreOf(report, 'M002')).toMatchObject({ ok: true, score: { memberId: 'M002' } });
  });
});

describe('tiers from Settings', () => {
  const tiers = (score: Record<string, number>) => scoreTiers({ ...defaultSettings(), score });

  it('labels a new tier with at most two decimals, French spaces and the percent sign per language', () => {
    const made = tiers({ 'referrals.0,333': 4, 'business.20000': 25, 'attendance.80': 18 });
    const label = (key: string) => made.find((t) => t.key === key)!.label;
    // 0.333 is kept as the threshold, shown rounded to 0.33.
    expect(made.find((t) => t.key === 'score.referrals.0.333')).toMatchObject({ at: 0.333, points: 4 });
    expect(label('score.referrals.0.333')).toEqual({
      fr: 'Recommandations données par mois ≥ 0,33',
      en: 'Referrals given per month ≥ 0.33',
    });
    // French groups thousands with a no-break space (U+00A0, not the narrow U+202F).
    expect(label('score.business.20000')).toEqual({
      fr: 'Affaires conclues grâce à ses recommandations (valeur gagnée) ≥ 20\u00a0000',
      en: 'Business closed from referrals given (won value) ≥ 20,000',
    });
    expect(label('score.attendance.80')).toEqual({
      fr: 'Assiduité (événements suivis ÷ événements de la fenêtre) ≥ 80\u00a0%',
      en: 'Attendance (events attended ÷ events in the window) ≥ 80%',
    });
  });

  it('a « more than 0 » tier comes last (lowest threshold) whatever its points', () => {
    // guests: 0.5 → 10, the new 0.25 → 2, > 0 → 5; contents: 3 → 10, 1 → 5, > 0 → 8;
    // surveys: 50 → 10, > 0 → 12.
    const made = tiers({ 'guests.0,25': 2, 'contents.any': 8, 'surveys.any': 12 });
    expect(
      made
        .filter((t) => ['guests', 'contents', 'surveys'].includes(t.component))
        .map((t) => [t.key, t.points]),
    ).toEqual([
      ['score.guests.0.5', 10],
      ['score.guests.0.25', 2],
      ['score.guests.any', 5],
      ['score.contents.3', 10],
      ['score.contents.1', 5],
      ['score.contents.any', 8],
      ['score.surveys.50', 10],
      ['score.surveys.any', 12],
    ]);
  });
});
