/**
 * Inspection of the raw xlsx package (a zip): which parts the xlsx library (ExcelJS) would drop
 * when the workbook is saved again (charts, images, pivot tables, macros…), each named for a
 * person, and the workbook's default font size from `xl/styles.xml`.
 */

import type JSZip from 'jszip';
import { decodeXmlEntities, decodeXstring } from './xlsx-text';
import { partText, readText } from './zip-parts';

/** Zip path prefix (or exact name) → readable name of what would be lost. */
const UNKEPT_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['xl/charts/', 'charts'],
  ['xl/chartsheets/', 'chart sheets'],
  ['xl/media/', 'images'],
  ['xl/pivotTables/', 'pivot tables'],
  ['xl/pivotCache/', 'pivot tables'],
  ['xl/vbaProject.bin', 'macros'],
  ['xl/slicers/', 'slicers'],
  ['xl/slicerCaches/', 'slicers'],
  ['xl/timelines/', 'timelines'],
  ['xl/externalLinks/', 'external links'],
  ['xl/diagrams/', 'SmartArt diagrams'],
  ['xl/embeddings/', 'embedded objects'],
];

export interface PackageInfo {
  /** Readable names, sorted, without duplicates. */
  unkeptParts: string[];
  /** Size of the workbook's default font (the first `<font>` of the style sheet), or null. */
  defaultFontSize: number | null;
}

/** True when the zip holds the two parts every xlsx workbook has. */
export function looksLikeXlsx(zip: JSZip): boolean {
  return zip.file('[Content_Types].xml') !== null && zip.file('xl/workbook.xml') !== null;
}

export function unkeptPartNames(paths: Iterable<string>): string[] {
  const found = new Set<string>();
  for (const path of paths) {
    for (const [prefix, name] of UNKEPT_PREFIXES) {
      if (path === prefix || (prefix.endsWith('/') && path.startsWith(prefix) && !path.endsWith('/'))) {
        found.add(name);
      }
    }
    // Drawings other than the legacy VML ones ExcelJS writes for notes: shapes, text boxes.
    if (/^xl\/drawings\/drawing\d+\.xml$/.test(path)) found.add('drawings');
  }
  // A drawing part only carries what the more precise names already say when they are present.
  if (found.has('drawings') && (found.has('charts') || found.has('images'))) found.delete('drawings');
  return [...found].sort();
}

/**
 * True for a drawing part that draws nothing: no anchored shape, picture or chart. Google Sheets'
 * download gives every tab one (`<xdr:wsDr …/>`), and there is nothing in it to lose.
 */
export async function isEmptyDrawing(zip: JSZip, path: string): Promise<boolean> {
  const xml = await readText(zip, path);
  return xml !== null && !/<(?:\w+:)?(?:twoCellAnchor|oneCellAnchor|absoluteAnchor)\b/.test(xml);
}

export async function inspectPackage(zip: JSZip): Promise<PackageInfo> {
  const paths: string[] = [];
  for (const path of Object.keys(zip.files)) {
    if (/^xl\/drawings\/drawing\d+\.xml$/.test(path) && (await isEmptyDrawing(zip, path))) continue;
    paths.push(path);
  }
  let defaultFontSize: number | null = null;
  const styles = zip.file('xl/styles.xml');
  if (styles) defaultFontSize = defaultFontSizeOf(await partText(styles));
  return { unkeptParts: unkeptPartNames(paths), defaultFontSize };
}

/** The size of a style sheet's first font (the workbook's default), or null. */
export function defaultFontSizeOf(xml: string): number | null {
  const fonts = /<(?:\w+:)?fonts\b[^>]*>([\s\S]*?)<\/(?:\w+:)?fonts>/.exec(xml);
  const firstFont = fonts ? /<(?:\w+:)?font\b[^>]*>([\s\S]*?)<\/(?:\w+:)?font>/.exec(fonts[1]) : null;
  const size = firstFont ? /<(?:\w+:)?sz\b[^>]*\bval="([\d.]+)"/.exec(firstFont[1]) : null;
  return size ? Number(size[1]) : null;
}

/**
 * Target paths of a relationships part, by id, resolved against the folder of their source;
 * `external` for a target outside the package (TargetMode="External", e.g. a hyperlink's URL).
 */
export async function readRels(
  zip: JSZip,
  relsPath: string,
  baseDir: string,
): Promise<Map<string, { type: string; path: string; external: boolean }>> {
  const out = new Map<string, { type: string; path: string; external: boolean }>();
  const file = zip.file(relsPath);
  if (!file) return out;
  const xml = await partText(file);
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    const attrs = m[1];
    const id = /\bId="([^"]*)"/.exec(attrs)?.[1];
    const type = /\bType="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const target = /\bTarget="([^"]*)"/.exec(attrs)?.[1];
    if (!id || !target) continue;
    const parts = target.startsWith('/') ? [] : baseDir.split('/').filter(Boolean);
    for (const seg of decodeXmlEntities(target).split('/')) {
      if (seg === '..') parts.pop();
      else if (seg && seg !== '.') parts.push(seg);
    }
    out.set(id, { type, path: parts.join('/'), external: /\bTargetMode="External"/.test(attrs) });
  }
  return out;
}

/**
 * Cell notes (legacy comments) of every sheet, by sheet name then A1 address, read straight from
 * the package: ExcelJS only attaches a note to a cell present in the sheet data, and a note on an
 * empty cell usually has none.
 */
export async function readNotes(zip: JSZip): Promise<Map<string, Map<string, string>>> {
  const result = new Map<string, Map<string, string>>();
  if (
    !Object.keys(zip.files).some((p) => /^xl\/comments[^/]*\.xml$/i.test(p) || p.startsWith('xl/comments/'))
  ) {
    return result;
  }
  for (const [name, sheetPath] of await sheetParts(zip)) {
    const slash = sheetPath.lastIndexOf('/');
    const dir = sheetPath.slice(0, slash);
    const sheetRels = await readRels(zip, `${dir}/_rels/${sheetPath.slice(slash + 1)}.rels`, dir);
    const notes = new Map<string, string>();
    for (const rel of sheetRels.values()) {
      if (!rel.type.endsWith('/comments')) continue;
      const xml = await readText(zip, rel.path);
      if (!xml) continue;
      for (const c of xml.matchAll(/<(?:\w+:)?comment\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?comment>/g)) {
        const ref = /\bref="([^"]*)"/.exec(c[1])?.[1];
        if (!ref) continue;
        const texts = [...c[2].matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g)].map((t) =>
          decodeXstring(decodeXmlEntities(t[1])),
        );
        notes.set(ref, texts.join(''));
      }
    }
    if (notes.size > 0) result.set(name, notes);
  }
  return result;
}

/** A sheet as the workbook part lists it (§18.2.19): name, state and the path of its part. */
export interface ListedSheet {
  name: string;
  /** 'visible', 'hidden' or 'veryHidden'. */
  state: string;
  path: string;
  /** True for a worksheet, false for a chart sheet or a dialog sheet. */
  worksheet: boolean;
}

/** The sheets of the workbook in tab order, those whose relationship can be followed. */
export async function sheetList(zip: JSZip): Promise<ListedSheet[]> {
  const result: ListedSheet[] = [];
  const workbookXml = await readText(zip, 'xl/workbook.xml');
  if (!workbookXml) return result;
  const bookRels = await readRels(zip, 'xl/_rels/workbook.xml.rels', 'xl');
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    const rid = /\br:id="([^"]*)"/.exec(m[1])?.[1] ?? /\b\w+:id="([^"]*)"/.exec(m[1])?.[1];
    const rel = rid ? bookRels.get(rid) : undefined;
    const state = /\bstate="([^"]*)"/.exec(m[1])?.[1];
    if (name && rel)
      result.push({
        name: decodeXmlEntities(name),
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        path: rel.path,
        worksheet: rel.type.endsWith('/worksheet'),
      });
  }
  return result;
}

/** The part of each sheet of the workbook, by sheet name (`xl/worksheets/sheet1.xml`). */
export async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  return new Map((await sheetList(zip)).map((s) => [s.name, s.path]));
}
