/**
 * The rows the survey adapter keeps (src/core/survey-registry.ts), hand-worked (issue 23): the
 * Surveys tab read back (blank header cells, ids with spaces, missing columns, the form id from
 * its cell or its edit URL), a line laid out in a tab whose columns are moved, the Responses columns
 * a batch of answers lacks and the lines appended (the submission time as given, blanks left empty,
 * everything else kept as text), and the intake ledger's row ranges. Every grid is read inside its
 * test.
 */

import { describe, expect, it } from 'vitest';
import {
  formatRows,
  ledgerGrid,
  missingResponseColumns,
  parseLedger,
  parseRows,
  parseSurveyRows,
  responseColumns,
  responseLines,
  type SurveyEntry,
  summaryOf,
  surveyLine,
} from '../../../src/core/survey-registry';

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? `'${v}` : v);

describe('parseSurveyRows', () => {
  it('reads every field by header, trimming ids, the form id from its cell or else the edit URL', () => {
    const created = new Date(Date.UTC(2026, 2, 1));
    const rows = parseSurveyRows([
      ['', 'Survey ID', 'Public link', 'Edit link', 'Response tab', 'Created on', 'Answers', 'Form ID'],
      [
        'x',
        ' HOT-E1 ',
        'https://p/1',
        'https://docs.google.com/forms/d/abcdefghijkl123/edit',
        'Réponses 1',
        created,
        '4',
        ' F-1 ',
      ],
      [
        'x',
        'COLD-2026-S1',
        'https://p/2',
        'https://docs.google.com/forms/d/abcdefghijkl456/edit',
        'Réponses 2',
        '',
        2,
        '',
      ],
    ]);
    expect([...rows.columns.keys()]).toEqual([
      'survey_id',
      'public_url',
      'edit_url',
      'response_tab',
      'created_on',
      'answers',
      'form_id',
    ]);
    expect(rows.entries).toEqual([
      {
        row: 2,
        surveyId: 'HOT-E1',
        kind: 'hot',
        target: 'E1',
        publicUrl: 'https://p/1',
        editUrl: 'https://docs.google.com/forms/d/abcdefghijkl123/edit',
        responseTab: 'Réponses 1',
        createdOn: created,
        answers: 4,
        formId: 'F-1',
      },
      {
        row: 3,
        surveyId: 'COLD-2026-S1',
        kind: 'cold',
        target: '2026-S1',
        publicUrl: 'https://p/2',
        editUrl: 'https://docs.google.com/forms/d/abcdefghijkl456/edit',
        responseTab: 'Réponses 2',
        createdOn: '',
        answers: 2,
        formId: 'abcdefghijkl456',
      },
    ]);
  });

  it('reads a missing column as empty, and an empty tab as no survey', () => {
    const rows = parseSurveyRows([['ID enquête'], ['HOT-E2']]);
    expect(rows.entries).toEqual([
      {
        row: 2,
        surveyId: 'HOT-E2',
        kind: 'hot',
        target: 'E2',
        publicUrl: '',
        editUrl: '',
        responseTab: '',
        createdOn: '',
        answers: 0,
        formId: '',
      },
    ]);
    expect(parseSurveyRows([])).toEqual({ columns: new Map(), entries: [] });
  });
});

describe('surveyLine and summaryOf', () => {
  const entry: SurveyEntry = {
    row: 3,
    surveyId: 'COLD-2026-S1',
    kind: 'cold',
    target: '2026-S1',
    publicUrl: 'P',
    editUrl: 'E',
    responseTab: 'R',
    createdOn: '',
    answers: 5,
    formId: 'F',
  };

  it('lays a line out in the tab’s own columns, up to the last one, blanks elsewhere', () => {
    const columns = new Map([
      ['answers', 4],
      ['survey_id', 1],
      ['kind', 2],
      ['unknown', 0],
    ]);
    expect(surveyLine(entry, 'en', columns, text)).toEqual(['', "'COLD-2026-S1", 'cold', '', 5]);
  });

  it('sums an entry up for the sidebar', () => {
    expect(summaryOf(entry)).toEqual({
      surveyId: 'COLD-2026-S1',
      kind: 'cold',
      target: '2026-S1',
      publicUrl: 'P',
      editUrl: 'E',
      responseTab: 'R',
      answers: 5,
    });
  });
});

describe('Responses columns and lines', () => {
  it('finds no column under a blank header cell', () => {
    expect([...responseColumns(['', null, 'NPS'])]).toEqual([['nps', 2]]);
  });

  it('lists the columns the answers fill and the tab lacks, in the schema’s order', () => {
    const columns = responseColumns(['Horodateur', 'ID enquête', 'NPS']);
    const missing = missingResponseColumns(columns, [
      { submitted_at: '2026-03-01 10:00', survey_id: 'HOT-E1', nps: 9, comment: '', member: 'M001' },
      { survey_id: 'HOT-E1', satisfaction: 4, comment: 'Bien' },
    ]);
    expect(missing.map((c) => c.id)).toEqual(['member', 'satisfaction', 'comment']);
    expect(missing[0].label).toEqual({ fr: 'Membre', en: 'Member' });
    expect(missingResponseColumns(columns, [])).toEqual([]);
  });

  it('writes each answer as a line: the time as given, blanks empty, the rest through asText', () => {
    const columns = new Map([
      ['submitted_at', 0],
      ['survey_id', 1],
      ['nps', 2],
      ['comment', 3],
    ]);
    const when = new Date(Date.UTC(2026, 2, 1));
    // An asText that marks what it is given: blanks must never reach it, a text time neither.
    const mark = (v: unknown) => ({ text: v });
    expect(
      responseLines(
        [
          { submitted_at: '2026-03-01 10:00', survey_id: 'HOT-E1', nps: 9, comment: '=HYPERLINK("x")' },
          { submitted_at: when, survey_id: 'HOT-E1', nps: '', comment: undefined as unknown as string },
        ],
        columns,
        5,
        mark,
      ),
    ).toEqual([
      ['2026-03-01 10:00', { text: 'HOT-E1' }, { text: 9 }, { text: '=HYPERLINK("x")' }, ''],
      [{ text: when }, { text: 'HOT-E1' }, '', '', ''],
    ]);
  });
});

describe('the intake ledger', () => {
  it('reads ranges of several digits, padded, and nothing else', () => {
    expect([...parseRows(' 12-14 ,7, 20 ,x3,3x,4-5x, 8-6')]).toEqual([12, 13, 14, 7, 20]);
    expect([...parseRows('')]).toEqual([]);
  });

  it('writes runs of rows as ranges, single rows alone', () => {
    expect(formatRows(new Set([5, 3, 4, 10, 12, 11, 20]))).toBe('3-5,10-12,20');
    expect(formatRows(new Set([7]))).toBe('7');
    expect(formatRows(new Set())).toBe('');
  });

  it('keys the ledger by trimmed survey id', () => {
    const ledger = parseLedger([
      ['survey_id', 'form_id', 'response_rows'],
      [' HOT-E1 ', 'F1', '2-3'],
    ]);
    expect([...ledger.keys()]).toEqual(['HOT-E1']);
    expect(ledgerGrid(ledger, text)[1]).toEqual(["'HOT-E1", "'F1", "'2-3"]);
  });
});
