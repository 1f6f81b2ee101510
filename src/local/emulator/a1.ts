/**
 * A1 notation for the emulated SpreadsheetApp: parsing `A1`, `A1:B2`, `$AA$11`, whole columns
 * (`A:B`), whole rows (`2:3`), open-ended ranges (`B1:B`, `A2:2`) and sheet-qualified references
 * (`'My tab'!A1:B2`), and writing column letters and A1 ranges back. R1C1 is not supported.
 */

/** A parsed reference; null bounds are open (to the sheet's last row or column). 1-based. */
export interface A1Ref {
  sheetName: string | null;
  row: number;
  column: number;
  /** null: to the last row of the sheet. */
  endRow: number | null;
  /** null: to the last column of the sheet. */
  endColumn: number | null;
}

const PART = /^\$?([A-Za-z]{0,3})\$?([0-9]*)$/;

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(column: number): string {
  let s = '';
  let n = column;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Splits `'Tab'!A1` / `Tab!A1` into sheet name and cell part. */
export function splitSheet(text: string): { sheetName: string | null; cells: string } {
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, cells: text };
  let name = text.slice(0, bang);
  if (name.length >= 2 && name.startsWith("'") && name.endsWith("'"))
    name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, cells: text.slice(bang + 1) };
}

interface Part {
  column: number | null;
  row: number | null;
}

function parsePart(text: string): Part | null {
  const m = PART.exec(text.trim());
  if (!m) return null;
  const column = m[1] ? columnNumber(m[1]) : null;
  const row = m[2] ? Number(m[2]) : null;
  if (column === null && row === null) return null;
  if (row !== null && row < 1) return null;
  return { column, row };
}

/** Parses an A1 reference, or returns null when it is not one (Apps Script: `Range not found`). */
export function parseA1(text: string): A1Ref | null {
  const { sheetName, cells } = splitSheet(text);
  const pieces = cells.split(':');
  if (pieces.length === 1) {
    const p = parsePart(pieces[0]!);
    if (!p || p.column === null || p.row === null) return null;
    return { sheetName, row: p.row, column: p.column, endRow: p.row, endColumn: p.column };
  }
  if (pieces.length !== 2) return null;
  const a = parsePart(pieces[0]!);
  const b = parsePart(pieces[1]!);
  if (!a || !b) return null;
  const full = (p: Part): boolean => p.column !== null && p.row !== null;
  let startRow: number;
  let startColumn: number;
  let endRow: number | null;
  let endColumn: number | null;
  if (full(a) && full(b)) {
    [startRow, startColumn, endRow, endColumn] = [a.row!, a.column!, b.row!, b.column!];
  } else if (a.row === null && b.row === null) {
    // `A:B`: whole columns.
    [startRow, startColumn, endRow, endColumn] = [1, a.column!, null, b.column!];
  } else if (a.column === null && b.column === null) {
    // `2:3`: whole rows.
    [startRow, startColumn, endRow, endColumn] = [a.row!, 1, b.row!, null];
  } else if (full(a) && b.row === null) {
    // `B1:B`: from B1 down to the last row.
    [startRow, startColumn, endRow, endColumn] = [a.row!, a.column!, null, b.column!];
  } else if (full(a) && b.column === null) {
    // `A2:2`: from A2 right to the last column.
    [startRow, startColumn, endRow, endColumn] = [a.row!, a.column!, b.row!, null];
  } else {
    return null;
  }
  return {
    sheetName,
    row: endRow === null ? startRow : Math.min(startRow, endRow),
    column: endColumn === null ? startColumn : Math.min(startColumn, endColumn),
    endRow: endRow === null ? null : Math.max(startRow, endRow),
    endColumn: endColumn === null ? null : Math.max(startColumn, endColumn),
  };
}

/** `A1` for one cell, `A1:B2` otherwise. */
export function a1Notation(row: number, column: number, numRows: number, numColumns: number): string {
  const start = `${columnLetters(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}

/** `'Tab name'!A1:B2`, the sheet name always quoted. */
export function qualifiedA1(
  sheetName: string,
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
): string {
  return `'${sheetName.replace(/'/g, "''")}'!${a1Notation(row, column, numRows, numColumns)}`;
}
