/**
 * Hand-worked tests for the read plan of a refresh (src/core/read-plan.ts, issue 21's "read no more
 * than needed"), written for its mutation run (issue 23): which sheets get a plan, which columns of a
 * tracking tab are read (the first of each tracked header, as readTab parses them), the contiguous
 * runs those columns are read in, and the rows blank in every read column. Header rows are given as
 * Apps Script's getValues gives them (strings as typed, numbers, Date objects, empty strings).
 */

import { describe, expect, it } from 'vitest';
import { blankRowsOf, columnRuns, readPlans } from '../../../src/core/read-plan';

describe('readPlans', () => {
  it('plans only the tracking tabs, the leftmost of each, Settings whole, reading headers only where needed', () => {
    const names = ['Notes du bureau', 'MEMBRES', 'Members', 'Paramètres', 'evenements', 'settings', 'Feuil1'];
    const headerRows: unknown[][] = [
      ['Qui', 'Quoi'],
      // Membres: A ID membre, C E-mail, F Date d'adhésion, I Prénom are read. B (club column),
      // D (empty), E (Courriel: e-mail again, a duplicate), G (null), H (a number) are not.
      [' ID membre ', 'Notes', 'E-mail', '', 'Courriel', "Date d'adhésion", null, 42, 'Prénom'],
      ['Member ID', 'Email'],
      ['Clé', 'Valeur'],
      // Événements: Date first, then ID événement; a Date object in the header names nothing.
      ['Date', new Date(Date.UTC(2026, 0, 5)), 'ID événement', 'Titre', 'Titre'],
      ['Clé'],
      ['A'],
    ];
    const asked: number[] = [];
    const plans = readPlans(names, (i) => {
      asked.push(i);
      return headerRows[i];
    });
    expect(plans).toEqual([
      null, // not a tracking tab
      { kind: 'columns', columns: [0, 2, 5, 8] },
      { kind: 'none' }, // Members after MEMBRES: the same tab, reported by name
      { kind: 'all' }, // Settings: header row optional, read whole
      { kind: 'columns', columns: [0, 2, 3] }, // the second 'Titre' is a duplicate
      { kind: 'none' }, // settings after Paramètres
      null,
    ]);
    // Only the two tabs read by columns had their header row read.
    expect(asked).toEqual([1, 4]);
  });

  it('reads no column of a tracking tab whose header row names none, or is empty', () => {
    const plans = readPlans(['Cotisations', 'Participations'], (i) => (i === 0 ? ['Qui', 'Combien'] : []));
    expect(plans).toEqual([
      { kind: 'columns', columns: [] },
      { kind: 'columns', columns: [] },
    ]);
  });
});

describe('columnRuns', () => {
  it('groups sorted columns into contiguous [start, count] runs', () => {
    // 0,1,2 → [0,3]; 5 → [5,1]; 7,8 → [7,2].
    expect(columnRuns([0, 1, 2, 5, 7, 8])).toEqual([
      [0, 3],
      [5, 1],
      [7, 2],
    ]);
    expect(columnRuns([4])).toEqual([[4, 1]]);
    expect(columnRuns([])).toEqual([]);
    // 1 → [1,1], which ends before 3: 3 starts a new run, 4 extends it.
    expect(columnRuns([1, 3, 4])).toEqual([
      [1, 1],
      [3, 2],
    ]);
  });
});

describe('blankRowsOf', () => {
  it('lists the rows blank in every read column (empty, spaces, null, or beyond the row)', () => {
    const rows: unknown[][] = [
      ['M001', 'x', '15/01/2025'], // 0: filled
      ['', 'only in B', '   '], // 1: blank in A and C
      [null, '', 0], // 2: C holds 0, not blank
      ['', 'B'], // 3: C beyond the row: blank
      [' M002', '', ''], // 4: A filled
    ];
    expect(blankRowsOf(rows, [0, 2])).toEqual([1, 3]);
    expect(blankRowsOf(rows, [1])).toEqual([2, 4]);
    expect(blankRowsOf([], [0])).toEqual([]);
  });
});
