/**
 * The style sheet of a package (ECMA-376 Part 1, §18.8.39) as the loader needs it: for a cell
 * format index (`<c s="3">`), its number format code, font, fill and alignment, in the shapes
 * ExcelJS's style model gives them (CellView in xlsx-stream.ts), which ExcelJS's in-memory reader,
 * the fallback and the tests' second reader, also makes.
 *
 * Like ExcelJS, a format's font, fill and number format count whatever its `apply…` flags say
 * (Excel and Sheets write them consistently), and a built-in number format id is its code in
 * ExcelJS's table of built-in formats (§18.8.30). Where ExcelJS 4.4 strays from the standard this
 * follows the standard: `<b val="0"/>` is not bold, and a font size of 10.5 stays 10.5 (ExcelJS
 * reads it as 10).
 */
import BUILTIN_FORMATS from 'exceljs/lib/xlsx/defaultnumformats.js';
import type { CellView } from './xlsx-stream';
import { toXlsxAlignment } from './xlsx-units';
import { element, elements, xmlBoolean } from './xlsx-xml';

export interface StyleModel {
  numFmt?: string;
  font?: CellView['font'];
  fill?: CellView['fill'];
  alignment?: CellView['alignment'];
}

export interface StyleTable {
  /** The model of cell format `id`, or null when the style sheet has no such format. */
  getStyleModel(id: number): StyleModel | null;
}

function colorOf(attrs: Record<string, string>): { argb?: string; theme?: number } | undefined {
  if (attrs.rgb) return { argb: attrs.rgb };
  if (attrs.theme) return { theme: Number.parseInt(attrs.theme, 10) };
  return undefined;
}

function fontOf(inner: string): NonNullable<CellView['font']> {
  const font: NonNullable<CellView['font']> = {};
  const b = element(inner, 'b');
  if (b && (b.attrs.val === undefined || xmlBoolean(b.attrs.val))) font.bold = true;
  const sz = element(inner, 'sz');
  if (sz?.attrs.val !== undefined) {
    const size = Number.parseFloat(sz.attrs.val);
    if (Number.isFinite(size)) font.size = size;
  }
  const color = element(inner, 'color');
  if (color) {
    const c = colorOf(color.attrs);
    if (c) font.color = c;
  }
  return font;
}

function fillOf(inner: string): NonNullable<CellView['fill']> | undefined {
  const pattern = element(inner, 'patternFill');
  if (!pattern) return element(inner, 'gradientFill') ? { type: 'gradient' } : undefined;
  const fill: NonNullable<CellView['fill']> = { type: 'pattern', pattern: pattern.attrs.patternType };
  const fg = element(pattern.inner, 'fgColor');
  const color = fg ? colorOf(fg.attrs) : undefined;
  if (color) fill.fgColor = color;
  return fill;
}

function alignmentOf(inner: string): CellView['alignment'] {
  const a = element(inner, 'alignment');
  if (!a) return undefined;
  const alignment: NonNullable<CellView['alignment']> = {};
  const horizontal = toXlsxAlignment(a.attrs.horizontal ?? '');
  if (horizontal) alignment.horizontal = horizontal;
  if (xmlBoolean(a.attrs.wrapText)) alignment.wrapText = true;
  return alignment;
}

/** The inner XML of the first `<name>` list (`<fonts>…</fonts>`), '' when absent. */
function listOf(xml: string, name: string): string {
  return element(xml, name)?.inner ?? '';
}

export function readStyles(xml: string): StyleTable {
  const formats = new Map<number, string>();
  for (const f of elements(listOf(xml, 'numFmts'), 'numFmt')) {
    const id = Number.parseInt(f.attrs.numFmtId, 10);
    if (Number.isInteger(id) && f.attrs.formatCode !== undefined) formats.set(id, f.attrs.formatCode);
  }
  const fonts = [...elements(listOf(xml, 'fonts'), 'font')].map((f) => f.inner);
  const fills = [...elements(listOf(xml, 'fills'), 'fill')].map((f) => f.inner);
  const xfs = [...elements(listOf(xml, 'cellXfs'), 'xf')];
  const models = new Map<number, StyleModel | null>();
  const index = (value: string | undefined): number =>
    value === undefined ? -1 : Number.parseInt(value, 10);
  return {
    getStyleModel(id: number): StyleModel | null {
      let model = models.get(id);
      if (model !== undefined) return model;
      const xf = xfs[id];
      model = null;
      if (xf) {
        model = {};
        const fmt = index(xf.attrs.numFmtId);
        if (fmt > 0) {
          const code = formats.get(fmt) ?? (BUILTIN_FORMATS as Record<number, { f?: string }>)[fmt]?.f;
          if (code) model.numFmt = code;
        }
        const font = fonts[index(xf.attrs.fontId)];
        if (font !== undefined) model.font = fontOf(font);
        const fill = fills[index(xf.attrs.fillId)];
        const fillModel = fill === undefined ? undefined : fillOf(fill);
        if (fillModel) model.fill = fillModel;
        const alignment = alignmentOf(xf.inner);
        if (alignment) model.alignment = alignment;
      }
      models.set(id, model);
      return model;
    },
  };
}
