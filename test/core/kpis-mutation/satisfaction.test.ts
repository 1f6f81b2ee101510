/**
 * Satisfaction KPIs, hand-worked on a small club (issue 23: tests that kill the mutants the other
 * suites let survive). Today 2026-09-15, period 2026-S1 (1 January – 30 June 2026).
 * Reports are computed inside each test, never at collection time: Stryker activates a mutant per test
 * and counts coverage per test, so a report computed while collecting would never see the mutant.
 */

import { describe, expect, it } from 'vitest';
import type { RawTab } from '../../../src/core/read';
import {
  ATTENDANCE_HEADER,
  EVENTS_HEADER,
  kpi,
  MEMBERS_HEADER,
  memberRows,
  run,
  sheetDate,
  tab,
} from '../fixtures';

const HEADER = [
  'Horodatage',
  'ID enquête',
  "Type d'enquête",
  'ID événement',
  'Membre',
  'NPS',
  'Satisfaction',
  'Valeur de la rencontre',
  'Appartenance',
  'Entraide',
];
const members = tab('Membres', MEMBERS_HEADER, memberRows(5));
const events = tab('Événements', EVENTS_HEADER, [
  ['E1', sheetDate('2026-03-10'), 'atelier', 'https://forms.example/e1'],
  ['E2', sheetDate('2026-04-14'), 'afterwork', ''],
  ['E3', sheetDate('2026-07-08'), 'atelier', 'https://forms.example/e3'], // S2: outside P
  ['E4', sheetDate('2026-05-05'), 'afterwork', 'https://forms.example/e4'],
]);
const responses = (rows: unknown[][]): RawTab => tab('Réponses', HEADER, rows);

describe('nps, hand-worked', () => {
  const report = () =>
    run([
      members,
      events,
      responses([
        ['10/03/2026', 'HOT-E1', 'chaud', 'E1', 'M001', 10, '', '', '', ''],
        ['11/03/2026', 'HOT-E1', 'chaud', 'E1', 'M002', 9, '', '', '', ''],
        ['12/03/2026', 'HOT-E1', 'chaud', 'E1', 'M003', 6, '', '', '', ''],
        ['01/06/2026', 'COLD-2026-S1', 'froid', '', 'M001', 8, '', '', '', ''],
        ['02/06/2026', 'COLD-2026-S1', 'froid', '', 'M002', 7, '', '', '', ''],
        ['03/06/2026', 'COLD-2026-S1', 'froid', '', 'M003', 0, '', '', '', ''],
        ['02/07/2026', 'COLD-2026-S2', 'froid', '', 'M004', 0, '', '', '', ''], // S2: left out
        ['31/12/2025', 'COLD-2025-S2', 'froid', '', 'M005', 10, '', '', '', ''], // 2025: left out
        ['04/06/2026', 'COLD-2026-S1', 'froid', '', 'M004', '', '', '', 4, ''], // no NPS: left out
      ]),
    ]);

  it('counts promoters (9–10), passives (7–8), detractors (0–6) of P only', () => {
    // S1 scores 10, 9, 6, 8, 7, 0: promoters 2, passives 2, detractors 2 → (2 − 2) ÷ 6 × 100 = 0.
    const nps = kpi(report(), 'nps');
    expect(nps.value).toBe(0);
    expect(nps.n).toBe(6);
    expect(nps.details).toMatchObject({ promoters: 2, passives: 2, detractors: 2 });
  });

  it('splits hot and cold answers', () => {
    // Hot 10, 9, 6 → (2 − 1) ÷ 3 × 100 = 33.33. Cold 8, 7, 0 → (0 − 1) ÷ 3 × 100 = −33.33.
    const { hot, cold } = kpi(report(), 'nps').details as Record<string, { value: number; n: number }>;
    expect(hot.n).toBe(3);
    expect(hot.value).toBeCloseTo(100 / 3, 9);
    expect(cold.n).toBe(3);
    expect(cold.value).toBeCloseTo(-100 / 3, 9);
  });
});

describe('event_satisfaction, hand-worked', () => {
  const report = () =>
    run([
      members,
      events,
      responses([
        ['01/01/2026', 'HOT-X', 'chaud', '', 'M005', '', 1, '', '', ''], // hot, no event → format unknown
        ['10/03/2026', 'HOT-E1', 'chaud', 'E1', 'M001', '', 4, '', '', ''],
        ['11/03/2026', 'HOT-E1', 'chaud', 'E1', 'M002', '', 2, '', '', ''],
        ['14/04/2026', 'HOT-E2', 'chaud', 'E2', 'M001', '', 5, '', '', ''],
        ['15/04/2026', 'HOT-E2', 'chaud', 'E2', 'M002', '', 3, '', '', ''],
        ['16/04/2026', 'HOT-E2', 'chaud', 'E2', 'M003', 9, '', '', '', ''], // no satisfaction: left out
        ['01/06/2026', 'COLD-2026-S1', 'froid', '', 'M004', '', 5, '', '', ''], // cold: left out
        ['09/07/2026', 'HOT-E3', 'chaud', 'E3', 'M004', '', 1, '', '', ''], // S2: left out
      ]),
    ]);

  it('averages the hot answers of P, by format sorted by count then name', () => {
    // 1 + 4 + 2 + 5 + 3 = 15 ÷ 5 = 3. Afterwork 5, 3 → 4 (n 2); workshop 4, 2 → 3 (n 2); unknown 1 (n 1).
    // Equal counts are ordered by name: afterwork before workshop, although workshop came first.
    const s = kpi(report(), 'event_satisfaction');
    expect(s.value).toBe(3);
    expect(s.n).toBe(5);
    expect(s.details.by_format).toEqual([
      { format: 'afterwork', mean: 4, n: 2 },
      { format: 'workshop', mean: 3, n: 2 },
      { format: 'unknown', mean: 1, n: 1 },
    ]);
  });

  it('puts the larger format first', () => {
    // Workshop (E1) 4, 2, 3 → n 3 before afterwork (E2) 5 → n 1, whatever the names.
    const r = run([
      members,
      events,
      responses([
        ['14/04/2026', 'HOT-E2', 'chaud', 'E2', 'M001', '', 5, '', '', ''],
        ['10/03/2026', 'HOT-E1', 'chaud', 'E1', 'M001', '', 4, '', '', ''],
        ['11/03/2026', 'HOT-E1', 'chaud', 'E1', 'M002', '', 2, '', '', ''],
        ['12/03/2026', 'HOT-E1', 'chaud', 'E1', 'M003', '', 3, '', '', ''],
      ]),
    ]);
    expect(kpi(r, 'event_satisfaction').details.by_format).toEqual([
      { format: 'workshop', mean: 3, n: 3 },
      { format: 'afterwork', mean: 5, n: 1 },
    ]);
  });
});

describe('survey_response_rate, hand-worked', () => {
  const attendance = tab('Participations', ATTENDANCE_HEADER, [
    ['E1', 'M001', 'oui', 'oui', ''],
    ['E1', 'M002', 'oui', 'oui', ''],
    ['E1', 'M003', 'oui', 'non', ''], // absent: not an attendee
    ['E1', 'Invitée Dupont', 'oui', 'oui', 'oui'], // guest: counts
    ['E2', 'M004', 'oui', 'oui', ''], // E2 has no survey
    ['E3', 'M001', 'oui', 'oui', ''], // E3 is in S2
  ]);
  const answers = responses([
    ['10/03/2026', 'HOT-E1', 'chaud', 'E1', 'M001', 9, '', '', '', ''],
    ['12/03/2026', 'HOT-E1', 'chaud', 'E1', '', 8, '', '', '', ''],
    ['20/09/2026', 'HOT-E1', 'chaud', 'E1', 'M002', 8, '', '', '', ''], // after today: not counted
    ['14/04/2026', 'HOT-E2', 'chaud', 'E2', 'M004', 7, '', '', '', ''], // unsurveyed event
    ['09/07/2026', 'HOT-E3', 'chaud', 'E3', 'M001', 7, '', '', '', ''], // event outside P
    ['11/03/2026', 'COLD-2026-S1', 'froid', 'E1', 'M002', 7, '', '', '', ''], // cold: not counted
  ]);

  it('divides hot answers naming a surveyed event of P by its attendees', () => {
    // Surveyed events of P: E1 (E4 has nobody). Attendees of E1: M001, M002, the guest = 3.
    // Hot answers naming E1 up to today: 2. → 2 ÷ 3.
    const r = kpi(run([members, events, attendance, answers]), 'survey_response_rate');
    expect(r.value).toBeCloseTo(2 / 3, 9);
    expect(r.n).toBe(3);
    expect(r.details).toEqual({ answers: 2, attendees: 3, surveyed_events: 2 });
  });

  it('caps the rate at 1 and keeps the raw counts', () => {
    // One attendee of E1, two answers → 2 ÷ 1 capped to 1.
    const one = tab('Participations', ATTENDANCE_HEADER, [['E1', 'M001', 'oui', 'oui', '']]);
    const r = kpi(run([members, events, one, answers]), 'survey_response_rate');
    expect(r.value).toBe(1);
    expect(r.details).toMatchObject({ answers: 2, attendees: 1 });
  });

  it('has no value without attendees of a surveyed event', () => {
    const none = tab('Participations', ATTENDANCE_HEADER, [['E2', 'M004', 'oui', 'oui', '']]);
    const r = kpi(run([members, events, none, answers]), 'survey_response_rate');
    expect(r.value).toBeNull();
    expect(r.details).toMatchObject({ answers: 2, attendees: 0 });
  });

  it('counts an answer submitted today, and skips a hot answer naming no event', () => {
    // E4 (5 May, surveyed): M001, M002 came → 2 attendees. Answers: one naming E4 sent today (15 Sept)
    // counts; a hot answer naming no event does not → 1 ÷ 2.
    const e4 = tab('Participations', ATTENDANCE_HEADER, [
      ['E4', 'M001', 'oui', 'oui', ''],
      ['E4', 'M002', 'oui', 'oui', ''],
    ]);
    const sent = responses([
      ['15/09/2026', 'HOT-E4', 'chaud', 'E4', 'M001', 9, '', '', '', ''],
      ['06/05/2026', 'HOT-X', 'chaud', '', 'M002', 9, '', '', '', ''],
    ]);
    expect(kpi(run([members, events, e4, sent]), 'survey_response_rate')).toMatchObject({ value: 0.5, n: 2 });
  });

  it('is no data when any of Responses, Events, Attendance is missing', () => {
    expect(kpi(run([members, events, attendance]), 'survey_response_rate')).toMatchObject({
      value: null,
      n: 0,
    });
    expect(kpi(run([members, attendance, answers]), 'survey_response_rate')).toMatchObject({
      value: null,
      n: 0,
    });
    expect(kpi(run([members, events, answers]), 'survey_response_rate')).toMatchObject({ value: null, n: 0 });
  });
});

describe('scale means, hand-worked', () => {
  const report = () =>
    run([
      members,
      responses([
        ['10/03/2026', 'HOT-E1', 'chaud', '', 'M001', '', '', 4, 5, 2],
        ['11/03/2026', 'HOT-E1', 'chaud', '', 'M002', '', '', 2, '', 4],
        ['02/06/2026', 'COLD-2026-S1', 'froid', '', 'M003', '', '', '', 3, ''],
        ['02/07/2026', 'COLD-2026-S2', 'froid', '', 'M004', '', '', 1, 1, 1], // S2: left out
      ]),
    ]);

  it('averages the answers of P that have the value', () => {
    // Connection 4, 2 → 3 (n 2). Belonging 5, 3 → 4 (n 2). Mutual help 2, 4 → 3 (n 2).
    expect(kpi(report(), 'connection_value')).toMatchObject({ value: 3, n: 2 });
    expect(kpi(report(), 'belonging_index')).toMatchObject({ value: 4, n: 2 });
    expect(kpi(report(), 'mutual_help_index')).toMatchObject({ value: 3, n: 2 });
  });

  it('is no data without Responses', () => {
    // No details either (NO_DATA), not the counts of an empty list.
    expect(kpi(run([members]), 'nps').details).toEqual({});
    expect(kpi(run([members]), 'event_satisfaction').details).toEqual({});
    for (const id of ['nps', 'event_satisfaction', 'connection_value', 'belonging_index']) {
      expect(kpi(run([members]), id)).toMatchObject({ value: null, n: 0 });
    }
  });
});
