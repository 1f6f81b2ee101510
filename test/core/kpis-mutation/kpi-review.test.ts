/**
 * The KPI review (src/core/kpi-review.ts), hand-worked (issue 23) on a small club, period 2026-S1
 * (previous 2025-S2), today 15 September 2026.
 *
 * Members M001, M002, M003 joined in 2024; M002 left 15/03/2026, M003 10/03/2026. Active at
 * 31/12/2025: 3; at 30/06/2026: 1 → active_members 1, previous 3: down.
 * Events: one on 10/10/2025, two on 10/02 and 10/04/2026 → custom:events (count Événements) 2 against
 * 1: up. Contents: one on 05/11/2025, one on 05/02/2026 without topic → custom:posts 1 against 1:
 * flat; top_topics of 2026-S1 is the empty list: no data.
 * Targets: participation_rate 75,5 % (shown 75,5 % in French, 75.5% in English), active_members 120.
 * Every report is built inside its test.
 */

import { describe, expect, it } from 'vitest';
import { cellLocaleOf } from '../../../src/core/cells';
import { dayFromIso } from '../../../src/core/dates';
import { kpiReviewOf, parseTarget, reviewLine, reviewSettingRows } from '../../../src/core/kpi-review';
import { MEMBERS_HEADER, run, sheetDate, tab } from '../fixtures';

function club(settings: unknown[][] = []) {
  return [
    tab('Membres', MEMBERS_HEADER, [
      ['M001', 'Ana', 'Lopez', 'ana@club.fr', '01/01/2024', '', ''],
      ['M002', 'Léa', 'Moreau', 'lea@club.fr', '01/01/2024', '15/03/2026', 'ancien'],
      ['M003', 'Jean', 'Dupont', 'jean@club.fr', '01/01/2024', '10/03/2026', 'ancien'],
    ]),
    tab(
      'Événements',
      ['ID événement', 'Date', 'Format'],
      [
        ['E1', sheetDate('2025-10-10'), 'afterwork'],
        ['E2', sheetDate('2026-02-10'), 'afterwork'],
        ['E3', sheetDate('2026-04-10'), 'afterwork'],
      ],
    ),
    tab(
      'Contenus',
      ['Date', 'Auteur', 'Thème'],
      [
        [sheetDate('2025-11-05'), 'M001', 'Export'],
        [sheetDate('2026-02-05'), 'M001', ''],
      ],
    ),
    tab(
      'Paramètres',
      ['Clé', 'Valeur'],
      [
        ['custom_kpi.events', 'count Événements'],
        ['custom_kpi.posts', 'count Contenus'],
        ['target.participation_rate', '75,5 %'],
        ['target.active_members', '120'],
        ...settings,
      ],
    ),
  ];
}

describe('kpiReviewOf', () => {
  it('says which way each KPI moved, whether it has data, and shows targets as typed back', () => {
    const review = kpiReviewOf(run(club()));
    const row = (id: string) => review.rows.find((r) => r.id === id)!;
    expect(row('active_members')).toMatchObject({
      custom: false,
      enabled: true,
      hasData: true,
      moved: 'down',
      valueText: '1',
      previousText: '3',
      target: 120,
      targetText: '120',
    });
    expect(row('custom:events')).toMatchObject({
      custom: true,
      moved: 'up',
      valueText: '2',
      previousText: '1',
    });
    expect(row('custom:posts')).toMatchObject({ custom: true, moved: 'flat' });
    expect(row('top_topics')).toMatchObject({ hasData: false });
    // No number in 2025-S2 or 2026-S1: no movement.
    expect(row('participation_rate')).toMatchObject({ target: 0.755, targetText: '75,5 %' });
    expect(row('nps')).toMatchObject({ hasData: false, moved: null, target: null, targetText: '', votes: 0 });
    expect([review.period, review.previous, review.lastReview, review.due]).toEqual([
      '2026-S1',
      '2025-S2',
      null,
      true,
    ]);
    // In 2025-S2 the topics list holds « Export »: data.
    const before = kpiReviewOf(run(club(), { period: '2025-S2' }));
    expect(before.rows.find((r) => r.id === 'top_topics')).toMatchObject({
      hasData: true,
      valueText: 'Export',
    });
  });

  it('gives no movement when only one of the two periods has a number', () => {
    // 2026-S1: none of the three joined in 2025-S2's window, so no first-year renewal now; 2025-S2
    // had one (100 %). The other way round, 2024-Q1: all three joined (new members 100 %), and the
    // club had no member in 2023-Q4 to measure against.
    const now = kpiReviewOf(run(club()));
    expect(now.rows.find((r) => r.id === 'first_year_renewal_rate')).toMatchObject({
      hasData: false,
      previousText: '100,0\u00a0%',
      moved: null,
    });
    const first = kpiReviewOf(run(club(), { period: '2024-Q1' }));
    expect(first.rows.find((r) => r.id === 'new_member_rate')).toMatchObject({
      hasData: true,
      valueText: '100,0\u00a0%',
      previousText: 'pas de données',
      moved: null,
    });
  });

  it('writes English texts and targets in an English workbook, with the date of the last review', () => {
    const review = kpiReviewOf(run(club([['last_kpi_review', '01/09/2026']]), { locale: 'en_GB' }));
    const row = (id: string) => review.rows.find((r) => r.id === id)!;
    expect(row('participation_rate').targetText).toBe('75.5%');
    expect(row('nps').valueText).toBe('no data');
    expect([review.lastReview, review.due]).toEqual(['2026-09-01', false]);
    expect(review.line).toBe('KPI review: last on 01/09/2026, next one suggested around 01/03/2027.');
  });

  it('counts the votes of each KPI from the period’s answers, not the free choices', () => {
    const report = run(club());
    report.voice = {
      ...report.voice,
      kpiVotes: {
        answered: 3,
        tally: [
          { id: 'nps', label: 'NPS', count: 2 },
          { id: null, label: 'La météo', count: 4 },
          { id: 'custom:events', label: 'events', count: 1 },
        ],
      },
    };
    const review = kpiReviewOf(report);
    const votes = Object.fromEntries(review.rows.map((r) => [r.id, r.votes]));
    expect([votes.nps, votes['custom:events'], votes.active_members, review.voters]).toEqual([2, 1, 0, 3]);
  });
});

describe('reviewLine', () => {
  it('says when none was recorded, when one is due and when the next is, in English', () => {
    const last = dayFromIso('2026-01-31')!;
    // 31 January + 6 months = 31 July 2026.
    expect(reviewLine(last, dayFromIso('2026-07-30')!, 'en')).toEqual({
      due: false,
      line: 'KPI review: last on 31/01/2026, next one suggested around 31/07/2026.',
    });
    expect(reviewLine(last, dayFromIso('2026-07-31')!, 'en')).toEqual({
      due: true,
      line: 'KPI review: the last one was on 31/01/2026, more than six months ago. Time for another (Club Pulse sidebar › KPI review).',
    });
    expect(reviewLine(null, last, 'en').line).toMatch(/^KPI review: none recorded\./);
  });
});

describe('parseTarget and reviewSettingRows', () => {
  const fr = cellLocaleOf('fr_FR', 'Europe/Paris');

  it('reads a JSON number before the locale’s own spelling', () => {
    expect(parseTarget(' 0.75 ', fr)).toBe(0.75);
    expect(parseTarget('12.25', fr)).toBe(12.25);
    expect(parseTarget('12.500', fr)).toBe(12.5);
    expect(parseTarget('-3', fr)).toBe(-3);
    expect(parseTarget('75 %', fr)).toBe(0.75);
    expect(parseTarget('1 200', fr)).toBe(1200);
    expect(parseTarget('   ', fr)).toBeNull();
    expect(parseTarget('beaucoup', fr)).toBe('bad');
  });

  it('clears a target given as nothing', () => {
    const review = kpiReviewOf(run(club()));
    const decision = { enabled: ['nps'], targets: { nps: null as unknown as string } };
    expect(reviewSettingRows(review, decision, '2026-09-15', fr, 'fr')).toEqual({
      ok: true,
      rows: [
        ['enabled_kpis', 'nps'],
        ['target.nps', ''],
        ['last_kpi_review', '2026-09-15'],
      ],
    });
  });
});
