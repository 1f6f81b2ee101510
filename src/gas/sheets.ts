/**
 * Reading and writing the spreadsheet in batches: every tracking tab read once with one
 * `getValues()`, a generated tab written from a layout with a fixed handful of whole-range calls
 * (values, formats, colours, weights, sizes, widths), whatever the number of rows. Strings
 * are written with a leading apostrophe so Sheets never takes user text for a formula.
 */

import { IssueLog } from '../core/issues';
import type { SheetLayout } from '../core/layout';
import { NETWORK_TAB_NAME } from '../core/network/peers';
import type { RawTab } from '../core/read';
import { matchTabs } from '../core/read';
import { now } from './clock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The tracking tabs of the spreadsheet (only those; generated tabs are not read), one getValues each. */
export function readTrackingTabs(ss: Spreadsheet): RawTab[] {
  const sheets = ss.getSheets();
  const named = sheets.map((sheet) => ({ sheet, name: sheet.getName() }));
  const wanted = new Set<string>();
  // Duplicates are read too, so that the core can report them.
  const probe = named.map(({ name }) => ({ name, values: [] as unknown[][] }));
  const scratch = new IssueLog('en');
  for (const tab of matchTabs(probe, scratch).values()) wanted.add(tab.name);
  for (const issue of scratch.issues) wanted.add(issue.tab);
  // Issue 22: the generated Network benchmarks tab, read by the dashboard.
  wanted.add(NETWORK_TAB_NAME.fr).add(NETWORK_TAB_NAME.en);
  return named
    .filter(({ name }) => wanted.has(name))
    .map(({ sheet, name }) => ({ name, values: sheet.getDataRange().getValues() }));
}

/** Sheets refuses a cell of more than 50,000 characters (`Your input contains more than the maximum…`). */
export const CELL_MAX_CHARS = 50_000;
/** The mark ending a text cut to fit in a cell. */
export const CUT_MARK = '…';

/**
 * Text that Sheets must keep as text: a leading apostrophe makes it so (it is not shown). A text
 * too long for one cell (user text of up to 50,000 characters quoted in an issue or a story) is cut
 * to fit, apostrophe included, and ends with `…`.
 */
export function asText(value: unknown): unknown {
  if (typeof value !== 'string' || value === '') return value;
  if (value.length + 1 <= CELL_MAX_CHARS) return `'${value}`;
  return `'${value.slice(0, CELL_MAX_CHARS - 1 - CUT_MARK.length)}${CUT_MARK}`;
}

/** Writes a layout on a fresh sheet in a bounded number of calls. */
export function renderLayout(sheet: Sheet, layout: SheetLayout): void {
  const rows = layout.values.length;
  const columns = layout.columnWidths.length;
  if (rows === 0) return;
  // Always exactly one row insertion (at least one blank row below the layout), so that rendering
  // makes the same calls for a Palmarès of 100 or of 5,000 members.
  const maxRows = sheet.getMaxRows();
  sheet.insertRowsAfter(maxRows, Math.max(1, rows - maxRows + 1));
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  const range = sheet.getRange(1, 1, rows, columns);
  range.setNumberFormats(layout.numberFormats);
  range.setValues(layout.values.map((r) => r.map((v) => (v === null ? '' : asText(v)))));
  range.setBackgrounds(layout.backgrounds);
  range.setFontColors(layout.fontColors);
  range.setFontWeights(layout.fontWeights);
  range.setFontSizes(layout.fontSizes);
  layout.columnWidths.forEach((width, i) => {
    sheet.setColumnWidth(i + 1, width);
  });
  if (layout.frozenRows > 0) sheet.setFrozenRows(layout.frozenRows);
}

/** Inserts the layout's native charts, each reading its table of the chart-data tab. */
export function renderCharts(ss: Spreadsheet, sheet: Sheet, layout: SheetLayout): void {
  const dataSheets = new Map<string, Sheet | null>();
  for (const placement of layout.charts ?? []) {
    if (!dataSheets.has(placement.dataSheet))
      dataSheets.set(placement.dataSheet, ss.getSheetByName(placement.dataSheet));
    const data = dataSheets.get(placement.dataSheet);
    if (!data) continue;
    const { row, column, numRows, numColumns } = placement.spec.range;
    const type = Charts.ChartType[placement.spec.type as keyof typeof Charts.ChartType];
    const chart = sheet
      .newChart()
      .setChartType(type)
      .addRange(data.getRange(row, column, numRows, numColumns))
      .setPosition(placement.anchorRow, placement.anchorColumn, 0, 0)
      .setOption('title', placement.spec.title);
    // Series colours are a Google Charts option passed through setOption:
    // https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder#setOption(String,Object)
    // https://developers.google.com/chart/interactive/docs/gallery/columnchart#configuration-options (colors)
    if (placement.spec.colors) chart.setOption('colors', placement.spec.colors);
    // The value axis in the workbook's locale (rates as %, money in its currency) and every category
    // labelled, not one in two: https://developers.google.com/chart/interactive/docs/gallery/columnchart#configuration-options
    // (vAxis.format, hAxis.showTextEvery); https://developers.google.com/chart/interactive/docs/reference#numberformatter
    chart.setOption('vAxis.format', placement.spec.axisFormat);
    chart.setOption('hAxis.showTextEvery', 1);
    sheet.insertChart(chart.build());
  }
}

/**
 * Writes a grid of values on a sheet from A1, growing it if needed (one setValues). With `replace`,
 * the sheet's old contents are cleared first — after the growth, which is what fails when the
 * workbook is at its cell limit, so such a failure leaves the old contents whole.
 */
export function writeGrid(sheet: Sheet, grid: unknown[][], replace = false): void {
  if (grid.length === 0) {
    if (replace) sheet.clearContents();
    return;
  }
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  const rows = grid.map((r) => [
    ...r.map((v) => (v === null || v === undefined ? '' : asText(v))),
    ...Array(width - r.length).fill(''),
  ]);
  if (sheet.getMaxRows() < rows.length)
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  if (sheet.getMaxColumns() < width)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  if (replace) sheet.clearContents();
  sheet.getRange(1, 1, rows.length, width).setValues(rows);
}

/** Today in the spreadsheet time zone, `yyyy-MM-dd`. */
export function todayIn(timeZone: string): string {
  return Utilities.formatDate(now(), timeZone, 'yyyy-MM-dd');
}

/** Now in the spreadsheet time zone, `dd/MM/yyyy HH:mm`. */
export function nowText(timeZone: string): string {
  return Utilities.formatDate(now(), timeZone, 'dd/MM/yyyy HH:mm');
}
