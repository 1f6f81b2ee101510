/**
 * The hidden metadata tab of a saved workbook: `WorkbookMeta` plus the per-sheet parts the xlsx
 * library cannot keep (charts, form URL, grid size, sheet id), serialised as ASCII-only JSON and cut
 * into chunks that each fit in one cell (Excel's limit is 32,767 characters), one chunk per cell
 * down column A. This file turns a model into those chunks and chunks back into data; xlsx.ts puts
 * them in and takes them out of the file.
 */
import { styleEntries } from './lazy-styles';
import type { ChartModel, SheetModel, WorkbookMeta, WorkbookModel } from './model';

/** Excel refuses longer cell texts. */
export const EXCEL_CELL_CHAR_LIMIT = 32_767;
/** Characters per chunk: well below the limit. */
export const META_CHUNK_CHARS = 30_000;
export const META_FORMAT = 'club-pulse-meta';
export const META_VERSION = 1;

/** What is kept of one sheet in the metadata tab, matched back by name (then by position). */
export interface SheetMetaEntry {
  name: string;
  sheetId: number;
  maxRows: number;
  maxColumns: number;
  charts: ChartModel[];
  formUrl: string | null;
  /**
   * Cells whose font size was set to the saved file's default size (11 as the writer writes it, the
   * source's when tabs are copied from it): the loader drops sizes equal to the file default, so
   * these are listed to come back. Absent when there are none.
   */
  defaultFontSizeCells?: string[];
}

/** Default font size of the files the writer makes without a source (Calibri 11, xlsx-tables.ts). */
export const WRITER_DEFAULT_FONT_SIZE = 11;

export interface MetaPayload {
  format: typeof META_FORMAT;
  version: number;
  meta: WorkbookMeta;
  sheets: SheetMetaEntry[];
}

/** `fileFontSize`: the written file's default font size, which the loader drops (see `defaultFontSizeCells`). */
export function sheetMetaEntry(sheet: SheetModel, fileFontSize = WRITER_DEFAULT_FONT_SIZE): SheetMetaEntry {
  const entry: SheetMetaEntry = {
    name: sheet.name,
    sheetId: sheet.sheetId,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    charts: sheet.charts,
    formUrl: sheet.formUrl,
  };
  const defaultSized: string[] = [];
  for (const [key, size] of styleEntries(sheet, 'fontSizes'))
    if (size === fileFontSize) defaultSized.push(key);
  if (defaultSized.length > 0) entry.defaultFontSizeCells = defaultSized;
  return entry;
}

/**
 * JSON with every non-ASCII character escaped (`\uXXXX`), so a chunk boundary never falls inside a
 * surrogate pair and no character can upset the XML writer.
 */
export function encodeMetaJson(model: WorkbookModel, fileFontSize = WRITER_DEFAULT_FONT_SIZE): string {
  const payload: MetaPayload = {
    format: META_FORMAT,
    version: META_VERSION,
    meta: model.meta,
    sheets: model.sheets.map((sheet) => sheetMetaEntry(sheet, fileFontSize)),
  };
  return JSON.stringify(payload).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function splitIntoChunks(text: string, size = META_CHUNK_CHARS): string[] {
  if (size <= 0 || size > EXCEL_CELL_CHAR_LIMIT) throw new RangeError(`Bad chunk size ${size}.`);
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks.length > 0 ? chunks : [''];
}

/** Parses the concatenated chunks; null when they are not our metadata. */
export function decodeMetaJson(text: string): MetaPayload | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const payload = data as Partial<MetaPayload>;
  if (payload.format !== META_FORMAT || typeof payload.meta !== 'object' || payload.meta === null)
    return null;
  if (!Array.isArray(payload.sheets)) return null;
  return payload as MetaPayload;
}
