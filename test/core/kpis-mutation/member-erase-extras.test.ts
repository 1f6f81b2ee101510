/**
 * What an erasure also reaches (src/core/member-erase-extras.ts), hand-worked (issue 23): the hashed
 * address of the old logs, notes rewritten or removed, A1 names of cells past column Z, and formulas
 * quoting the member replaced by their value, or reported when another edit already replaces them.
 */

import { describe, expect, it } from 'vitest';
import {
  a1Of,
  planFormulaEdits,
  planNoteEdits,
  recipientHashes,
} from '../../../src/core/member-erase-extras';
import { hashOf } from '../../../src/core/survey-invitations';

const scrub = (text: string) => text.replace(/alice@club\.fr|Alice/gi, '[effacé]');

describe('recipientHashes', () => {
  it('hashes the trimmed lower-cased address, and nothing without one', () => {
    expect(recipientHashes('  Alice@Club.FR ')).toEqual([hashOf('alice@club.fr')]);
    expect(recipientHashes('Alice')).toEqual([]);
  });
});

describe('a1Of', () => {
  it('names columns A to Z, then AA, AZ, BA and ZZ, AAA', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map((c) => a1Of('Notes', 3, c))).toEqual([
      'Notes!A3',
      'Notes!Z3',
      'Notes!AA3',
      'Notes!AZ3',
      'Notes!BA3',
      'Notes!ZZ3',
      'Notes!AAA3',
    ]);
  });
});

describe('planNoteEdits', () => {
  it('rewrites the notes naming the member, removes those left blank, keeps the others', () => {
    const notes = [['', 'Vu avec Alice', 'Rien'], ['Alice'], [], ['  alice@club.fr  ']];
    expect(planNoteEdits('Membres', notes, scrub)).toEqual([
      { tab: 'Membres', row: 1, column: 2, note: 'Vu avec [effacé]' },
      { tab: 'Membres', row: 2, column: 1, note: '[effacé]' },
      { tab: 'Membres', row: 4, column: 1, note: '  [effacé]  ' },
    ]);
    const blank = (text: string) => text.replace(/Alice/g, ' ');
    expect(planNoteEdits('Membres', [['Alice']], blank)).toEqual([
      { tab: 'Membres', row: 1, column: 1, note: null },
    ]);
    expect(planNoteEdits('Membres', undefined, scrub)).toEqual([]);
    // A grid with a missing line or cells that are no text (as a hand-made grid may be): skipped.
    const odd = [undefined, [5, null, 'Alice']] as unknown as string[][];
    expect(planNoteEdits('Membres', odd, scrub)).toEqual([
      { tab: 'Membres', row: 2, column: 3, note: '[effacé]' },
    ]);
  });
});

describe('planFormulaEdits', () => {
  it('replaces formulas quoting the member by their value, and reports those another edit replaces', () => {
    const values = [
      ['Alice', 12, 'x'],
      ['b', 'Alice Martin', 7],
    ];
    const formulas = [
      ['=VLOOKUP("alice@club.fr";A:B;2)', '=SUM("Alice";1)', ''],
      ['', '=CONCAT("Alice";" Martin")', '=B1+1'],
    ];
    const edits = [
      { tab: 'Membres', row: 1, column: 2, value: null },
      { tab: 'Autre', row: 2, column: 2, value: null },
    ];
    expect(planFormulaEdits('Membres', values, formulas, edits, scrub)).toEqual({
      edits: [
        { tab: 'Membres', row: 1, column: 1, value: '[effacé]' },
        { tab: 'Membres', row: 2, column: 2, value: '[effacé] Martin' },
      ],
      replaced: ['Membres!A1', 'Membres!B1', 'Membres!B2'],
    });
  });

  it('keeps a number as it is and reads a missing value as blank', () => {
    const formulas = [['=IF("Alice"="";0;42)', '=LEN("Alice")']];
    expect(planFormulaEdits('Membres', [[42]], formulas, [], scrub).edits).toEqual([
      { tab: 'Membres', row: 1, column: 1, value: 42 },
      { tab: 'Membres', row: 1, column: 2, value: '' },
    ]);
    expect(planFormulaEdits('Membres', [], undefined, [], scrub)).toEqual({ edits: [], replaced: [] });
    const odd = [undefined, [7, null, '=T("Alice")']] as unknown as string[][];
    expect(planFormulaEdits('Membres', [['x']], odd, [], scrub)).toEqual({
      edits: [{ tab: 'Membres', row: 2, column: 3, value: '' }],
      replaced: ['Membres!C2'],
    });
  });
});
