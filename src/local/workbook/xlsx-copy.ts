/**
 * A save copies the parts of the sheets the session left untouched byte for byte from the file the
 * workbook was loaded from (issue 14, item 9): a club's tracking tabs keep everything their file
 * said, including what the model does not hold (conditional formats, borders, fonts, row heights,
 * comments' layout…). Only the sheets that changed, the generated ones, the metadata tab and the
 * package's shared parts (workbook, content types, shared strings, styles) are rewritten.
 *
 * "Untouched" is decided by content, not by marks: on load each sheet's model gets a snapshot of
 * everything the writer would put in its part (sheet-snapshot.ts), and a sheet whose model still
 * says the same at save time is copied.
 *
 * A sheet is copied only when its relationships are ones this module can carry (notes and their
 * drawing, printer settings, external hyperlinks, an empty drawing); the shared tables are merged
 * in xlsx-merge.ts.
 * When anything does not fit, the caller writes every sheet itself, as before.
 */
import JSZip from 'jszip';
import type { PartRefs, SourcePackage, WorkbookModel } from './model';
import { snapshotOf, unchangedSince } from './sheet-snapshot';
import { canMergeStyles, mergeStrings, mergeStyles, sheetRefs } from './xlsx-merge';
import { defaultFontSizeOf, isEmptyDrawing, readRels, sheetParts } from './xlsx-parts';
import { copyPart, putPart, readText } from './zip-parts';

/** What a later save needs of the loaded file: its bytes, and each sheet's part and snapshot. */
export async function recordSource(
  bytes: Uint8Array,
  zip: JSZip,
  model: WorkbookModel,
  refs?: Map<string, PartRefs>,
): Promise<SourcePackage> {
  const parts = await sheetParts(zip);
  const sheets: SourcePackage['sheets'] = [];
  for (const sheet of model.sheets) {
    const part = parts.get(sheet.name);
    if (part) sheets.push({ name: sheet.name, part, snapshot: snapshotOf(sheet), refs: refs?.get(part) });
  }
  return { bytes, sheets };
}

/**
 * Relationship types a copied sheet may have (their targets are copied with it); also a drawing
 * that draws nothing (Google Sheets' download has one per tab).
 */
const CARRIED_RELS = ['/comments', '/vmlDrawing', '/printerSettings'];

interface SheetCopy {
  part: string;
  /** What the part refers to in the shared tables (noted at load, else read from the part). */
  refs: PartRefs;
  /** The sheet's relationships part in the source, if any. */
  rels: string | null;
  /** Parts its relationships point to, copied to the same paths. */
  targets: string[];
}

export interface CopyPlan {
  source: JSZip;
  /** By sheet name. */
  copies: Map<string, SheetCopy>;
  /** Size of the source's default font, which stays the written file's default. */
  defaultFontSize: number;
  /** The source's shared strings the copies use (kept at their indexes, xlsx-merge.ts). */
  strings: Set<number>;
  /** The highest cell format index the copies use. */
  maxStyle: number;
  /**
   * Where the written tabs' own entries start in the merged tables: their first cell format other
   * than the default is `xfBase`, their first shared string `stringOffset`. The writer writes
   * these final indexes, so that a written tab is not rewritten after the merge.
   */
  xfBase: number;
  stringOffset: number;
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/** Which sheets a save of `model` can copy from its source file; null when none. */
export async function planCopies(model: WorkbookModel): Promise<CopyPlan | null> {
  const source = model.source;
  if (!source) return null;
  const loaded = new Map(source.sheets.map((s) => [s.name, s]));
  // A sheet the file did not have (a tab made by this session) is not compared at all.
  const same = model.sheets.filter((s) => {
    const snapshot = loaded.get(s.name)?.snapshot;
    return snapshot !== undefined && unchangedSince(s, snapshot);
  });
  if (same.length === 0) return null;
  const zip = await JSZip.loadAsync(source.bytes);
  const styles = await readText(zip, 'xl/styles.xml');
  if (!styles || !canMergeStyles(styles)) return null;
  const copies = new Map<string, SheetCopy>();
  for (const sheet of same) {
    const part = loaded.get(sheet.name)?.part as string;
    if (!zip.file(part)) continue;
    const rels = relsPathOf(part);
    const targets: string[] = [];
    let carried = true;
    for (const rel of (await readRels(zip, rels, part.slice(0, part.lastIndexOf('/')))).values()) {
      if (rel.external && rel.type.endsWith('/hyperlink')) continue;
      const carriable =
        CARRIED_RELS.some((t) => rel.type.endsWith(t)) ||
        (rel.type.endsWith('/drawing') &&
          !zip.file(relsPathOf(rel.path)) &&
          (await isEmptyDrawing(zip, rel.path)));
      if (rel.external || !carriable || !zip.file(rel.path)) carried = false;
      else targets.push(rel.path);
    }
    // Cell and value metadata (`cm`, `vm`: dynamic arrays, pictures in cells) point to parts not carried.
    const refs = loaded.get(sheet.name)?.refs ?? (await readPartRefs(zip, part));
    if (carried && !refs.metadata)
      copies.set(sheet.name, { part, refs, rels: zip.file(rels) ? rels : null, targets });
  }
  if (copies.size === 0) return null;
  return withTables({
    source: zip,
    copies,
    defaultFontSize: defaultFontSizeOf(styles) ?? 11,
    strings: new Set(),
    maxStyle: 0,
    xfBase: 1,
    stringOffset: 0,
  });
}

/** The plan with its shared-table figures worked out from its copies. */
function withTables(plan: CopyPlan): CopyPlan {
  const strings = new Set<number>();
  let maxStyle = 0;
  let maxString = -1;
  for (const { refs } of plan.copies.values()) {
    for (const s of refs.strings) {
      strings.add(s);
      if (s > maxString) maxString = s;
    }
    if (refs.maxStyle > maxStyle) maxStyle = refs.maxStyle;
  }
  return { ...plan, strings, maxStyle, xfBase: maxStyle + 1, stringOffset: maxString + 1 };
}

/** The plan without some of its copies; null when none is left. */
export function withoutCopies(plan: CopyPlan, names: Set<string>): CopyPlan | null {
  const copies = new Map([...plan.copies].filter(([name]) => !names.has(name)));
  return copies.size > 0 ? withTables({ ...plan, copies }) : null;
}

/**
 * Puts the planned copies into the written package `out` (where each copied sheet is an empty
 * placeholder and the written tabs already use the plan's final indexes) and merges the shared
 * tables: true when done. Otherwise `out` is unchanged and the answer is the sheets that cannot be
 * copied (a part of theirs has the name of one written), or false when no sheet can.
 */
export async function spliceCopies(out: JSZip, plan: CopyPlan): Promise<true | false | Set<string>> {
  const src = plan.source;
  const outParts = await sheetParts(out);
  const refused = new Set<string>();
  for (const [name, copy] of plan.copies) {
    const placeholder = outParts.get(name);
    if (!placeholder || out.file(relsPathOf(placeholder)) || copy.targets.some((t) => out.file(t)))
      refused.add(name);
  }
  if (refused.size > 0) return refused.size < plan.copies.size ? refused : false;
  const styles = mergeStyles(
    (await readText(src, 'xl/styles.xml')) ?? '',
    (await readText(out, 'xl/styles.xml')) ?? '',
    plan.maxStyle,
  );
  const outStrings = await readText(out, 'xl/sharedStrings.xml');
  const strings = outStrings
    ? mergeStrings(await readText(src, 'xl/sharedStrings.xml'), outStrings, plan.strings)
    : null;
  // The written tabs' indexes were made for these tables: anything else is a bug, and the save
  // then writes every tab itself rather than a file whose tabs point at the wrong entries.
  if (!styles || !strings || styles.mapXf(1) !== plan.xfBase || strings.offset !== plan.stringOffset)
    return false;

  let types = (await readText(out, '[Content_Types].xml')) ?? '';
  const srcTypes = (await readText(src, '[Content_Types].xml')) ?? '';
  for (const [name, copy] of plan.copies) {
    const path = outParts.get(name) as string;
    // As stored in the source file: neither inflated nor deflated again.
    await copyPart(src.file(copy.part) as JSZip.JSZipObject, out, path);
    if (copy.rels) await copyPart(src.file(copy.rels) as JSZip.JSZipObject, out, relsPathOf(path));
    for (const target of copy.targets) {
      await copyPart(src.file(target) as JSZip.JSZipObject, out, target);
      types = withContentType(types, srcTypes, target);
    }
  }
  // The copied tabs' theme colours are the source's theme's (the written formats use none).
  const theme = [...(await readRels(src, 'xl/_rels/workbook.xml.rels', 'xl')).values()].find((r) =>
    r.type.endsWith('/theme'),
  );
  const themeFile = theme ? src.file(theme.path) : null;
  if (themeFile && out.file('xl/theme/theme1.xml')) await copyPart(themeFile, out, 'xl/theme/theme1.xml');
  putPart(out, '[Content_Types].xml', types);
  putPart(out, 'xl/styles.xml', styles.xml);
  putPart(out, 'xl/sharedStrings.xml', strings.xml);
  return true;
}

/** A part's references read from its XML (a workbook the streaming reader did not load). */
async function readPartRefs(zip: JSZip, part: string): Promise<PartRefs> {
  const xml = (await readText(zip, part)) ?? '';
  return { ...sheetRefs(xml), metadata: /<(?:\w+:)?c\b[^>]*\s(?:cm|vm)="/.test(xml) };
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The content types with the source's entry for a copied part added (its override, or its extension's default). */
function withContentType(types: string, srcTypes: string, part: string): string {
  const override = new RegExp(`<Override\\b[^>]*\\bPartName="/${escapeRe(part)}"[^>]*/>`, 'i').exec(srcTypes);
  if (override) {
    if (types.includes(`PartName="/${part}"`)) return types;
    return types.replace('</Types>', `${override[0]}</Types>`);
  }
  const ext = part.slice(part.lastIndexOf('.') + 1);
  const byExt = new RegExp(`<Default\\b[^>]*\\bExtension="${escapeRe(ext)}"[^>]*/>`, 'i');
  const def = byExt.exec(srcTypes);
  if (!def || byExt.test(types)) return types;
  return types.replace('</Types>', `${def[0]}</Types>`);
}
