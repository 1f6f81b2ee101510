/**
 * Small conversions between Sheets' units and the xlsx file's: colours ('#rrggbb' ↔ ARGB), column
 * widths (pixels ↔ Excel characters), date serials (DateCell ↔ the UTC-as-wall-clock Date ExcelJS
 * uses), A1 addresses, number formats that mean a date, and horizontal alignments.
 */

/** Excel width unit: one character of the default font, about 7 pixels, plus 5 pixels of padding. */
export const PIXELS_PER_CHAR = 7;
export const COLUMN_PADDING_PIXELS = 5;
export const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system (Sheets' and Excel's). */
export const UNIX_EPOCH_SERIAL = 25_569;

export function pixelsToChars(px: number): number {
  return Math.max(0, (px - COLUMN_PADDING_PIXELS) / PIXELS_PER_CHAR);
}

export function charsToPixels(chars: number): number {
  return Math.round(chars * PIXELS_PER_CHAR + COLUMN_PADDING_PIXELS);
}

/** ExcelJS gives a Date whose UTC fields are the cell's wall clock. */
export function dateToSerial(d: Date): number {
  return d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
}

/** 'FFRRGGBB' or 'RRGGBB' → '#rrggbb'; null for anything else (theme or indexed colours). */
export function argbToHex(argb: string | undefined): string | null {
  if (typeof argb !== 'string') return null;
  let hex = hexByArgb.get(argb);
  if (hex === undefined) {
    const m = /^(?:[0-9a-f]{2})?([0-9a-f]{6})$/i.exec(argb);
    hex = m ? `#${m[1].toLowerCase()}` : null;
    // A workbook has a handful of colours, read once per cell: remember them (bounded).
    if (hexByArgb.size < MEMO_LIMIT) hexByArgb.set(argb, hex);
  }
  return hex;
}

/** Most entries the memos of argbToHex and isDateFormat keep (a file's own strings). */
const MEMO_LIMIT = 10_000;
const hexByArgb = new Map<string, string | null>();
const dateByFormat = new Map<string, boolean>();

const NAMED_COLORS: Readonly<Record<string, string>> = {
  black: '000000',
  white: 'ffffff',
  red: 'ff0000',
  green: '008000',
  blue: '0000ff',
  yellow: 'ffff00',
  orange: 'ffa500',
  gray: '808080',
  grey: '808080',
  purple: '800080',
  cyan: '00ffff',
  magenta: 'ff00ff',
};

/** '#rgb', '#rrggbb' or a basic CSS name → 'FFRRGGBB'; null when it is none of those. */
export function hexToArgb(color: string | null | undefined): string | null {
  if (typeof color !== 'string') return null;
  const c = color.trim().toLowerCase();
  const named = NAMED_COLORS[c];
  if (named) return `FF${named.toUpperCase()}`;
  let m = /^#([0-9a-f]{6})$/.exec(c);
  if (m) return `FF${m[1].toUpperCase()}`;
  m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (m) return `FF${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}`.toUpperCase();
  return null;
}

/** Same rule as ExcelJS: after removing quoted text and [..] sections, any of y m d h s is a date part. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === 'General' || format === '@') return false;
  let date = dateByFormat.get(format);
  if (date === undefined) {
    const bare = format
      .replace(/\[[^\]]*]/g, '')
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, '');
    date = /[ymdhsYMDHS]/.test(bare);
    if (dateByFormat.size < MEMO_LIMIT) dateByFormat.set(format, date);
  }
  return date;
}

export function columnLetters(col1: number): string {
  let s = '';
  let n = col1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(row0: number, col0: number): string {
  return `${columnLetters(col0 + 1)}${row0 + 1}`;
}

/** 'B12' or '$B$12' → 0-based [row, column]; null when not a cell address. */
export function decodeA1(address: string): [number, number] | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]) - 1, col - 1];
}

/**
 * Horizontal alignments the xlsx format knows (ST_HorizontalAlignment, §18.18.40, less `general`):
 * Sheets' 'general'/'normal' means none, and the style reader keeps only these, as ExcelJS does.
 */
const XLSX_ALIGNMENTS = new Set([
  'left',
  'center',
  'right',
  'fill',
  'justify',
  'centerContinuous',
  'distributed',
]);

export function toXlsxAlignment(value: string): string | null {
  return XLSX_ALIGNMENTS.has(value) ? value : null;
}

/** Bounds written for a number validation without min or max; read back as "no bound". */
export const NO_BOUND = 9.99e307;
