/**
 * A sheet's snapshot at load tells the save whether the sheet is still what its file says
 * (sheet-snapshot.ts): every change the writer would write is seen, in place or not, and a sheet
 * set back to what it was counts as unchanged.
 */
import { describe, expect, it } from 'vitest';
import { type CellValue, cellKey, newSheetModel, type SheetModel } from '../../../src/local/workbook/model';
import { snapshotOf, unchangedSince } from '../../../src/local/workbook/sheet-snapshot';

function tab(): SheetModel {
  const sheet = newSheetModel(1, 'Membres');
  sheet.values = [
    ['Nom', 'Adhésion', 'Montant'],
    ['Ada', { serial: 46_000 }, 120],
    [],
    ['Linus', '', Number.NaN],
  ];
  sheet.formulas.set(cellKey(1, 2), '=100+20');
  sheet.notes.set(cellKey(0, 0), 'Nom et prénom');
  const list = { kind: 'list' as const, values: ['Oui', 'Non'], allowInvalid: false };
  sheet.validations.set(cellKey(1, 1), list);
  sheet.validations.set(cellKey(2, 1), list);
  sheet.numberFormats.set(cellKey(1, 1), 'dd/mm/yyyy');
  sheet.merges.push([5, 0, 1, 2]);
  sheet.columnWidths.set(1, 180);
  return sheet;
}

/** Each change, made on a fresh tab: the snapshot must see it. */
const CHANGES: Array<[string, (s: SheetModel) => void]> = [
  ['a value', (s) => (s.values[1][2] = 121)],
  ['a value of the same text in another type', (s) => (s.values[1][2] = '120')],
  ['a date object changed in place', (s) => ((s.values[1][1] as { serial: number }).serial = 46_001)],
  ['a date replaced by another', (s) => (s.values[1][1] = { serial: 46_002 })],
  ['a trailing empty cell', (s) => s.values[0].push('')],
  ['a row added', (s) => s.values.push(['Grace'])],
  ['a row emptied', (s) => (s.values[3] = [])],
  ['a formula', (s) => s.formulas.set(cellKey(1, 2), '=100+21')],
  ['a note removed', (s) => s.notes.delete(cellKey(0, 0))],
  ['a validation changed in place', (s) => (s.validations.get(cellKey(1, 1))!.allowInvalid = true)],
  ['a validation removed', (s) => s.validations.delete(cellKey(2, 1))],
  [
    'a validation replaced',
    (s) => s.validations.set(cellKey(1, 1), { kind: 'checkbox', allowInvalid: true }),
  ],
  ['a number format', (s) => s.numberFormats.set(cellKey(1, 1), 'yyyy-mm-dd')],
  ['a background', (s) => s.backgrounds.set(cellKey(0, 0), '#ff0000')],
  ['frozen rows', (s) => (s.frozenRows = 1)],
  ['a merge changed in place', (s) => (s.merges[0][3] = 3)],
  ['a column width', (s) => s.columnWidths.set(1, 181)],
  ['a hidden row', (s) => s.hiddenRows.add(4)],
  ['the protection', (s) => (s.sheetProtection = { sheet: true })],
  ['the tab colour', (s) => (s.tabColor = '#00ff00')],
];

describe("a sheet's snapshot", () => {
  it('sees an untouched sheet as unchanged, NaN and empty rows included', () => {
    const sheet = tab();
    const snapshot = snapshotOf(sheet);
    expect(unchangedSince(sheet, snapshot)).toBe(true);
    // An empty row at the end, or a missing one, writes nothing: still unchanged.
    sheet.values.push([]);
    sheet.values[2] = undefined as unknown as CellValue[];
    expect(unchangedSince(sheet, snapshot)).toBe(true);
  });

  it.each(CHANGES)('sees %s', (_, change) => {
    const sheet = tab();
    const snapshot = snapshotOf(sheet);
    change(sheet);
    expect(unchangedSince(sheet, snapshot)).toBe(false);
  });

  it('sees a sheet set back to what it was as unchanged', () => {
    const sheet = tab();
    const snapshot = snapshotOf(sheet);
    sheet.values[1][2] = 121;
    sheet.validations.delete(cellKey(2, 1));
    sheet.values[1][1] = { serial: 47_000 };
    expect(unchangedSince(sheet, snapshot)).toBe(false);
    sheet.values[1][2] = 120;
    sheet.values[1][1] = { serial: 46_000 };
    sheet.validations.set(cellKey(2, 1), { kind: 'list', values: ['Oui', 'Non'], allowInvalid: false });
    expect(unchangedSince(sheet, snapshot)).toBe(true);
  });
});
