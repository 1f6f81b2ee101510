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

export function fillTabs(model: WorkbookModel, tabs: TabGrid[]): void {
  for (const tab of tabs) {
    let sheet = model.sheets.find((s) => normalizeLabel(s.name) === normalizeLabel(tab.name));
    if (!sheet) {
      sheet = newSheetModel(model.meta.nextSheetId++, tab.name);
      model.sheets.push(sheet);
    }
    sheet.values = tab.rows.map((r) => [...r]);
    sheet.maxRows = Math.max(sheet.maxRows, tab.rows.length);
    const width = Math.max(0, ...tab.rows.map((r) => r.length));
    sheet.maxColumns = Math.max(sheet.maxColumns, width, DEFAULT_COLUMNS);
  }
}
