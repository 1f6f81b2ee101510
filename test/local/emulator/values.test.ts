/**
 * Values through the emulated Range: types returned by getValues (reference §1.2), dates at the
 * wall clock of the spreadsheet time zone whatever the process TZ (§1.3), setValues parsed as user
 * entry with its dimension and size limits (§1.4), display values, formulas, and read speed.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { instantOf, wallClockAt } from '../../../src/core/timezone';
import { zoneClock } from '../../../src/local/emulator/cells';
import { emulator, expectException, workbook } from './helpers';

function sheetOf(locale = 'fr_FR', timeZone = 'Europe/Paris') {
  const em = emulator(workbook(['S'], { locale, timeZone }));
  return { em, sheet: em.ss.getSheets()[0]!, model: em.workbook.sheets[0]! };
}

describe('getValues / getValue', () => {
  test('types: Number, Boolean, Date, String; empty cells are the empty string', () => {
    const { sheet, model } = sheetOf();
    model.values = [[1.5, true, { serial: 45000 }, 'x']];
    const [[n, b, d, s, empty]] = sheet.getRange(1, 1, 1, 5).getValues() as unknown[][] as [unknown[]];
    expect([typeof n, typeof b, typeof s, empty]).toEqual(['number', 'boolean', 'string', '']);
    expect(d).toBeInstanceOf(Date);
  });

  test('always 2-D, even for one cell', () => {
    const { sheet } = sheetOf();
    expect(sheet.getRange('A1').getValues()).toEqual([['']]);
  });

  test('getValue of an empty cell is the empty string', () => {
    const { sheet } = sheetOf();
    expect(sheet.getRange('Z1000').getValue()).toBe('');
  });

  test('a percentage cell reads as a fraction: 10% → 0.1', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1').setValue('10%');
    expect(sheet.getRange('A1').getValue()).toBe(0.1);
  });

  test('getValues of 250,000 × 8 gives every row, dates as Dates (its time is measured in bench/, not asserted)', () => {
    const { sheet, model } = sheetOf();
    const rows = 250_000;
    model.maxRows = rows;
    model.values = Array.from({ length: rows }, (_, i) => [
      i,
      'name',
      'x@y.z',
      true,
      { serial: 45000 + (i % 400) },
      3.5,
      '',
      'z',
    ]);
    const values = sheet.getRange(1, 1, rows, 8).getValues();
    expect(values).toHaveLength(rows);
    expect(values[rows - 1]![0]).toBe(rows - 1);
    expect(values[rows - 1]![4]).toBeInstanceOf(Date);
    expect(values[rows - 1]![6]).toBe('');
  });
});

// The wall clock is preserved whatever the process time zone (DESIGN: tests run under more than one TZ).
describe.each(['UTC', 'Pacific/Auckland'])('dates under process TZ %s, spreadsheet TZ Europe/Paris', (tz) => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = tz;
  });
  afterAll(() => {
    process.env.TZ = saved;
  });

  test('the process time zone is in effect', () => {
    // Auckland is UTC+12 in July (NZST): getTimezoneOffset is -720.
    const expected = tz === 'UTC' ? 0 : -720;
    expect(new Date('2024-07-01T00:00:00Z').getTimezoneOffset()).toBe(expected);
  });

  test('serial 0 is 1899-12-30 00:00 wall clock in the spreadsheet time zone', () => {
    const { sheet, model } = sheetOf();
    model.values = [[{ serial: 0 }]];
    const d = sheet.getRange('A1').getValue() as Date;
    const w = wallClockAt(d.getTime(), 'Europe/Paris');
    expect([w.year, w.month, w.day, w.hour, w.minute]).toEqual([1899, 12, 30, 0, 0]);
  });

  test('getValue of 2024-07-14 18:30 (serial 45487.7708333) is the instant Paris shows as 18:30 that day', () => {
    const { sheet, model } = sheetOf();
    // 2024-07-14 is 45487 days after 1899-12-30; 18:30 is 18.5/24 = 0.7708333 of a day.
    model.values = [[{ serial: 45487 + 18.5 / 24 }]];
    const d = sheet.getRange('A1').getValue() as Date;
    // Paris is UTC+2 in July: 16:30Z.
    expect(d.toISOString()).toBe('2024-07-14T16:30:00.000Z');
  });

  test('setValue(Date) stores the wall clock of that instant in the spreadsheet time zone', () => {
    const { sheet, model } = sheetOf();
    sheet.getRange('A1').setValue(new Date('2024-01-15T23:30:00Z')); // Paris: 2024-01-16 00:30
    expect((model.values[0]![0] as { serial: number }).serial).toBeCloseTo(45307 + 0.5 / 24, 9);
  });

  test('dates round-trip: setValues(getValues()) keeps the serial', () => {
    const { sheet, model } = sheetOf();
    model.values = [[{ serial: 45000.25 }, { serial: 45380.5 }]]; // the second is in the DST switch week
    const r = sheet.getRange(1, 1, 1, 2);
    r.setValues(r.getValues());
    expect(model.values[0]).toEqual([{ serial: 45000.25 }, { serial: 45380.5 }]);
  });

  test('the memoised zone clock equals core/timezone instantOf', () => {
    const clock = zoneClock('Europe/Paris');
    for (const serial of [1, 20000.1, 45000.5, 45381.0833, 45592.0833, 47000.99]) {
      const wall = new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000));
      const expected = instantOf(
        {
          year: wall.getUTCFullYear(),
          month: wall.getUTCMonth() + 1,
          day: wall.getUTCDate(),
          hour: wall.getUTCHours(),
          minute: wall.getUTCMinutes(),
          second: wall.getUTCSeconds(),
          millisecond: wall.getUTCMilliseconds(),
        },
        'Europe/Paris',
      );
      expect(clock.instantOfSerial(serial)).toBe(expected);
    }
  });
});

describe('setValues / setValue', () => {
  test('rows mismatch: The number of rows in the data does not match the number of rows in the range. The data has 5 but the range has 4.', () => {
    const { sheet } = sheetOf();
    expectException(
      () => sheet.getRange(1, 1, 4, 1).setValues([[1], [2], [3], [4], [5]]),
      'The number of rows in the data does not match the number of rows in the range. The data has 5 but the range has 4.',
    );
  });

  test('columns mismatch: The number of columns in the data does not match the number of columns in the range. The data has 15 but the range has 16.', () => {
    const { sheet } = sheetOf();
    expectException(
      () => sheet.getRange(1, 1, 1, 16).setValues([Array(15).fill(0)]),
      'The number of columns in the data does not match the number of columns in the range. The data has 15 but the range has 16.',
    );
  });

  test('a cell over 50000 characters: Your input contains more than the maximum of 50000 characters in a single cell.', () => {
    const { sheet, model } = sheetOf();
    expectException(
      () => sheet.getRange(1, 1, 1, 2).setValues([['ok', 'x'.repeat(50_001)]]),
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(model.values).toEqual([]); // nothing written
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect((sheet.getRange('A1').getValue() as string).length).toBe(50_000);
  });

  test('setValue sets every cell of the range', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:B2').setValue(7);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });

  test('a leading = makes a formula: stored, not evaluated, its value reads as the empty string', () => {
    const { sheet, model } = sheetOf();
    sheet.getRange('A1:B1').setValues([[2, '=A1*2']]);
    expect(sheet.getRange('B1').getFormula()).toBe('=A1*2');
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['', '=A1*2']]);
    expect(sheet.getRange('B1').getValue()).toBe('');
    expect(model.formulas.get('0,1')).toBe('=A1*2');
    sheet.getRange('B1').setValue(3);
    expect(model.formulas.has('0,1')).toBe(false);
  });

  test("a leading apostrophe forces text and is not stored: \"'0012\" → '0012'", () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:B1').setValues([["'0012", "'=A1"]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['0012', '=A1']]);
    expect(sheet.getRange('B1').getFormula()).toBe('');
  });

  test('numeric strings become numbers in the spreadsheet locale: fr_FR 1,5 → 1.5 and 1 234,5 → 1234.5', () => {
    const { sheet } = sheetOf('fr_FR');
    sheet.getRange('A1:D1').setValues([['1,5', '1 234,5', '-3', '1.5']]);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([[1.5, 1234.5, -3, '1.5']]);
  });

  test('numeric strings in en_US: 1.5 → 1.5, 1,234.5 → 1234.5', () => {
    const { sheet } = sheetOf('en_US');
    sheet.getRange('A1:B1').setValues([['1.5', '1,234.5']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[1.5, 1234.5]]);
  });

  test('TRUE / FALSE become booleans', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:C1').setValues([['TRUE', 'false', 'vrai']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[true, false, 'vrai']]);
  });

  test('dates: dd/MM/yyyy in day-first locales, yyyy-MM-dd anywhere', () => {
    const { sheet, model } = sheetOf('fr_FR');
    sheet.getRange('A1:C1').setValues([['05/01/2024', '2024-01-05', '31/02/2024']]);
    // 2024-01-05 is serial 45296.
    expect(model.values[0]).toEqual([{ serial: 45296 }, { serial: 45296 }, '31/02/2024']);
  });

  test('dates: MM/dd/yyyy in en_US', () => {
    const { sheet, model } = sheetOf('en_US');
    sheet.getRange('A1').setValue('01/05/2024');
    expect(model.values[0]).toEqual([{ serial: 45296 }]);
  });

  test('10% → 0.1', () => {
    const { sheet } = sheetOf('en_US');
    sheet.getRange('A1').setValue('10%');
    expect(sheet.getRange('A1').getValue()).toBe(0.1);
  });

  test('null and undefined write empty cells; booleans and numbers are kept', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:D1').setValues([[null, undefined, false, 0]] as unknown[][]);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['', '', false, 0]]);
  });

  test('the counter counts cells read and written', () => {
    const { em, sheet } = sheetOf();
    em.counter.reset();
    sheet.getRange(1, 1, 3, 4).setValues(Array.from({ length: 3 }, () => [1, 2, 3, 4]));
    sheet.getRange(1, 1, 2, 2).getValues();
    sheet.getRange(1, 1, 1, 2).getDisplayValues();
    expect([em.counter.cellsWritten, em.counter.cellsRead]).toEqual([12, 6]);
  });
});

describe('getDisplayValues', () => {
  test('numbers and dates are shown in the spreadsheet locale', () => {
    const { sheet, model } = sheetOf('fr_FR');
    model.values = [[1.5, { serial: 45296 }, true, 'txt']];
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([['1,5', '05/01/2024', 'TRUE', 'txt']]);
  });

  test('en_US: 1.5 and M/d/yyyy', () => {
    const { sheet, model } = sheetOf('en_US');
    model.values = [[1.5, { serial: 45296 }]];
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['1.5', '1/5/2024']]);
  });

  test('number formats: 0.0%, 0.00, yyyy-mm-dd', () => {
    const { sheet, model } = sheetOf('en_US');
    model.values = [[0.256, 3, { serial: 45296 }]];
    sheet.getRange('A1:C1').setNumberFormats([['0.0%', '0.00', 'yyyy-mm-dd']]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['25.6%', '3.00', '2024-01-05']]);
  });
});
