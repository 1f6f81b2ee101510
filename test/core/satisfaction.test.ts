/** Satisfaction and climate KPIs from Responses (SPEC §3, §12), and the NPS test vectors. */

import { describe, expect, it } from 'vitest';
import { npsOf } from '../../src/core/kpis/common';
import { type NpsVector, npsVectors } from '../nps-vectors';
import {
  ATTENDANCE_HEADER,
  EVENTS_HEADER,
  issues,
  kpi,
  MEMBERS_HEADER,
  memberRows,
  run,
  sheetDate,
  tab,
} from './fixtures';

// The NPS vectors of the shared samples (distribution forms expanded; see test/nps-vectors.ts).
const vectors = npsVectors();
const valid = vectors.filter((v) => v.expected !== null);
const outOfRange = vectors.filter((v) => v.expected === null);
const scoresOf = (v: NpsVector): number[] => v.scores;

const RESPONSES_HEADER = ['Horodatage', 'ID enquête', "Type d'enquête", 'ID événement', 'Membre', 'NPS'];

describe('NPS test vectors', () => {
  it('has vectors of every form', () => {
    expect(valid.length).toBeGreaterThanOrEqual(10);
    expect(outOfRange.length).toBe(1);
  });

  it.each(valid.map((v, i) => [i, v] as const))('npsOf, vector %i', (_, v) => {
    expect(npsOf(scoresOf(v))).toBeCloseTo(v.expected!, 9);
  });

  it.each(valid.map((v, i) => [i, v] as const))('nps KPI, vector %i', (_, v) => {
    const rows = scoresOf(v).map((s, k) => [
      `${String((k % 28) + 1).padStart(2, '0')}/03/2026`,
      'COLD-2026-S1',
      'froid',
      '',
      '',
      s,
    ]);
    const report = run([tab('Réponses', RESPONSES_HEADER, rows)]);
    const nps = kpi(report, 'nps');
    expect(nps.value).toBeCloseTo(v.expected!, 9);
    expect(nps.n).toBe(rows.length);
    // Only the tabs this one-tab workbook lacks are reported.
    expect(report.issues.filter((i) => i.code !== 'missing_tab')).toEqual([]);
  });

  it('rejects out-of-range scores that some libraries accept', () => {
    const v = outOfRange[0];
    expect(v.scores).toEqual([-5, 15, 12, 14]);
    expect(() => npsOf(v.scores!)).toThrow(RangeError);
    const rows = v.scores!.map((s) => ['10/03/2026', 'COLD-2026-S1', 'froid', '', '', s]);
    const report = run([tab('Réponses', RESPONSES_HEADER, rows)]);
    // Every score is reported out_of_range and left out: no answer left, so no data (not that library's 50).
    expect(issues(report, 'out_of_range').map((i) => i.value)).toEqual(['-5', '15', '12', '14']);
    expect(kpi(report, 'nps')).toMatchObject({ value: null, n: 0, status: 'grey' });
  });

  it('npsOf of nothing is null', () => {
    expect(npsOf([])).toBeNull();
  });
});

describe('satisfaction KPIs', () => {
  const members = tab('Membres', MEMBERS_HEADER, memberRows(6));
  const events = tab('Événements', EVENTS_HEADER, [
    ['E1', sheetDate('2026-03-10'), 'atelier', 'https://forms.example/e1'],
    ['E2', sheetDate('2026-05-12'), 'afterwork', ''],
    ['E3', sheetDate('2026-06-20'), 'petit-déjeuner', 'https://forms.example/e3'],
  ]);
  const attendance = tab('Participations', ATTENDANCE_HEADER, [
    ['E1', 'M001', 'oui', 'oui', ''],
    ['E1', 'M002', 'oui', 'oui', ''],
    ['E1', 'M003', 'oui', 'non', ''],
    ['E1', 'Visiteur Externe', 'oui', 'oui', ''],
    ['E2', 'M005', 'oui', 'oui', ''],
    ['E3', 'M001', 'oui', 'oui', ''],
    ['E3', 'M004', 'oui', 'oui', ''],
    ['E3', 'M005', 'oui', 'oui', ''],
  ]);
  const responses = tab(
    'Réponses',
    [...RESPONSES_HEADER, 'Satisfaction', 'Valeur de la rencontre', 'Appartenance', 'Entraide'],
    [
      ['10/03/2026 21:00:00', 'HOT-E1', 'chaud', 'E1', 'M001', 10, 5, 4, '', ''], // A1
      ['11/03/2026', 'HOT-E1', '', 'E1', 'M002', 9, 4, '', '', ''], // A2: empty kind + event → hot
      ['12/03/2026', 'HOT-E1', 'hot', 'E1', '', 6, 3, 2, '', ''], // A3: anonymous
      ['20/06/2026', 'HOT-E3', 'Chaud', 'E3', 'M001', 8, 4, 5, '', ''], // A4
      ['30/06/2026', 'COLD-2026-S1', 'froid', '', 'M001', 3, '', '', 4, 5], // A5
      ['30/06/2026', 'COLD-2026-S1', 'Froid', '', 'M002', 10, '', '', 3, ''], // A6
      ['01/07/2026', 'HOT-E3', 'chaud', 'E3', 'M004', 7, 5, '', '', ''], // A7: names E3 (S1), submitted in S2
      ['15/12/2025', 'COLD-2025-S2', 'froid', '', 'M003', 9, '', '', '', ''], // A8: previous period
      ['02/04/2026', 'COLD-2026-S1', 'froid', '', 'M003', 11, '', '', 5, ''], // A9: NPS 11 reported; belonging counts
    ],
  );
  const report = run([members, events, attendance, responses]);

  it('nps: % promoters − % detractors of answers submitted in P, split hot/cold', () => {
    // S1 scores: 10, 9, 6, 8, 3, 10 (A9's 11 is left out) → promoters 3, detractors 2, n 6: (3 − 2) ÷ 6 × 100 = 16.67.
    // Previous: A8 = 9 → 100; delta −83.33. Benchmark 21, band 10: 16.67 ≥ 11 → amber.
    const nps = kpi(report, 'nps');
    expect(nps.value).toBeCloseTo(100 / 6, 9);
    expect(nps.previous).toBe(100);
    expect(nps.delta).toBeCloseTo(100 / 6 - 100, 9);
    expect(nps).toMatchObject({ n: 6, status: 'amber' });
    // Hot: 10, 9, 6, 8 → (2 − 1) ÷ 4 = 25. Cold: 3, 10 → 0.
    expect(nps.details.hot).toEqual({ value: 25, n: 4 });
    expect(nps.details.cold).toEqual({ value: 0, n: 2 });
    expect(issues(report, 'out_of_range')).toEqual([
      expect.objectContaining({ tab: 'Réponses', row: 10, column: 'NPS', value: '11' }),
    ]);
  });

  it('nps is shown below 5 answers, with status grey', () => {
    const few = run([
      tab('Réponses', RESPONSES_HEADER, [
        ['10/03/2026', 'C', 'froid', '', '', 10],
        ['11/03/2026', 'C', 'froid', '', '', 10],
      ]),
    ]);
    expect(kpi(few, 'nps')).toMatchObject({ value: 100, n: 2, status: 'grey' });
  });

  it('event_satisfaction: mean of hot answers in P, with a table by format', () => {
    // A1 5, A2 4, A3 3, A4 4 → 16 ÷ 4 = 4. Workshop (E1): 5, 4, 3 → 4 on 3; breakfast (E3): 4 on 1.
    const s = kpi(report, 'event_satisfaction');
    expect(s).toMatchObject({ value: 4, n: 4 });
    expect(s.details.by_format).toEqual([
      { format: 'workshop', mean: 4, n: 3 },
      { format: 'breakfast', mean: 4, n: 1 },
    ]);
  });

  it('survey_response_rate: hot answers naming a surveyed event of P ÷ its attendees, guests included', () => {
    // Surveyed events of S1: E1 (attendees M001, M002, guest = 3) and E3 (M001, M004, M005 = 3) → 6.
    // Hot answers naming them: A1, A2, A3 (E1), A4, A7 (E3) = 5. 5 ÷ 6.
    expect(kpi(report, 'survey_response_rate')).toMatchObject({ value: 5 / 6, n: 6 });
  });

  it('connection_value averages every answer that has one', () => {
    // A1 4, A3 2, A4 5 → 11 ÷ 3.
    expect(kpi(report, 'connection_value')).toMatchObject({ value: 11 / 3, n: 3 });
  });

  it('climate: belonging and mutual help indices', () => {
    // Belonging: A5 4, A6 3, A9 5 (its bad NPS does not drop the row) → 4. Mutual help: A5 5.
    expect(kpi(report, 'belonging_index')).toMatchObject({ value: 4, n: 3 });
    expect(kpi(report, 'mutual_help_index')).toMatchObject({ value: 5, n: 1 });
  });

  it('is no data without a Responses tab', () => {
    const none = run([members, events, attendance]);
    for (const id of [
      'nps',
      'event_satisfaction',
      'survey_response_rate',
      'connection_value',
      'belonging_index',
    ]) {
      expect(kpi(none, id).value).toBeNull();
    }
  });
});
