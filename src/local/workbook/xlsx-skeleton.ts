/**
 * What a sheet part says around its cells (ECMA-376 Part 1, §18.3.1.99 CT_Worksheet), read from
 * the skeleton the streaming reader leaves (xlsx-stream.ts: the part with an empty `<sheetData/>`)
 * or taken from a worksheet ExcelJS's in-memory reader loaded (the fallback): tab colour, frozen
 * panes, column widths and hidden columns, merges, data validations and sheet protection, in the
 * shapes ExcelJS's worksheet model gives them, so that one conversion (xlsx.ts) serves both.
 *
 * It reads as ExcelJS 4.4 reads, with the standard where ExcelJS strays from it: xsd:boolean
 * attributes are true for `true` as well as `1` (LibreOffice writes `sheet="true"` in a sheet's
 * protection, which ExcelJS reads as no protection), and a merge that overlaps an earlier one is
 * left out rather than making the whole file unreadable.
 */
import type ExcelJS from 'exceljs';
import { readProtection } from './xlsx-protection';
import { decodeXmlEntities } from './xlsx-text';
import { decodeA1 } from './xlsx-units';
import { element, elements, xmlBoolean } from './xlsx-xml';

export interface MergeRange {
  /** 1-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSkeleton {
  /** 'AARRGGBB', or undefined for none (or a theme colour). */
  tabColor?: string;
  /** The first view's frozen panes, when it has them. */
  frozen?: { xSplit: number; ySplit: number };
  /** By 0-based column index. */
  columns: Array<{ width?: number; hidden?: boolean } | undefined>;
  merges: MergeRange[];
  /** Each validated cell (0-based) and its validation (one object for the cells of one entry). */
  validations: Array<[row0: number, col0: number, validation: ExcelJS.DataValidation]>;
  protection: Record<string, unknown> | null;
}

// ---------------------------------------------------------------------------------------------
// From the part's XML
// ---------------------------------------------------------------------------------------------

/** A1 range → 1-based bounds; null when not a cell or a range of cells. */
function rangeOf(ref: string): MergeRange | null {
  const [from, to] = ref.split(':');
  const a = decodeA1(from);
  const b = decodeA1(to ?? from);
  if (!a || !b) return null;
  return {
    top: Math.min(a[0], b[0]) + 1,
    left: Math.min(a[1], b[1]) + 1,
    bottom: Math.max(a[0], b[0]) + 1,
    right: Math.max(a[1], b[1]) + 1,
  };
}

const overlaps = (a: MergeRange, b: MergeRange): boolean =>
  a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

/** A validation's formula as ExcelJS types it (§18.3.1.32: numbers for numbers, serials for dates). */
function formulaValue(type: string, text: string): unknown {
  switch (type) {
    case 'whole':
    case 'textLength':
      return Number.parseInt(text, 10);
    case 'decimal':
      return Number.parseFloat(text);
    case 'date':
      return new Date(Math.round((Number.parseFloat(text) - 25569) * 86_400_000));
    default:
      return text;
  }
}

/** The skeleton of a sheet part (its cells left out or not: `<sheetData>` is skipped). */
export function readSkeleton(xml: string): SheetSkeleton {
  const open = xml.search(/<(?:\w+:)?sheetData\b/);
  const close = xml.search(/<\/(?:\w+:)?sheetData>|<(?:\w+:)?sheetData\b[^>]*\/>/);
  // Only what lies outside the cells is read: text in cells cannot pass for an element.
  const outside = open < 0 ? xml : xml.slice(0, open) + (close < 0 ? '' : xml.slice(close));
  const skeleton: SheetSkeleton = { columns: [], merges: [], validations: [], protection: null };

  const sheetPr = element(outside, 'sheetPr');
  const tab = sheetPr ? element(sheetPr.inner, 'tabColor') : null;
  if (tab?.attrs.rgb) skeleton.tabColor = tab.attrs.rgb;

  const view = element(element(outside, 'sheetViews')?.inner ?? '', 'sheetView');
  const pane = view ? element(view.inner, 'pane') : null;
  if (pane && (pane.attrs.state === 'frozen' || pane.attrs.state === 'frozenSplit')) {
    skeleton.frozen = {
      xSplit: Number.parseInt(pane.attrs.xSplit || '0', 10),
      ySplit: Number.parseInt(pane.attrs.ySplit || '0', 10),
    };
  }

  const cols = [...elements(element(outside, 'cols')?.inner ?? '', 'col')];
  cols.sort((a, b) => Number.parseInt(a.attrs.min || '0', 10) - Number.parseInt(b.attrs.min || '0', 10));
  for (const col of cols) {
    const min = Number.parseInt(col.attrs.min || '0', 10);
    const max = Number.parseInt(col.attrs.max || '0', 10);
    const width = col.attrs.width === undefined ? undefined : Number.parseFloat(col.attrs.width || '0');
    const hidden = xmlBoolean(col.attrs.hidden);
    for (let c = Math.max(1, min); c <= max; c++) {
      const column: { width?: number; hidden?: boolean } = {};
      if (width !== undefined) column.width = width;
      if (hidden) column.hidden = true;
      skeleton.columns[c - 1] = column;
    }
  }

  for (const merge of elements(element(outside, 'mergeCells')?.inner ?? '', 'mergeCell')) {
    const range = rangeOf(merge.attrs.ref ?? '');
    if (range && !skeleton.merges.some((m) => overlaps(m, range))) skeleton.merges.push(range);
  }

  for (const dv of elements(element(outside, 'dataValidations')?.inner ?? '', 'dataValidation')) {
    const a = dv.attrs;
    const type = a.type || 'any';
    const validation: Record<string, unknown> = { type, formulae: [] };
    if (a.type && a.allowBlank !== undefined) validation.allowBlank = xmlBoolean(a.allowBlank);
    if (a.showInputMessage !== undefined) validation.showInputMessage = xmlBoolean(a.showInputMessage);
    if (a.showErrorMessage !== undefined) validation.showErrorMessage = xmlBoolean(a.showErrorMessage);
    if (type !== 'any' && type !== 'list' && type !== 'custom') validation.operator = a.operator ?? 'between';
    for (const key of ['promptTitle', 'prompt', 'errorStyle', 'errorTitle', 'error'])
      if (a[key] !== undefined) validation[key] = a[key];
    const formulae = validation.formulae as unknown[];
    for (const n of [1, 2]) {
      const f = element(dv.inner, `formula${n}`);
      if (f) formulae.push(formulaValue(type, decodeXmlEntities(f.inner)));
    }
    if (formulae.length === 0) {
      delete validation.formulae;
      delete validation.operator;
    }
    for (const ref of (a.sqref ?? '').split(/\s+/)) {
      const range = ref ? rangeOf(ref) : null;
      if (!range) continue;
      for (let r = range.top; r <= range.bottom; r++)
        for (let c = range.left; c <= range.right; c++)
          skeleton.validations.push([r - 1, c - 1, validation as unknown as ExcelJS.DataValidation]);
    }
  }

  const protection = element(outside, 'sheetProtection');
  if (protection) skeleton.protection = readProtection(protection.attrs);
  return skeleton;
}

// ---------------------------------------------------------------------------------------------
// From ExcelJS's worksheet (the in-memory reader)
// ---------------------------------------------------------------------------------------------

/** The same skeleton from a worksheet ExcelJS's in-memory reader loaded. */
export function skeletonOfWorksheet(ws: ExcelJS.Worksheet): SheetSkeleton {
  const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
  const merges = (ws as unknown as { _merges?: Record<string, MergeRange> })._merges;
  const dvModel = (ws as unknown as { dataValidations?: { model?: Record<string, ExcelJS.DataValidation> } })
    .dataValidations?.model;
  const p = (ws as unknown as { sheetProtection?: Record<string, unknown> | null }).sheetProtection;
  let protection: Record<string, unknown> | null = null;
  if (p?.sheet) {
    protection = {};
    for (const [k, v] of Object.entries(p)) if (v !== undefined) protection[k] = v;
  }
  return {
    tabColor: ws.properties?.tabColor?.argb,
    frozen: view?.state === 'frozen' ? { xSplit: view.xSplit ?? 0, ySplit: view.ySplit ?? 0 } : undefined,
    columns: (ws.columns ?? []).map((c) => (c ? { width: c.width, hidden: c.hidden } : undefined)),
    merges: Object.values(merges ?? {}),
    validations: Object.entries(dvModel ?? {}).flatMap(([address, dv]) => {
      const at = decodeA1(address);
      return at && dv ? [[at[0], at[1], dv] as [number, number, ExcelJS.DataValidation]] : [];
    }),
    protection,
  };
}
