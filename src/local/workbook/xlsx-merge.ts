/**
 * The shared tables of a package whose sheet parts come from two writers (issue 14, item 9): the
 * parts of untouched sheets copied byte for byte from the source file, and the parts xlsx-write.ts wrote
 * for the others. A copied sheet refers by index to the source's shared strings (`<c t="s"><v>3`)
 * and cell formats (`s="3"`, ECMA-376 Part 1, §18.3.1.4 and §18.8.10), so the written tables keep
 * the source's entries at their indexes, as a prefix, and the writer's entries follow; the writer
 * writes its tabs with the shifted indexes (xlsx-copy.ts works them out before it writes).
 *
 * The prefix is cut after the last entry a copied sheet uses, and a shared string no copied sheet
 * uses is blanked: the text of a regenerated or erased tab does not linger in the file, and the
 * tables do not grow from save to save. Anything these functions do not recognise returns null and
 * the caller writes every sheet itself.
 */

/** Indexes a sheet part refers to: shared strings and cell formats (`s` of cells and rows, `style` of columns). */
export interface SheetRefs {
  strings: Set<number>;
  maxStyle: number;
}

export function sheetRefs(xml: string, into: SheetRefs = { strings: new Set(), maxStyle: 0 }): SheetRefs {
  for (const m of xml.matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
    const s = /\ss="(\d+)"/.exec(m[1]);
    if (s) into.maxStyle = Math.max(into.maxStyle, Number(s[1]));
    if (/\st="s"/.test(m[1])) {
      const v = /<(?:\w+:)?v>\s*(\d+)\s*</.exec(m[2] ?? '');
      if (v) into.strings.add(Number(v[1]));
    }
  }
  for (const m of xml.matchAll(/<(?:\w+:)?row\b[^>]*?\ss="(\d+)"/g))
    into.maxStyle = Math.max(into.maxStyle, Number(m[1]));
  for (const m of xml.matchAll(/<(?:\w+:)?col\b[^>]*?\sstyle="(\d+)"/g))
    into.maxStyle = Math.max(into.maxStyle, Number(m[1]));
  return into;
}

/** One child list of a part (`<fonts count="2">…</fonts>`): where it is and its items' XML. */
interface Block {
  start: number;
  end: number;
  open: string;
  items: string[];
}

function itemPattern(tag: string): RegExp {
  return new RegExp(`<${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${tag}>)`, 'g');
}

/** The unprefixed block `<outer>` and its `<item>` children; null when absent, undefined when unreadable. */
function findBlock(xml: string, outer: string, item: string): Block | null | undefined {
  const m = new RegExp(`<${outer}\\b([^>]*?)(/>|>([\\s\\S]*?)</${outer}>)`).exec(xml);
  if (!m) return new RegExp(`<(?:\\w+:)${outer}\\b`).test(xml) ? undefined : null;
  const inner = m[3] ?? '';
  const items = inner.match(itemPattern(item)) ?? [];
  if (items.join('').replace(/\s+/g, '') !== inner.replace(/\s+/g, '')) return undefined;
  return {
    start: m.index,
    end: m.index + m[0].length,
    open: `<${outer}${m[1].replace(/\s+count="\d*"/, '')}`,
    items,
  };
}

function render(block: Block, items: string[]): string {
  return `${block.open} count="${items.length}">${items.join('')}</${block.open.slice(1).split(/\s/)[0]}>`;
}

const attr = (xml: string, name: string): number | null => {
  const m = new RegExp(`\\s${name}="(\\d+)"`).exec(xml);
  return m ? Number(m[1]) : null;
};

function setAttr(xml: string, name: string, value: number): string {
  const re = new RegExp(`(\\s${name}=")\\d+(")`);
  return re.test(xml) ? xml.replace(re, `$1${value}$2`) : xml;
}

const STYLE_BLOCKS = [
  ['numFmts', 'numFmt'],
  ['fonts', 'font'],
  ['fills', 'fill'],
  ['borders', 'border'],
  ['cellStyleXfs', 'xf'],
  ['cellXfs', 'xf'],
  ['dxfs', 'dxf'],
] as const;
type StyleBlockName = (typeof STYLE_BLOCKS)[number][0];
type StyleBlocks = Record<StyleBlockName, Block | null>;

function styleBlocks(xml: string): StyleBlocks | null {
  const out: Partial<StyleBlocks> = {};
  for (const [outer, item] of STYLE_BLOCKS) {
    const block = findBlock(xml, outer, item);
    if (block === undefined) return null;
    if (block === null && outer !== 'numFmts' && outer !== 'dxfs') return null;
    out[outer] = block;
  }
  return out as StyleBlocks;
}

/** True when a style sheet can be merged (no namespace prefixes, the lists where expected). */
export function canMergeStyles(sourceXml: string): boolean {
  return (styleBlocks(sourceXml)?.cellXfs?.items.length ?? 0) > 0;
}

export interface MergedStyles {
  xml: string;
  /** The writer's cell format index → the merged one. */
  mapXf(index: number): number;
}

/**
 * The source's style sheet with its formats up to `maxSourceXf` kept at their indexes (and the
 * fonts, fills, borders and number formats they use), the writer's formats after them; the source's
 * cell styles and differential formats (conditional formats) whole. The writer's first font, fills
 * and border are the defaults and map to the source's.
 */
export function mergeStyles(sourceXml: string, excelXml: string, maxSourceXf: number): MergedStyles | null {
  const src = styleBlocks(sourceXml);
  const ej = styleBlocks(excelXml);
  if (!src || !ej || (ej.dxfs?.items.length ?? 0) > 0) return null;
  const srcXfs = src.cellXfs?.items ?? [];
  if (maxSourceXf >= srcXfs.length) return null;
  const keptXfs = srcXfs.slice(0, maxSourceXf + 1);
  const styleXfs = src.cellStyleXfs?.items ?? [];
  const users = [...keptXfs, ...styleXfs];
  const maxOf = (name: string, floor: number): number =>
    users.reduce((m, xf) => Math.max(m, attr(xf, name) ?? 0), floor);
  const fonts = src.fonts?.items.slice(0, maxOf('fontId', 0) + 1) ?? [];
  const fills = src.fills?.items.slice(0, maxOf('fillId', 1) + 1) ?? [];
  const borders = src.borders?.items.slice(0, maxOf('borderId', 0) + 1) ?? [];
  if (fonts.length === 0 || fills.length < 2 || borders.length === 0) return null;
  const usedFmts = new Set(users.map((xf) => attr(xf, 'numFmtId')));
  const srcFmts = (src.numFmts?.items ?? []).filter((f) => usedFmts.has(attr(f, 'numFmtId')));
  let nextFmt = srcFmts.reduce((m, f) => Math.max(m, attr(f, 'numFmtId') ?? 0), 163) + 1;
  const fmtMap = new Map<number, number>();
  const ejFmts = (ej.numFmts?.items ?? []).map((f) => {
    const id = nextFmt++;
    fmtMap.set(attr(f, 'numFmtId') ?? -1, id);
    return setAttr(f, 'numFmtId', id);
  });
  const shift = (index: number | null, defaults: number, base: number): number =>
    index === null || index < defaults ? (index ?? 0) : base + index - defaults;
  const ejXfs = (ej.cellXfs?.items ?? []).slice(1).map((xf) => {
    let out = xf;
    const fmt = attr(xf, 'numFmtId');
    if (fmt !== null && fmtMap.has(fmt)) out = setAttr(out, 'numFmtId', fmtMap.get(fmt) as number);
    out = setAttr(out, 'fontId', shift(attr(xf, 'fontId'), 1, fonts.length));
    out = setAttr(out, 'fillId', shift(attr(xf, 'fillId'), 2, fills.length));
    out = setAttr(out, 'borderId', shift(attr(xf, 'borderId'), 1, borders.length));
    return setAttr(out, 'xfId', 0);
  });
  const lists: Array<[Block | null, string[], string]> = [
    [src.numFmts, [...srcFmts, ...ejFmts], 'numFmts'],
    [src.fonts, [...fonts, ...(ej.fonts?.items.slice(1) ?? [])], 'fonts'],
    [src.fills, [...fills, ...(ej.fills?.items.slice(2) ?? [])], 'fills'],
    [src.borders, [...borders, ...(ej.borders?.items.slice(1) ?? [])], 'borders'],
    [src.cellXfs, [...keptXfs, ...ejXfs], 'cellXfs'],
  ];
  let xml = sourceXml;
  // From the last block to the first, so that earlier offsets stay right.
  for (const [block, items, name] of lists.sort((a, b) => (b[0]?.start ?? -1) - (a[0]?.start ?? -1))) {
    if (block) xml = xml.slice(0, block.start) + render(block, items) + xml.slice(block.end);
    else if (items.length > 0) {
      // No number formats in the source: the list goes first in the style sheet (§18.8.39).
      const at = (src.fonts as Block).start;
      xml = `${xml.slice(0, at)}<${name} count="${items.length}">${items.join('')}</${name}>${xml.slice(at)}`;
    }
  }
  const base = keptXfs.length;
  return { xml, mapXf: (index) => (index === 0 ? 0 : base + index - 1) };
}

export interface MergedStrings {
  xml: string;
  offset: number;
}

/**
 * The source's shared strings up to the last one a copied sheet uses (the unused ones blanked),
 * then the writer's. Null when the source's table cannot be read.
 */
export function mergeStrings(
  sourceXml: string | null,
  excelXml: string | null,
  used: Set<number>,
): MergedStrings | null {
  let max = -1;
  for (const i of used) if (i > max) max = i;
  let prefix: string[] = [];
  if (max >= 0) {
    const src = sourceXml ? findBlock(sourceXml, 'sst', 'si') : null;
    if (!src || max >= src.items.length) return null;
    prefix = src.items.slice(0, max + 1).map((si, i) => (used.has(i) ? si : '<si><t/></si>'));
  }
  const ej = excelXml ? findBlock(excelXml, 'sst', 'si') : null;
  if (ej === undefined) return null;
  const items = [...prefix, ...(ej?.items ?? [])];
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`;
  return { xml, offset: prefix.length };
}
