/**
 * Writing the model as an xlsx package (xlsx.ts's saveWorkbook calls `writeXlsx` on a temporary
 * file): ExcelJS's streaming writer writes every sheet the save does not copy from the source file
 * (xlsx-copy.ts), row by row, then the hidden metadata tab.
 */
import type ExcelJS from 'exceljs';
import { WorkbookWriter } from './exceljs';
import {
  type CellValue,
  cellKey,
  isDateCell,
  META_SHEET_NAME,
  type SheetModel,
  type ValidationModel,
  type WorkbookModel,
} from './model';
import { type CopyPlan, planCopies, spliceCopies, withoutCopies } from './xlsx-copy';
import { encodeMetaJson, splitIntoChunks, WRITER_DEFAULT_FONT_SIZE } from './xlsx-meta';
import { encodeXstring } from './xlsx-text';
import {
  a1,
  hexToArgb,
  isDateFormat,
  NO_BOUND,
  pixelsToChars,
  toXlsxAlignment,
  UNIX_EPOCH_SERIAL,
} from './xlsx-units';

const ERROR_STRINGS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!']);
type ExcelCell = ExcelJS.Cell & { type: number };

/** Everything formatted in one cell, gathered from the sheet's sparse maps. */
interface CellFormat {
  numFmt?: string;
  bold?: boolean;
  color?: string;
  size?: number;
  background?: string;
  horizontal?: string;
  wrap?: boolean;
  note?: string;
}

/**
 * Writes the package: the sheets a plan copies from the source file are placeholders in ExcelJS's
 * output, then get their source parts back (xlsx-copy.ts); when that cannot be done, every sheet is
 * written again by ExcelJS.
 */
export async function writeXlsx(model: WorkbookModel, file: string): Promise<void> {
  let plan = await planCopies(model);
  await writeWithExcelJS(model, file, plan);
  // At most twice more: without the sheets that could not be copied, then without any copy.
  for (let attempt = 0; plan && attempt < 2; attempt++) {
    const done = await spliceCopies(file, plan);
    if (done === true) return;
    plan = done === false || attempt === 1 ? null : withoutCopies(plan, done);
    await writeWithExcelJS(model, file, plan);
  }
}

async function writeWithExcelJS(model: WorkbookModel, file: string, plan: CopyPlan | null): Promise<void> {
  const workbook = new WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: true,
  });
  for (const sheet of model.sheets) {
    if (plan?.copies.has(sheet.name))
      workbook.addWorksheet(sheet.name, { state: sheet.hidden ? 'hidden' : 'visible' }).commit();
    else await writeSheet(workbook, sheet);
  }

  const meta = workbook.addWorksheet(META_SHEET_NAME, { state: 'veryHidden' });
  const chunks = splitIntoChunks(encodeMetaJson(model, plan?.defaultFontSize ?? WRITER_DEFAULT_FONT_SIZE));
  for (let i = 0; i < chunks.length; i++) {
    const row = meta.getRow(i + 1);
    row.getCell(1).value = chunks[i];
    row.commit();
  }
  meta.commit();
  await workbook.commit();
}

/** A sheet's per-cell formats, by row then column. */
function gatherFormats(sheet: SheetModel): Map<number, Map<number, CellFormat>> {
  const formats = new Map<number, Map<number, CellFormat>>();
  const at = (key: string): CellFormat => {
    const comma = key.indexOf(',');
    const r = Number(key.slice(0, comma));
    const c = Number(key.slice(comma + 1));
    let row = formats.get(r);
    if (!row) {
      row = new Map();
      formats.set(r, row);
    }
    let f = row.get(c);
    if (!f) {
      f = {};
      row.set(c, f);
    }
    return f;
  };
  for (const [k, v] of sheet.numberFormats) at(k).numFmt = v;
  for (const [k, v] of sheet.fontWeights) if (v === 'bold') at(k).bold = true;
  for (const [k, v] of sheet.fontColors) {
    const argb = hexToArgb(v);
    if (argb) at(k).color = argb;
  }
  for (const [k, v] of sheet.fontSizes) at(k).size = v;
  for (const [k, v] of sheet.backgrounds) {
    const argb = hexToArgb(v);
    if (argb) at(k).background = argb;
  }
  for (const [k, v] of sheet.horizontalAlignments) {
    const h = toXlsxAlignment(v);
    if (h) at(k).horizontal = h;
  }
  for (const [k, v] of sheet.wraps) if (v) at(k).wrap = true;
  for (const [k, v] of sheet.notes) if (v) at(k).note = v;
  return formats;
}

/** The columns of formula cells, by row (formula cells not present in values still need writing). */
function formulaColumns(sheet: SheetModel): Map<number, number[]> {
  const formulaRows = new Map<number, number[]>();
  for (const k of sheet.formulas.keys()) {
    const comma = k.indexOf(',');
    const r = Number(k.slice(0, comma));
    const list = formulaRows.get(r);
    if (list) list.push(Number(k.slice(comma + 1)));
    else formulaRows.set(r, [Number(k.slice(comma + 1))]);
  }
  return formulaRows;
}

/** The sheet with its columns, merges and protection, before any row. */
function addSheet(workbook: WorkbookWriter, sheet: SheetModel): ExcelJS.Worksheet {
  const tabArgb = hexToArgb(sheet.tabColor);
  const frozen = sheet.frozenRows > 0 || sheet.frozenColumns > 0;
  const ws = workbook.addWorksheet(sheet.name, {
    state: sheet.hidden ? 'hidden' : 'visible',
    properties: tabArgb ? { tabColor: { argb: tabArgb } } : {},
    views: frozen ? [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }] : [{}],
  });
  for (const [col, px] of [...sheet.columnWidths.entries()].sort((x, y) => x[0] - y[0])) {
    if (col >= 1 && Number.isFinite(px)) ws.getColumn(col).width = Math.round(pixelsToChars(px) * 100) / 100;
  }
  for (const col of sheet.hiddenColumns) if (col >= 1) ws.getColumn(col).hidden = true;
  for (const [row, col, rows, cols] of sheet.merges) {
    if (rows > 1 || cols > 1) ws.mergeCells(row + 1, col + 1, row + rows, col + cols);
  }
  // The streaming writer writes `sheetProtection` as it is (password hash included) on commit.
  if (sheet.sheetProtection)
    (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection = {
      ...sheet.sheetProtection,
    };
  return ws;
}

/** Sets one cell's value (or formula and last value) and style; true when it has a format. */
function writeCell(
  cell: ExcelJS.Cell,
  value: CellValue,
  formula: string | undefined,
  format: CellFormat | undefined,
  styles: SharedStyles,
): boolean {
  let numFmt = format?.numFmt;
  if (isDateCell(value) && !isDateFormat(numFmt)) {
    numFmt = Number.isInteger(value.serial) ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss';
  }
  let plain: string | number | boolean = isDateCell(value) ? value.serial : value;
  // The file format has no NaN or infinity: Sheets shows #NUM! for them.
  if (typeof plain === 'number' && !Number.isFinite(plain)) plain = '#NUM!';
  if (formula) {
    const text = formula.startsWith('=') ? formula.slice(1) : formula;
    let result: ExcelJS.CellFormulaValue['result'];
    if (typeof plain === 'string' && ERROR_STRINGS.has(plain)) {
      result = { error: plain as ExcelJS.CellErrorValue['error'] };
    } else if (plain !== '') {
      result = plain;
    }
    cell.value =
      result === undefined ? ({ formula: text } as ExcelJS.CellFormulaValue) : { formula: text, result };
  } else if (typeof value === 'number' && plain === '#NUM!') {
    cell.value = { error: '#NUM!' };
  } else if (plain !== '') {
    cell.value = typeof plain === 'string' ? encodeXstring(plain) : plain;
  }
  // One style object per distinct format and value kind: ExcelJS's writer then finds the style
  // id by the object (its WeakMap) instead of rendering the style's XML for every cell.
  cell.style = styles.get(numFmt, format, (cell as ExcelCell).type);
  if (format?.note) cell.note = encodeXstring(format.note);
  return Boolean(format || numFmt);
}

async function writeSheet(workbook: WorkbookWriter, sheet: SheetModel): Promise<void> {
  const ws = addSheet(workbook, sheet);
  const formats = gatherFormats(sheet);
  const formulaRows = formulaColumns(sheet);
  const styles = new SharedStyles();
  let lastRow = sheet.values.length - 1;
  for (const r of formats.keys()) if (r > lastRow) lastRow = r;
  for (const r of formulaRows.keys()) if (r > lastRow) lastRow = r;
  for (const r of sheet.hiddenRows) if (r - 1 > lastRow) lastRow = r - 1;

  for (let r = 0; r <= lastRow; r++) {
    const values = sheet.values[r];
    const rowFormats = formats.get(r);
    const rowFormulas = formulaRows.get(r);
    const hidden = sheet.hiddenRows.has(r + 1);
    if (!values?.length && !rowFormats && !rowFormulas && !hidden) continue;
    const row = ws.getRow(r + 1);
    // One empty style object for every row, for the same reason as SharedStyles.
    (row as unknown as { style: object }).style = ROW_STYLE;
    let styled = hidden;
    if (hidden) row.hidden = true;
    const cols = new Set<number>();
    if (values)
      for (let c = 0; c < values.length; c++) if (values[c] !== '' && values[c] !== undefined) cols.add(c);
    if (rowFormats) for (const c of rowFormats.keys()) cols.add(c);
    if (rowFormulas) for (const c of rowFormulas) cols.add(c);
    for (const c of [...cols].sort((x, y) => x - y)) {
      const formula = sheet.formulas.get(cellKey(r, c));
      if (writeCell(row.getCell(c + 1), values?.[c] ?? '', formula, rowFormats?.get(c), styles))
        styled = true;
    }
    // The streaming writer drops rows without values; a row of formatted empty cells, or a hidden
    // row, must stay.
    if (styled) Object.defineProperty(row, 'hasValues', { value: true });
    // A hidden row without cells has no model in ExcelJS (Row.model is null without cells or a
    // height): give it one with no cells, so that `<row r=".." hidden="1"/>` is written.
    if (hidden && cols.size === 0) {
      Object.defineProperty(row, 'model', {
        value: { cells: [], number: r + 1, min: 0, max: 0, hidden: true, style: {} },
      });
    }
    row.commit();
    // Let the zip stream take the rows written so far: the sheet's XML is never held whole.
    if (r % YIELD_ROWS === YIELD_ROWS - 1) await new Promise((resolve) => setImmediate(resolve));
  }

  writeValidations(ws, sheet);
  ws.commit();
}

const ROW_STYLE = Object.freeze({});
/** Rows written between two turns of the event loop, in which the zip stream compresses them. */
const YIELD_ROWS = 2000;

/** The style objects of one sheet's cells, one per distinct format and ExcelJS value type. */
class SharedStyles {
  private readonly byKey = new Map<string, Partial<ExcelJS.Style>>();

  get(numFmt: string | undefined, format: CellFormat | undefined, type: number): Partial<ExcelJS.Style> {
    const f = format ?? {};
    const key = `${type}|${numFmt ?? ''}|${f.bold ? 1 : 0}|${f.color ?? ''}|${f.size ?? ''}|${f.background ?? ''}|${f.horizontal ?? ''}|${f.wrap ? 1 : 0}`;
    let style = this.byKey.get(key);
    if (style) return style;
    style = {};
    if (numFmt) style.numFmt = numFmt;
    if (f.bold || f.color || f.size) {
      const font: Partial<ExcelJS.Font> = {};
      if (f.bold) font.bold = true;
      if (f.size) font.size = f.size;
      if (f.color) font.color = { argb: f.color };
      style.font = font;
    }
    if (f.background) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: f.background } };
    if (f.horizontal || f.wrap) {
      const alignment: Partial<ExcelJS.Alignment> = {};
      if (f.horizontal) alignment.horizontal = f.horizontal as ExcelJS.Alignment['horizontal'];
      if (f.wrap) alignment.wrapText = true;
      style.alignment = alignment;
    }
    this.byKey.set(key, style);
    return style;
  }
}

function writeValidations(ws: ExcelJS.Worksheet, sheet: SheetModel): void {
  if (sheet.validations.size === 0) return;
  // Group vertical runs of equal validations per column, so one file entry covers a whole run.
  const byColumn = new Map<number, Array<{ row: number; id: string; v: ValidationModel }>>();
  const ids = new Map<ValidationModel, string>();
  for (const [key, v] of sheet.validations) {
    const comma = key.indexOf(',');
    const r = Number(key.slice(0, comma));
    const c = Number(key.slice(comma + 1));
    let id = ids.get(v);
    if (id === undefined) {
      id = JSON.stringify(v);
      ids.set(v, id);
    }
    let list = byColumn.get(c);
    if (!list) {
      list = [];
      byColumn.set(c, list);
    }
    list.push({ row: r, id, v });
  }
  const dvs = (
    ws as unknown as { dataValidations: { add(address: string, dv: ExcelJS.DataValidation): void } }
  ).dataValidations;
  for (const [c, list] of byColumn) {
    list.sort((x, y) => x.row - y.row);
    let i = 0;
    while (i < list.length) {
      let j = i;
      while (j + 1 < list.length && list[j + 1].row === list[j].row + 1 && list[j + 1].id === list[i].id) j++;
      const from = a1(list[i].row, c);
      const address = j > i ? `${from}:${a1(list[j].row, c)}` : from;
      const dv = toExcelValidation(list[i].v);
      if (dv) dvs.add(address, dv);
      i = j + 1;
    }
  }
}

function toExcelValidation(v: ValidationModel): ExcelJS.DataValidation | null {
  const common = {
    allowBlank: true,
    showErrorMessage: !v.allowInvalid,
    errorStyle: v.allowInvalid ? 'warning' : 'stop',
    ...(v.helpText ? { showInputMessage: true, prompt: v.helpText } : {}),
  };
  const quoteList = (values: string[]): string => `"${values.map((s) => s.replace(/"/g, '""')).join(',')}"`;
  switch (v.kind) {
    case 'checkbox':
      return { type: 'list', formulae: ['"TRUE,FALSE"'], ...common } as ExcelJS.DataValidation;
    case 'list':
      return { type: 'list', formulae: [quoteList(v.values ?? [])], ...common } as ExcelJS.DataValidation;
    case 'date':
    case 'number': {
      const type = v.kind === 'date' ? 'date' : 'decimal';
      // ExcelJS writes a date bound through `new Date(bound)`: give it the Date of the serial.
      const out = (n: number): unknown =>
        v.kind === 'date' ? new Date(Math.round((n - UNIX_EPOCH_SERIAL) * 86_400_000)) : n;
      let operator: ExcelJS.DataValidationOperator;
      let formulae: unknown[];
      if (v.min !== undefined && v.max !== undefined) {
        operator = 'between';
        formulae = [out(v.min), out(v.max)];
      } else if (v.min !== undefined) {
        operator = 'greaterThanOrEqual';
        formulae = [out(v.min)];
      } else if (v.max !== undefined) {
        operator = 'lessThanOrEqual';
        formulae = [out(v.max)];
      } else if (v.kind === 'date') {
        operator = 'greaterThan';
        formulae = [out(0)];
      } else {
        operator = 'between';
        formulae = [-NO_BOUND, NO_BOUND];
      }
      return { type, operator, formulae, ...common } as ExcelJS.DataValidation;
    }
    default:
      return null;
  }
}
