/**
 * The emulated Sheet: its geometry, ranges, rows and columns, charts, protections (reference §1).
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet
 */

import type { CellValue, SheetModel } from '../workbook/model';
import { cloneChart, EmbeddedChartBuilderImpl, EmbeddedChartImpl, newChartModel } from './builders';
import type { ServiceContext } from './context';
import { MSG, typeName } from './errors';
import { ProtectionImpl } from './protection';
import {
  deleteColumns,
  deleteRows,
  FORMAT_MAPS,
  insertColumns,
  insertRows,
  parseKey,
} from './sheet-structure';
import type { SheetsWorld } from './spreadsheet';

type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;

export class SheetImpl {
  constructor(
    readonly _world: SheetsWorld,
    readonly _model: SheetModel,
  ) {}

  get _ctx() {
    return this._world.ctx;
  }

  getName(): string {
    return this._model.name;
  }
  setName(name: string): this {
    const n = String(name);
    this._world.checkNewName(n, this._model);
    this._model.name = n;
    return this;
  }
  getSheetId(): number {
    return this._model.sheetId;
  }
  /** 1-based position among the sheets. */
  getIndex(): number {
    return this._world.workbook.sheets.indexOf(this._model) + 1;
  }
  getParent(): GSpreadsheet {
    return this._world.spreadsheet();
  }
  getMaxRows(): number {
    return this._model.maxRows;
  }
  getMaxColumns(): number {
    return this._model.maxColumns;
  }
  /** Position of the last row with content; 0 on an empty sheet. */
  getLastRow(): number {
    return lastRow(this._model);
  }
  /** Position of the last column with content; 0 on an empty sheet. */
  getLastColumn(): number {
    return lastColumn(this._model);
  }
  /** The range with data; A1 on an empty sheet. */
  getDataRange(): GRange {
    return this._world.range(
      this._model,
      1,
      1,
      Math.max(1, lastRow(this._model)),
      Math.max(1, lastColumn(this._model)),
    );
  }
  /** getRange(row, column[, numRows[, numColumns]]) or getRange(a1Notation). */
  getRange(...args: unknown[]): GRange {
    const [a, b, c, d] = args;
    if (args.length === 1 && typeof a === 'string') return this._world.rangeByA1(a, this._model);
    if (args.length < 2 || args.length > 4 || args.some((x) => typeof x !== 'number')) {
      throw this._ctx.error(MSG.signature(args.map(typeName).join(','), 'SpreadsheetApp.Sheet.getRange'));
    }
    const [row, column, numRows, numColumns] = [a, b, c ?? 1, d ?? 1].map((x) => Math.trunc(x as number)) as [
      number,
      number,
      number,
      number,
    ];
    checkRangeArgs(this._ctx, this._model, row, column, numRows, numColumns);
    return this._world.range(this._model, row, column, numRows, numColumns);
  }
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }): this {
    const m = this._model;
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    if (!any || o.contentsOnly) {
      m.values = [];
      m.formulas.clear();
    }
    if (!any || o.formatOnly) for (const name of FORMAT_MAPS) m[name].clear();
    if (o.validationsOnly) m.validations.clear();
    if (o.commentsOnly) m.notes.clear();
    return this;
  }
  clearContents(): this {
    this._model.values = [];
    this._model.formulas.clear();
    return this;
  }
  clearFormats(): this {
    for (const name of FORMAT_MAPS) this._model[name].clear();
    return this;
  }
  clearNotes(): this {
    this._model.notes.clear();
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    insertRows(this._world, this._model, afterPosition, howMany);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    insertRows(this._world, this._model, beforePosition - 1, howMany);
    return this;
  }
  insertRowAfter(afterPosition: number): this {
    insertRows(this._world, this._model, afterPosition, 1);
    return this;
  }
  insertRowBefore(beforePosition: number): this {
    insertRows(this._world, this._model, beforePosition - 1, 1);
    return this;
  }
  insertRows(rowIndex: number, numRows = 1): void {
    insertRows(this._world, this._model, rowIndex - 1, numRows);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    insertColumns(this._world, this._model, afterPosition, howMany);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    insertColumns(this._world, this._model, beforePosition - 1, howMany);
    return this;
  }
  insertColumnAfter(afterPosition: number): this {
    insertColumns(this._world, this._model, afterPosition, 1);
    return this;
  }
  insertColumnBefore(beforePosition: number): this {
    insertColumns(this._world, this._model, beforePosition - 1, 1);
    return this;
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    insertColumns(this._world, this._model, columnIndex - 1, numColumns);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    deleteRows(this._world, this._model, rowPosition, howMany);
  }
  deleteRow(rowPosition: number): this {
    deleteRows(this._world, this._model, rowPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    deleteColumns(this._world, this._model, columnPosition, howMany);
  }
  deleteColumn(columnPosition: number): this {
    deleteColumns(this._world, this._model, columnPosition, 1);
    return this;
  }
  /** "Freezes the given number of rows. If zero, no rows are frozen." */
  setFrozenRows(rows: number): void {
    this._model.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this._model.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this._model.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this._model.frozenColumns;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    this._model.columnWidths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    for (let c = startColumn; c < startColumn + numColumns; c++) this._model.columnWidths.set(c, width);
    return this;
  }
  /** Sheets' default column width is 100 pixels. */
  getColumnWidth(columnPosition: number): number {
    return this._model.columnWidths.get(columnPosition) ?? 100;
  }
  hideSheet(): this {
    const m = this._model;
    if (m.hidden) return this;
    if (!this._world.workbook.sheets.some((s) => s !== m && !s.hidden))
      throw this._ctx.error(MSG.hideLastSheet);
    m.hidden = true;
    return this;
  }
  showSheet(): this {
    this._model.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._model.hidden;
  }
  /** Returns the existing sheet protection if there is one (reference §1.8). */
  protect(): unknown {
    const meta = this._world.workbook.meta;
    let p = meta.protections.find((x) => x.kind === 'SHEET' && x.sheetId === this._model.sheetId);
    if (!p) {
      p = { kind: 'SHEET', sheetId: this._model.sheetId, description: '', warningOnly: false };
      meta.protections.push(p);
    }
    return this._ctx.wrap('Protection', new ProtectionImpl(this._world, p));
  }
  getProtections(type: string): unknown[] {
    return this._ctx.array(
      this._world.workbook.meta.protections
        .filter((p) => p.kind === type && p.sheetId === this._model.sheetId)
        .map((p) => this._ctx.wrap('Protection', new ProtectionImpl(this._world, p))),
    );
  }
  newChart(): unknown {
    return this._ctx.wrap(
      'EmbeddedChartBuilder',
      new EmbeddedChartBuilderImpl(this._ctx, this._world, newChartModel(), null),
    );
  }
  insertChart(chart: unknown): void {
    const impl = this._chartImpl(chart);
    const ids = this._world.workbook.sheets.flatMap((s) => s.charts.map((c) => c.chartId));
    const chartId = ids.length ? Math.max(...ids) + 1 : 1;
    this._model.charts.push({ ...cloneChart(impl._model), chartId });
  }
  getCharts(): unknown[] {
    return this._ctx.array(
      this._model.charts.map((c) =>
        this._ctx.wrap(
          'EmbeddedChart',
          new EmbeddedChartImpl(this._ctx, this._world, cloneChart(c), c.chartId),
        ),
      ),
    );
  }
  updateChart(chart: unknown): void {
    const impl = this._chartImpl(chart);
    const i = this._model.charts.findIndex((c) => c.chartId === impl._chartId);
    if (i < 0) throw this._ctx.error(MSG.invalidArgument('chart'));
    this._model.charts[i] = { ...cloneChart(impl._model), chartId: impl._chartId! };
  }
  removeChart(chart: unknown): void {
    const impl = this._chartImpl(chart);
    this._model.charts = this._model.charts.filter((c) => c.chartId !== impl._chartId);
  }
  _chartImpl(chart: unknown): EmbeddedChartImpl {
    const impl = this._ctx.unwrap<EmbeddedChartImpl>(chart);
    if (!(impl instanceof EmbeddedChartImpl)) throw this._ctx.error(MSG.invalidArgument('chart'));
    return impl;
  }
  activate(): this {
    this._ctx.activeSheetId = this._model.sheetId;
    this._ctx.activeRange = null;
    return this;
  }
  getFormUrl(): string | null {
    return this._model.formUrl;
  }
  setTabColor(color: string | null): this {
    this._model.tabColor = color === null || color === undefined ? null : String(color);
    return this;
  }
  getTabColor(): string | null {
    return this._model.tabColor;
  }
  toString(): string {
    return 'Sheet';
  }
}

export function checkRangeArgs(
  ctx: ServiceContext,
  sheet: SheetModel,
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
): void {
  if (row < 1) throw ctx.error(MSG.rowTooSmall);
  if (column < 1) throw ctx.error(MSG.columnTooSmall);
  if (numRows < 1) throw ctx.error(MSG.numRowsTooSmall);
  if (numColumns < 1) throw ctx.error(MSG.numColumnsTooSmall);
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
    throw ctx.error(MSG.outsideSheet);
  }
}

export function rowHasContent(row: CellValue[] | undefined): boolean {
  if (!row) return false;
  for (let i = 0; i < row.length; i++) if (row[i] !== '' && row[i] !== undefined) return true;
  return false;
}

export function lastRow(m: SheetModel): number {
  let last = 0;
  for (let r = m.values.length - 1; r >= 0; r--) {
    if (rowHasContent(m.values[r])) {
      last = r + 1;
      break;
    }
  }
  for (const k of m.formulas.keys()) last = Math.max(last, parseKey(k)[0] + 1);
  return last;
}

export function lastColumn(m: SheetModel): number {
  let last = 0;
  for (const row of m.values) {
    if (!row) continue;
    for (let c = row.length - 1; c >= last; c--) {
      if (row[c] !== '' && row[c] !== undefined) {
        last = c + 1;
        break;
      }
    }
  }
  for (const k of m.formulas.keys()) last = Math.max(last, parseKey(k)[1] + 1);
  return last;
}
