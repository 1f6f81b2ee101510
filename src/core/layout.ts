/**
 * A platform-neutral sheet layout: the values, formats, merges and widths of a generated tab,
 * built in memory by the core and written by the Apps Script adapter in a handful of whole-range
 * calls. Every string in a layout is text for the reader: the renderer writes it so that Sheets
 * never takes it for a formula, number or date.
 */

export type LayoutValue = string | number | boolean | null;

export interface SheetLayout {
  name: string;
  /** Rectangular grids, rows × columns, 0-based. */
  values: LayoutValue[][];
  numberFormats: string[][];
  backgrounds: string[][];
  fontColors: string[][];
  fontWeights: Array<Array<'bold' | 'normal'>>;
  fontSizes: number[][];
  /** Pixel width of each column, from column 1. */
  columnWidths: number[];
  frozenRows: number;
  /** Native charts on the tab (the dashboard's). */
  charts?: Array<{
    spec: {
      id: string;
      title: string;
      type: string;
      range: { row: number; column: number; numRows: number; numColumns: number };
      colors?: string[];
      /** The value axis' number format (see ChartSpec.axisFormat). */
      axisFormat: string;
    };
    dataSheet: string;
    anchorRow: number;
    anchorColumn: number;
  }>;
}

export interface CellStyle {
  format?: string;
  background?: string;
  color?: string;
  bold?: boolean;
  size?: number;
}

const WHITE = '#ffffff';
const TEXT = '#202124';

/** Builds a layout row by row. */
export class LayoutBuilder {
  private readonly rows: Array<Array<{ value: LayoutValue; style: CellStyle }>> = [];

  constructor(
    private readonly name: string,
    private readonly columnWidths: number[],
  ) {}

  get width(): number {
    return this.columnWidths.length;
  }

  /** Index (0-based) of the next row. */
  get nextRow(): number {
    return this.rows.length;
  }

  /**
   * Adds one row of cells. Long text in the first cell of an otherwise empty row overflows to the
   * right, as Sheets shows it: no merged cells, so writing a layout costs the same calls whatever it
   * holds.
   */
  row(cells: Array<LayoutValue | { value: LayoutValue; style?: CellStyle }>, rowStyle: CellStyle = {}): this {
    const line = cells.map((c) =>
      c !== null && typeof c === 'object'
        ? { value: c.value, style: { ...rowStyle, ...c.style } }
        : { value: c, style: rowStyle },
    );
    while (line.length < this.width) line.push({ value: null, style: rowStyle });
    this.rows.push(line.slice(0, this.width));
    return this;
  }

  blank(): this {
    return this.row([]);
  }

  build(frozenRows = 0): SheetLayout {
    const grid = <T>(f: (cell: { value: LayoutValue; style: CellStyle }) => T): T[][] =>
      this.rows.map((r) => r.map(f));
    return {
      name: this.name,
      values: grid((c) => c.value),
      numberFormats: grid((c) => c.style.format ?? defaultFormat(c.value)),
      backgrounds: grid((c) => c.style.background ?? WHITE),
      fontColors: grid((c) => c.style.color ?? TEXT),
      fontWeights: grid((c) => (c.style.bold ? 'bold' : 'normal')),
      fontSizes: grid((c) => c.style.size ?? 10),
      columnWidths: this.columnWidths,
      frozenRows,
    };
  }
}

/**
 * The pattern of a cell without a style format. Not `0.##`: Sheets keeps the decimal point of a
 * pattern when no digit follows (113 shows `113.`), so integers get `0` and other numbers `0.0#`
 * (one or two decimals). `General` only resets text cells, as the reference does for
 * Range.setNumberFormat: https://developers.google.com/apps-script/reference/spreadsheet/range#setnumberformatnumberformat
 * and https://developers.google.com/sheets/api/guides/formats#number_format_tokens
 */
function defaultFormat(value: LayoutValue): string {
  if (typeof value !== 'number') return 'general';
  return Number.isInteger(value) ? '0' : '0.0#';
}
