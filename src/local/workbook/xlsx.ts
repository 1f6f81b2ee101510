/**
 * Loading and saving `.xlsx` workbooks to and from the in-memory `WorkbookModel`.
 *
 * Loading reads the whole file into memory, lists the package parts a save would drop
 * (`unkeptParts`), scans every sheet's cells (xlsx-stream.ts; ExcelJS's in-memory reader when the
 * scanner cannot) and converts them; the hidden metadata tab (META_SHEET_NAME) gives back
 * `model.meta` and what the file format cannot keep per sheet, and is not part of `model.sheets`.
 * Saving writes the package (xlsx-write.ts) into a temporary file beside the target, then renames
 * it over the target (atomic on one file system). Dates are wall-clock serials both in the model
 * and in the file, so no time zone is involved anywhere.
 *
 * What a save keeps of a club's tab (issue 14, item 9): the part of a sheet the session left
 * untouched is copied byte for byte from the loaded file, with its notes (xlsx-copy.ts; the shared
 * strings and styles keep the source's as a prefix, xlsx-merge.ts), so everything its file said
 * stays, the model's or not. A sheet that changed is written again, which still keeps hidden
 * rows and columns, the file's own sheet protection (password hash included) and text exactly as
 * typed (carriage returns and other control characters, see xlsx-text.ts).
 */

import { readFile, realpath, rename, unlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describeReadError, notXlsxMessage, startsAsZip, WorkbookFileError } from '../errors';
import { createPrivate, keepModeAndOwner, realTarget, removeStaleTemps, tempPathFor } from './file-replace';
import { deferStyles, type Look, PendingStyles } from './lazy-styles';
import {
  type CellValue,
  cellKey,
  DEFAULT_COLUMNS,
  DEFAULT_ROWS,
  isDateCell,
  META_SHEET_NAME,
  newSheetModel,
  newWorkbookModel,
  type PartRefs,
  type SheetModel,
  STYLE_MAPS,
  type ValidationModel,
  type WorkbookModel,
} from './model';
import { recordSource } from './xlsx-copy';
import { decodeMetaJson, type MetaPayload, type SheetMetaEntry } from './xlsx-meta';
import { withoutNoteParts } from './xlsx-notes';
import { inspectPackage, looksLikeXlsx, readNotes, sheetList } from './xlsx-parts';
import { readSkeleton, type SheetSkeleton, skeletonOfWorksheet } from './xlsx-skeleton';
import { type CellView, readSharedParts, streamSheet } from './xlsx-stream';
import { argbToHex, charsToPixels, dateToSerial, decodeA1, isDateFormat, NO_BOUND } from './xlsx-units';
import { writeXlsx } from './xlsx-write';

export { WorkbookFileError };

// ExcelJS's cell value types (lib/doc/enums.js); the typings declare them as an ambient enum.
const VT_NULL = 0;
const VT_MERGE = 1;
const VT_FORMULA = 6;

/** ExcelJS's DEFAULT_COLUMN_WIDTH (lib/doc/column.js), written for a column without a width. */
const EXCELJS_DEFAULT_COLUMN_WIDTH = 9;
/** The 1904 date system starts 1,462 days later. */
const DATE1904_OFFSET = 1462;

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

/**
 * Which reader loads the cells. By default the streaming one, and ExcelJS's in-memory reader when
 * the streaming one cannot (a sheet with hyperlinks, a part it fails on). `streaming` and `memory`
 * use only that one (the tests compare both); `streaming` fails where the default falls back.
 */
export interface LoadOptions {
  reader?: 'auto' | 'streaming' | 'memory';
}

export async function loadWorkbook(path: string, options: LoadOptions = {}): Promise<WorkbookModel> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    throw new WorkbookFileError(describeReadError(path, error), { cause: error });
  }
  return loadFromBytes(data, `The file ${path}`, options);
}

export async function loadWorkbookFromBuffer(
  data: Uint8Array,
  options: LoadOptions = {},
): Promise<WorkbookModel> {
  return loadFromBytes(data, 'The data', options);
}

async function loadFromBytes(bytes: Uint8Array, label: string, options: LoadOptions): Promise<WorkbookModel> {
  const notXlsx = notXlsxMessage(label);
  if (!startsAsZip(bytes)) throw new WorkbookFileError(notXlsx);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new WorkbookFileError(notXlsx, { cause: error });
  }
  if (!looksLikeXlsx(zip)) throw new WorkbookFileError(notXlsx);
  const info = await inspectPackage(zip);
  const notesBySheet = await readNotes(zip);

  const defaultFontSize = info.defaultFontSize ?? 11;
  const reader = options.reader ?? 'auto';
  let read: ReadSheets | null = null;
  if (reader === 'streaming') {
    read = await loadStreaming(zip, defaultFontSize);
    if (!read) throw new WorkbookFileError(`${label} has hyperlinks: the streaming reader leaves them.`);
  } else if (reader === 'auto') {
    read = await loadStreaming(zip, defaultFontSize).catch(() => null);
  }
  read ??= await loadInMemory(bytes, label);
  const ctx: LoadContext = { date1904: read.date1904, defaultFontSize, lookByStyle: new Map() };

  let payload: MetaPayload | null = null;
  const sheets: LoadedSheet[] = [];
  for (const input of read.sheets) {
    if (input.name === META_SHEET_NAME) {
      payload = input.cells
        ? decodeMetaJson(metaText(input.cells.sheet))
        : input.ws
          ? readMetaSheet(input.ws)
          : null;
      if (!payload) throw new WorkbookFileError(`${label} has a damaged Club Pulse metadata tab.`);
      continue;
    }
    sheets.push(convertWorksheet(input, ctx, notesBySheet.get(input.name)));
  }

  const model = newWorkbookModel();
  if (payload) model.meta = { ...model.meta, ...payload.meta };
  const entries = new Map<string, SheetMetaEntry>();
  for (const e of payload?.sheets ?? []) entries.set(e.name, e);
  const usedIds = new Set<number>();
  let nextId = payload ? Math.max(1, model.meta.nextSheetId) : 1;
  for (const e of payload?.sheets ?? []) nextId = Math.max(nextId, e.sheetId + 1);

  for (const loaded of sheets) {
    const { sheet } = loaded;
    const entry = entries.get(sheet.name);
    if (entry && !usedIds.has(entry.sheetId)) {
      sheet.sheetId = entry.sheetId;
      sheet.charts = entry.charts ?? [];
      sheet.formUrl = entry.formUrl ?? null;
      sheet.maxRows = Math.max(entry.maxRows, loaded.usedRows, 1);
      sheet.maxColumns = Math.max(entry.maxColumns, loaded.usedColumns, 1);
      for (const key of entry.defaultFontSizeCells ?? []) sheet.fontSizes.set(key, defaultFontSize);
    } else {
      sheet.sheetId = nextId++;
    }
    usedIds.add(sheet.sheetId);
    for (const col of [...sheet.columnWidths.keys()])
      if (col > sheet.maxColumns) sheet.columnWidths.delete(col);
    model.sheets.push(sheet);
  }
  model.meta.nextSheetId = nextId;
  resolveListRanges(model, sheets);
  model.unkeptParts = info.unkeptParts;
  // A 1904-based file's serials are shifted on load and the writer writes 1900-based ones, so its
  // sheet parts could not be copied as they are.
  if (!ctx.date1904) model.source = await recordSource(bytes, zip, model, read.refs);
  return model;
}

interface LoadContext {
  date1904: boolean;
  defaultFontSize: number;
  /** Streamed: the current tab's formatted cells, noted for its maps to be made on first use. */
  pending?: PendingStyles;
  /** Streamed: each style's look, as an index into the looks of every tab's PendingStyles. */
  lookByStyle: Map<number, number>;
}

/** One sheet as a reader gives it, before it is converted to the model. */
interface SheetInput {
  name: string;
  state: string;
  skeleton: SheetSkeleton;
  /** Streamed: the cells already converted. */
  cells?: StreamedCells;
  /** In memory: ExcelJS's worksheet, whose cells are converted from it. */
  ws?: ExcelJS.Worksheet;
}

interface ReadSheets {
  sheets: SheetInput[];
  date1904: boolean;
  /** Streamed: what each sheet part refers to in the shared tables, by part path. */
  refs?: Map<string, PartRefs>;
}

/** ExcelJS's in-memory reader over the whole package (the fallback of the streaming one). */
async function loadInMemory(bytes: Uint8Array, label: string): Promise<ReadSheets> {
  // Loaded only for the workbooks the streaming reader leaves (about a tenth of a second).
  const { Workbook } = await import('./exceljs');
  let workbook = new Workbook();
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (error) {
    // ExcelJS reads notes only where it writes them (xl/commentsN.xml); other tools (openpyxl,
    // LibreOffice…) keep them elsewhere, e.g. xl/comments/comment1.xml, and ExcelJS then fails.
    // The notes were read above straight from the package: load the cells without them.
    const stripped = await withoutNoteParts(await JSZip.loadAsync(bytes));
    workbook = new Workbook();
    try {
      if (!stripped) throw error;
      await workbook.xlsx.load(stripped as unknown as ExcelJS.Buffer);
    } catch {
      throw new WorkbookFileError(`${label} is a damaged xlsx workbook that cannot be read.`, {
        cause: error,
      });
    }
  }
  return {
    sheets: workbook.worksheets.map((ws) => ({
      name: ws.name,
      state: ws.state,
      skeleton: skeletonOfWorksheet(ws),
      ws,
    })),
    date1904: Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904),
  };
}

/** A sheet's cells as the streaming reader gathered them, before the rest of the sheet is read. */
interface StreamedCells {
  sheet: SheetModel;
  usedRows: number;
  usedColumns: number;
  hiddenRows: number[];
}

/**
 * The streaming reader (issue 21): every worksheet's cells are read row by row (xlsx-stream.ts)
 * into the sheet models, and what lies around them, columns, views, merges, validations,
 * protection, from the part's skeleton (xlsx-skeleton.ts). Null, for ExcelJS's in-memory reader to
 * take over, when a sheet has hyperlinks (ExcelJS resolves them after the cells); throws where the
 * scanner refuses the XML (the default reader then falls back too).
 */
async function loadStreaming(zip: JSZip, defaultFontSize: number): Promise<ReadSheets | null> {
  const shared = await readSharedParts(zip);
  const ctx: LoadContext = { date1904: shared.date1904, defaultFontSize, lookByStyle: new Map() };
  const looks: Look[] = [];
  const sheets: SheetInput[] = [];
  const refs = new Map<string, PartRefs>();
  for (const listed of await sheetList(zip)) {
    if (!listed.worksheet) continue;
    const file = zip.file(listed.path);
    if (!file) throw new Error(`The part of sheet ${listed.name} is missing.`);
    const got: StreamedCells = { sheet: newSheetModel(0, ''), usedRows: 0, usedColumns: 0, hiddenRows: [] };
    const pending = new PendingStyles(looks);
    ctx.pending = pending;
    const {
      skeleton,
      hiddenRows,
      refs: partRefs,
    } = await streamSheet(
      file,
      shared,
      (row0, col0, cell) => {
        if (!convertCell(got.sheet, row0, col0, cell, ctx)) return;
        if (row0 + 1 > got.usedRows) got.usedRows = row0 + 1;
        if (col0 + 1 > got.usedColumns) got.usedColumns = col0 + 1;
      },
      // An empty cell whose format's look is known already: what convertCell would do with it
      // (readStyle's noting, the used range), without making its view (issue 21).
      (row0, col0, styleId) => {
        const look = ctx.lookByStyle.get(styleId);
        if (look === undefined) return false;
        if (look < 0) return true;
        pending.add(row0, col0, look);
        if (row0 + 1 > got.usedRows) got.usedRows = row0 + 1;
        if (col0 + 1 > got.usedColumns) got.usedColumns = col0 + 1;
        return true;
      },
    );
    if (/<(?:\w+:)?hyperlinks?\b/.test(skeleton)) return null;
    if (pending.rows.length > 0) deferStyles(got.sheet, pending);
    got.hiddenRows = hiddenRows;
    sheets.push({ name: listed.name, state: listed.state, skeleton: readSkeleton(skeleton), cells: got });
    refs.set(listed.path, partRefs);
  }
  return { sheets, date1904: shared.date1904, refs };
}

/** The metadata tab's text: its first column, top to bottom. */
function metaText(sheet: SheetModel): string {
  const parts: string[] = [];
  for (const row of sheet.values) if (typeof row?.[0] === 'string') parts.push(row[0]);
  return parts.join('');
}

interface LoadedSheet {
  sheet: SheetModel;
  usedRows: number;
  usedColumns: number;
  /** List validations whose values come from a range, resolved once every sheet is loaded. */
  pendingLists: Array<{ validation: ValidationModel; sheetName: string | null; range: string }>;
}

function readMetaSheet(ws: ExcelJS.Worksheet): MetaPayload | null {
  const parts: string[] = [];
  ws.getColumn(1).eachCell({ includeEmpty: false }, (cell) => {
    const v = cell.value;
    if (typeof v === 'string') parts.push(v);
    else if (v && typeof v === 'object' && 'richText' in v)
      parts.push(v.richText.map((r) => r.text).join(''));
  });
  return decodeMetaJson(parts.join(''));
}

type ExcelCell = ExcelJS.Cell & { type: number };

/** Reads one cell's value, formula, formats and note into the sheet; true when anything was kept. */
function convertCell(sheet: SheetModel, row0: number, c: number, cell: CellView, ctx: LoadContext): boolean {
  let value: CellValue = '';
  const type = cell.type;
  if (type === VT_FORMULA) {
    const formula = cell.formula;
    if (formula) sheet.formulas.set(cellKey(row0, c), `=${formula}`);
    value = convertValue(cell.result, ctx);
  } else if (type !== VT_NULL && type !== VT_MERGE) {
    value = convertValue(cell.value, ctx);
  }
  const numFmt = cell.numFmt;
  if (typeof value === 'number' && isDateFormat(numFmt)) {
    value = { serial: ctx.date1904 ? value + DATE1904_OFFSET : value };
  }
  let any = false;
  if (value !== '') {
    const values = sheet.values;
    let r = values[row0];
    if (!r) {
      for (let i = values.length; i <= row0; i++) values.push([]);
      r = values[row0];
    }
    for (let i = r.length; i < c; i++) r.push('');
    r[c] = value;
    any = true;
  }
  // Most cells have no format: their key is not even made.
  if ((cell.numFmt || cell.font || cell.fill || cell.alignment) && readStyle(sheet, row0, c, cell, ctx))
    any = true;
  const note = cell.note === undefined ? '' : noteText(cell.note);
  if (note) {
    sheet.notes.set(cellKey(row0, c), note);
    any = true;
  }
  return any;
}

function convertWorksheet(input: SheetInput, ctx: LoadContext, fileNotes?: Map<string, string>): LoadedSheet {
  const { ws, skeleton: sk, cells: streamed } = input;
  const sheet = streamed?.sheet ?? newSheetModel(0, input.name);
  sheet.name = input.name;
  sheet.hidden = input.state === 'hidden' || input.state === 'veryHidden';
  sheet.tabColor = argbToHex(sk.tabColor);
  if (sk.frozen) {
    sheet.frozenRows = Math.max(0, Math.round(sk.frozen.ySplit));
    sheet.frozenColumns = Math.max(0, Math.round(sk.frozen.xSplit));
  }

  let usedRows = streamed?.usedRows ?? 0;
  let usedColumns = streamed?.usedColumns ?? 0;
  const touch = (row0: number, col0: number): void => {
    if (row0 + 1 > usedRows) usedRows = row0 + 1;
    if (col0 + 1 > usedColumns) usedColumns = col0 + 1;
  };
  for (const row of streamed?.hiddenRows ?? []) {
    sheet.hiddenRows.add(row);
    touch(row - 1, 0);
  }

  // Worksheet.eachRow and Row.eachCell skip cells that are empty but formatted or noted, so read
  // ExcelJS's row and cell arrays directly (ExcelJS is pinned to 4.4.0).
  const rows = (
    ws as unknown as
      | { _rows: Array<{ hidden: boolean; _cells: Array<ExcelCell | undefined> } | undefined> }
      | undefined
  )?._rows;
  for (let row0 = 0; row0 < (rows?.length ?? 0); row0++) {
    const row = rows?.[row0];
    if (row?.hidden) {
      sheet.hiddenRows.add(row0 + 1);
      touch(row0, 0);
    }
    const cells = row?._cells;
    if (!cells) continue;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (cell && convertCell(sheet, row0, c, cell as unknown as CellView, ctx)) touch(row0, c);
    }
  }

  // Notes on cells the sheet data does not list.
  for (const [address, text] of fileNotes ?? []) {
    const at = decodeA1(address);
    if (!at || !text) continue;
    const key = cellKey(at[0], at[1]);
    if (!sheet.notes.has(key)) {
      sheet.notes.set(key, text);
      touch(at[0], at[1]);
    }
  }

  for (const range of sk.merges) {
    // Only the master keeps its value and formula (as ExcelJS's mergeCellsWithoutStyle does).
    if (streamed) dropMergedValues(sheet, range.top - 1, range.left - 1, range.bottom - 1, range.right - 1);
    sheet.merges.push([
      range.top - 1,
      range.left - 1,
      range.bottom - range.top + 1,
      range.right - range.left + 1,
    ]);
    touch(range.bottom - 1, range.right - 1);
  }

  // Validations: one entry per address, the cells of one file entry sharing one object.
  const pendingLists: LoadedSheet['pendingLists'] = [];
  const converted = new Map<ExcelJS.DataValidation, ValidationModel | null>();
  for (const [row0, col0, dv] of sk.validations) {
    let validation = converted.get(dv);
    if (validation === undefined) {
      validation = convertValidation(dv, pendingLists);
      converted.set(dv, validation);
    }
    if (validation) {
      sheet.validations.set(cellKey(row0, col0), validation);
      touch(row0, col0);
    }
  }

  for (let i = 0; i < sk.columns.length; i++) {
    const column = sk.columns[i];
    const width = column?.width;
    // ExcelJS wrote a hidden column without a width at its default width (9 characters): a hidden
    // column of exactly that width is read as having no width of its own.
    const ownWidth = !(column?.hidden && width === EXCELJS_DEFAULT_COLUMN_WIDTH);
    if (typeof width === 'number' && width > 0 && ownWidth)
      sheet.columnWidths.set(i + 1, charsToPixels(width));
    if (column?.hidden) {
      sheet.hiddenColumns.add(i + 1);
      touch(0, i);
    }
  }
  sheet.sheetProtection = sk.protection;

  sheet.maxRows = Math.max(DEFAULT_ROWS, usedRows);
  sheet.maxColumns = Math.max(DEFAULT_COLUMNS, usedColumns);
  return { sheet, usedRows, usedColumns, pendingLists };
}

function dropMergedValues(sheet: SheetModel, top: number, left: number, bottom: number, right: number): void {
  for (let r = top; r <= bottom; r++) {
    const row = sheet.values[r];
    for (let c = left; c <= right; c++) {
      if (r === top && c === left) continue;
      if (row && c < row.length) row[c] = '';
      sheet.formulas.delete(cellKey(r, c));
    }
    while (row && row.length > 0 && row[row.length - 1] === '') row.pop();
  }
}

function convertValue(v: unknown, ctx: LoadContext): CellValue {
  if (v === null || v === undefined) return '';
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return Number.isFinite(v) ? v : '#NUM!';
    case 'boolean':
      return v;
    case 'object':
      break;
    default:
      return String(v);
  }
  // The streaming reader gives dates as their serials already (xlsx-stream.ts).
  if (isDateCell(v)) return v;
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isNaN(t) ? '' : { serial: dateToSerial(v) };
  }
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText))
    return (o.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join('');
  if (typeof o.error === 'string') return o.error;
  if ('hyperlink' in o)
    return o.text === undefined ? String(o.hyperlink ?? '') : toText(convertValue(o.text, ctx));
  if ('formula' in o || 'sharedFormula' in o) return convertValue(o.result, ctx);
  if ('text' in o) return toText(convertValue(o.text, ctx));
  return '';
}

function toText(v: CellValue): string {
  return isDateCell(v) ? String(v.serial) : String(v);
}

/** What the cell's format puts in the sheet's maps; null for nothing. */
function lookOf(cell: CellView, ctx: LoadContext): Look | null {
  const look: Look = {};
  let any = false;
  const numFmt = cell.numFmt;
  if (numFmt && numFmt !== 'General') {
    look.numberFormats = numFmt;
    any = true;
  }
  const font = cell.font;
  if (font) {
    if (font.bold) {
      look.fontWeights = 'bold';
      any = true;
    }
    const color = argbToHex(font.color?.argb);
    if (color) {
      look.fontColors = color;
      any = true;
    }
    if (typeof font.size === 'number' && font.size !== ctx.defaultFontSize) {
      look.fontSizes = font.size;
      any = true;
    }
  }
  const fill = cell.fill;
  if (fill && fill.type === 'pattern' && fill.pattern === 'solid') {
    const color = argbToHex(fill.fgColor?.argb);
    if (color) {
      look.backgrounds = color;
      any = true;
    }
  }
  const alignment = cell.alignment;
  if (alignment) {
    if (alignment.horizontal && alignment.horizontal !== ('general' as string)) {
      look.horizontalAlignments = alignment.horizontal;
      any = true;
    }
    if (alignment.wrapText) {
      look.wraps = true;
      any = true;
    }
  }
  return any ? look : null;
}

/**
 * Reads the cell's format into the sheet's maps; true when anything was kept. Streamed, the cell
 * is only noted with its look, once worked out per style (lazy-styles.ts).
 */
function readStyle(sheet: SheetModel, row0: number, c: number, cell: CellView, ctx: LoadContext): boolean {
  const pending = ctx.pending;
  if (pending && cell.styleId !== undefined) {
    let index = ctx.lookByStyle.get(cell.styleId);
    if (index === undefined) {
      const look = lookOf(cell, ctx);
      index = look ? pending.looks.push(look) - 1 : -1;
      ctx.lookByStyle.set(cell.styleId, index);
    }
    if (index < 0) return false;
    pending.add(row0, c, index);
    return true;
  }
  const look = lookOf(cell, ctx);
  if (!look) return false;
  const key = cellKey(row0, c);
  for (const map of STYLE_MAPS) {
    const value = look[map];
    if (value !== undefined) (sheet[map] as Map<string, unknown>).set(key, value);
  }
  return true;
}

function noteText(note: unknown): string {
  if (typeof note === 'string') return note;
  if (note && typeof note === 'object') {
    const texts = (note as { texts?: Array<{ text?: string }> }).texts;
    if (Array.isArray(texts)) return texts.map((t) => t.text ?? '').join('');
  }
  return '';
}

function convertValidation(
  dv: ExcelJS.DataValidation,
  pending: LoadedSheet['pendingLists'],
): ValidationModel | null {
  const allowInvalid = !dv.showErrorMessage || (dv.errorStyle !== undefined && dv.errorStyle !== 'stop');
  const base: { allowInvalid: boolean; helpText?: string } = { allowInvalid };
  if (dv.prompt) base.helpText = dv.prompt;
  const formulae = (dv.formulae ?? []) as unknown[];
  switch (dv.type) {
    case 'list': {
      const f = String(formulae[0] ?? '');
      if (f.startsWith('"') && f.endsWith('"') && f.length >= 2) {
        const values = f.slice(1, -1).replace(/""/g, '"').split(',');
        if (
          values.length === 2 &&
          values[0].toUpperCase() === 'TRUE' &&
          values[1].toUpperCase() === 'FALSE'
        ) {
          return { kind: 'checkbox', ...base };
        }
        return { kind: 'list', values, ...base };
      }
      const m = /^(?:(?:'((?:[^']|'')+)'|([^!'"]+))!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/i.exec(
        f,
      );
      if (!m) return null;
      const validation: ValidationModel = { kind: 'list', values: [], ...base };
      pending.push({ validation, sheetName: m[1]?.replace(/''/g, "'") ?? m[2] ?? null, range: m[3] });
      return validation;
    }
    case 'date':
    case 'decimal':
    case 'whole': {
      const nums = formulae.map((f) =>
        f instanceof Date ? dateToSerial(f) : typeof f === 'number' ? f : Number.parseFloat(String(f)),
      );
      const kind = dv.type === 'date' ? 'date' : 'number';
      const validation: ValidationModel = { kind, ...base };
      const bound = (n: number | undefined): number | undefined =>
        n === undefined || !Number.isFinite(n) || Math.abs(n) >= NO_BOUND ? undefined : n;
      const [a, b] = [bound(nums[0]), bound(nums[1])];
      switch (dv.operator ?? 'between') {
        case 'between':
          if (a !== undefined) validation.min = a;
          if (b !== undefined) validation.max = b;
          break;
        case 'greaterThan':
        case 'greaterThanOrEqual':
          // A date after serial 0 is Sheets' "is a valid date".
          if (a !== undefined && !(kind === 'date' && a <= 0)) validation.min = a;
          break;
        case 'lessThan':
        case 'lessThanOrEqual':
          if (a !== undefined) validation.max = a;
          break;
        default:
          return null;
      }
      return validation;
    }
    default:
      return null;
  }
}

/** Fills list validations that name a range with that range's values (as text). */
function resolveListRanges(model: WorkbookModel, loaded: LoadedSheet[]): void {
  for (const { sheet, pendingLists } of loaded) {
    for (const p of pendingLists) {
      const source = p.sheetName === null ? sheet : model.sheets.find((s) => s.name === p.sheetName);
      const [from, to] = p.range.split(':');
      const start = decodeA1(from);
      const end = decodeA1(to ?? from);
      if (!source || !start || !end) continue;
      const values: string[] = [];
      for (let r = start[0]; r <= end[0]; r++) {
        for (let c = start[1]; c <= end[1]; c++) {
          const v = source.values[r]?.[c] ?? '';
          if (v !== '') values.push(toText(v));
        }
      }
      p.validation.values = values;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Saving
// ---------------------------------------------------------------------------------------------

export function canOverwriteInPlace(model: WorkbookModel): { ok: true } | { ok: false; reason: string } {
  if (model.unkeptParts.length === 0) return { ok: true };
  return {
    ok: false,
    reason: `The workbook holds ${model.unkeptParts.join(', ')} that would be lost if it were overwritten; save it under another name.`,
  };
}

/**
 * Writes the model to `path` atomically. When `options.sourcePath` is the file the model was
 * loaded from and `path` is that same file, a workbook with unkept parts is refused.
 */
export async function saveWorkbook(
  model: WorkbookModel,
  path: string,
  options: { sourcePath?: string } = {},
): Promise<void> {
  if (options.sourcePath !== undefined && (await sameFile(options.sourcePath, path))) {
    const verdict = canOverwriteInPlace(model);
    if (!verdict.ok) throw new WorkbookFileError(verdict.reason);
  }
  if (model.sheets.some((s) => s.name === META_SHEET_NAME)) {
    throw new Error(
      `A sheet may not be named ${META_SHEET_NAME}: the name is reserved for the metadata tab.`,
    );
  }
  const target = await realTarget(path);
  const temp = tempPathFor(target);
  try {
    await removeStaleTemps(target);
    await createPrivate(temp);
    await writeXlsx(model, temp);
    await keepModeAndOwner(temp, target);
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    if (error instanceof WorkbookFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new WorkbookFileError(`The folder of ${path} does not exist.`, { cause: error });
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new WorkbookFileError(`The workbook file ${path} cannot be written (permission denied).`, {
        cause: error,
      });
    }
    if (code)
      throw new WorkbookFileError(`The workbook file ${path} cannot be written (${code}).`, { cause: error });
    throw error;
  }
}

async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    return (await realpath(a)) === (await realpath(b));
  } catch {
    return false;
  }
}
