/**
 * One sheet of the model as a SpreadsheetML worksheet part (ECMA-376 Part 1, §18.3.1.99), written
 * as text row by row, with its notes as a comments part (§18.7) and the VML drawing Excel shows
 * them with (Part 4, §19.4, legacy drawing). Elements follow the order of CT_Worksheet's sequence:
 * sheetPr, sheetViews, sheetFormatPr, cols, sheetData, sheetProtection, mergeCells,
 * dataValidations, pageMargins, legacyDrawing.
 */
import { type CellValue, cellKey, isDateCell, type SheetModel, type ValidationModel } from './model';
import { protectionXml } from './xlsx-protection';
import {
  type CellLook,
  MAIN_NS,
  type SharedStrings,
  type StyleSheet,
  textElement,
  XML_HEAD,
  xmlEscape,
} from './xlsx-tables';
import { encodeXstring } from './xlsx-text';
import {
  a1,
  columnLetters,
  hexToArgb,
  isDateFormat,
  NO_BOUND,
  pixelsToChars,
  toXlsxAlignment,
} from './xlsx-units';

/** The error values of the file format (§18.18.21 ST_CellErrorType, less #GETTING_DATA). */
const ERROR_STRINGS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!']);

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface WrittenSheet {
  xml: string;
  /** The notes, by A1 address, in row then column order (empty when none). */
  notes: Array<[string, string]>;
}

/** Everything formatted in one cell, gathered from the sheet's sparse maps. */
interface CellFormat extends CellLook {
  note?: string;
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

/** A number as xsd:double text; the format has no NaN or infinity (callers write #NUM! instead). */
function numberText(n: number): string {
  return String(n);
}

/**
 * One cell's XML, or '' when it has nothing to write. A date is its serial with a date format (one
 * is given when its own format is not a date one); a number the format cannot hold is #NUM!, as
 * Sheets shows it.
 */
function cellXml(
  ref: string,
  value: CellValue,
  formula: string | undefined,
  format: CellFormat | undefined,
  strings: SharedStrings,
  styles: StyleSheet,
): string {
  let look: CellLook | undefined = format;
  if (isDateCell(value) && !isDateFormat(format?.numFmt)) {
    look = { ...format, numFmt: Number.isInteger(value.serial) ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss' };
  }
  let plain: string | number | boolean = isDateCell(value) ? value.serial : value;
  if (typeof plain === 'number' && !Number.isFinite(plain)) plain = '#NUM!';
  const s = look ? styles.indexOf(look) : 0;
  const open = s ? `<c r="${ref}" s="${s}"` : `<c r="${ref}"`;
  if (formula) {
    const f = `<f>${xmlEscape(formula.startsWith('=') ? formula.slice(1) : formula)}</f>`;
    if (plain === '') return `${open}>${f}</c>`;
    if (typeof plain === 'number') return `${open}>${f}<v>${numberText(plain)}</v></c>`;
    if (typeof plain === 'boolean') return `${open} t="b">${f}<v>${plain ? 1 : 0}</v></c>`;
    if (ERROR_STRINGS.has(plain)) return `${open} t="e">${f}<v>${xmlEscape(plain)}</v></c>`;
    return `${open} t="str">${f}<v>${xmlEscape(encodeXstring(plain))}</v></c>`;
  }
  if (typeof value === 'number' && plain === '#NUM!') return `${open} t="e"><v>#NUM!</v></c>`;
  if (plain === '') return s ? `${open}/>` : '';
  if (typeof plain === 'number') return `${open}><v>${numberText(plain)}</v></c>`;
  if (typeof plain === 'boolean') return `${open} t="b"><v>${plain ? 1 : 0}</v></c>`;
  return `${open} t="s"><v>${strings.indexOf(plain)}</v></c>`;
}

function sheetViewXml(sheet: SheetModel): string {
  const rows = sheet.frozenRows;
  const cols = sheet.frozenColumns;
  if (rows <= 0 && cols <= 0) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const pane = rows > 0 && cols > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  return (
    '<sheetViews><sheetView workbookViewId="0"><pane' +
    (cols > 0 ? ` xSplit="${cols}"` : '') +
    (rows > 0 ? ` ySplit="${rows}"` : '') +
    ` topLeftCell="${a1(rows, cols)}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}"/></sheetView></sheetViews>`
  );
}

/** Columns with a width or hidden, runs of equal ones as one `<col>` (§18.3.1.13). */
function colsXml(sheet: SheetModel): string {
  const columns = new Set<number>();
  for (const [col, px] of sheet.columnWidths) if (col >= 1 && Number.isFinite(px)) columns.add(col);
  for (const col of sheet.hiddenColumns) if (col >= 1) columns.add(col);
  if (columns.size === 0) return '';
  const attrsOf = (col: number): string => {
    const px = sheet.columnWidths.get(col);
    let attrs = '';
    if (px !== undefined && Number.isFinite(px))
      attrs += ` width="${Math.round(pixelsToChars(px) * 100) / 100}" customWidth="1"`;
    if (sheet.hiddenColumns.has(col)) attrs += ' hidden="1"';
    return attrs;
  };
  const sorted = [...columns].sort((x, y) => x - y);
  let out = '<cols>';
  for (let i = 0; i < sorted.length; ) {
    const attrs = attrsOf(sorted[i]);
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1 && attrsOf(sorted[j + 1]) === attrs) j++;
    out += `<col min="${sorted[i]}" max="${sorted[j]}"${attrs}/>`;
    i = j + 1;
  }
  return `${out}</cols>`;
}

function mergesXml(sheet: SheetModel): string {
  const refs = sheet.merges
    .filter(([, , rows, cols]) => rows > 1 || cols > 1)
    .map(
      ([row, col, rows, cols]) => `<mergeCell ref="${a1(row, col)}:${a1(row + rows - 1, col + cols - 1)}"/>`,
    );
  return refs.length > 0 ? `<mergeCells count="${refs.length}">${refs.join('')}</mergeCells>` : '';
}

/** One `<dataValidation>` without its `sqref` (§18.3.1.32); null for a kind the file cannot hold. */
function validationXml(v: ValidationModel): { attrs: string; formulas: string } | null {
  let attrs = ' allowBlank="1"';
  if (v.allowInvalid) attrs += ' errorStyle="warning"';
  else attrs += ' showErrorMessage="1"';
  if (v.helpText) attrs += ` showInputMessage="1" prompt="${xmlEscape(encodeXstring(v.helpText))}"`;
  const formula = (n: number, text: string | number): string =>
    `<formula${n}>${xmlEscape(String(text))}</formula${n}>`;
  const quoteList = (values: string[]): string => `"${values.map((s) => s.replace(/"/g, '""')).join(',')}"`;
  switch (v.kind) {
    case 'checkbox':
      return { attrs: ` type="list"${attrs}`, formulas: formula(1, '"TRUE,FALSE"') };
    case 'list':
      return { attrs: ` type="list"${attrs}`, formulas: formula(1, quoteList(v.values ?? [])) };
    case 'date':
    case 'number': {
      // A date bound is its serial (§18.3.1.32: formulas of a date validation are serial numbers).
      const type = v.kind === 'date' ? 'date' : 'decimal';
      let operator: string;
      let formulas: string;
      if (v.min !== undefined && v.max !== undefined) {
        operator = 'between';
        formulas = formula(1, v.min) + formula(2, v.max);
      } else if (v.min !== undefined) {
        operator = 'greaterThanOrEqual';
        formulas = formula(1, v.min);
      } else if (v.max !== undefined) {
        operator = 'lessThanOrEqual';
        formulas = formula(1, v.max);
      } else if (v.kind === 'date') {
        // Sheets' "is a valid date": after serial 0.
        operator = 'greaterThan';
        formulas = formula(1, 0);
      } else {
        operator = 'between';
        formulas = formula(1, -NO_BOUND) + formula(2, NO_BOUND);
      }
      return { attrs: ` type="${type}" operator="${operator}"${attrs}`, formulas };
    }
    default:
      return null;
  }
}

/** Validations, vertical runs of equal ones in a column as one entry. */
function validationsXml(sheet: SheetModel): string {
  if (sheet.validations.size === 0) return '';
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
  const items: string[] = [];
  for (const [c, list] of [...byColumn].sort((x, y) => x[0] - y[0])) {
    list.sort((x, y) => x.row - y.row);
    let i = 0;
    while (i < list.length) {
      let j = i;
      while (j + 1 < list.length && list[j + 1].row === list[j].row + 1 && list[j + 1].id === list[i].id) j++;
      const from = a1(list[i].row, c);
      const sqref = j > i ? `${from}:${a1(list[j].row, c)}` : from;
      const dv = validationXml(list[i].v);
      if (dv) items.push(`<dataValidation${dv.attrs} sqref="${sqref}">${dv.formulas}</dataValidation>`);
      i = j + 1;
    }
  }
  return items.length > 0
    ? `<dataValidations count="${items.length}">${items.join('')}</dataValidations>`
    : '';
}

/**
 * The worksheet part of `sheet`; `notesRelId` is the relationship id of its VML drawing, given
 * when the sheet has notes (the caller writes the comments and drawing parts from `notes`).
 */
export function writeSheetXml(
  sheet: SheetModel,
  strings: SharedStrings,
  styles: StyleSheet,
  notesRelId = 'rId1',
): WrittenSheet {
  const formats = gatherFormats(sheet);
  const formulaRows = formulaColumns(sheet);
  let lastRow = sheet.values.length - 1;
  for (const r of formats.keys()) if (r > lastRow) lastRow = r;
  for (const r of formulaRows.keys()) if (r > lastRow) lastRow = r;
  for (const r of sheet.hiddenRows) if (r - 1 > lastRow) lastRow = r - 1;

  const tabArgb = hexToArgb(sheet.tabColor);
  const parts: string[] = [
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    tabArgb ? `<sheetPr><tabColor rgb="${tabArgb}"/></sheetPr>` : '',
    sheetViewXml(sheet),
    '<sheetFormatPr defaultRowHeight="15"/>',
    colsXml(sheet),
    '<sheetData>',
  ];
  const notes: Array<[string, string]> = [];
  for (let r = 0; r <= lastRow; r++) {
    const values = sheet.values[r];
    const rowFormats = formats.get(r);
    const rowFormulas = formulaRows.get(r);
    const hidden = sheet.hiddenRows.has(r + 1);
    if (!values?.length && !rowFormats && !rowFormulas && !hidden) continue;
    const cols = new Set<number>();
    if (values)
      for (let c = 0; c < values.length; c++) if (values[c] !== '' && values[c] !== undefined) cols.add(c);
    if (rowFormats) for (const c of rowFormats.keys()) cols.add(c);
    if (rowFormulas) for (const c of rowFormulas) cols.add(c);
    let cells = '';
    const row = String(r + 1);
    for (const c of [...cols].sort((x, y) => x - y)) {
      const ref = columnLetters(c + 1) + row;
      const format = rowFormats?.get(c);
      cells += cellXml(ref, values?.[c] ?? '', sheet.formulas.get(cellKey(r, c)), format, strings, styles);
      if (format?.note) notes.push([ref, format.note]);
    }
    if (cells) parts.push(`<row r="${row}"${hidden ? ' hidden="1"' : ''}>${cells}</row>`);
    else if (hidden) parts.push(`<row r="${row}" hidden="1"/>`);
  }
  parts.push(
    '</sheetData>',
    protectionXml(sheet.sheetProtection),
    mergesXml(sheet),
    validationsXml(sheet),
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    notes.length > 0 ? `<legacyDrawing r:id="${notesRelId}"/>` : '',
    '</worksheet>',
  );
  return { xml: parts.join(''), notes };
}

/**
 * The comments part of a sheet's notes (§18.7.3), one author with no name; each text is one run
 * (`<r>`), as Excel writes it: ExcelJS 4.4 reads a note's text only from runs.
 */
export function commentsXml(notes: Array<[string, string]>): string {
  const list = notes.map(
    ([ref, text]) => `<comment ref="${ref}" authorId="0"><text><r>${textElement(text)}</r></text></comment>`,
  );
  return `${XML_HEAD}<comments xmlns="${MAIN_NS}"><authors><author></author></authors><commentList>${list.join('')}</commentList></comments>`;
}

/** Shape ids per block of a VML drawing's id map (o:idmap). */
const SHAPES_PER_BLOCK = 1024;

/** How many id blocks the drawing of `count` notes takes (ids start at 1 in the first block). */
export function vmlBlocks(count: number): number {
  return Math.floor(count / SHAPES_PER_BLOCK) + 1;
}

/**
 * The VML drawing Excel draws notes from (hidden boxes anchored by the cell's row and column); its
 * shapes take ids in the blocks from `firstBlock` on, so that no two sheets' shapes share an id.
 */
export function notesVml(notes: Array<[string, string]>, firstBlock: number): string {
  const shapes = notes.map(([ref], i) => {
    const at = /^([A-Z]+)(\d+)$/.exec(ref) as RegExpExecArray;
    let col = 0;
    for (const ch of at[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    const row = Number(at[2]) - 1;
    col -= 1;
    return (
      `<v:shape id="_x0000_s${firstBlock * SHAPES_PER_BLOCK + 1 + i}" type="#_x0000_t202" ` +
      'style="position:absolute;margin-left:60pt;margin-top:2pt;width:108pt;height:60pt;z-index:1;visibility:hidden" ' +
      'fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/>' +
      '<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"/></v:textbox>' +
      '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>' +
      `<x:Anchor>${col + 1}, 15, ${row}, 10, ${col + 3}, 15, ${row + 4}, 4</x:Anchor>` +
      `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
    );
  });
  const blocks = Array.from({ length: vmlBlocks(notes.length) }, (_, i) => firstBlock + i).join(',');
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    `${shapes.join('')}</xml>`
  );
}
