import {
  type CellValue,
  cellKey,
  MAX_CELL_CHARS,
  type ProtectionModel,
  type SheetModel,
  type ValidationModel,
} from '../workbook/model';
import { a1Notation } from './a1';
import { DataValidationImpl } from './builders';
import {
  displayText,
  isDateObject,
  localeRules,
  parseUserEntered,
  plainTextEntered,
  readValues,
  zoneClock,
} from './cells';
import { MSG, typeName } from './errors';
import { ProtectionImpl } from './protection';
import { checkRangeArgs } from './sheet';
import { clearRect, FORMAT_MAPS } from './sheet-structure';
import type { SheetsWorld } from './spreadsheet';

type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;

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

function fontWeightOf(v: unknown): 'bold' | 'normal' {
  return String(v).toLowerCase() === 'bold' ? 'bold' : 'normal';
}
