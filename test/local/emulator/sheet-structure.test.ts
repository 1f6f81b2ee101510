/**
 * Hidden rows and columns move with the rows and columns around them (issue 14): Sheet.insertRows*,
 * insertColumns*, deleteRows and deleteColumns
 * (https://developers.google.com/apps-script/reference/spreadsheet/sheet) shift the hidden marks
 * the emulator keeps from the file, as they shift cells, widths and merges, and a save writes them
 * where the rows went.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadWorkbook, saveWorkbook } from '../../../src/local/workbook/xlsx';
import { emulator, workbook } from './helpers';

const sorted = (set: Set<number>): number[] => [...set].sort((a, b) => a - b);

describe('hidden marks through structure changes', () => {
  test('hidden rows move with insertRowsAfter/Before, insertRows and deleteRows', () => {
    const wb = workbook(['Membres']);
    const m = wb.sheets[0];
    m.hiddenRows = new Set([3, 6]);
    const sheet = emulator(wb).ss.getSheetByName('Membres')!;
    sheet.insertRowsAfter(4, 2);
    expect(sorted(m.hiddenRows)).toEqual([3, 8]);
    sheet.insertRowsBefore(3, 1);
    expect(sorted(m.hiddenRows)).toEqual([4, 9]);
    sheet.insertRows(1, 1);
    expect(sorted(m.hiddenRows)).toEqual([5, 10]);
    sheet.insertRowAfter(10);
    expect(sorted(m.hiddenRows)).toEqual([5, 10]);
    sheet.deleteRows(5, 1);
    expect(sorted(m.hiddenRows)).toEqual([9]);
    sheet.deleteRow(2);
    expect(sorted(m.hiddenRows)).toEqual([8]);
    sheet.deleteRows(7, 3);
    expect(sorted(m.hiddenRows)).toEqual([]);
  });

  test('hidden columns move with insertColumnsAfter/Before, insertColumns and deleteColumns', () => {
    const wb = workbook(['Membres']);
    const m = wb.sheets[0];
    m.hiddenColumns = new Set([2, 5]);
    m.columnWidths.set(5, 40);
    const sheet = emulator(wb).ss.getSheetByName('Membres')!;
    sheet.insertColumnsAfter(3, 1);
    expect(sorted(m.hiddenColumns)).toEqual([2, 6]);
    sheet.insertColumnsBefore(2, 2);
    expect(sorted(m.hiddenColumns)).toEqual([4, 8]);
    expect([...m.columnWidths]).toEqual([[8, 40]]);
    sheet.insertColumnBefore(1);
    expect(sorted(m.hiddenColumns)).toEqual([5, 9]);
    sheet.deleteColumns(5, 1);
    expect(sorted(m.hiddenColumns)).toEqual([8]);
    sheet.deleteColumn(1);
    expect(sorted(m.hiddenColumns)).toEqual([7]);
    expect([...m.columnWidths]).toEqual([[7, 40]]);
  });

  test('a save writes the hidden row where the inserted rows pushed it', async () => {
    const model = await loadWorkbook(join(__dirname, '../../fixtures/workbooks/tracking-tab-openpyxl.xlsx'));
    const membres = model.sheets.find((s) => s.name === 'Membres')!;
    expect(sorted(membres.hiddenRows)).toEqual([4]);
    const values = membres.values[3];
    emulator(model).ss.getSheetByName('Membres')!.insertRowsBefore(2, 2);
    const file = join(mkdtempSync(join(tmpdir(), 'cp-structure-')), 'club.xlsx');
    await saveWorkbook(model, file);
    const back = (await loadWorkbook(file)).sheets.find((s) => s.name === 'Membres')!;
    expect(sorted(back.hiddenRows)).toEqual([6]);
    expect(sorted(back.hiddenColumns)).toEqual([4]);
    expect(back.values[5]).toEqual(values);
  });
});
