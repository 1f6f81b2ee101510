/**
 * Emulated builders and the objects they build: data validation rules
 * (SpreadsheetApp.newDataValidation) and embedded charts (Sheet.newChart, EmbeddedChart, the
 * container info and options of a chart), plus the Charts service's ChartType enum. Charts are
 * recorded into SheetModel.charts by Sheet.insertChart / updateChart / removeChart.
 */
import type { ChartModel, SheetModel, ValidationModel } from '../workbook/model';
import { parseA1, qualifiedA1, splitSheet } from './a1';
import type { ServiceContext } from './context';
import { MSG } from './errors';

export const CHART_TYPES = [
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'LINE',
  'ORG',
  'PIE',
  'RADAR',
  'SCATTER',
  'SCORECARD',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREE_MAP',
  'WATERFALL',
] as const;

export function enumOf(names: readonly string[]): Record<string, string> {
  const e: Record<string, string> = {};
  for (const n of names) e[n] = n;
  return Object.freeze(e);
}

export const CRITERIA = {
  list: 'VALUE_IN_LIST',
  checkbox: 'CHECKBOX',
  date: 'DATE_IS_VALID_DATE',
  number: 'NUMBER_BETWEEN',
} as const;

// ---------------------------------------------------------------------------------------------
// Data validation

export class DataValidationImpl {
  constructor(
    readonly _ctx: ServiceContext,
    readonly _model: ValidationModel,
  ) {}
  getCriteriaType(): string {
    return CRITERIA[this._model.kind];
  }
  getCriteriaValues(): unknown[] {
    const m = this._model;
    if (m.kind === 'list') return this._ctx.array<unknown>([this._ctx.array(m.values ?? []), true]);
    if (m.kind === 'number') return this._ctx.array<unknown>([m.min, m.max]);
    return this._ctx.array<unknown>([]);
  }
  getAllowInvalid(): boolean {
    return this._model.allowInvalid;
  }
  getHelpText(): string | null {
    return this._model.helpText ?? null;
  }
  copy(): unknown {
    return this._ctx.wrap(
      'DataValidationBuilder',
      new DataValidationBuilderImpl(this._ctx, { ...this._model }),
    );
  }
  toString(): string {
    return 'DataValidation';
  }
}

export class DataValidationBuilderImpl {
  constructor(
    readonly _ctx: ServiceContext,
    readonly _model: Partial<ValidationModel> = { allowInvalid: true },
  ) {}
  requireValueInList(values: unknown[], _showDropdown?: boolean): this {
    if (!Array.isArray(values)) throw this._ctx.error(MSG.invalidArgument('values'));
    Object.assign(this._model, { kind: 'list', values: values.map(String), min: undefined, max: undefined });
    return this;
  }
  requireCheckbox(): this {
    Object.assign(this._model, { kind: 'checkbox', values: undefined, min: undefined, max: undefined });
    return this;
  }
  requireDate(): this {
    Object.assign(this._model, { kind: 'date', values: undefined, min: undefined, max: undefined });
    return this;
  }
  requireNumberBetween(start: number, end: number): this {
    Object.assign(this._model, { kind: 'number', values: undefined, min: start, max: end });
    return this;
  }
  setAllowInvalid(allowInvalid: boolean): this {
    this._model.allowInvalid = Boolean(allowInvalid);
    return this;
  }
  setHelpText(helpText: string): this {
    this._model.helpText = String(helpText);
    return this;
  }
  getCriteriaType(): string | null {
    return this._model.kind ? CRITERIA[this._model.kind] : null;
  }
  build(): unknown {
    if (!this._model.kind) throw this._ctx.error(MSG.invalidArgument('criteria'));
    const model: ValidationModel = { kind: this._model.kind, allowInvalid: this._model.allowInvalid ?? true };
    if (this._model.values) model.values = [...this._model.values];
    if (this._model.min !== undefined) model.min = this._model.min;
    if (this._model.max !== undefined) model.max = this._model.max;
    if (this._model.helpText !== undefined) model.helpText = this._model.helpText;
    return this._ctx.wrap('DataValidation', new DataValidationImpl(this._ctx, model));
  }
  toString(): string {
    return 'DataValidationBuilder';
  }
}

// ---------------------------------------------------------------------------------------------
// Charts

/** What the chart code needs from the spreadsheet side, supplied by spreadsheet.ts. */
export interface ChartHost {
  /** The A1 text (`'Tab'!A1:B2`) of a Range service object, or null if it is not one. */
  rangeA1(range: unknown): string | null;
  /** A Range service object for `'Tab'!A1:B2`, or null if the tab is gone. */
  rangeOf(a1: string): unknown;
}

export class EmbeddedChartImpl {
  constructor(
    readonly _ctx: ServiceContext,
    readonly _host: ChartHost,
    readonly _model: ChartModel,
    /** The chart id once inserted (or when built from modify()), else null. */
    readonly _chartId: number | null,
  ) {}
  getChartId(): number | null {
    return this._chartId;
  }
  getType(): string {
    return this._model.type;
  }
  getRanges(): unknown[] {
    return this._ctx.array(this._model.ranges.map((a1) => this._host.rangeOf(a1)).filter((r) => r !== null));
  }
  getOptions(): unknown {
    const options = this._model.options;
    return this._ctx.wrap('ChartOptions', {
      get: (key: string) => (key in options ? options[key] : null),
      toString: () => 'ChartOptions',
    });
  }
  getContainerInfo(): unknown {
    const m = this._model;
    return this._ctx.wrap('ContainerInfo', {
      getAnchorRow: () => m.anchorRow,
      getAnchorColumn: () => m.anchorColumn,
      getOffsetX: () => m.offsetX,
      getOffsetY: () => m.offsetY,
      toString: () => 'ContainerInfo',
    });
  }
  modify(): unknown {
    return this._ctx.wrap(
      'EmbeddedChartBuilder',
      new EmbeddedChartBuilderImpl(this._ctx, this._host, cloneChart(this._model), this._chartId),
    );
  }
  toString(): string {
    return 'EmbeddedChart';
  }
}

export function cloneChart(m: ChartModel): ChartModel {
  return { ...m, ranges: [...m.ranges], options: { ...m.options } };
}

export class EmbeddedChartBuilderImpl {
  constructor(
    readonly _ctx: ServiceContext,
    readonly _host: ChartHost,
    readonly _model: ChartModel,
    readonly _chartId: number | null,
  ) {}
  addRange(range: unknown): this {
    const a1 = this._host.rangeA1(range);
    if (a1 === null) throw this._ctx.error(MSG.invalidArgument('range'));
    // "Does not add the range if it has already been added" (reference §2).
    if (!this._model.ranges.includes(a1)) this._model.ranges.push(a1);
    return this;
  }
  removeRange(range: unknown): this {
    const a1 = this._host.rangeA1(range);
    this._model.ranges = this._model.ranges.filter((r) => r !== a1);
    return this;
  }
  clearRanges(): this {
    this._model.ranges = [];
    return this;
  }
  getRanges(): unknown[] {
    return this._ctx.array(this._model.ranges.map((a1) => this._host.rangeOf(a1)).filter((r) => r !== null));
  }
  setChartType(type: string): this {
    this._model.type = String(type);
    return this;
  }
  getChartType(): string {
    return this._model.type;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    Object.assign(this._model, { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY });
    return this;
  }
  setOption(option: string, value: unknown): this {
    this._model.options[String(option)] = plainCopy(value);
    return this;
  }
  // Typed builders (asColumnChart()…) are this same builder; their setters map to chart options.
  setTitle(title: string): this {
    return this.setOption('title', title);
  }
  setLegendPosition(position: string): this {
    return this.setOption('legend.position', String(position).toLowerCase());
  }
  setColors(colors: string[]): this {
    return this.setOption('colors', colors);
  }
  setStacked(): this {
    return this.setOption('isStacked', true);
  }
  setXAxisTitle(title: string): this {
    return this.setOption('hAxis.title', title);
  }
  setYAxisTitle(title: string): this {
    return this.setOption('vAxis.title', title);
  }
  setRange(start: number, end: number): this {
    this.setOption('vAxis.viewWindow.min', start);
    return this.setOption('vAxis.viewWindow.max', end);
  }
  setPointStyle(style: string): this {
    return this.setOption('pointShape', String(style).toLowerCase());
  }
  setNumHeaders(headers: number): this {
    return this.setOption('headers', headers);
  }
  build(): unknown {
    return this._ctx.wrap(
      'EmbeddedChart',
      new EmbeddedChartImpl(this._ctx, this._host, cloneChart(this._model), this._chartId),
    );
  }
  toString(): string {
    return 'EmbeddedChartBuilder';
  }
}

// asAreaChart(), asBarChart()… each sets the type and returns the same builder.
for (const [method, type] of [
  ['asAreaChart', 'AREA'],
  ['asBarChart', 'BAR'],
  ['asColumnChart', 'COLUMN'],
  ['asComboChart', 'COMBO'],
  ['asHistogramChart', 'HISTOGRAM'],
  ['asLineChart', 'LINE'],
  ['asPieChart', 'PIE'],
  ['asScatterChart', 'SCATTER'],
  ['asTableChart', 'TABLE'],
] as const) {
  (EmbeddedChartBuilderImpl.prototype as unknown as Record<string, unknown>)[method] = function (
    this: EmbeddedChartBuilderImpl,
  ) {
    this._model.type = type;
    return this;
  };
}

function plainCopy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plainCopy);
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = plainCopy(x);
    return out;
  }
  return v;
}

/** A new chart model on `sheet`, anchored at A1 until setPosition. */
export function newChartModel(): ChartModel {
  return {
    chartId: 0,
    type: 'COLUMN',
    ranges: [],
    anchorRow: 1,
    anchorColumn: 1,
    offsetX: 0,
    offsetY: 0,
    options: {},
  };
}

/** Resolves a stored chart range `'Tab'!A1:B2` against the sheets of a workbook. */
export function resolveChartRange(
  sheets: SheetModel[],
  a1: string,
): { sheet: SheetModel; row: number; column: number; numRows: number; numColumns: number } | null {
  const ref = parseA1(a1);
  const name = splitSheet(a1).sheetName;
  const sheet = sheets.find((s) => s.name === name);
  if (!ref || !sheet) return null;
  const endRow = ref.endRow ?? sheet.maxRows;
  const endColumn = ref.endColumn ?? sheet.maxColumns;
  return {
    sheet,
    row: ref.row,
    column: ref.column,
    numRows: endRow - ref.row + 1,
    numColumns: endColumn - ref.column + 1,
  };
}

export { qualifiedA1 };
