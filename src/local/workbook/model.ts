/**
 * The in-memory workbook: what the local runtime keeps of a spreadsheet, realm-neutral (no Date
 * objects, so it can be shared between Node and the vm context that runs the add-on bundle).
 *
 * The emulated SpreadsheetApp (src/local/emulator) reads and writes this model; the xlsx loader and
 * saver (src/local/workbook/xlsx.ts) turn it into a file and back. Everything Sheets keeps beside the
 * cells (locale, time zone, named ranges, protections, properties, forms, triggers) lives in
 * `WorkbookModel.meta` and is saved in one hidden metadata tab.
 */

import type { SheetSnapshot } from './sheet-snapshot';

/** A date-time cell: Sheets' serial number (days since 1899-12-30 00:00, wall clock in the spreadsheet time zone). */
export interface DateCell {
  readonly serial: number;
}

/** What one cell holds. `''` is empty. Formulas keep their last value (from the file) beside the text. */
export type CellValue = string | number | boolean | DateCell;

export function isDateCell(v: unknown): v is DateCell {
  return typeof v === 'object' && v !== null && typeof (v as DateCell).serial === 'number';
}

export interface ValidationModel {
  /** 'list' = dropdown of values; 'checkbox'; 'date'; 'number' (between min and max). */
  kind: 'list' | 'checkbox' | 'date' | 'number';
  values?: string[];
  min?: number;
  max?: number;
  allowInvalid: boolean;
  helpText?: string;
}

export interface ChartModel {
  chartId: number;
  type: string;
  /** A1 ranges the chart reads, e.g. `'_data'!A1:C13`. */
  ranges: string[];
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  options: Record<string, unknown>;
}

export interface SheetModel {
  sheetId: number;
  name: string;
  hidden: boolean;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  /** Dense rows of values, 0-based; a missing row or cell is empty (''). Never longer than maxRows. */
  values: CellValue[][];
  /** Sparse per-cell attributes, keyed by `cellKey(row0, col0)`. */
  formulas: Map<string, string>;
  numberFormats: Map<string, string>;
  backgrounds: Map<string, string>;
  fontColors: Map<string, string>;
  fontWeights: Map<string, 'bold' | 'normal'>;
  fontSizes: Map<string, number>;
  horizontalAlignments: Map<string, string>;
  wraps: Map<string, boolean>;
  notes: Map<string, string>;
  validations: Map<string, ValidationModel>;
  /** 1-based column index → width in pixels. */
  columnWidths: Map<number, number>;
  /** Merged areas, 0-based: [row, column, numRows, numColumns]. */
  merges: Array<[number, number, number, number]>;
  /** 1-based rows hidden in the file (xlsx `<row hidden="1">`). */
  hiddenRows: Set<number>;
  /** 1-based columns hidden in the file (xlsx `<col hidden="1">`). */
  hiddenColumns: Set<number>;
  /**
   * The file's own sheet protection (xlsx `<sheetProtection>`, as ExcelJS models it, password hash
   * included), kept opaque so that a save writes it back; null when the sheet is not protected.
   * Sheets-level protections of the add-on live in `WorkbookMeta.protections`.
   */
  sheetProtection: Record<string, unknown> | null;
  charts: ChartModel[];
  /** The form whose responses land here (Sheet.getFormUrl()), or null. */
  formUrl: string | null;
  tabColor: string | null;
}

export interface NamedRangeModel {
  name: string;
  sheetId: number;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ProtectionModel {
  kind: 'SHEET' | 'RANGE';
  sheetId: number;
  /** For RANGE protections, 1-based. */
  row?: number;
  column?: number;
  numRows?: number;
  numColumns?: number;
  description: string;
  warningOnly: boolean;
}

export interface TriggerModel {
  uniqueId: string;
  handlerFunction: string;
  eventType: string;
  triggerSource: string;
  triggerSourceId: string;
  /** The document the trigger was installed from (an add-on's triggers are per document; clock ones too). */
  documentId?: string;
  /**
   * The e-mail of the user who created it: an installable trigger runs under its creator's account
   * (https://developers.google.com/apps-script/guides/triggers/installable#restrictions) and only
   * its creator lists it (https://developers.google.com/apps-script/reference/script/script-app#getprojecttriggers).
   */
  userEmail?: string;
}

/** Everything kept beside the cells; saved as JSON in the hidden metadata tab. */
export interface WorkbookMeta {
  spreadsheetId: string;
  name: string;
  locale: string;
  timeZone: string;
  namedRanges: NamedRangeModel[];
  protections: ProtectionModel[];
  documentProperties: Record<string, string>;
  userProperties: Record<string, string>;
  scriptProperties: Record<string, string>;
  triggers: TriggerModel[];
  /** Forms are owned by the forms emulator (surveys issue); kept opaque here. */
  forms: unknown[];
  /** Mail sent, by ISO day, for the daily quota. */
  mailSent: Record<string, number>;
  nextSheetId: number;
}

export interface WorkbookModel {
  meta: WorkbookMeta;
  sheets: SheetModel[];
  /**
   * Parts of the source file the xlsx library cannot keep (charts, images, pivot tables…), found
   * on load. A workbook with any of them is never overwritten in place.
   */
  unkeptParts: string[];
  /**
   * The xlsx file the workbook was loaded from, when a save may copy the parts of the sheets the
   * session left untouched byte for byte (issue 14, item 9; src/local/workbook/xlsx-copy.ts).
   * Absent for a new workbook.
   */
  source?: SourcePackage;
}

/** The bytes of the loaded file and, per sheet, its part and a snapshot of its model as loaded. */
export interface SourcePackage {
  bytes: Uint8Array;
  sheets: Array<{ name: string; part: string; snapshot: SheetSnapshot; refs?: PartRefs }>;
}

/**
 * What a sheet part refers to in the package's shared tables (xlsx-merge.ts), noted while its
 * cells were read so that a save copying it need not read it again.
 */
export interface PartRefs {
  /** Shared string indexes its cells use. */
  strings: Set<number>;
  /** The highest cell format index it uses (cells, rows, columns). */
  maxStyle: number;
  /** A cell has cell or value metadata (`cm`, `vm`), which points to parts a copy does not carry. */
  metadata: boolean;
}

/** The per-cell format maps (made on first use after a load: lazy-styles.ts). */
export const STYLE_MAPS = [
  'numberFormats',
  'backgrounds',
  'fontColors',
  'fontWeights',
  'fontSizes',
  'horizontalAlignments',
  'wraps',
] as const;

/** The sparse per-cell attribute maps of a sheet (the emulator moves them, a save's snapshot reads them). */
export const CELL_MAPS = ['formulas', ...STYLE_MAPS, 'notes', 'validations'] as const;

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const MAX_CELLS = 10_000_000;
export const MAX_CELL_CHARS = 50_000;
/** Name of the hidden tab that stores WorkbookMeta in a saved file. */
export const META_SHEET_NAME = '__club_pulse_meta__';

export function cellKey(row0: number, col0: number): string {
  return `${row0},${col0}`;
}

export function newSheetModel(
  sheetId: number,
  name: string,
  rows = DEFAULT_ROWS,
  columns = DEFAULT_COLUMNS,
): SheetModel {
  return {
    sheetId,
    name,
    hidden: false,
    maxRows: rows,
    maxColumns: columns,
    frozenRows: 0,
    frozenColumns: 0,
    values: [],
    formulas: new Map(),
    numberFormats: new Map(),
    backgrounds: new Map(),
    fontColors: new Map(),
    fontWeights: new Map(),
    fontSizes: new Map(),
    horizontalAlignments: new Map(),
    wraps: new Map(),
    notes: new Map(),
    validations: new Map(),
    columnWidths: new Map(),
    merges: [],
    hiddenRows: new Set(),
    hiddenColumns: new Set(),
    sheetProtection: null,
    charts: [],
    formUrl: null,
    tabColor: null,
  };
}

/** A new workbook as `init` makes it: fr_FR / Europe/Paris unless told otherwise. */
export function newWorkbookModel(
  options: { name?: string; locale?: string; timeZone?: string; spreadsheetId?: string } = {},
): WorkbookModel {
  return {
    meta: {
      spreadsheetId: options.spreadsheetId ?? 'local-spreadsheet',
      name: options.name ?? 'Club Pulse',
      locale: options.locale ?? 'fr_FR',
      timeZone: options.timeZone ?? 'Europe/Paris',
      namedRanges: [],
      protections: [],
      documentProperties: {},
      userProperties: {},
      scriptProperties: {},
      triggers: [],
      forms: [],
      mailSent: {},
      nextSheetId: 1,
    },
    sheets: [],
    unkeptParts: [],
  };
}
