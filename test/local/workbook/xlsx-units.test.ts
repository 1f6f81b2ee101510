/**
 * Unit conversions of the xlsx io: column widths (7 px per character + 5 px), colours, date
 * serials, A1 addresses, date number formats; and the metadata chunking.
 */
import { describe, expect, it } from 'vitest';
import {
  decodeMetaJson,
  EXCEL_CELL_CHAR_LIMIT,
  splitIntoChunks,
} from '../../../src/local/workbook/xlsx-meta';
import {
  a1,
  argbToHex,
  charsToPixels,
  dateToSerial,
  decodeA1,
  hexToArgb,
  isDateFormat,
  pixelsToChars,
  serialToDate,
} from '../../../src/local/workbook/xlsx-units';

describe('xlsx units', () => {
  it('converts column widths with 7 px per character plus 5 px', () => {
    expect(pixelsToChars(100)).toBeCloseTo(95 / 7);
    expect(charsToPixels(8.43)).toBe(64); // Excel's default column
    for (const px of [21, 64, 75, 100, 120, 180, 333])
      expect(charsToPixels(Math.round(pixelsToChars(px) * 100) / 100)).toBe(px);
  });

  it('converts colours', () => {
    expect(argbToHex('FF00AA33')).toBe('#00aa33');
    expect(argbToHex('00aa33')).toBe('#00aa33');
    expect(argbToHex(undefined)).toBeNull();
    expect(hexToArgb('#0a3')).toBe('FF00AA33');
    expect(hexToArgb('#00AA33')).toBe('FF00AA33');
    expect(hexToArgb('red')).toBe('FFFF0000');
    expect(hexToArgb('rgb(1,2,3)')).toBeNull();
  });

  it('converts date serials and addresses', () => {
    expect(dateToSerial(new Date(Date.UTC(1899, 11, 30)))).toBe(0);
    expect(dateToSerial(new Date(Date.UTC(2024, 0, 15, 12)))).toBe(45306.5);
    expect(serialToDate(45306.5).toISOString()).toBe('2024-01-15T12:00:00.000Z');
    expect(a1(0, 0)).toBe('A1');
    expect(a1(9, 27)).toBe('AB10');
    expect(decodeA1('$AB$10')).toEqual([9, 27]);
    expect(decodeA1('A1:B2')).toBeNull();
  });

  it('recognises date number formats', () => {
    for (const f of ['dd/mm/yyyy', 'yyyy-mm-dd hh:mm', 'd mmm', '[$-409]mmmm d, yyyy', 'hh:mm:ss']) {
      expect(isDateFormat(f)).toBe(true);
    }
    for (const f of ['General', '0.00', '#,##0 "days"', '@', '0%', undefined])
      expect(isDateFormat(f)).toBe(false);
  });

  it('splits text into chunks below the cell limit', () => {
    const text = 'x'.repeat(70_000);
    const chunks = splitIntoChunks(text);
    expect(chunks.length).toBe(3);
    expect(chunks.every((c) => c.length < EXCEL_CELL_CHAR_LIMIT)).toBe(true);
    expect(chunks.join('')).toBe(text);
    expect(splitIntoChunks('')).toEqual(['']);
    expect(decodeMetaJson('not json')).toBeNull();
    expect(decodeMetaJson('{"format":"other"}')).toBeNull();
  });
});
