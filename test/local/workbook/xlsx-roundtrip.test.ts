/**
 * Round-trip tests of the xlsx loader and saver: every attribute the model keeps survives a save
 * and a load, the metadata tab comes back and stays out of `sheets`, a file without it gets
 * defaults, and a loaded sheet has at least Sheets' default grid.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cellKey,
  META_SHEET_NAME,
  newSheetModel,
  newWorkbookModel,
  type WorkbookModel,
} from '../../../src/local/workbook/model';
import { canOverwriteInPlace, loadWorkbook, saveWorkbook } from '../../../src/local/workbook/xlsx';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'club-pulse-xlsx-'));
});
afterAll(async () => {
  if (!process.env.KEEP_XLSX) await rm(dir, { recursive: true, force: true });
  else console.log(dir);
});

function richModel(): WorkbookModel {
  const model = newWorkbookModel({
    name: 'Test club',
    locale: 'en_GB',
    timeZone: 'Europe/London',
    spreadsheetId: 'abc',
  });
  model.meta.namedRanges.push({ name: 'Members', sheetId: 1, row: 1, column: 1, numRows: 10, numColumns: 3 });
  model.meta.documentProperties = { lang: 'en', clé: 'été ✓ 😀' };
  model.meta.triggers.push({
    uniqueId: 't1',
    handlerFunction: 'onEdit',
    eventType: 'ON_EDIT',
    triggerSource: 'SPREADSHEETS',
    triggerSourceId: 'abc',
  });
  model.meta.nextSheetId = 3;
  const s = newSheetModel(1, 'Members');
  s.values = [
    ['Name', 'Joined', 'Fee', 'Active', 'Total', 'Link'],
    ['Alice', { serial: 45306 }, 120.5, true, 240, 'x'],
    ['Bob', { serial: 45306.75 }, 0, false, '#N/A', ''],
  ];
  s.formulas.set(cellKey(1, 4), '=C2*2');
  s.formulas.set(cellKey(2, 4), '=VLOOKUP("z",A1:B3,2,FALSE)');
  s.numberFormats.set(cellKey(1, 1), 'dd/mm/yyyy');
  s.numberFormats.set(cellKey(1, 2), '#,##0.00');
  s.fontWeights.set(cellKey(0, 0), 'bold');
  s.fontWeights.set(cellKey(0, 1), 'bold');
  s.fontColors.set(cellKey(0, 0), '#ff0000');
  s.fontSizes.set(cellKey(0, 0), 14);
  s.fontSizes.set(cellKey(0, 2), 11); // the saved file's default size
  s.backgrounds.set(cellKey(0, 0), '#00ff00');
  s.backgrounds.set(cellKey(5, 5), '#123456'); // formatted, empty
  s.horizontalAlignments.set(cellKey(0, 2), 'center');
  s.horizontalAlignments.set(cellKey(1, 2), 'right');
  s.wraps.set(cellKey(0, 1), true);
  s.notes.set(cellKey(0, 0), 'Full name');
  s.notes.set(cellKey(7, 7), 'A note on an empty cell');
  // A note keeps its carriage returns and text that looks like an escape (issue 14, item 9).
  s.notes.set(cellKey(3, 0), 'Adresse :\r\nrue A\rBât. B _x0041_');
  s.validations.set(cellKey(1, 3), { kind: 'checkbox', allowInvalid: false });
  s.validations.set(cellKey(2, 3), { kind: 'checkbox', allowInvalid: false });
  s.validations.set(cellKey(1, 0), {
    kind: 'list',
    values: ['Alice', 'Bob', 'Carol'],
    allowInvalid: true,
    helpText: 'Pick one',
  });
  s.validations.set(cellKey(1, 1), { kind: 'date', allowInvalid: false });
  s.validations.set(cellKey(2, 1), { kind: 'date', min: 45000, max: 46000, allowInvalid: false });
  s.validations.set(cellKey(1, 2), { kind: 'number', min: 0, max: 1000, allowInvalid: false });
  s.validations.set(cellKey(2, 2), { kind: 'number', min: 5, allowInvalid: true });
  s.frozenRows = 1;
  s.frozenColumns = 2;
  s.columnWidths.set(1, 180);
  s.columnWidths.set(3, 75);
  s.merges.push([10, 0, 2, 3]);
  s.values[10] = ['Merged title'];
  for (let r = 3; r < 10; r++) s.values[r] = [];
  // Carriage returns, control characters and text that looks like an xlsx escape stay as they are.
  s.values[3] = ['ligne 1\r\nligne 2', 'un\rdeux\u0001\u001f', '_x0041_ and _x000d_', 'tab\there'];
  s.hiddenRows = new Set([4, 7]); // row 7 has no cell
  s.hiddenColumns = new Set([2, 28]);
  s.sheetProtection = { sheet: true, formatColumns: true, selectLockedCells: false };
  s.tabColor = '#336699';
  s.formUrl = 'https://docs.google.com/forms/d/xyz/viewform';
  s.charts.push({
    chartId: 7,
    type: 'COLUMN',
    ranges: ["'Members'!A1:C3"],
    anchorRow: 2,
    anchorColumn: 8,
    offsetX: 0,
    offsetY: 0,
    options: { title: 'Fees' },
  });
  s.maxRows = 1500;
  s.maxColumns = 30;
  const hidden = newSheetModel(2, '_data', 50, 5);
  hidden.hidden = true;
  hidden.values = [
    ['k', 'v'],
    ['a', 1],
  ];
  model.sheets.push(s, hidden);
  return model;
}

describe('xlsx round trip', () => {
  it('keeps every kept attribute', async () => {
    const model = richModel();
    const file = join(dir, 'rich.xlsx');
    await saveWorkbook(model, file);
    const back = await loadWorkbook(file);

    expect(back.meta).toEqual(model.meta);
    expect(back.unkeptParts).toEqual([]);
    expect(back.sheets.map((s) => s.name)).toEqual(['Members', '_data']);
    const [a, b] = [model.sheets[0], back.sheets[0]];
    expect(b.sheetId).toBe(1);
    // Trailing empty cells are not kept: a missing cell reads as ''.
    expect(b.values).toEqual([a.values[0], a.values[1], a.values[2].slice(0, 5), ...a.values.slice(3)]);
    expect(b.formulas).toEqual(a.formulas);
    expect(b.numberFormats.get(cellKey(1, 1))).toBe('dd/mm/yyyy');
    expect(b.numberFormats.get(cellKey(1, 2))).toBe('#,##0.00');
    // A date without a date format gets one, so that it is still a date when read back.
    expect(b.numberFormats.get(cellKey(2, 1))).toBe('yyyy-mm-dd hh:mm:ss');
    expect(b.fontWeights).toEqual(a.fontWeights);
    expect(b.fontColors).toEqual(a.fontColors);
    expect(b.fontSizes).toEqual(a.fontSizes);
    expect(b.backgrounds).toEqual(a.backgrounds);
    expect(b.horizontalAlignments).toEqual(a.horizontalAlignments);
    expect(b.wraps).toEqual(a.wraps);
    expect(b.notes).toEqual(a.notes);
    expect(b.validations).toEqual(a.validations);
    expect(b.frozenRows).toBe(1);
    expect(b.frozenColumns).toBe(2);
    expect(b.columnWidths).toEqual(a.columnWidths);
    expect(b.merges).toEqual(a.merges);
    expect(b.hiddenRows).toEqual(a.hiddenRows);
    expect(b.hiddenColumns).toEqual(a.hiddenColumns);
    expect(b.sheetProtection).toEqual(a.sheetProtection);
    expect(b.tabColor).toBe('#336699');
    expect(b.formUrl).toBe(a.formUrl);
    expect(b.charts).toEqual(a.charts);
    expect(b.maxRows).toBe(1500);
    expect(b.maxColumns).toBe(30);
    expect(b.hidden).toBe(false);

    const h = back.sheets[1];
    expect(h.hidden).toBe(true);
    expect(h.sheetId).toBe(2);
    expect(h.values).toEqual([
      ['k', 'v'],
      ['a', 1],
    ]);
    expect(h.hiddenRows).toEqual(new Set());
    expect(h.sheetProtection).toBeNull();
    expect(h.maxRows).toBe(50);
    expect(h.maxColumns).toBe(5);
    expect(canOverwriteInPlace(back)).toEqual({ ok: true });
  });

  it("is read alike by ExcelJS's own in-memory reader, the second reader of what the writer writes", async () => {
    const file = join(dir, 'oracle.xlsx');
    await saveWorkbook(richModel(), file);
    const ours = await loadWorkbook(file);
    const memory = await loadWorkbook(file, { reader: 'memory' });
    expect({ ...memory, source: undefined }).toEqual({ ...ours, source: undefined });
    // ExcelJS's public API sees the notes on their cells, the frozen panes and the merge.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Members')!;
    expect(ws.getCell('A1').note).toBe('Full name');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1, topLeftCell: 'C2' });
    expect(ws.getCell('C12').isMerged).toBe(true);
    expect(ws.getCell('E2').formula).toBe('C2*2');
    expect(ws.getCell('E2').result).toBe(240);
  });

  it('writes the metadata and every text as the file format says: escapes, spaces and entities kept', async () => {
    const model = newWorkbookModel();
    const sheet = newSheetModel(1, 'Tab _x0041_ & <co>');
    sheet.values = [['  leading and trailing  ', 'a & b < c > "d"', '_x0041_']];
    sheet.formulas.set(cellKey(1, 0), '="<&>"');
    sheet.values[1] = ['<&>'];
    sheet.formUrl = 'https://example.org/?a=1&b=_x0041_';
    // Characters XML cannot carry, in a formula and a validation's list: left out, the file readable.
    sheet.formulas.set(cellKey(2, 0), '="a\u0001b"');
    sheet.validations.set(cellKey(2, 1), { kind: 'list', values: ['ok', 'bad\u0002'], allowInvalid: false });
    model.sheets.push(sheet);
    const file = join(dir, 'escapes.xlsx');
    await saveWorkbook(model, file);
    for (const reader of ['streaming', 'memory'] as const) {
      const back = await loadWorkbook(file, { reader });
      expect(back.sheets[0].formulas.get(cellKey(2, 0))).toBe('="ab"');
      expect(back.sheets[0].validations.get(cellKey(2, 1))).toEqual({
        kind: 'list',
        values: ['ok', 'bad'],
        allowInvalid: false,
      });
      expect(back.sheets[0].name).toBe('Tab _x0041_ & <co>');
      expect(back.sheets[0].formUrl).toBe(sheet.formUrl);
      expect(back.sheets[0].values.slice(0, 2)).toEqual(sheet.values.slice(0, 2));
      expect(back.sheets[0].formulas.get(cellKey(1, 0))).toBe('="<&>"');
    }
  });

  it('gives the notes of each tab their own drawing and shape ids, over 1,024 notes too', async () => {
    const model = newWorkbookModel();
    for (const [id, count] of [
      [1, 1030],
      [2, 3],
    ]) {
      const sheet = newSheetModel(id, `T${id}`);
      for (let r = 0; r < count; r++) sheet.notes.set(cellKey(r, 1), `note ${r}`);
      model.sheets.push(sheet);
    }
    const file = join(dir, 'notes.xlsx');
    await saveWorkbook(model, file);
    const zip = await JSZip.loadAsync(await readFile(file));
    const ids: string[] = [];
    const maps: string[] = [];
    for (const path of ['xl/drawings/vmlDrawing1.vml', 'xl/drawings/vmlDrawing2.vml']) {
      const vml = await zip.file(path)!.async('string');
      ids.push(...[...vml.matchAll(/<v:shape id="_x0000_s(\d+)"/g)].map((m) => m[1]));
      maps.push(/<o:idmap v:ext="edit" data="([^"]*)"/.exec(vml)![1]);
    }
    expect(ids).toHaveLength(1033);
    expect(new Set(ids).size).toBe(1033);
    // Each shape id lies in a block its drawing's id map declares (1,024 ids a block).
    expect(maps).toEqual(['1,2', '3']);
    const back = await loadWorkbook(file);
    expect(back.sheets[0].notes.get(cellKey(1029, 1))).toBe('note 1029');
    expect(back.sheets[1].notes.size).toBe(3);
  });

  it('hides the metadata tab as veryHidden, after the other tabs', async () => {
    const file = join(dir, 'meta-state.xlsx');
    await saveWorkbook(richModel(), file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const names = wb.worksheets.map((w) => `${w.name}:${w.state}`);
    expect(names).toEqual(['Members:visible', '_data:hidden', `${META_SHEET_NAME}:veryHidden`]);
  });

  it('saves atomically and leaves no temporary file', async () => {
    const sub = await mkdtemp(join(dir, 'atomic-'));
    const file = join(sub, 'a.xlsx');
    await saveWorkbook(richModel(), file);
    await saveWorkbook(newWorkbookModel(), file);
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(sub)).toEqual(['a.xlsx']);
    expect((await loadWorkbook(file)).sheets).toEqual([]);
  });

  it('does not change the file it loads', async () => {
    const file = join(dir, 'untouched.xlsx');
    await saveWorkbook(richModel(), file);
    const before = await readFile(file);
    const mtime = (await stat(file)).mtimeMs;
    await loadWorkbook(file);
    expect(Buffer.compare(before, await readFile(file))).toBe(0);
    expect((await stat(file)).mtimeMs).toBe(mtime);
  });

  it('writes only the used area', async () => {
    const file = join(dir, 'used.xlsx');
    await saveWorkbook(richModel(), file);
    const zip = await JSZip.loadAsync(await readFile(file));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const rows = [...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(Math.max(...rows)).toBeLessThanOrEqual(12);
  });

  it('writes a number the file format cannot hold as #NUM!', async () => {
    const model = newWorkbookModel();
    const sheet = newSheetModel(1, 'S');
    sheet.values = [[Number.NaN, Number.POSITIVE_INFINITY, 1]];
    model.sheets.push(sheet);
    const file = join(dir, 'nan.xlsx');
    await saveWorkbook(model, file);
    expect((await loadWorkbook(file)).sheets[0].values).toEqual([['#NUM!', '#NUM!', 1]]);
  });

  it('refuses a sheet named like the metadata tab', async () => {
    const model = newWorkbookModel();
    model.sheets.push(newSheetModel(1, META_SHEET_NAME));
    await expect(saveWorkbook(model, join(dir, 'reserved.xlsx'))).rejects.toThrow(/reserved/);
  });
});
