/**
 * Reading the tracking tabs for a report, no more than the report needs (issue 21): each tab's
 * header row first, then only the columns the core parses and checks (core/read-plan.ts), one range
 * read per run of adjacent columns; a duplicate tab is not read at all. The grid handed to the core
 * has the tab's full shape, unread cells blank, so the core gives the very KPIs and data issues a
 * whole read gives. A row blank in every read column is read whole (one range over all such rows of
 * the tab), so that a row filled only in the club's own columns is still reported.
 *
 * Sheet.getLastRow / getLastColumn: the position of the last row / column with content
 * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getLastRow(),
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getLastColumn()), which is
 * what getDataRange spans (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getDataRange()).
 */

import { NETWORK_TAB_NAME } from '../core/network/peers';
import type { RawTab } from '../core/read';
import { blankRowsOf, columnRuns, readPlans } from '../core/read-plan';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface Shape {
  rows: number;
  columns: number;
}

export function readTabsForReport(ss: Spreadsheet): RawTab[] {
  const sheets = ss.getSheets();
  const names = sheets.map((sheet) => sheet.getName());
  const shapes = new Map<number, Shape>();
  const shapeOf = (i: number): Shape => {
    let shape = shapes.get(i);
    if (!shape) {
      shape = { rows: sheets[i].getLastRow(), columns: sheets[i].getLastColumn() };
      shapes.set(i, shape);
    }
    return shape;
  };
  const headers = new Map<number, unknown[]>();
  const plans = readPlans(names, (i) => {
    const { rows, columns } = shapeOf(i);
    const header = rows > 0 && columns > 0 ? sheets[i].getRange(1, 1, 1, columns).getValues()[0] : [];
    headers.set(i, header);
    return header;
  });
  const tabs: RawTab[] = [];
  plans.forEach((plan, i) => {
    const name = names[i];
    // Issue 22: the generated Network benchmarks tab, read whole by the dashboard.
    if (!plan && (name === NETWORK_TAB_NAME.fr || name === NETWORK_TAB_NAME.en)) {
      tabs.push({ name, values: sheets[i].getDataRange().getValues() });
      return;
    }
    if (!plan) return;
    if (plan.kind === 'none') tabs.push({ name, values: [] });
    else if (plan.kind === 'all') tabs.push({ name, values: sheets[i].getDataRange().getValues() });
    else tabs.push({ name, values: readColumns(sheets[i], shapeOf(i), headers.get(i) ?? [], plan.columns) });
  });
  return tabs;
}

function readColumns(sheet: Sheet, shape: Shape, header: unknown[], columns: number[]): unknown[][] {
  // An empty sheet: what getDataRange gives (one blank cell).
  if (shape.rows === 0 || shape.columns === 0) return sheet.getDataRange().getValues();
  const below = shape.rows - 1;
  const rows: unknown[][] = [];
  for (let r = 0; r < below; r++) rows.push(new Array(shape.columns).fill(''));
  if (below > 0) {
    for (const [start, count] of columnRuns(columns)) {
      const block = sheet.getRange(2, start + 1, below, count).getValues();
      for (let r = 0; r < below; r++) {
        const line = rows[r];
        const got = block[r];
        for (let k = 0; k < count; k++) line[start + k] = got[k];
      }
    }
    if (columns.length < shape.columns) fillBlankRows(sheet, rows, columns, shape.columns);
  }
  return [header, ...rows];
}

/** Rows blank in every read column get their other cells, in one range over all of them. */
function fillBlankRows(sheet: Sheet, rows: unknown[][], columns: number[], width: number): void {
  const blank = blankRowsOf(rows, columns);
  if (blank.length === 0) return;
  const first = blank[0];
  const block = sheet.getRange(first + 2, 1, blank[blank.length - 1] - first + 1, width).getValues();
  for (const r of blank) rows[r] = block[r - first];
}
