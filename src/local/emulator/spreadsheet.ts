/**
 * The emulated SpreadsheetApp over a WorkbookModel: the SpreadsheetApp service, Spreadsheet, Sheet,
 * Range, NamedRange and Protection. Values cross as Apps Script gives them (numbers, booleans,
 * strings, Dates made with the realm's Date at the wall clock of the spreadsheet time zone, '' for
 * empty); strings written are parsed like user entry. Formulas are stored, never evaluated: a
 * formula written by the add-on reads back as '' (a formula loaded from a file keeps its last
 * value). Every check and error text follows reference §1.
 */

import { isValidTimeZone } from '../../core/timezone';
import {
  type CellValue,
  cellKey,
  DEFAULT_COLUMNS,
  DEFAULT_ROWS,
  MAX_CELL_CHARS,
  MAX_CELLS,
  type NamedRangeModel,
  newSheetModel,
  type ProtectionModel,
  type SheetModel,
  type ValidationModel,
} from '../workbook/model';
import { a1Notation, parseA1, qualifiedA1 } from './a1';
import {
  CHART_TYPES,
  type ChartHost,
  cloneChart,
  DataValidationBuilderImpl,
  DataValidationImpl,
  EmbeddedChartBuilderImpl,
  EmbeddedChartImpl,
  enumOf,
  newChartModel,
  resolveChartRange,
} from './builders';
import {
  displayText,
  isDateObject,
  localeRules,
  parseUserEntered,
  plainTextEntered,
  zoneClock,
} from './cells';
import type { ServiceContext } from './context';
import { MSG } from './errors';
import type { Realm } from './types';

type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;

/** The sparse per-cell attribute maps of a sheet. */
const CELL_MAPS = [
  'formulas',
  'numberFormats',
  'backgrounds',
  'fontColors',
  'fontWeights',
  'fontSizes',
  'horizontalAlignments',
  'wraps',
  'notes',
  'validations',
] as const;
type CellMapName = (typeof CELL_MAPS)[number];
const FORMAT_MAPS: CellMapName[] = [
  'numberFormats',
  'backgrounds',
  'fontColors',
  'fontWeights',
  'fontSizes',
  'horizontalAlignments',
  'wraps',
];

function parseKey(key: string): [number, number] {
  const i = key.indexOf(',');
  return [Number(key.slice(0, i)), Number(key.slice(i + 1))];
}

/** Rewrites the keys of a sparse cell map; `f` returns the new 0-based position or null to drop. */
function remapKeys<V>(map: Map<string, V>, f: (r: number, c: number) => [number, number] | null): void {
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
function clearRect<V>(map: Map<string, V>, r0: number, c0: number, nr: number, nc: number): void {
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
function afterDelete(a: number, b: number, d: number, n: number): [number, number] | null {
  const e = d + n - 1;
  const na = a < d ? a : a > e ? a - n : d;
  const nb = b < d ? b : b > e ? b - n : d - 1;
  return nb < na ? null : [na, nb];
}

function typeName(v: unknown): string {
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'boolean') return 'Boolean';
  if (v === null || v === undefined) return 'null';
  return '(class)';
}

/** One emulated spreadsheet: the shared state of its Spreadsheet, Sheet and Range objects. */
export class SheetsWorld implements ChartHost {
  private readonly sheetProxies = new WeakMap<SheetModel, GSheet>();
  private spreadsheetProxy: GSpreadsheet | null = null;

  constructor(
    readonly ctx: ServiceContext,
    readonly getUi: () => unknown,
  ) {}

  get workbook() {
    return this.ctx.workbook;
  }

  spreadsheet(): GSpreadsheet {
    this.spreadsheetProxy ??= this.ctx.wrap<GSpreadsheet>('Spreadsheet', new SpreadsheetImpl(this));
    return this.spreadsheetProxy;
  }

  sheet(model: SheetModel): GSheet {
    let p = this.sheetProxies.get(model);
    if (!p) {
      p = this.ctx.wrap<GSheet>('Sheet', new SheetImpl(this, model));
      this.sheetProxies.set(model, p);
    }
    return p;
  }

  range(model: SheetModel, row: number, column: number, numRows: number, numColumns: number): GRange {
    return this.ctx.wrap<GRange>('Range', new RangeImpl(this, model, row, column, numRows, numColumns));
  }

  sheetModelOf(value: unknown): SheetModel {
    const impl = this.ctx.unwrap<SheetImpl>(value);
    if (!(impl instanceof SheetImpl)) throw this.ctx.error(MSG.invalidArgument('sheet'));
    return impl._model;
  }

  rangeImplOf(value: unknown): RangeImpl {
    const impl = this.ctx.unwrap<RangeImpl>(value);
    if (!(impl instanceof RangeImpl)) throw this.ctx.error(MSG.invalidArgument('range'));
    return impl;
  }

  sheetById(id: number): SheetModel | undefined {
    return this.workbook.sheets.find((s) => s.sheetId === id);
  }

  activeSheetModel(): SheetModel {
    const sheets = this.workbook.sheets;
    const active = this.ctx.activeSheetId === null ? undefined : this.sheetById(this.ctx.activeSheetId);
    return active ?? sheets.find((s) => !s.hidden) ?? sheets[0]!;
  }

  totalCells(): number {
    let n = 0;
    for (const s of this.workbook.sheets) n += s.maxRows * s.maxColumns;
    return n;
  }

  checkCellLimit(added: number): void {
    if (this.totalCells() + added > MAX_CELLS) throw this.ctx.error(MSG.tooManyCells);
  }

  checkNewName(name: string, except?: SheetModel): void {
    const lower = name.toLowerCase();
    // Sheets refuses a name that differs only by case (UNCONFIRMED in the reference; Sheets UI behaviour).
    if (this.workbook.sheets.some((s) => s !== except && s.name.toLowerCase() === lower)) {
      throw this.ctx.error(MSG.duplicateSheet(name));
    }
  }

  /** A range given by A1 text, on `sheet` or on the sheet the text names. */
  rangeByA1(text: unknown, sheet: SheetModel | null): GRange {
    if (typeof text !== 'string') throw this.ctx.error(MSG.rangeNotFound);
    const ref = parseA1(text);
    if (!ref) throw this.ctx.error(MSG.rangeNotFound);
    let model = sheet;
    if (ref.sheetName !== null) {
      model = this.workbook.sheets.find((s) => s.name === ref.sheetName) ?? null;
      if (!model || (sheet && model !== sheet)) throw this.ctx.error(MSG.rangeNotFound);
    }
    if (!model) model = this.activeSheetModel();
    const endRow = ref.endRow ?? model.maxRows;
    const endColumn = ref.endColumn ?? model.maxColumns;
    if (endRow > model.maxRows || endColumn > model.maxColumns) throw this.ctx.error(MSG.outsideSheet);
    return this.range(model, ref.row, ref.column, endRow - ref.row + 1, endColumn - ref.column + 1);
  }

  // ChartHost
  rangeA1(range: unknown): string | null {
    const impl = this.ctx.unwrap<RangeImpl>(range);
    if (!(impl instanceof RangeImpl)) return null;
    return qualifiedA1(impl._sheet.name, impl._row, impl._column, impl._numRows, impl._numColumns);
  }

  rangeOf(a1: string): unknown {
    const r = resolveChartRange(this.workbook.sheets, a1);
    return r ? this.range(r.sheet, r.row, r.column, r.numRows, r.numColumns) : null;
  }
}

// -----------------------------------------------------------------------------------------------
// SpreadsheetApp

export class SpreadsheetAppImpl {
  readonly ProtectionType = enumOf(['RANGE', 'SHEET']);
  readonly BorderStyle = enumOf(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE']);
  readonly DataValidationCriteria = enumOf([
    'VALUE_IN_LIST',
    'CHECKBOX',
    'DATE_IS_VALID_DATE',
    'NUMBER_BETWEEN',
  ]);
  readonly WrapStrategy = enumOf(['WRAP', 'OVERFLOW', 'CLIP']);
  readonly Dimension = enumOf(['ROWS', 'COLUMNS']);
  readonly ChartType = enumOf(CHART_TYPES);

  constructor(readonly _world: SheetsWorld) {}

  /** null in a time-driven run when platform.ts `timeDrivenSeesActiveSpreadsheet` is false. */
  getActiveSpreadsheet(): GSpreadsheet | null {
    const ctx = this._world.ctx;
    if (ctx.timeDriven && !ctx.options.platform.timeDrivenSeesActiveSpreadsheet) return null;
    return this._world.spreadsheet();
  }
  /**
   * Only the workbook loaded is known locally; another id fails as a missing file does.
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openbyidid
   */
  openById(id: string): GSpreadsheet {
    if (String(id) !== this._world.ctx.workbook.meta.spreadsheetId)
      throw this._world.ctx.error(MSG.invalidArgument('id'));
    return this._world.spreadsheet();
  }
  getActive(): GSpreadsheet {
    return this._world.spreadsheet();
  }
  getActiveSheet(): GSheet {
    return this._world.sheet(this._world.activeSheetModel());
  }
  getActiveRange(): GRange {
    return activeRange(this._world);
  }
  getUi(): unknown {
    return this._world.getUi();
  }
  /**
   * Writes are applied at once here; what a switch makes pending (a response tab, platform.ts
   * `responseTabListedAtOnce`) is applied now.
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush
   */
  flush(): void {
    this._world.ctx.applyPending();
  }
  newDataValidation(): unknown {
    return this._world.ctx.wrap('DataValidationBuilder', new DataValidationBuilderImpl(this._world.ctx));
  }
  toString(): string {
    return 'SpreadsheetApp';
  }
}

function activeRange(world: SheetsWorld): GRange {
  const a = world.ctx.activeRange;
  const sheet = a ? world.sheetById(a.sheetId) : undefined;
  if (a && sheet) return world.range(sheet, a.row, a.column, a.numRows, a.numColumns);
  return world.range(world.activeSheetModel(), 1, 1, 1, 1);
}

// -----------------------------------------------------------------------------------------------
// Spreadsheet

class SpreadsheetImpl {
  constructor(readonly _world: SheetsWorld) {}

  get _meta() {
    return this._world.workbook.meta;
  }
  get _ctx() {
    return this._world.ctx;
  }

  getId(): string {
    return this._meta.spreadsheetId;
  }
  getName(): string {
    return this._meta.name;
  }
  rename(name: string): void {
    this._meta.name = String(name);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._meta.spreadsheetId}/edit`;
  }
  getSheets(): GSheet[] {
    return this._ctx.array(this._world.workbook.sheets.map((s) => this._world.sheet(s)));
  }
  getNumSheets(): number {
    return this._world.workbook.sheets.length;
  }
  /** "If multiple sheets have the same name, the leftmost one is returned. Returns null if there is no sheet with the given name." */
  getSheetByName(name: string): GSheet | null {
    const s = this._world.workbook.sheets.find((x) => x.name === name);
    return s ? this._world.sheet(s) : null;
  }
  getSheetById(id: number): GSheet | null {
    const s = this._world.sheetById(id);
    return s ? this._world.sheet(s) : null;
  }
  /** insertSheet(), (index), (name), (name, index); the index is 0-based; the new sheet becomes active. */
  insertSheet(a?: unknown, b?: unknown): GSheet {
    const sheets = this._world.workbook.sheets;
    let name: string | null = null;
    let index = sheets.length;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') {
      index = a;
    }
    if (name === null) {
      const base = this._meta.locale.toLowerCase().startsWith('fr') ? 'Feuille ' : 'Sheet';
      let n = sheets.length + 1;
      while (sheets.some((s) => s.name.toLowerCase() === `${base}${n}`.toLowerCase())) n++;
      name = `${base}${n}`;
    }
    this._world.checkNewName(name);
    this._world.checkCellLimit(DEFAULT_ROWS * DEFAULT_COLUMNS);
    const model = newSheetModel(this._meta.nextSheetId++, name);
    sheets.splice(Math.max(0, Math.min(index, sheets.length)), 0, model);
    this._ctx.activeSheetId = model.sheetId;
    this._ctx.activeRange = null;
    return this._world.sheet(model);
  }
  deleteSheet(sheet: unknown): void {
    const model = this._world.sheetModelOf(sheet);
    const sheets = this._world.workbook.sheets;
    if (sheets.length <= 1) throw this._ctx.error(MSG.lastSheet);
    const i = sheets.indexOf(model);
    if (i >= 0) sheets.splice(i, 1);
    this._meta.namedRanges = this._meta.namedRanges.filter((n) => n.sheetId !== model.sheetId);
    this._meta.protections = this._meta.protections.filter((p) => p.sheetId !== model.sheetId);
    if (this._ctx.activeSheetId === model.sheetId) {
      this._ctx.activeSheetId = null;
      this._ctx.activeRange = null;
    }
  }
  getSpreadsheetLocale(): string {
    return this._meta.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this._meta.locale = String(locale);
  }
  getSpreadsheetTimeZone(): string {
    return this._meta.timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string): void {
    if (!isValidTimeZone(String(timeZone))) throw this._ctx.error(MSG.invalidArgument('timeZone'));
    this._meta.timeZone = String(timeZone);
  }
  getRange(a1Notation: string): GRange {
    return this._world.rangeByA1(a1Notation, null);
  }
  getRangeByName(name: string): GRange | null {
    const n = findNamedRange(this._world, String(name));
    return n ? namedRangeRange(this._world, n) : null;
  }
  setNamedRange(name: string, range: unknown): void {
    const r = this._world.rangeImplOf(range);
    this._meta.namedRanges = this._meta.namedRanges.filter((n) => n.name !== name);
    this._meta.namedRanges.push({
      name: String(name),
      sheetId: r._sheet.sheetId,
      row: r._row,
      column: r._column,
      numRows: r._numRows,
      numColumns: r._numColumns,
    });
  }
  removeNamedRange(name: string): void {
    this._meta.namedRanges = this._meta.namedRanges.filter((n) => n.name !== name);
  }
  getNamedRanges(): unknown[] {
    return this._ctx.array(
      this._meta.namedRanges
        .filter((n) => this._world.sheetById(n.sheetId))
        .map((n) => this._ctx.wrap('NamedRange', new NamedRangeImpl(this._world, n))),
    );
  }
  /** Records the toast; "if null, the toast defaults to 5 seconds; if negative, the toast remains until dismissed". */
  toast(msg: unknown, title?: unknown, timeoutSeconds?: number | null): void {
    this._ctx.ui.toasts.push({
      message: String(msg),
      title: title === undefined || title === null ? '' : String(title),
      timeoutSeconds: timeoutSeconds === undefined || timeoutSeconds === null ? 5 : timeoutSeconds,
      at: this._ctx.options.now(),
    });
  }
  getProtections(type: string): unknown[] {
    return this._ctx.array(
      this._meta.protections
        .filter((p) => p.kind === type && this._world.sheetById(p.sheetId))
        .map((p) => this._ctx.wrap('Protection', new ProtectionImpl(this._world, p))),
    );
  }
  getActiveSheet(): GSheet {
    return this._world.sheet(this._world.activeSheetModel());
  }
  setActiveSheet(sheet: unknown): GSheet {
    const model = this._world.sheetModelOf(sheet);
    this._ctx.activeSheetId = model.sheetId;
    this._ctx.activeRange = null;
    return this._world.sheet(model);
  }
  getActiveRange(): GRange {
    return activeRange(this._world);
  }
  toString(): string {
    return 'Spreadsheet';
  }
}

function findNamedRange(world: SheetsWorld, name: string): NamedRangeModel | undefined {
  const bang = name.lastIndexOf('!');
  if (bang >= 0) {
    const sheet = world.workbook.sheets.find((s) => s.name === name.slice(0, bang));
    const local = name.slice(bang + 1);
    return world.workbook.meta.namedRanges.find((n) => n.name === local && n.sheetId === sheet?.sheetId);
  }
  return world.workbook.meta.namedRanges.find((n) => n.name === name && world.sheetById(n.sheetId));
}

function namedRangeRange(world: SheetsWorld, n: NamedRangeModel): GRange | null {
  const sheet = world.sheetById(n.sheetId);
  return sheet ? world.range(sheet, n.row, n.column, n.numRows, n.numColumns) : null;
}

class NamedRangeImpl {
  constructor(
    readonly _world: SheetsWorld,
    readonly _model: NamedRangeModel,
  ) {}
  getName(): string {
    return this._model.name;
  }
  setName(name: string): this {
    this._model.name = String(name);
    return this;
  }
  getRange(): GRange | null {
    return namedRangeRange(this._world, this._model);
  }
  setRange(range: unknown): this {
    const r = this._world.rangeImplOf(range);
    Object.assign(this._model, {
      sheetId: r._sheet.sheetId,
      row: r._row,
      column: r._column,
      numRows: r._numRows,
      numColumns: r._numColumns,
    });
    return this;
  }
  remove(): void {
    const meta = this._world.workbook.meta;
    meta.namedRanges = meta.namedRanges.filter((n) => n !== this._model);
  }
  toString(): string {
    return 'NamedRange';
  }
}

class ProtectionImpl {
  constructor(
    readonly _world: SheetsWorld,
    readonly _model: ProtectionModel,
  ) {}
  getProtectionType(): string {
    return this._model.kind;
  }
  getDescription(): string {
    return this._model.description;
  }
  setDescription(description: string): this {
    this._model.description = String(description);
    return this;
  }
  /** "By default, protected ranges or sheets are not warning-based." */
  isWarningOnly(): boolean {
    return this._model.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): this {
    this._model.warningOnly = Boolean(warningOnly);
    return this;
  }
  getRange(): GRange | null {
    const sheet = this._world.sheetById(this._model.sheetId);
    if (!sheet) return null;
    const m = this._model;
    if (m.kind === 'SHEET') return this._world.range(sheet, 1, 1, sheet.maxRows, sheet.maxColumns);
    return this._world.range(sheet, m.row ?? 1, m.column ?? 1, m.numRows ?? 1, m.numColumns ?? 1);
  }
  /** The owner can always edit. */
  canEdit(): boolean {
    return true;
  }
  canDomainEdit(): boolean {
    return false;
  }
  /** The owner is not listed in getEditors() of a new protection (reference §1.8). */
  getEditors(): unknown[] {
    return this._world.ctx.array([]);
  }
  addEditor(_user: unknown): this {
    return this;
  }
  addEditors(_users: unknown): this {
    return this;
  }
  removeEditor(_user: unknown): this {
    return this;
  }
  removeEditors(_users: unknown): this {
    return this;
  }
  setDomainEdit(_editable: boolean): this {
    return this;
  }
  remove(): void {
    const meta = this._world.workbook.meta;
    meta.protections = meta.protections.filter((p) => p !== this._model);
  }
  toString(): string {
    return 'Protection';
  }
}

// -----------------------------------------------------------------------------------------------
// Sheet

class SheetImpl {
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

function checkRangeArgs(
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

function rowHasContent(row: CellValue[] | undefined): boolean {
  if (!row) return false;
  for (let i = 0; i < row.length; i++) if (row[i] !== '' && row[i] !== undefined) return true;
  return false;
}

function lastRow(m: SheetModel): number {
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

function lastColumn(m: SheetModel): number {
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

function insertRows(world: SheetsWorld, m: SheetModel, after: number, n: number): void {
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
}

function insertColumns(world: SheetsWorld, m: SheetModel, after: number, n: number): void {
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
}

function deleteRows(world: SheetsWorld, m: SheetModel, position: number, n: number): void {
  if (position < 1 || n < 1 || position + n - 1 > m.maxRows) throw world.ctx.error(MSG.rowsOutOfBounds);
  if (n >= m.maxRows - m.frozenRows && position > m.frozenRows) throw world.ctx.error(MSG.deleteAllRows);
  if (n >= m.maxRows) throw world.ctx.error(MSG.deleteAllRows);
  const d = position - 1;
  if (m.values.length > d) m.values.splice(d, n);
  m.maxRows -= n;
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

function deleteColumns(world: SheetsWorld, m: SheetModel, position: number, n: number): void {
  if (position < 1 || n < 1 || position + n - 1 > m.maxColumns) throw world.ctx.error(MSG.columnsOutOfBounds);
  if (n >= m.maxColumns) throw world.ctx.error(MSG.deleteAllColumns);
  const d = position - 1;
  for (const row of m.values) if (row && row.length > d) row.splice(d, n);
  m.maxColumns -= n;
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

// -----------------------------------------------------------------------------------------------
// Range

export class RangeImpl {
  constructor(
    readonly _world: SheetsWorld,
    readonly _sheet: SheetModel,
    readonly _row: number,
    readonly _column: number,
    readonly _numRows: number,
    readonly _numColumns: number,
  ) {}

  get _ctx() {
    return this._world.ctx;
  }

  // Geometry --------------------------------------------------------------------------------------
  getSheet(): GSheet {
    return this._world.sheet(this._sheet);
  }
  getA1Notation(): string {
    return a1Notation(this._row, this._column, this._numRows, this._numColumns);
  }
  getRow(): number {
    return this._row;
  }
  getRowIndex(): number {
    return this._row;
  }
  getColumn(): number {
    return this._column;
  }
  getNumRows(): number {
    return this._numRows;
  }
  getNumColumns(): number {
    return this._numColumns;
  }
  getHeight(): number {
    return this._numRows;
  }
  getWidth(): number {
    return this._numColumns;
  }
  getLastRow(): number {
    return this._row + this._numRows - 1;
  }
  getLastColumn(): number {
    return this._column + this._numColumns - 1;
  }
  getCell(row: number, column: number): GRange {
    if (row < 1 || row > this._numRows || column < 1 || column > this._numColumns) {
      throw this._ctx.error(MSG.outsideSheet);
    }
    return this._world.range(this._sheet, this._row + row - 1, this._column + column - 1, 1, 1);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GRange {
    const row = this._row + rowOffset;
    const column = this._column + columnOffset;
    const nr = numRows ?? this._numRows;
    const nc = numColumns ?? this._numColumns;
    checkRangeArgs(this._ctx, this._sheet, row, column, nr, nc);
    return this._world.range(this._sheet, row, column, nr, nc);
  }
  activate(): this {
    this._ctx.activeSheetId = this._sheet.sheetId;
    this._ctx.activeRange = {
      sheetId: this._sheet.sheetId,
      row: this._row,
      column: this._column,
      numRows: this._numRows,
      numColumns: this._numColumns,
    };
    return this;
  }

  // Values ------------------------------------------------------------------------------------------
  getValues(): unknown[][] {
    this._ctx.counter.cellsRead += this._numRows * this._numColumns;
    return this._readValues();
  }
  getValue(): unknown {
    this._ctx.counter.cellsRead += 1;
    const v = this._sheet.values[this._row - 1]?.[this._column - 1];
    return this._toValue(v);
  }
  _toValue(v: CellValue | undefined): unknown {
    if (v === undefined) return '';
    if (typeof v === 'object') {
      return new this._ctx.realm.Date(
        zoneClock(this._world.workbook.meta.timeZone).instantOfSerial(v.serial),
      );
    }
    return v;
  }
  /** Dense read: one realm array per row, dates converted at the wall clock of the spreadsheet time zone. */
  _readValues(): unknown[][] {
    const clock = zoneClock(this._world.workbook.meta.timeZone);
    const toInstant = (serial: number): number => clock.instantOfSerial(serial);
    const args = [
      this._sheet.values,
      this._row - 1,
      this._column - 1,
      this._numRows,
      this._numColumns,
    ] as const;
    return readValues(this._ctx.realm, ...args, toInstant);
  }
  getDisplayValues(): string[][] {
    this._ctx.counter.cellsRead += this._numRows * this._numColumns;
    return this._display();
  }
  getDisplayValue(): string {
    this._ctx.counter.cellsRead += 1;
    return this._display(1, 1)[0]![0]!;
  }
  _display(numRows = this._numRows, numColumns = this._numColumns): string[][] {
    const rules = localeRules(this._world.workbook.meta.locale);
    const formats = this._sheet.numberFormats;
    const out = new this._ctx.realm.Array<string[]>();
    for (let i = 0; i < numRows; i++) {
      const r = this._row - 1 + i;
      const src = this._sheet.values[r];
      const row = new this._ctx.realm.Array<string>();
      for (let j = 0; j < numColumns; j++) {
        const c = this._column - 1 + j;
        const v = src?.[c];
        if (v === undefined || v === '') row.push('');
        else row.push(displayText(v, formats.size ? formats.get(cellKey(r, c)) : undefined, rules));
      }
      out.push(row);
    }
    return out;
  }
  getFormulas(): string[][] {
    this._ctx.counter.cellsRead += this._numRows * this._numColumns;
    return this._grid((r, c) => this._sheet.formulas.get(cellKey(r, c)) ?? '');
  }
  getFormula(): string {
    this._ctx.counter.cellsRead += 1;
    return this._sheet.formulas.get(cellKey(this._row - 1, this._column - 1)) ?? '';
  }
  isBlank(): boolean {
    for (let r = this._row - 1; r < this._row - 1 + this._numRows; r++) {
      const row = this._sheet.values[r];
      for (let c = this._column - 1; c < this._column - 1 + this._numColumns; c++) {
        const v = row?.[c];
        if (v !== undefined && v !== '') return false;
        if (this._sheet.formulas.has(cellKey(r, c))) return false;
      }
    }
    return true;
  }

  /** setValues: the grid must match the range; strings are parsed like user entry. */
  setValues(values: unknown[][]): this {
    this._checkGrid(values, 'setValues');
    this._checkLengths(values);
    this._write((i, j) => values[i]![j]);
    return this;
  }
  /** setValue sets every cell of the range. */
  setValue(value: unknown): this {
    this._checkLengths([[value]]);
    this._write(() => value);
    return this;
  }
  setFormula(formula: string): this {
    return this.setValue(String(formula));
  }
  setFormulas(formulas: string[][]): this {
    return this.setValues(formulas);
  }
  _checkGrid(data: unknown, method: string): void {
    if (!Array.isArray(data)) {
      throw this._ctx.error(MSG.signature(typeName(data), `SpreadsheetApp.Range.${method}`));
    }
    if (data.length !== this._numRows) throw this._ctx.error(MSG.rowsMismatch(data.length, this._numRows));
    for (const row of data) {
      const n = Array.isArray(row) ? row.length : 0;
      if (n !== this._numColumns) throw this._ctx.error(MSG.columnsMismatch(n, this._numColumns));
    }
  }
  _checkLengths(values: unknown[][]): void {
    for (const row of values) {
      for (const v of row) {
        if (typeof v === 'string' && v.length > MAX_CELL_CHARS) throw this._ctx.error(MSG.cellTooLong);
      }
    }
  }
  _write(valueAt: (i: number, j: number) => unknown): void {
    const m = this._sheet;
    const meta = this._world.workbook.meta;
    const rules = localeRules(meta.locale);
    const clock = zoneClock(meta.timeZone);
    const r0 = this._row - 1;
    const c0 = this._column - 1;
    const formulas = m.formulas;
    const formats = m.numberFormats;
    const strips = this._world.ctx.options.platform.plainTextStripsApostrophe;
    for (let i = 0; i < this._numRows; i++) {
      const r = r0 + i;
      while (m.values.length < r) m.values.push([]);
      let row = m.values[r];
      if (!row) {
        row = [];
        m.values[r] = row;
      }
      while (row.length < c0) row.push('');
      for (let j = 0; j < this._numColumns; j++) {
        const v = valueAt(i, j);
        let cell: CellValue;
        let formula: string | null = null;
        if (typeof v === 'string') {
          const entered =
            formats.size > 0 && formats.get(cellKey(r, c0 + j)) === '@'
              ? plainTextEntered(v, strips)
              : parseUserEntered(v, rules);
          if ('formula' in entered) {
            formula = entered.formula;
            cell = '';
          } else cell = entered.value;
        } else if (typeof v === 'number') {
          cell = Number.isFinite(v) ? v : String(v);
        } else if (typeof v === 'boolean') {
          cell = v;
        } else if (v === null || v === undefined) {
          cell = '';
        } else if (isDateObject(v)) {
          const t = v.getTime();
          cell = Number.isNaN(t) ? '' : { serial: clock.serialOfInstant(t) };
        } else {
          cell = String(v);
        }
        row[c0 + j] = cell;
        if (formula !== null) formulas.set(cellKey(r, c0 + j), formula);
        else if (formulas.size) formulas.delete(cellKey(r, c0 + j));
      }
    }
    this._ctx.counter.cellsWritten += this._numRows * this._numColumns;
  }

  // Formats -----------------------------------------------------------------------------------------
  _grid<T>(f: (r: number, c: number) => T): T[][] {
    const out = new this._ctx.realm.Array<T[]>();
    for (let i = 0; i < this._numRows; i++) {
      const row = new this._ctx.realm.Array<T>();
      for (let j = 0; j < this._numColumns; j++) row.push(f(this._row - 1 + i, this._column - 1 + j));
      out.push(row);
    }
    return out;
  }
  _setAll<V>(map: Map<string, V>, value: V | null | undefined): this {
    for (let r = this._row - 1; r < this._row - 1 + this._numRows; r++) {
      for (let c = this._column - 1; c < this._column - 1 + this._numColumns; c++) {
        if (value === null || value === undefined) map.delete(cellKey(r, c));
        else map.set(cellKey(r, c), value);
      }
    }
    return this;
  }
  _setEach<V>(map: Map<string, V>, values: unknown, method: string, convert: (v: unknown) => V | null): this {
    this._checkGrid(values, method);
    const grid = values as unknown[][];
    for (let i = 0; i < this._numRows; i++) {
      for (let j = 0; j < this._numColumns; j++) {
        const key = cellKey(this._row - 1 + i, this._column - 1 + j);
        const v = grid[i]![j];
        const x = v === null || v === undefined ? null : convert(v);
        if (x === null) map.delete(key);
        else map.set(key, x);
      }
    }
    return this;
  }
  _first<V>(map: Map<string, V>): V | undefined {
    return map.get(cellKey(this._row - 1, this._column - 1));
  }

  setNumberFormat(numberFormat: string): this {
    return this._setAll(this._sheet.numberFormats, numberFormat === null ? null : String(numberFormat));
  }
  setNumberFormats(numberFormats: string[][]): this {
    return this._setEach(this._sheet.numberFormats, numberFormats, 'setNumberFormats', String);
  }
  getNumberFormat(): string {
    return this._first(this._sheet.numberFormats) ?? 'General';
  }
  getNumberFormats(): string[][] {
    return this._grid((r, c) => this._sheet.numberFormats.get(cellKey(r, c)) ?? 'General');
  }
  /** Colours are not validated (Apps Script accepts any string, reference §1.7). */
  setBackground(color: string | null): this {
    return this._setAll(this._sheet.backgrounds, color === null ? null : String(color));
  }
  setBackgrounds(color: string[][]): this {
    return this._setEach(this._sheet.backgrounds, color, 'setBackgrounds', String);
  }
  getBackground(): string {
    return this._first(this._sheet.backgrounds) ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    return this._grid((r, c) => this._sheet.backgrounds.get(cellKey(r, c)) ?? '#ffffff');
  }
  setFontWeight(fontWeight: string | null): this {
    return this._setAll(this._sheet.fontWeights, fontWeight === null ? null : fontWeightOf(fontWeight));
  }
  setFontWeights(fontWeights: string[][]): this {
    return this._setEach(this._sheet.fontWeights, fontWeights, 'setFontWeights', fontWeightOf);
  }
  getFontWeight(): string {
    return this._first(this._sheet.fontWeights) ?? 'normal';
  }
  setFontColor(color: string | null): this {
    return this._setAll(this._sheet.fontColors, color === null ? null : String(color));
  }
  setFontColors(colors: string[][]): this {
    return this._setEach(this._sheet.fontColors, colors, 'setFontColors', String);
  }
  setFontSize(size: number): this {
    return this._setAll(this._sheet.fontSizes, size === null ? null : Number(size));
  }
  setFontSizes(sizes: number[][]): this {
    return this._setEach(this._sheet.fontSizes, sizes, 'setFontSizes', Number);
  }
  setHorizontalAlignment(alignment: string | null): this {
    return this._setAll(this._sheet.horizontalAlignments, alignment === null ? null : String(alignment));
  }
  setHorizontalAlignments(alignments: string[][]): this {
    return this._setEach(this._sheet.horizontalAlignments, alignments, 'setHorizontalAlignments', String);
  }
  setWrap(isWrapEnabled: boolean): this {
    return this._setAll(this._sheet.wraps, Boolean(isWrapEnabled));
  }
  setWraps(isWrapEnabled: boolean[][]): this {
    return this._setEach(this._sheet.wraps, isWrapEnabled, 'setWraps', Boolean);
  }
  setNote(note: string | null): this {
    return this._setAll(this._sheet.notes, note === null || note === '' ? null : String(note));
  }
  setNotes(notes: string[][]): this {
    return this._setEach(this._sheet.notes, notes, 'setNotes', (v) => (v === '' ? null : String(v)));
  }
  /** An empty note reads as ''. */
  getNote(): string {
    return this._first(this._sheet.notes) ?? '';
  }
  getNotes(): string[][] {
    return this._grid((r, c) => this._sheet.notes.get(cellKey(r, c)) ?? '');
  }
  setDataValidation(rule: unknown): this {
    return this._setAll(this._sheet.validations, rule === null ? null : this._validationOf(rule));
  }
  setDataValidations(rules: unknown[][]): this {
    return this._setEach(this._sheet.validations, rules, 'setDataValidations', (v) => this._validationOf(v));
  }
  _validationOf(rule: unknown): ValidationModel {
    const impl = this._ctx.unwrap<DataValidationImpl>(rule);
    if (!(impl instanceof DataValidationImpl)) throw this._ctx.error(MSG.invalidArgument('rule'));
    return impl._model;
  }
  getDataValidation(): unknown {
    const v = this._first(this._sheet.validations);
    return v ? this._ctx.wrap('DataValidation', new DataValidationImpl(this._ctx, v)) : null;
  }
  getDataValidations(): unknown[][] {
    return this._grid((r, c) => {
      const v = this._sheet.validations.get(cellKey(r, c));
      return v ? this._ctx.wrap('DataValidation', new DataValidationImpl(this._ctx, v)) : null;
    });
  }
  merge(): this {
    const r0 = this._row - 1;
    const c0 = this._column - 1;
    this._removeMerges();
    this._sheet.merges.push([r0, c0, this._numRows, this._numColumns]);
    return this;
  }
  mergeAcross(): this {
    this._removeMerges();
    for (let i = 0; i < this._numRows; i++)
      this._sheet.merges.push([this._row - 1 + i, this._column - 1, 1, this._numColumns]);
    return this;
  }
  breakApart(): this {
    this._removeMerges();
    return this;
  }
  isPartOfMerge(): boolean {
    return this._sheet.merges.some((m) => this._overlaps(m));
  }
  _overlaps([r, c, nr, nc]: [number, number, number, number]): boolean {
    const r0 = this._row - 1;
    const c0 = this._column - 1;
    return r < r0 + this._numRows && r + nr > r0 && c < c0 + this._numColumns && c + nc > c0;
  }
  _removeMerges(): void {
    this._sheet.merges = this._sheet.merges.filter((m) => !this._overlaps(m));
  }
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }): this {
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    if (!any || o.contentsOnly) this._clearContent();
    if (!any || o.formatOnly) this._clearFormat();
    if (o.validationsOnly) this._clearMap(this._sheet.validations);
    if (o.commentsOnly) this._clearMap(this._sheet.notes);
    return this;
  }
  clearContent(): this {
    this._clearContent();
    return this;
  }
  clearFormat(): this {
    this._clearFormat();
    return this;
  }
  clearNote(): this {
    this._clearMap(this._sheet.notes);
    return this;
  }
  clearDataValidations(): this {
    this._clearMap(this._sheet.validations);
    return this;
  }
  _clearMap<V>(map: Map<string, V>): void {
    clearRect(map, this._row - 1, this._column - 1, this._numRows, this._numColumns);
  }
  _clearContent(): void {
    const values = this._sheet.values;
    const c0 = this._column - 1;
    for (let r = this._row - 1; r < Math.min(values.length, this._row - 1 + this._numRows); r++) {
      const row = values[r];
      if (!row) continue;
      const end = Math.min(row.length, c0 + this._numColumns);
      for (let c = c0; c < end; c++) row[c] = '';
      while (row.length && row[row.length - 1] === '') row.pop();
    }
    this._clearMap(this._sheet.formulas);
  }
  _clearFormat(): void {
    for (const name of FORMAT_MAPS) this._clearMap(this._sheet[name] as Map<string, unknown>);
    this._removeMerges();
  }
  /** Range.protect() always creates a new protection (reference §1.8). */
  protect(): unknown {
    const p: ProtectionModel = {
      kind: 'RANGE',
      sheetId: this._sheet.sheetId,
      row: this._row,
      column: this._column,
      numRows: this._numRows,
      numColumns: this._numColumns,
      description: '',
      warningOnly: false,
    };
    this._world.workbook.meta.protections.push(p);
    return this._ctx.wrap('Protection', new ProtectionImpl(this._world, p));
  }
  toString(): string {
    return 'Range';
  }
}

type Reader = (
  values: CellValue[][],
  r0: number,
  c0: number,
  numRows: number,
  numColumns: number,
  toInstant: (serial: number) => number,
) => unknown[][];

/** Reads a block of cells into realm arrays; dates become realm Dates at `toInstant(serial)`. */
function readValues(realm: Realm, ...[values, r0, c0, nr, nc, toInstant]: Parameters<Reader>): unknown[][] {
  const out = new realm.Array<unknown[]>();
  for (let i = 0; i < nr; i++) {
    const src = values[r0 + i];
    const row = new realm.Array<unknown>();
    for (let j = 0; j < nc; j++) {
      const v = src?.[c0 + j];
      if (v === undefined) row.push('');
      else if (typeof v === 'object') row.push(new realm.Date(toInstant(v.serial)));
      else row.push(v);
    }
    out.push(row);
  }
  return out;
}

function fontWeightOf(v: unknown): 'bold' | 'normal' {
  return String(v).toLowerCase() === 'bold' ? 'bold' : 'normal';
}
