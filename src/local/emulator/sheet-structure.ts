import { CELL_MAPS, type CellValue, cellKey, type SheetModel } from '../workbook/model';
import { MSG } from './errors';
import type { SheetsWorld } from './spreadsheet';

export { CELL_MAPS };

type CellMapName = (typeof CELL_MAPS)[number];
/** The cell maps that hold formats (all but formulas, notes and validations). */
export const FORMAT_MAPS: CellMapName[] = CELL_MAPS.filter(
  (name) => name !== 'formulas' && name !== 'notes' && name !== 'validations',
);

export function parseKey(key: string): [number, number] {
  const i = key.indexOf(',');
  return [Number(key.slice(0, i)), Number(key.slice(i + 1))];
}

/** Rewrites the keys of a sparse cell map; `f` returns the new 0-based position or null to drop. */
export function remapKeys<V>(
  map: Map<string, V>,
  f: (r: number, c: number) => [number, number] | null,
): void {
  if (map.size === 0) return;
  const entries = [...map];
  map.clear();
  for (const [k, v] of entries) {
    const [r, c] = parseKey(k);
    const n = f(r, c);
    if (n) map.set(cellKey(n[0], n[1]), v);
  }
}

/** Deletes the entries of a sparse map inside a 0-based rectangle. */
export function clearRect<V>(map: Map<string, V>, r0: number, c0: number, nr: number, nc: number): void {
  if (map.size === 0) return;
  if (map.size < nr * nc) {
    for (const k of [...map.keys()]) {
      const [r, c] = parseKey(k);
      if (r >= r0 && r < r0 + nr && c >= c0 && c < c0 + nc) map.delete(k);
    }
  } else {
    for (let r = r0; r < r0 + nr; r++) for (let c = c0; c < c0 + nc; c++) map.delete(cellKey(r, c));
  }
}

/** Interval [a, b] (inclusive) after deleting [d, d+n-1]; null when nothing is left. */
export function afterDelete(a: number, b: number, d: number, n: number): [number, number] | null {
  const e = d + n - 1;
  const na = a < d ? a : a > e ? a - n : d;
  const nb = b < d ? b : b > e ? b - n : d - 1;
  return nb < na ? null : [na, nb];
}

/**
 * Moves 1-based row or column marks (hidden rows, hidden columns) past an insertion of `n` after
 * position `after`: marks below it move down, the inserted ones are not hidden. Whether Sheets
 * gives inserted rows the hidden state of their neighbour is not documented
 * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertrowsafterafterposition,-howmany
 * says only "Inserts a number of rows after the given row position"); the add-on only appends
 * rows and columns after the last ones.
 */
function marksAfterInsert(marks: Set<number>, after: number, n: number): void {
  if (marks.size === 0) return;
  const moved = [...marks].map((i) => (i > after ? i + n : i));
  marks.clear();
  for (const i of moved) marks.add(i);
}

/** Marks after deleting `n` rows or columns from 1-based `position`: the deleted ones go, later ones move up. */
function marksAfterDelete(marks: Set<number>, position: number, n: number): void {
  if (marks.size === 0) return;
  const kept = [...marks].flatMap((i) => (i < position ? [i] : i >= position + n ? [i - n] : []));
  marks.clear();
  for (const i of kept) marks.add(i);
}

/**
 * Sheet.insertRowsAfter/insertRowsBefore/insertRowAfter/insertRowBefore/insertRows
 * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertrowsafterafterposition,-howmany):
 * every row below moves down with its cells, formats, notes, validations, merges and hidden mark.
 */
export function insertRows(world: SheetsWorld, m: SheetModel, after: number, n: number): void {
  if (n < 1 || after < 0 || after > m.maxRows) throw world.ctx.error(MSG.rowsOutOfBounds);
  world.checkCellLimit(n * m.maxColumns);
  if (m.values.length > after)
    m.values.splice(after, 0, ...Array.from({ length: n }, () => [] as CellValue[]));
  m.maxRows += n;
  for (const name of CELL_MAPS)
    remapKeys(m[name] as Map<string, unknown>, (r, c) => [r >= after ? r + n : r, c]);
  m.merges = m.merges.map(([r, c, nr, nc]) =>
    r >= after ? [r + n, c, nr, nc] : r + nr > after ? [r, c, nr + n, nc] : [r, c, nr, nc],
  );
  const meta = world.workbook.meta;
  for (const x of [...meta.namedRanges, ...meta.protections]) {
    if (x.sheetId !== m.sheetId || x.row === undefined || x.numRows === undefined) continue;
    if (x.row > after) x.row += n;
    else if (x.row + x.numRows - 1 > after) x.numRows += n;
  }
  for (const chart of m.charts) if (chart.anchorRow > after) chart.anchorRow += n;
  marksAfterInsert(m.hiddenRows, after, n);
}

/**
 * Sheet.insertColumnsAfter/insertColumnsBefore/insertColumnAfter/insertColumnBefore/insertColumns
 * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertcolumnsafterafterposition,-howmany):
 * every column to the right moves with its cells, width and hidden mark.
 */
export function insertColumns(world: SheetsWorld, m: SheetModel, after: number, n: number): void {
  if (n < 1 || after < 0 || after > m.maxColumns) throw world.ctx.error(MSG.columnsOutOfBounds);
  world.checkCellLimit(n * m.maxRows);
  const blanks = Array.from({ length: n }, () => '' as CellValue);
  for (const row of m.values) if (row && row.length > after) row.splice(after, 0, ...blanks);
  m.maxColumns += n;
  for (const name of CELL_MAPS)
    remapKeys(m[name] as Map<string, unknown>, (r, c) => [r, c >= after ? c + n : c]);
  m.merges = m.merges.map(([r, c, nr, nc]) =>
    c >= after ? [r, c + n, nr, nc] : c + nc > after ? [r, c, nr, nc + n] : [r, c, nr, nc],
  );
  const widths = [...m.columnWidths];
  m.columnWidths.clear();
  for (const [c, w] of widths) m.columnWidths.set(c > after ? c + n : c, w);
  const meta = world.workbook.meta;
  for (const x of [...meta.namedRanges, ...meta.protections]) {
    if (x.sheetId !== m.sheetId || x.column === undefined || x.numColumns === undefined) continue;
    if (x.column > after) x.column += n;
    else if (x.column + x.numColumns - 1 > after) x.numColumns += n;
  }
  for (const chart of m.charts) if (chart.anchorColumn > after) chart.anchorColumn += n;
  marksAfterInsert(m.hiddenColumns, after, n);
}

/**
 * Sheet.deleteRows/deleteRow
 * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#deleterowsrowposition,-howmany):
 * the rows below move up with their hidden marks; the deleted rows' marks go.
 */
export function deleteRows(world: SheetsWorld, m: SheetModel, position: number, n: number): void {
  if (position < 1 || n < 1 || position + n - 1 > m.maxRows) throw world.ctx.error(MSG.rowsOutOfBounds);
  if (n >= m.maxRows - m.frozenRows && position > m.frozenRows) throw world.ctx.error(MSG.deleteAllRows);
  if (n >= m.maxRows) throw world.ctx.error(MSG.deleteAllRows);
  const d = position - 1;
  if (m.values.length > d) m.values.splice(d, n);
  m.maxRows -= n;
  marksAfterDelete(m.hiddenRows, position, n);
  for (const name of CELL_MAPS) {
    remapKeys(m[name] as Map<string, unknown>, (r, c) => (r < d ? [r, c] : r >= d + n ? [r - n, c] : null));
  }
  m.merges = m.merges.flatMap(([r, c, nr, nc]) => {
    const k = afterDelete(r, r + nr - 1, d, n);
    return k ? [[k[0], c, k[1] - k[0] + 1, nc] as [number, number, number, number]] : [];
  });
  const meta = world.workbook.meta;
  meta.namedRanges = meta.namedRanges.filter((x) => {
    if (x.sheetId !== m.sheetId) return true;
    const k = afterDelete(x.row - 1, x.row + x.numRows - 2, d, n);
    if (!k) return false;
    x.row = k[0] + 1;
    x.numRows = k[1] - k[0] + 1;
    return true;
  });
}

/**
 * Sheet.deleteColumns/deleteColumn
 * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#deletecolumnscolumnposition,-howmany):
 * the columns to the right move left with their widths and hidden marks.
 */
export function deleteColumns(world: SheetsWorld, m: SheetModel, position: number, n: number): void {
  if (position < 1 || n < 1 || position + n - 1 > m.maxColumns) throw world.ctx.error(MSG.columnsOutOfBounds);
  if (n >= m.maxColumns) throw world.ctx.error(MSG.deleteAllColumns);
  const d = position - 1;
  for (const row of m.values) if (row && row.length > d) row.splice(d, n);
  m.maxColumns -= n;
  marksAfterDelete(m.hiddenColumns, position, n);
  for (const name of CELL_MAPS) {
    remapKeys(m[name] as Map<string, unknown>, (r, c) => (c < d ? [r, c] : c >= d + n ? [r, c - n] : null));
  }
  m.merges = m.merges.flatMap(([r, c, nr, nc]) => {
    const k = afterDelete(c, c + nc - 1, d, n);
    return k ? [[r, k[0], nr, k[1] - k[0] + 1] as [number, number, number, number]] : [];
  });
  const widths = [...m.columnWidths];
  m.columnWidths.clear();
  for (const [c, w] of widths)
    if (c < position || c >= position + n) m.columnWidths.set(c >= position + n ? c - n : c, w);
  const meta = world.workbook.meta;
  meta.namedRanges = meta.namedRanges.filter((x) => {
    if (x.sheetId !== m.sheetId) return true;
    const k = afterDelete(x.column - 1, x.column + x.numColumns - 2, d, n);
    if (!k) return false;
    x.column = k[0] + 1;
    x.numColumns = k[1] - k[0] + 1;
    return true;
  });
}
