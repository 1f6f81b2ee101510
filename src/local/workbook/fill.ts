/**
 * Writing generated tab grids (the demo club, benchmark clubs, test workbooks) into a workbook
 * model: each grid replaces the values of the sheet of the same name (matched leniently, so the
 * tabs made by "Set up tracking tabs" keep their formats, notes and validations), or becomes a new
 * sheet when there is none.
 */

import { normalizeLabel } from '../../core/normalize';
import { type CellValue, DEFAULT_COLUMNS, newSheetModel, type WorkbookModel } from './model';

export interface TabGrid {
  name: string;
  rows: CellValue[][];
}

/**
 * `columns: 'data'` makes new sheets exactly as wide as their data instead of Sheets' default 26
 * columns: what a club at the ceiling must do to stay under the 10-million-cell limit, which counts
 * every cell of the grid.
 */
export function fillTabs(
  model: WorkbookModel,
  tabs: TabGrid[],
  options: { columns?: 'default' | 'data' } = {},
): void {
  for (const tab of tabs) {
    let sheet = model.sheets.find((s) => normalizeLabel(s.name) === normalizeLabel(tab.name));
    if (!sheet) {
      sheet = newSheetModel(model.meta.nextSheetId++, tab.name);
      if (options.columns === 'data') sheet.maxRows = 1;
      model.sheets.push(sheet);
    }
    sheet.values = tab.rows.map((r) => [...r]);
    sheet.maxRows = Math.max(sheet.maxRows, tab.rows.length);
    const width = tab.rows.reduce((w, r) => Math.max(w, r.length), 0);
    sheet.maxColumns =
      options.columns === 'data' ? Math.max(width, 1) : Math.max(sheet.maxColumns, width, DEFAULT_COLUMNS);
  }
}
