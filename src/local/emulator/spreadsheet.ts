/**
 * The emulated SpreadsheetApp over a WorkbookModel: the world one spreadsheet's objects share, the
 * SpreadsheetApp service, Spreadsheet and NamedRange (Sheet in sheet.ts, Range in range.ts,
 * Protection in protection.ts, row and column moves in sheet-structure.ts). Values cross as Apps
 * Script gives them (numbers, booleans, strings, Dates made with the realm's Date at the wall clock
 * of the spreadsheet time zone, '' for empty); strings written are parsed like user entry. Formulas
 * are stored, never evaluated: a formula written by the add-on reads back as '' (a formula loaded
 * from a file keeps its last value). Every check and error text follows reference §1.
 */

import {
  DEFAULT_COLUMNS,
  DEFAULT_ROWS,
  MAX_CELLS,
  type NamedRangeModel,
  newSheetModel,
  type SheetModel,
} from '../workbook/model';
import { parseA1, qualifiedA1 } from './a1';
import {
  CHART_TYPES,
  type ChartHost,
  DataValidationBuilderImpl,
  enumOf,
  resolveChartRange,
} from './builders';
import type { ServiceContext } from './context';
import { MSG } from './errors';
import { ProtectionImpl } from './protection';
import { RangeImpl } from './range';
import { SheetImpl } from './sheet';
import { isKnownTimeZone } from './zone-offset';

type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;

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

export class SpreadsheetImpl {
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
    if (!isKnownTimeZone(String(timeZone))) throw this._ctx.error(MSG.invalidArgument('timeZone'));
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
  /**
   * Moves the active sheet to 1-based position `pos` among all sheets (hidden ones included).
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#moveactivesheetpos
   */
  moveActiveSheet(pos: unknown): void {
    const sheets = this._ctx.workbook.sheets;
    const n = typeof pos === 'number' ? pos : Number.NaN;
    if (!Number.isInteger(n) || n < 1 || n > sheets.length) throw this._ctx.error(MSG.invalidArgument('pos'));
    const model = this._world.activeSheetModel();
    sheets.splice(sheets.indexOf(model), 1);
    sheets.splice(n - 1, 0, model);
  }
  getActiveRange(): GRange {
    return activeRange(this._world);
  }
  toString(): string {
    return 'Spreadsheet';
  }
}

export function findNamedRange(world: SheetsWorld, name: string): NamedRangeModel | undefined {
  const bang = name.lastIndexOf('!');
  if (bang >= 0) {
    const sheet = world.workbook.sheets.find((s) => s.name === name.slice(0, bang));
    const local = name.slice(bang + 1);
    return world.workbook.meta.namedRanges.find((n) => n.name === local && n.sheetId === sheet?.sheetId);
  }
  return world.workbook.meta.namedRanges.find((n) => n.name === name && world.sheetById(n.sheetId));
}

export function namedRangeRange(world: SheetsWorld, n: NamedRangeModel): GRange | null {
  const sheet = world.sheetById(n.sheetId);
  return sheet ? world.range(sheet, n.row, n.column, n.numRows, n.numColumns) : null;
}

export class NamedRangeImpl {
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
