/**
 * The streaming half of loading an `.xlsx` (issue 21): a sheet part is inflated chunk by chunk and
 * its `<sheetData>` scanned row by row (xlsx-cells.ts), so a workbook of millions of cells never
 * exists as one XML string nor as millions of ExcelJS cell objects. Each cell is typed as ExcelJS's
 * CellXform types it (the pinned 4.4.0) and reconciled with the style sheet (xlsx-styles.ts), so a
 * cell gets the value, type and style ExcelJS's in-memory reader gives it (the tests compare the
 * two readers on every fixture), then handed to `onCell` and dropped. What lies around
 * `<sheetData>` (columns, views, merges, validations, protection…) is returned as the sheet's
 * skeleton, small, for xlsx-skeleton.ts. Along the way the scanner notes what the part refers
 * to in the shared tables, so that a save copying the sheet need not read it again.
 */

import { slideFormula } from 'exceljs/lib/utils/shared-formula.js';
import utils from 'exceljs/lib/utils/utils.js';
import type JSZip from 'jszip';
import type { CellValue, PartRefs } from './model';
import { type ScannedCell, SharedStringsScanner, SheetDataScanner, UnreadableXml } from './xlsx-cells';
import { sheetRefs } from './xlsx-merge';
import { readStyles, type StyleTable } from './xlsx-styles';
import { MS_PER_DAY, UNIX_EPOCH_SERIAL } from './xlsx-units';
import { partText, textOf } from './zip-parts';

/** ExcelJS's value types (lib/doc/enums.js). */
const VT_MERGE = 1;
const VT_NUMBER = 2;
const VT_STRING = 3;
const VT_DATE = 4;
const VT_FORMULA = 6;

/** A cell as the loader reads it: what an ExcelJS `Cell` answers, for one cell. */
export interface CellView {
  type: number;
  /** The cell's format index (`s`), given by the streaming reader. */
  styleId?: number;
  formula?: string;
  /** A date is given as its serial (`{ serial }`), or '' when ExcelJS would make an invalid Date. */
  result?: unknown;
  value?: unknown;
  numFmt?: string;
  font?: { bold?: boolean; size?: number; color?: { argb?: string } };
  fill?: { type?: string; pattern?: string; fgColor?: { argb?: string } };
  alignment?: { horizontal?: string; wrapText?: boolean };
  note?: unknown;
}

export interface SharedParts {
  styles: StyleTable;
  /** The shared strings' texts, by index. */
  sharedStrings?: string[];
  date1904: boolean;
}

/** The styles and shared strings of the package, read as ExcelJS's in-memory reader reads them. */
export async function readSharedParts(zip: JSZip): Promise<SharedParts> {
  const stylesFile = zip.file('xl/styles.xml');
  const styles: StyleTable = stylesFile
    ? readStyles(await partText(stylesFile))
    : { getStyleModel: () => null };
  const stringsFile = zip.file('xl/sharedStrings.xml');
  let sharedStrings: string[] | undefined;
  if (stringsFile) {
    const scanner = new SharedStringsScanner();
    for await (const text of textOf(stringsFile)) scanner.push(text);
    scanner.end();
    sharedStrings = scanner.strings;
  }
  const workbookFile = zip.file('xl/workbook.xml');
  const workbook = workbookFile ? await partText(workbookFile) : '';
  const pr = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="([^"]*)"/.exec(workbook);
  return { styles, sharedStrings, date1904: pr ? pr[1] === '1' || pr[1] === 'true' : false };
}

const OPEN = '<sheetData';
const CLOSE = '</sheetData>';

/**
 * Splits the part's text into the skeleton (everything but the inside of `<sheetData>`) and the
 * sheet data itself, which is yielded in pieces for the parser.
 */
async function* sheetDataOf(file: JSZip.JSZipObject, skeleton: { head: string; tail: string }) {
  let state: 'before' | 'inside' | 'after' = 'before';
  let pending = '';
  for await (const text of textOf(file)) {
    if (state === 'after') {
      skeleton.tail += text;
      continue;
    }
    pending += text;
    if (state === 'before') {
      const at = pending.indexOf(OPEN);
      const end = at < 0 ? -1 : pending.indexOf('>', at);
      if (end < 0) continue;
      if (pending[end - 1] === '/') {
        // <sheetData/>: no cells at all.
        skeleton.head = pending;
        pending = '';
        state = 'after';
        continue;
      }
      skeleton.head = pending.slice(0, at);
      pending = pending.slice(at);
      state = 'inside';
    }
    const close = pending.indexOf(CLOSE);
    if (close >= 0) {
      yield pending.slice(0, close + CLOSE.length);
      skeleton.tail = pending.slice(close + CLOSE.length);
      pending = '';
      state = 'after';
      continue;
    }
    // Keep back what could be the start of the closing tag (and never split a surrogate pair).
    let cut = pending.length - CLOSE.length;
    if (cut <= 0) continue;
    const code = pending.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--;
    yield pending.slice(0, cut);
    pending = pending.slice(cut);
  }
  if (state === 'before') skeleton.head = pending;
  else if (state === 'inside') throw new Error('The sheet data is not closed.');
}

export interface SheetStreamResult {
  /** The part with an empty `<sheetData/>`: columns, views, merges, validations, protection… */
  skeleton: string;
  /** 1-based numbers of hidden rows. */
  hiddenRows: number[];
  /** What the part refers to in the shared tables. */
  refs: PartRefs;
}

/**
 * Reads one sheet part: `onCell(row0, col0, cell)` for every cell ExcelJS's in-memory reader would
 * keep (not the bare `<c/>` it drops), in file order. The view is only valid during the call.
 * `onEmpty(row0, col0, styleId)`, when given, is asked first about each empty formatted cell of the
 * common shape (xlsx-cells.ts) and returns true when it took it, false to have it go to `onCell`.
 */
export async function streamSheet(
  file: JSZip.JSZipObject,
  shared: SharedParts,
  onCell: (row0: number, col0: number, cell: CellView) => void,
  onEmpty?: (row0: number, col0: number, styleId: number) => boolean,
): Promise<SheetStreamResult> {
  const skeleton = { head: '', tail: '' };
  const reconcile = new CellReconciler(shared);
  const scanner = new SheetDataScanner(
    (cell) => {
      if (cell.type !== VT_MERGE) onCell(cell.row - 1, cell.col - 1, reconcile.view(cell));
    },
    // `s="0"` is dropped as `onCell` would drop it (VT_MERGE).
    onEmpty && ((row, col, styleId) => styleId === 0 || onEmpty(row - 1, col - 1, styleId)),
  );
  let any = false;
  for await (const text of sheetDataOf(file, skeleton)) {
    scanner.push(text);
    any = true;
  }
  if (any) scanner.end();
  const empty = skeleton.head || skeleton.tail ? '<sheetData/>' : '';
  const xml = skeleton.head + empty + skeleton.tail;
  // The columns' formats are in the skeleton.
  const refs = scanner.refs;
  refs.maxStyle = sheetRefs(xml, refs).maxStyle;
  return { skeleton: xml, hiddenRows: scanner.hiddenRows, refs };
}

interface StyleEntry {
  numFmt?: string;
  font?: CellView['font'];
  fill?: CellView['fill'];
  alignment?: CellView['alignment'];
  /** ExcelJS's reader turns this style's numbers into dates. */
  isDate: boolean;
}

const NO_STYLE: StyleEntry = { isDate: false };
const MS_PER_DAY_PARTS = [24, 3600, 1000] as const;

/**
 * What ExcelJS's CellXform.reconcile (lib/xlsx/xform/sheet/cell-xform.js, pinned 4.4.0) makes of a
 * parsed cell, without its per-cell costs: each style's model and date test are worked out once per
 * style id, and a date becomes its serial directly rather than a `Date` turned back into a serial
 * (the same arithmetic, so the same number). Hyperlinks and comments are not looked up: a sheet
 * with hyperlinks is left to the in-memory reader, and notes are read from the package apart.
 */
class CellReconciler {
  private readonly styles = new Map<number, StyleEntry>();
  /** Shared formulas' masters: `si` → the master's address (ExcelJS's `options.formulae`). */
  private readonly formulae: Record<string, string | undefined> = {};
  /** Masters of shared formulas, by address: a follower's formula is the master's, slid. */
  private readonly masters = new Map<string, string>();

  constructor(private readonly shared: SharedParts) {}

  private style(id: number | undefined): StyleEntry {
    if (!id) return NO_STYLE;
    let entry = this.styles.get(id);
    if (!entry) {
      const model = this.shared.styles.getStyleModel(id);
      entry = model
        ? {
            numFmt: model.numFmt,
            font: model.font,
            fill: model.fill,
            alignment: model.alignment,
            isDate: utils.isDateFmt(model.numFmt),
          }
        : NO_STYLE;
      this.styles.set(id, entry);
    }
    return entry;
  }

  /** ExcelJS's utils.excelToDate then dateToSerial (xlsx-units.ts), as one computation. */
  private date(v: unknown): CellValue {
    const [h, s, ms] = MS_PER_DAY_PARTS;
    const offset = this.shared.date1904 ? 1462 : 0;
    const time = Math.round((Number(v) - 25569 + offset) * h * s * ms);
    // new Date(time) is invalid beyond ±8.64e15 ms (ECMA-262 TimeClip), and NaN stays NaN.
    if (!(Math.abs(time) <= 8.64e15)) return '';
    return { serial: time / MS_PER_DAY + UNIX_EPOCH_SERIAL };
  }

  /** One view, filled again for each cell: the caller reads it before the next (no garbage per cell). */
  private readonly current: CellView = { type: 0 };

  view(cell: ScannedCell): CellView {
    const style = this.style(cell.styleId);
    const view = this.current;
    view.type = cell.type;
    view.styleId = cell.styleId;
    view.numFmt = style.numFmt;
    view.font = style.font;
    view.fill = style.fill;
    view.alignment = style.alignment;
    view.value = undefined;
    view.formula = undefined;
    view.result = undefined;
    switch (cell.type) {
      case VT_STRING: {
        const value = cell.value;
        if (typeof value !== 'number') view.value = value;
        else {
          // An index past the table (or no table) is a damaged file: ExcelJS's reader says so.
          view.value = this.shared.sharedStrings?.[value];
          if (view.value === undefined) throw new UnreadableXml('a shared string that is not there');
        }
        break;
      }
      case VT_NUMBER:
        if (style.isDate) {
          view.type = VT_DATE;
          view.value = this.date(cell.value);
        } else view.value = cell.value;
        break;
      case VT_FORMULA:
        this.formula(cell, view, style);
        break;
      default:
        view.value = cell.value;
    }
    return view;
  }

  private formula(cell: ScannedCell, view: CellView, style: StyleEntry): void {
    let formula = cell.formula;
    let sharedFormula: string | undefined;
    if (cell.shareType === 'shared') {
      if (cell.ref) {
        this.formulae[String(cell.si)] = cell.address;
        if (formula && cell.address) this.masters.set(cell.address, formula);
      } else {
        sharedFormula = this.formulae[String(cell.si)];
      }
    }
    if (!formula && sharedFormula && cell.address) {
      const master = this.masters.get(sharedFormula);
      formula = master === undefined ? undefined : slideFormula(master, sharedFormula, cell.address);
    }
    view.formula = formula;
    view.result = cell.result !== undefined && style.isDate ? this.date(cell.result) : cell.result;
  }
}
