/**
 * Answers as the club model counts them (issue 14, SPEC §12): one answer per member per survey
 * counts, the latest by submission time (time of day included), earlier ones are `duplicate_answer`
 * issues; anonymous answers are never merged; decisive contacts above the contacts made are reported
 * and read as empty.
 */

import { describe, expect, it } from 'vitest';
import { tabSpec } from '../../src/core/schema';
import { issues, kpi, MEMBERS_HEADER, memberRows, run, tab } from './fixtures';

// Headers as the set-up tab writes them (schema labels).
const COLUMNS = [
  'submitted_at',
  'survey_id',
  'kind',
  'event_id',
  'member',
  'nps',
  'contacts_made',
  'decisive_contacts',
];
const labels = (lang: 'fr' | 'en') =>
  COLUMNS.map((id) => tabSpec('responses').columns.find((c) => c.id === id)!.label[lang]);
const HEADER = labels('fr');
const members = tab('Membres', MEMBERS_HEADER, memberRows(3));
/** A French workbook of three members and these Responses rows. */
const withAnswers = (rows: unknown[][]) => run([members, tab('Réponses', HEADER, rows)]);

describe('one answer per member per survey', () => {
  it('counts the latest answer of a member who answered twice, and reports the earlier one', () => {
    const report = withAnswers([
      ['10/03/2026 18:00:00', 'COLD-2026-S1', 'froid', '', 'M001', 0],
      ['10/03/2026 09:00:00', 'COLD-2026-S1', 'froid', '', 'm002@club.fr', 10],
      ['10/03/2026 18:30:15', 'COLD-2026-S1', 'froid', '', 'm001@club.fr', 10],
      ['11/03/2026', 'COLD-2026-S1', 'froid', '', 'M003', 10],
    ]);
    // M001's 0 (18:00) is replaced by their 10 (18:30:15, the same day): three promoters.
    expect(kpi(report, 'nps')).toMatchObject({ value: 100, n: 3 });
    const dup = issues(report, 'duplicate_answer');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ tab: 'Réponses', row: 2, column: 'Membre', value: 'M001' });
    expect(dup[0].message).toContain('COLD-2026-S1');
    expect(dup[0].message).toContain('(ligne 4)');
  });

  it('keeps the later row when two answers give no time of day, and separates surveys', () => {
    const report = withAnswers([
      ['10/03/2026', 'COLD-2026-S1', 'froid', '', 'M001', 10],
      ['10/03/2026', 'COLD-2026-S1', 'froid', '', 'M001', 0],
      ['10/03/2026', 'COLD-2025-S2', 'froid', '', 'M001', 10],
    ]);
    expect(issues(report, 'duplicate_answer').map((i) => i.row)).toEqual([2]);
    expect(kpi(report, 'nps')).toMatchObject({ n: 2, value: 0 });
  });

  it('never merges anonymous answers, even identical ones of the same second', () => {
    const same = ['10/03/2026 18:00:00', 'COLD-2026-S1', 'froid', '', '', 9];
    const report = withAnswers([same, [...same], [...same]]);
    expect(issues(report, 'duplicate_answer')).toEqual([]);
    expect(kpi(report, 'nps')).toMatchObject({ value: 100, n: 3 });
  });

  it('speaks English in an English workbook', () => {
    const report = run(
      [
        tab('Members', MEMBERS_HEADER, memberRows(1)),
        tab('Responses', labels('en'), [
          ['2026-03-10', 'COLD-2026-S1', 'cold', '', 'M001', 3],
          ['2026-03-11', 'COLD-2026-S1', 'cold', '', 'M001', 4],
        ]),
      ],
      { locale: 'en_GB', timeZone: 'Europe/London' },
    );
    const [dup] = issues(report, 'duplicate_answer');
    expect(dup.message).toMatch(
      /^Earlier answer of "M001" to survey COLD-2026-S1: only the latest one \(row 3\)/,
    );
  });
});

describe('decisive contacts above the contacts made', () => {
  it('is reported and read as empty; the rest of the answer still counts', () => {
    const report = withAnswers([
      ['10/03/2026', 'HOT-E1', 'chaud', '', 'M001', 9, 2, 5],
      ['10/03/2026', 'HOT-E1', 'chaud', '', 'M002', 9, 4, 4],
      ['10/03/2026', 'HOT-E1', 'chaud', '', 'M003', 9, '', 1],
    ]);
    const found = issues(report, 'decisive_over_made');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ tab: 'Réponses', row: 2, column: 'Contacts décisifs', value: '5' });
    expect(found[0].message).toContain('Contacts noués');
    expect(found[0].message).toContain('2');
    expect(report.club.answers.map((a) => a.decisiveContacts)).toEqual([null, 4, 1]);
    expect(kpi(report, 'nps').n).toBe(3);
  });
});
