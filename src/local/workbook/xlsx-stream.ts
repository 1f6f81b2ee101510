/**
 * The streaming half of loading an `.xlsx` (issue 21): a sheet part is inflated chunk by chunk and
 * its `<sheetData>` parsed row by row, so a workbook of millions of cells never exists as one XML
 * string nor as millions of ExcelJS cell objects. Each row goes through ExcelJS's own row parser
 * and reconciliation (the pinned 4.4.0's RowXform, the styles and shared strings parsed by its own
 * xforms), so a cell gets exactly the value, type and style the in-memory reader gave it; each cell
 * is handed to `onCell` and dropped. What lies around `<sheetData>` (columns, views, merges,
 * validations, protection…) is returned as the sheet's skeleton, small, for the in-memory reader.
 */

import colCache from 'exceljs/lib/utils/col-cache.js';
import parseSax, { type SaxEvent } from 'exceljs/lib/utils/parse-sax.js';
import { slideFormula } from 'exceljs/lib/utils/shared-formula.js';
import RowXform, { type CellXformModel, type SaxNode } from 'exceljs/lib/xlsx/xform/sheet/row-xform.js';
import SharedStringsXform from 'exceljs/lib/xlsx/xform/strings/shared-strings-xform.js';
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform.js';
import type JSZip from 'jszip';

/** ExcelJS's value types (lib/doc/enums.js). */
const VT_MERGE = 1;
const VT_FORMULA = 6;

/** A cell as the loader reads it: what an ExcelJS `Cell` answers, for one cell. */
export interface CellView {
  type: number;
  formula?: string;
  result?: unknown;
  value?: unknown;
  numFmt?: string;
  font?: { bold?: boolean; size?: number; color?: { argb?: string } };
  fill?: { type?: string; pattern?: string; fgColor?: { argb?: string } };
  alignment?: { horizontal?: string; wrapText?: boolean };
  note?: unknown;
}

export interface SharedParts {
  styles: { getStyleModel(id: number): Record<string, unknown> | null };
  sharedStrings?: SharedStringsXform;
  date1904: boolean;
}

/** JSZip's own stream of a part (the browser build JSZip may resolve to has no `nodeStream`). */
interface PartStream {
  on(event: 'data', handler: (chunk: Uint8Array) => void): PartStream;
  on(event: 'end', handler: () => void): PartStream;
  on(event: 'error', handler: (error: Error) => void): PartStream;
  pause(): PartStream;
  resume(): PartStream;
}

/** The part inflated chunk by chunk, paused while a chunk waits to be read. */
async function* bytesOf(file: JSZip.JSZipObject): AsyncGenerator<Uint8Array> {
  const stream = (file as unknown as { internalStream(type: 'uint8array'): PartStream }).internalStream(
    'uint8array',
  );
  const queue: Uint8Array[] = [];
  let done = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const signal = (): void => {
    wake?.();
    wake = null;
  };
  stream
    .on('data', (chunk) => {
      queue.push(chunk);
      stream.pause();
      signal();
    })
    .on('end', () => {
      done = true;
      signal();
    })
    .on('error', (error) => {
      failure = error;
      signal();
    });
  stream.resume();
  for (;;) {
    if (failure) throw failure;
    const chunk = queue.shift();
    if (chunk) {
      yield chunk;
      if (queue.length === 0 && !done) stream.resume();
      continue;
    }
    if (done) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
}

async function* textOf(file: JSZip.JSZipObject): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of bytesOf(file)) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** The styles and shared strings of the package, parsed as ExcelJS's in-memory reader does. */
export async function readSharedParts(zip: JSZip): Promise<SharedParts> {
  const stylesFile = zip.file('xl/styles.xml');
  let styles: SharedParts['styles'] = { getStyleModel: () => null };
  if (stylesFile) {
    const xform = new StylesXform();
    await xform.parseStream(textOf(stylesFile));
    styles = xform;
  }
  const stringsFile = zip.file('xl/sharedStrings.xml');
  let sharedStrings: SharedStringsXform | undefined;
  if (stringsFile) {
    sharedStrings = new SharedStringsXform();
    await sharedStrings.parseStream(textOf(stringsFile));
  }
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
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
}

/**
 * Reads one sheet part: `onCell(row0, col0, cell)` for every cell ExcelJS's in-memory reader would
 * keep (not the bare `<c/>` it drops), in file order.
 */
export async function streamSheet(
  file: JSZip.JSZipObject,
  shared: SharedParts,
  onCell: (row0: number, col0: number, cell: CellView) => void,
): Promise<SheetStreamResult> {
  const skeleton = { head: '', tail: '' };
  const hiddenRows: number[] = [];
  const rowXform = new RowXform();
  const options = {
    styles: shared.styles,
    sharedStrings: shared.sharedStrings,
    date1904: shared.date1904,
    hyperlinkMap: {},
    commentsMap: {},
    formulae: {} as Record<string, string>,
  };
  // Masters of shared formulas, by address: a follower's formula is the master's, slid (ExcelJS's
  // FormulaValue.formula).
  const masters = new Map<string, string>();
  let inRow = false;
  const endRow = (): void => {
    const model = rowXform.model;
    rowXform.reconcile(model, options);
    if (!Number.isFinite(model.number)) return;
    const row0 = model.number - 1;
    if (model.hidden) hiddenRows.push(model.number);
    let previous = 0;
    for (const cell of model.cells) {
      if (cell.type === VT_MERGE) continue;
      const col = cell.address ? colCache.decodeAddress(cell.address).col : previous + 1;
      previous = col;
      onCell(row0, col - 1, viewOf(cell, masters));
    }
  };
  for await (const events of parseSax(sheetDataOf(file, skeleton)) as AsyncIterable<SaxEvent[]>) {
    for (const { eventType, value } of events) {
      if (eventType === 'opentag') {
        const node = value as SaxNode;
        if (!inRow && node.name !== 'row') continue;
        inRow = true;
        rowXform.parseOpen(node);
      } else if (inRow && eventType === 'text') {
        rowXform.parseText(value as string);
      } else if (inRow) {
        const name = (value as SaxNode).name;
        rowXform.parseClose(name);
        if (name === 'row') {
          inRow = false;
          endRow();
        }
      }
    }
  }
  const empty = skeleton.head || skeleton.tail ? '<sheetData/>' : '';
  return { skeleton: skeleton.head + empty + skeleton.tail, hiddenRows };
}

function viewOf(cell: CellXformModel, masters: Map<string, string>): CellView {
  const style = (cell.style ?? {}) as Omit<CellView, 'type'>;
  const view: CellView = {
    type: cell.type,
    numFmt: style.numFmt,
    font: style.font,
    fill: style.fill,
    alignment: style.alignment,
  };
  if (cell.type === VT_FORMULA) {
    let formula = cell.formula;
    if (formula && cell.shareType === 'shared' && cell.ref && cell.address)
      masters.set(cell.address, formula);
    if (!formula && cell.sharedFormula && cell.address) {
      const master = masters.get(cell.sharedFormula);
      formula = master === undefined ? undefined : slideFormula(master, cell.sharedFormula, cell.address);
    }
    view.formula = formula;
    view.result = cell.result;
  } else {
    view.value = cell.value;
  }
  return view;
}
