/**
 * The emulated Charts service (https://developers.google.com/apps-script/reference/charts/charts):
 * the ChartType, ColumnType and Position enums, data tables built by hand
 * (Charts.newDataTable(): addColumn, addRow, setValue, build —
 * https://developers.google.com/apps-script/reference/charts/data-table-builder) and the column,
 * bar, line and area chart builders (setDataTable, setTitle, setDimensions, setColors, setRange,
 * setLegendPosition, axis titles, setOption, setStacked, setBackgroundColor, build —
 * https://developers.google.com/apps-script/reference/charts/column-chart-builder) whose Chart
 * renders server side as a static image: Chart.getAs('image/png') and Chart.getBlob()
 * (https://developers.google.com/apps-script/reference/charts/chart). The pixels are the
 * emulator's own (chart-png.ts: the bars, no text). The docs are silent on a chart built without a
 * data table and on the default size: the first throws (our wording, UNCONFIRMED), the second is
 * 600 × 400 here (the add-on always sets its size).
 */

import { CHART_TYPES, enumOf } from './builders';
import { barChartPng } from './chart-png';
import type { ServiceContext } from './context';
import { unconfirmed } from './errors';
import { BlobImpl } from './utilities';

const COLUMN_TYPES = ['DATE', 'NUMBER', 'STRING'] as const;
const POSITIONS = ['BOTTOM', 'NONE', 'RIGHT', 'TOP'] as const;
const BUILT_KINDS = {
  newColumnChart: 'COLUMN',
  newBarChart: 'BAR',
  newLineChart: 'LINE',
  newAreaChart: 'AREA',
};

export const CHARTS_MSG = {
  noDataTable: unconfirmed('A data table is required to build a chart.'),
  contentType: (type: string) => unconfirmed(`Converting from image/png to ${type} is not supported.`),
};

interface TableModel {
  columns: Array<{ type: string; label: string }>;
  rows: unknown[][];
}

class DataTableImpl {
  constructor(readonly _table: TableModel) {}
  toString(): string {
    return 'DataTable';
  }
}

class DataTableBuilderImpl {
  readonly _table: TableModel = { columns: [], rows: [] };
  constructor(readonly _ctx: ServiceContext) {}
  addColumn(type: string, label: string): this {
    this._table.columns.push({ type: String(type), label: String(label) });
    return this;
  }
  addRow(values: unknown[]): this {
    this._table.rows.push(Array.from(values ?? []));
    return this;
  }
  setValue(row: number, column: number, value: unknown): this {
    while (this._table.rows.length <= row) this._table.rows.push([]);
    this._table.rows[row]![column] = value;
    return this;
  }
  build(): unknown {
    const copy = { columns: [...this._table.columns], rows: this._table.rows.map((r) => [...r]) };
    return this._ctx.wrap('DataTable', new DataTableImpl(copy));
  }
  toString(): string {
    return 'DataTableBuilder';
  }
}

interface ChartModel {
  type: string;
  table: TableModel | null;
  options: Record<string, unknown>;
  width: number;
  height: number;
  colors: string[];
}

class ChartImpl {
  constructor(
    readonly _ctx: ServiceContext,
    readonly _chart: ChartModel,
  ) {}
  /** The chart as an image; only PNG here (https://developers.google.com/apps-script/reference/charts/chart#getAs(String)). */
  getAs(contentType: string): unknown {
    if (String(contentType) !== 'image/png')
      throw this._ctx.error(CHARTS_MSG.contentType(String(contentType)));
    return this.getBlob();
  }
  getBlob(): unknown {
    const { table, width, height, colors } = this._chart;
    const numbers = (table?.columns ?? []).flatMap((c, i) => (c.type === 'NUMBER' ? [i] : []));
    const rows = (table?.rows ?? []).map((r) =>
      numbers.map((i) => (typeof r[i] === 'number' ? (r[i] as number) : null)),
    );
    const bytes = barChartPng({ width, height, rows, colors });
    return this._ctx.wrap('Blob', new BlobImpl(this._ctx, new Uint8Array(bytes), 'image/png', null));
  }
  getOptions(): unknown {
    const options: Record<string, unknown> = {
      ...this._chart.options,
      width: this._chart.width,
      height: this._chart.height,
    };
    return this._ctx.wrap('ChartOptions', {
      get: (option: string) => options[String(option)] ?? null,
      toString: () => 'ChartOptions',
    });
  }
  toString(): string {
    return 'Chart';
  }
}

class ChartBuilderImpl {
  readonly _chart: ChartModel;
  constructor(
    readonly _ctx: ServiceContext,
    type: string,
  ) {
    this._chart = { type, table: null, options: {}, width: 600, height: 400, colors: [] };
  }
  setDataTable(table: unknown): this {
    const built = this._ctx.unwrap<DataTableImpl | DataTableBuilderImpl>(table);
    this._chart.table = built ? built._table : null;
    return this;
  }
  setTitle(title: string): this {
    return this.setOption('title', String(title));
  }
  setDimensions(width: number, height: number): this {
    this._chart.width = Math.max(1, Math.round(Number(width)));
    this._chart.height = Math.max(1, Math.round(Number(height)));
    return this;
  }
  setColors(cssValues: string[]): this {
    this._chart.colors = Array.from(cssValues ?? [], String);
    return this;
  }
  setRange(start: number, end: number): this {
    return this.setOption('vAxis.viewWindow', { min: Number(start), max: Number(end) });
  }
  setLegendPosition(position: string): this {
    return this.setOption('legend.position', String(position));
  }
  setXAxisTitle(title: string): this {
    return this.setOption('hAxis.title', String(title));
  }
  setYAxisTitle(title: string): this {
    return this.setOption('vAxis.title', String(title));
  }
  setBackgroundColor(cssValue: string): this {
    return this.setOption('backgroundColor', String(cssValue));
  }
  setStacked(): this {
    return this.setOption('isStacked', true);
  }
  setOption(option: string, value: unknown): this {
    this._chart.options[String(option)] = value;
    return this;
  }
  build(): unknown {
    if (!this._chart.table) throw this._ctx.error(CHARTS_MSG.noDataTable);
    return this._ctx.wrap(
      'Chart',
      new ChartImpl(this._ctx, { ...this._chart, options: { ...this._chart.options } }),
    );
  }
  toString(): string {
    return `${this._chart.type[0]}${this._chart.type.slice(1).toLowerCase()}ChartBuilder`;
  }
}

export class ChartsImpl {
  readonly ChartType = enumOf(CHART_TYPES);
  readonly ColumnType = enumOf(COLUMN_TYPES);
  readonly Position = enumOf(POSITIONS);
  constructor(readonly _ctx: ServiceContext) {}
  newDataTable(): unknown {
    return this._ctx.wrap('DataTableBuilder', new DataTableBuilderImpl(this._ctx));
  }
  newColumnChart(): unknown {
    return this._builder('newColumnChart');
  }
  newBarChart(): unknown {
    return this._builder('newBarChart');
  }
  newLineChart(): unknown {
    return this._builder('newLineChart');
  }
  newAreaChart(): unknown {
    return this._builder('newAreaChart');
  }
  _builder(method: keyof typeof BUILT_KINDS): unknown {
    const type = BUILT_KINDS[method];
    return this._ctx.wrap(
      `${type[0]}${type.slice(1).toLowerCase()}ChartBuilder`,
      new ChartBuilderImpl(this._ctx, type),
    );
  }
  toString(): string {
    return 'Charts';
  }
}
