/**
 * Emulated Spreadsheet, Sheet and Range: one test per fact of reference §1 (getRange overloads and
 * their errors, empty sheets, sheet insertion/deletion, named ranges, protections, charts, formats).
 */
import { describe, expect, test } from 'vitest';
import { MAX_CELLS, newSheetModel } from '../../../src/local/workbook/model';
import { emulator, expectException, workbook } from './helpers';

describe('getRange', () => {
  test('the four numeric overloads are 1-based: (row, column[, numRows[, numColumns]])', () => {
    const sheet = emulator(workbook(['S'], { columns: 30 })).ss.getSheets()[0]!;
    expect(sheet.getRange(2, 3).getA1Notation()).toBe('C2');
    expect(sheet.getRange(2, 3, 4).getA1Notation()).toBe('C2:C5');
    const r = sheet.getRange(11, 3, 10, 26);
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([11, 3, 10, 26]);
    expect([r.getLastRow(), r.getLastColumn()]).toEqual([20, 28]);
  });

  test('A1 notation: C11:AB20 is row 11, column 3, last row 20, last column 28 (GF-LIVE)', () => {
    const sheet = emulator(workbook(['S'], { columns: 30 })).ss.getSheets()[0]!;
    const r = sheet.getRange('C11:AB20');
    expect([r.getRow(), r.getColumn(), r.getLastRow(), r.getLastColumn()]).toEqual([11, 3, 20, 28]);
  });

  test('A1 notation is case-insensitive and $ is stripped: $aa$11 → AA11', () => {
    const sheet = emulator(workbook(['S'], { columns: 30 })).ss.getSheets()[0]!;
    expect(sheet.getRange('$aa$11').getA1Notation()).toBe('AA11');
  });

  test("Spreadsheet.getRange accepts 'Sheet Name!A1:B2'", () => {
    const em = emulator(workbook(['Data', 'My tab']));
    const r = em.ss.getRange("'My tab'!A1:B2");
    expect(r.getSheet().getName()).toBe('My tab');
    expect(r.getA1Notation()).toBe('A1:B2');
    expect(em.ss.getRange('Data!B3').getSheet().getName()).toBe('Data');
  });

  test("open-ended 'B1:B' runs to the last row and 'A2:2' to the last column", () => {
    const sheet = emulator().ss.getSheets()[0]!;
    const col = sheet.getRange('B1:B');
    expect([col.getRow(), col.getColumn(), col.getNumRows(), col.getNumColumns()]).toEqual([1, 2, 1000, 1]);
    const row = sheet.getRange('A2:2');
    expect([row.getRow(), row.getColumn(), row.getNumRows(), row.getNumColumns()]).toEqual([2, 1, 1, 26]);
  });

  test("a bare 'B' throws 'Range not found'", () => {
    const sheet = emulator().ss.getSheets()[0]!;
    expectException(() => sheet.getRange('B'), 'Range not found');
  });

  test('row < 1: The starting row of the range is too small.', () => {
    const sheet = emulator().ss.getSheets()[0]!;
    expectException(() => sheet.getRange(0, 1), 'The starting row of the range is too small.');
  });

  test('column < 1: The starting column of the range is too small.', () => {
    const sheet = emulator().ss.getSheets()[0]!;
    expectException(() => sheet.getRange(1, 0), 'The starting column of the range is too small.');
  });

  test('numRows < 1: The number of rows in the range must be at least 1.', () => {
    const sheet = emulator().ss.getSheets()[0]!;
    expectException(() => sheet.getRange(1, 1, 0, 1), 'The number of rows in the range must be at least 1.');
  });

  test('numColumns < 1: The number of columns in the range must be at least 1.', () => {
    const sheet = emulator().ss.getSheets()[0]!;
    expectException(
      () => sheet.getRange(1, 1, 1, 0),
      'The number of columns in the range must be at least 1.',
    );
  });

  test('beyond getMaxRows/getMaxColumns: The coordinates of the range are outside the dimensions of the sheet.', () => {
    const sheet = emulator().ss.getSheets()[0]!;
    const msg = 'The coordinates of the range are outside the dimensions of the sheet.';
    expectException(() => sheet.getRange(1000, 1, 2, 1), msg);
    expectException(() => sheet.getRange(1, 27), msg);
    expectException(() => sheet.getRange('A1001'), msg);
  });

  test("wrong types: The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.", () => {
    const sheet = emulator().ss.getSheets()[0]!;
    expectException(
      () => (sheet.getRange as unknown as (a: unknown, b: unknown) => unknown)('1', 2),
      "The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  });
});

describe('sheet size and content', () => {
  test('a new sheet has the default grid: 1000 rows × 26 columns', () => {
    const em = emulator();
    const sheet = em.ss.insertSheet('New');
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
  });

  test('an empty sheet: getLastRow() and getLastColumn() are 0', () => {
    const sheet = emulator().ss.getSheets()[0]!;
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
  });

  test("an empty sheet: getDataRange() is A1 and its values are [['']]", () => {
    const sheet = emulator().ss.getSheets()[0]!;
    const r = sheet.getDataRange();
    expect(r.getA1Notation()).toBe('A1');
    expect(r.getValues()).toEqual([['']]);
  });

  test('getLastRow/getLastColumn: the last row and column with content', () => {
    const sheet = emulator().ss.getSheets()[0]!;
    sheet.getRange(3, 2).setValue('x');
    sheet.getRange(1, 4).setValue(0);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 4]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:D3');
  });

  test('writes past maxRows throw the coordinates error; insertRowsAfter first makes room', () => {
    const sheet = emulator().ss.getSheets()[0]!;
    expectException(
      () => sheet.getRange(1000, 1, 2, 1).setValues([[1], [2]]),
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    sheet.insertRowsAfter(1000, 1);
    expect(sheet.getMaxRows()).toBe(1001);
    sheet.getRange(1000, 1, 2, 1).setValues([[1], [2]]);
    expect(sheet.getRange('A1001').getValue()).toBe(2);
  });

  test('insertRowsAfter shifts the rows below and their formats', () => {
    const sheet = emulator().ss.getSheets()[0]!;
    sheet.getRange(1, 1, 3, 1).setValues([['a'], ['b'], ['c']]);
    sheet.getRange(2, 1).setBackground('#ff0000');
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange(1, 1, 5, 1).getValues()).toEqual([['a'], [''], [''], ['b'], ['c']]);
    expect(sheet.getRange(4, 1).getBackground()).toBe('#ff0000');
    expect(sheet.getMaxRows()).toBe(1002);
  });

  test('deleteRows removes rows and shrinks the grid', () => {
    const sheet = emulator().ss.getSheets()[0]!;
    sheet.getRange(1, 1, 4, 1).setValues([['a'], ['b'], ['c'], ['d']]);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange(1, 1, 2, 1).getValues()).toEqual([['a'], ['d']]);
    expect(sheet.getMaxRows()).toBe(998);
  });

  test('insertColumnsAfter adds columns and shifts the cells to the right', () => {
    const sheet = emulator().ss.getSheets()[0]!;
    sheet.getRange(1, 1, 1, 2).setValues([['a', 'b']]);
    sheet.insertColumnsAfter(1, 1);
    expect(sheet.getRange(1, 1, 1, 3).getValues()).toEqual([['a', '', 'b']]);
    expect(sheet.getMaxColumns()).toBe(27);
  });

  test('the workbook cell limit: This action would increase the number of cells in the workbook above the limit of 10000000 cells.', () => {
    const wb = workbook(['Big'], { rows: MAX_CELLS / 26, columns: 26 });
    const sheet = emulator(wb).ss.getSheets()[0]!;
    expectException(
      () => sheet.insertRowsAfter(1, 1),
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
  });

  test('clear() empties contents and formats, clearContents() keeps formats, clearFormats() keeps contents', () => {
    const sheet = emulator().ss.getSheets()[0]!;
    const a1 = sheet.getRange('A1');
    a1.setValue('x').setBackground('#00ff00');
    sheet.clearContents();
    expect([a1.getValue(), a1.getBackground()]).toEqual(['', '#00ff00']);
    a1.setValue('y');
    sheet.clearFormats();
    expect([a1.getValue(), a1.getBackground()]).toEqual(['y', '#ffffff']);
    a1.setBackground('#0000ff');
    sheet.clear();
    expect([a1.getValue(), a1.getBackground()]).toEqual(['', '#ffffff']);
  });
});

describe('sheets of a spreadsheet', () => {
  test('insertSheet index is 0-based, getIndex 1-based (GF-LIVE order s4,Sheet1,s3,s1,s2)', () => {
    const ss = emulator(workbook(['Sheet1'], { locale: 'en_US' })).ss;
    ss.insertSheet('s1');
    ss.insertSheet('s2');
    ss.insertSheet('s3', 1);
    ss.insertSheet('s4', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['s4', 'Sheet1', 's3', 's1', 's2']);
    expect(ss.getSheets().map((s) => s.getIndex())).toEqual([1, 2, 3, 4, 5]);
  });

  test('the new sheet becomes the active sheet', () => {
    const ss = emulator(workbook(['A', 'B'])).ss;
    ss.insertSheet('C');
    expect(ss.getActiveSheet().getName()).toBe('C');
  });

  test('insertSheet of an existing name: A sheet with the name "X" already exists. Please enter another name.', () => {
    const ss = emulator(workbook(['X'])).ss;
    expectException(
      () => ss.insertSheet('X'),
      'A sheet with the name "X" already exists. Please enter another name.',
    );
  });

  test('setName to an existing name throws the same message', () => {
    const ss = emulator(workbook(['X', 'Y'])).ss;
    expectException(
      () => ss.getSheetByName('Y')!.setName('X'),
      'A sheet with the name "X" already exists. Please enter another name.',
    );
  });

  test('getSheetByName returns the leftmost of same-named sheets, or null', () => {
    const wb = workbook(['Dup']);
    wb.sheets.push(newSheetModel(wb.meta.nextSheetId++, 'Dup'));
    const ss = emulator(wb).ss;
    expect(ss.getSheetByName('Dup')!.getSheetId()).toBe(wb.sheets[0]!.sheetId);
    expect(ss.getSheetByName('Nope')).toBeNull();
  });

  test("deleting the last sheet: You can't remove all the sheets in a document.", () => {
    const ss = emulator(workbook(['Only'])).ss;
    expectException(
      () => ss.deleteSheet(ss.getSheets()[0]!),
      "You can't remove all the sheets in a document.",
    );
  });

  test('deleteSheet removes the sheet', () => {
    const ss = emulator(workbook(['A', 'B'])).ss;
    ss.deleteSheet(ss.getSheetByName('A')!);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['B']);
  });

  test('hideSheet / showSheet / isSheetHidden; hiding the only visible sheet throws', () => {
    const ss = emulator(workbook(['A', 'B'])).ss;
    const a = ss.getSheetByName('A')!;
    a.hideSheet();
    expect(a.isSheetHidden()).toBe(true);
    expectException(
      () => ss.getSheetByName('B')!.hideSheet(),
      "You can't hide all the sheets in a document.",
    );
    a.showSheet();
    expect(a.isSheetHidden()).toBe(false);
  });

  test('getId, getName, getUrl; locale and time zone get/set', () => {
    const wb = workbook();
    const ss = emulator(wb).ss;
    expect(ss.getId()).toBe(wb.meta.spreadsheetId);
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${wb.meta.spreadsheetId}/edit`);
    expect(ss.getSpreadsheetLocale()).toBe('fr_FR');
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Paris');
    ss.setSpreadsheetLocale('en_US');
    ss.setSpreadsheetTimeZone('America/New_York');
    expect([wb.meta.locale, wb.meta.timeZone]).toEqual(['en_US', 'America/New_York']);
  });

  test('getParent of a sheet is the spreadsheet; setActiveSheet / activate', () => {
    const ss = emulator(workbook(['A', 'B'])).ss;
    const b = ss.getSheetByName('B')!;
    expect(b.getParent().getId()).toBe(ss.getId());
    ss.setActiveSheet(b);
    expect(ss.getActiveSheet().getName()).toBe('B');
    ss.getSheetByName('A')!.activate();
    expect(ss.getActiveSheet().getName()).toBe('A');
    ss.getSheetByName('B')!.getRange('C3').activate();
    expect(ss.getActiveRange()!.getA1Notation()).toBe('C3');
  });

  test('frozen rows and columns, column widths (default 100), tab colour', () => {
    const sheet = emulator().ss.getSheets()[0]!;
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    sheet.setColumnWidth(1, 250);
    sheet.setColumnWidths(2, 2, 80);
    sheet.setTabColor('#123456');
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
    expect([1, 2, 3, 4].map((c) => sheet.getColumnWidth(c))).toEqual([250, 80, 80, 100]);
    expect(sheet.getTabColor()).toBe('#123456');
  });
});

describe('named ranges, protections, validation, charts', () => {
  test('setNamedRange / getRangeByName (null when absent) / removeNamedRange / getNamedRanges', () => {
    const ss = emulator(workbook(['Data'])).ss;
    ss.setNamedRange('Members', ss.getRange('Data!A1:C10'));
    expect(ss.getRangeByName('Members')!.getA1Notation()).toBe('A1:C10');
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['Members']);
    ss.removeNamedRange('Members');
    expect(ss.getRangeByName('Members')).toBeNull();
  });

  test('Sheet.protect() returns the existing sheet protection; Range.protect() always makes a new one', () => {
    const em = emulator();
    const ss = em.ss;
    const sheet = ss.getSheets()[0]!;
    sheet.protect().setDescription('generated');
    expect(sheet.protect().getDescription()).toBe('generated');
    expect(ss.getProtections(em.globals.SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(1);
    sheet.getRange('A1').protect();
    sheet.getRange('A1').protect();
    expect(ss.getProtections(em.globals.SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(2);
  });

  test('protections are not warning-based by default', () => {
    const sheet = emulator().ss.getSheets()[0]!;
    const p = sheet.protect();
    expect(p.isWarningOnly()).toBe(false);
    p.setWarningOnly(true);
    expect(sheet.protect().isWarningOnly()).toBe(true);
  });

  test('data validation builder: list, checkbox, date, number between; allowInvalid and help text', () => {
    const em = emulator();
    const app = em.globals.SpreadsheetApp;
    const sheet = em.ss.getSheets()[0]!;
    const list = app
      .newDataValidation()
      .requireValueInList(['oui', 'non'])
      .setAllowInvalid(false)
      .setHelpText('h')
      .build();
    sheet.getRange('A1:A3').setDataValidation(list);
    const got = sheet.getRange('A2').getDataValidation()!;
    expect(String(got.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(got.getCriteriaValues()[0]).toEqual(['oui', 'non']);
    expect([got.getAllowInvalid(), got.getHelpText()]).toEqual([false, 'h']);
    sheet.getRange('B1').setDataValidation(app.newDataValidation().requireCheckbox().build());
    sheet.getRange('C1').setDataValidation(app.newDataValidation().requireDate().build());
    sheet.getRange('D1').setDataValidation(app.newDataValidation().requireNumberBetween(0, 10).build());
    expect(em.workbook.sheets[0]!.validations.get('0,1')!.kind).toBe('checkbox');
    expect(em.workbook.sheets[0]!.validations.get('0,2')!.kind).toBe('date');
    expect(em.workbook.sheets[0]!.validations.get('0,3')).toMatchObject({ kind: 'number', min: 0, max: 10 });
    sheet.getRange('A1').setDataValidation(null);
    expect(sheet.getRange('A1').getDataValidation()).toBeNull();
  });

  test('charts: newChart → insertChart → getCharts → modify/updateChart → removeChart, recorded in the model', () => {
    const em = emulator(workbook(['Dash']));
    const sheet = em.ss.getSheets()[0]!;
    const chart = sheet
      .newChart()
      .addRange(sheet.getRange('A1:B5'))
      .addRange(sheet.getRange('A1:B5'))
      .setChartType(em.globals.Charts.ChartType.PIE)
      .setPosition(2, 4, 10, 20)
      .setOption('title', 'Members')
      .build();
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    const model = em.workbook.sheets[0]!.charts;
    expect(model).toHaveLength(1);
    expect(model[0]).toMatchObject({
      type: 'PIE',
      ranges: ["'Dash'!A1:B5"],
      anchorRow: 2,
      anchorColumn: 4,
      offsetX: 10,
    });
    const [inserted] = sheet.getCharts();
    expect(inserted!.getOptions().get('title')).toBe('Members');
    expect(inserted!.getContainerInfo().getAnchorColumn()).toBe(4);
    sheet.updateChart(inserted!.modify().setPosition(5, 1, 0, 0).build());
    expect(model[0]!.anchorRow).toBe(5);
    sheet.removeChart(sheet.getCharts()[0]!);
    expect(em.workbook.sheets[0]!.charts).toHaveLength(0);
  });

  test('formats: backgrounds, font weights, colours, sizes, alignment, wrap, number formats, notes, merges', () => {
    const em = emulator();
    const sheet = em.ss.getSheets()[0]!;
    const m = em.workbook.sheets[0]!;
    const r = sheet.getRange(1, 1, 1, 2);
    r.setBackgrounds([['#111111', '#222222']]).setFontWeights([['bold', 'normal']]);
    r.setFontColor('#333333').setFontSize(12).setHorizontalAlignment('center').setWrap(true);
    r.setNumberFormat('0.0%').setNotes([['n1', '']]);
    sheet.getRange('A2:C2').merge();
    expect(m.backgrounds.get('0,1')).toBe('#222222');
    expect(m.fontWeights.get('0,0')).toBe('bold');
    expect([m.fontColors.get('0,1'), m.fontSizes.get('0,1'), m.horizontalAlignments.get('0,0')]).toEqual([
      '#333333',
      12,
      'center',
    ]);
    expect(m.wraps.get('0,0')).toBe(true);
    expect(sheet.getRange('A1').getNote()).toBe('n1');
    expect(sheet.getRange('B1').getNote()).toBe('');
    expect(m.merges).toEqual([[1, 0, 1, 3]]);
    sheet.getRange('A2:C2').breakApart();
    expect(m.merges).toEqual([]);
  });

  test('setBackgrounds with the wrong number of rows throws the dimension error', () => {
    const sheet = emulator().ss.getSheets()[0]!;
    expectException(
      () => sheet.getRange(1, 1, 2, 1).setBackgrounds([['#fff']]),
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });

  test('colours are not validated: setBackground("foo") is accepted', () => {
    const sheet = emulator().ss.getSheets()[0]!;
    expect(() => sheet.getRange('A1').setBackground('foo')).not.toThrow();
  });
});
