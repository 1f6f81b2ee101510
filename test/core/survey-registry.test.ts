/** The Surveys tab rows and the intake ledger as data, hand-checked. */

import { describe, expect, it } from 'vitest';
import {
  formatRows,
  formIdOfUrl,
  ledgerGrid,
  parseLedger,
  parseRows,
  parseSurveyRows,
  responseColumns,
  surveyLine,
  surveysHeader,
} from '../../src/core/survey-registry';

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? `'${v}` : v);

describe('Surveys tab rows', () => {
  it('reads rows by header label in either language, any column order, skipping bad ids', () => {
    const rows = parseSurveyRows([
      ['Answers', 'ID enquête', 'Edit link', 'Kind'],
      [3, 'HOT-E1', 'https://docs.google.com/forms/d/abcdefghijkl123/edit', 'chaud'],
      [1, 'not a survey', '', ''],
      ['x', 'COLD-2026-S1', '', 'froid'],
    ]);
    expect(rows.entries.map((e) => [e.row, e.surveyId, e.kind, e.target, e.answers, e.formId])).toEqual([
      [2, 'HOT-E1', 'hot', 'E1', 3, 'abcdefghijkl123'],
      [4, 'COLD-2026-S1', 'cold', '2026-S1', 0, ''],
    ]);
  });

  it('writes a line in the columns of the tab, free text as text, the kind as a label', () => {
    const { header, columns } = surveysHeader('en');
    expect(header[0]).toBe('Survey ID');
    const when = new Date(0);
    const line = surveyLine(
      {
        row: 2,
        surveyId: 'HOT-E1',
        kind: 'hot',
        target: 'E1',
        publicUrl: 'P',
        editUrl: 'E',
        responseTab: '=R',
        createdOn: when,
        answers: 0,
        formId: 'F',
      },
      'fr',
      columns,
      text,
    );
    expect(line).toEqual(["'HOT-E1", 'chaud', "'E1", "'P", "'E", "'=R", when, 0, "'F"]);
  });

  it('finds the form id of an edit URL, not of a published one', () => {
    expect(formIdOfUrl('https://docs.google.com/forms/d/1FAIpQLSabc_def/viewform')).toBe('1FAIpQLSabc_def');
    expect(formIdOfUrl('https://docs.google.com/forms/d/e/1FAIpQLSabc/viewform')).toBe('');
  });

  it('finds Responses columns by id, label or alias, the first one winning', () => {
    const columns = responseColumns(['Membre', 'NPS', 'survey_id', 'Membre', '']);
    expect([...columns]).toEqual([
      ['member', 0],
      ['nps', 1],
      ['survey_id', 2],
    ]);
  });
});

describe('intake ledger', () => {
  it('reads and writes row ranges', () => {
    expect([...parseRows('2-5, 7,x,9-9')]).toEqual([2, 3, 4, 5, 7, 9]);
    expect(formatRows(new Set([9, 2, 3, 4, 7, 5]))).toBe('2-5,7,9');
    const ledger = parseLedger([
      ['survey_id', 'form_id', 'response_rows'],
      ['HOT-E1', 'F1', '2-3'],
      ['', 'F2', '4'],
    ]);
    expect(ledgerGrid(ledger, text)).toEqual([
      ['survey_id', 'form_id', 'response_rows'],
      ["'HOT-E1", "'F1", "'2-3"],
    ]);
  });
});
